// The workspace scan in a real VS Code, over folders of its own (copies of examples/ made for each test): results
// reach the Problems panel in several batches as they are read, a second scan of an unchanged folder reads nothing
// (the result cache), a folder of more files side by side than one search returns is listed whole, Cancel ends the
// scan with what was shown kept, and a file that is not open keeps findings with exact ranges but no model.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { ScanSummary } from '../../src/extension/scan';
import { activate, ownFolder, removeOwnCopies, repoRoot } from './helpers';

const FILINGS = ['alto-ingredients-form4.xml', 'holdings-mismatch-form4.xml', 'initial-statement-form3.xml'];

/** A folder of `copies` copies of a few example filings, each in a sub-folder of its own (as an archive is kept). */
function archive(copies: number): { dir: vscode.Uri; files: number } {
  const dir = ownFolder();
  for (let i = 0; i < copies; i++) {
    const sub = path.join(dir.fsPath, String(i).padStart(4, '0'));
    fs.mkdirSync(sub);
    for (const f of FILINGS) fs.copyFileSync(path.join(repoRoot(), 'examples', f), path.join(sub, f));
  }
  return { dir, files: copies * FILINGS.length };
}

function scan(opts: { folders: vscode.Uri[]; cancel?: vscode.CancellationToken }): Thenable<ScanSummary> {
  return vscode.commands.executeCommand<ScanSummary>('form4Inspector.scanWorkspace', { silent: true, ...opts });
}

/** The text of `needle` as a range of the file (read from disk here, not by the extension). */
function rangeIn(file: string, needle: string): vscode.Range {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${file}`);
  const pos = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return new vscode.Position(before.length - 1, before[before.length - 1].length);
  };
  return new vscode.Range(pos(at), pos(at + needle.length));
}

describe('Workspace scan off the extension host', function () {
  this.timeout(180_000);
  after(removeOwnCopies);

  it('shows results in batches, keeps findings without models, and reads nothing again when unchanged', async () => {
    const api = await activate<Form4Api>();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { dir, files } = archive(300);
    const first = await scan({ folders: [dir] });
    assert.strictEqual(first.cancelled, false);
    assert.strictEqual(first.files, files, JSON.stringify(first));
    assert.strictEqual(first.filings, files, JSON.stringify(first));
    assert.strictEqual(first.parsed, files, JSON.stringify(first));
    assert.ok(first.batches > 1, `results arrived in ${first.batches} batch(es)`);

    const mismatch = path.join(dir.fsPath, '0123', 'holdings-mismatch-form4.xml');
    const uri = vscode.Uri.file(mismatch);
    const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Form 4');
    const reconcile = diags.find((d) => (d.code as { value: string }).value === 'holdings-reconcile');
    assert.ok(reconcile, `a holdings-reconcile diagnostic on ${mismatch}`);
    // Its range comes from the places the worker recorded: the extension holds neither the text nor the model.
    assert.deepStrictEqual(reconcile.range, rangeIn(mismatch, '47000'));
    assert.strictEqual(api.service.filingFor(uri), undefined);

    // Nothing changed: no diagnostics are set again. VS Code debounces onDidChangeDiagnostics, so a change of a
    // collection of this test's own, made after the scan, comes in the same event as any change before it.
    const prefix = dir.toString();
    const sentinel = vscode.languages.createDiagnosticCollection('form4-test-sentinel');
    const mark = vscode.Uri.parse(`untitled:form4-scan-sentinel-${process.pid}`);
    let resent = 0;
    let sub: vscode.Disposable | undefined;
    const flushed = new Promise<void>((resolve) => {
      sub = vscode.languages.onDidChangeDiagnostics((e) => {
        resent += e.uris.filter((u) => u.toString().startsWith(prefix)).length;
        if (e.uris.some((u) => u.toString() === mark.toString())) resolve();
      });
    });
    const second = await scan({ folders: [dir] });
    sentinel.set(mark, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'after the scan')]);
    await flushed;
    sub?.dispose();
    sentinel.dispose();
    assert.strictEqual(resent, 0, 'diagnostics set again for unchanged files');
    assert.strictEqual(second.cancelled, false);
    assert.strictEqual(second.parsed, 0, JSON.stringify(second));
    assert.strictEqual(second.cached, files, JSON.stringify(second));
    assert.strictEqual(second.findings, first.findings);
    assert.strictEqual(second.crossFindings, first.crossFindings);

    // One changed file is read again, and only it.
    const changed = path.join(dir.fsPath, '0007', 'alto-ingredients-form4.xml');
    fs.appendFileSync(changed, '\n');
    const third = await scan({ folders: [dir] });
    assert.strictEqual(third.parsed, 1, JSON.stringify(third));
    assert.strictEqual(third.cached, files - 1, JSON.stringify(third));
  });

  it('lists a folder of more files side by side than one search returns, each file once', async () => {
    await activate<Form4Api>();
    // 1,200 numbered copies (searched by the prefixes 00-02, then 03 with the letter E), and two names in either case.
    const dir = ownFolder();
    let files = 0;
    for (let i = 0; i < 400; i++)
      for (const f of FILINGS) {
        fs.copyFileSync(
          path.join(repoRoot(), 'examples', f),
          path.join(dir.fsPath, `${String(i).padStart(4, '0')}-${f}`),
        );
        files++;
      }
    for (const name of ['Extra-alto.xml', 'extra-alto.xml']) {
      fs.copyFileSync(path.join(repoRoot(), 'examples', FILINGS[0]), path.join(dir.fsPath, name));
      files++;
    }
    const summary = await scan({ folders: [dir] });
    assert.strictEqual(summary.cancelled, false);
    assert.strictEqual(summary.files, files, JSON.stringify(summary));
    assert.strictEqual(summary.filings, files, JSON.stringify(summary));
  });

  it('ends the scan when cancelled, keeping what was shown and reading no more', async () => {
    await activate<Form4Api>();
    const { dir, files } = archive(1000);
    const source = new vscode.CancellationTokenSource();
    const prefix = dir.toString();
    const firstBatch = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString().startsWith(prefix))) return;
        sub.dispose();
        resolve();
      });
    });
    const running = scan({ folders: [dir], cancel: source.token });
    await firstBatch;
    source.cancel();
    const summary = await running;
    assert.strictEqual(summary.cancelled, true);
    assert.ok(summary.files > 0 && summary.files < files, `${summary.files} of ${files} files read`);
    const shown = () =>
      vscode.languages.getDiagnostics().filter(([u, d]) => u.toString().startsWith(prefix) && d.length).length;
    const atEnd = shown();
    assert.ok(atEnd > 0 && atEnd <= summary.files, `${atEnd} files with diagnostics after ${summary.files} read`);
  });
});
