// Never lose data, in a real VS Code: corpus filings of every kind opened in the preview (and as text, with the
// diagnostics running) and closed again keep every byte, their size and mtime, and nothing new appears beside them.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import { activate, previewRendered } from './helpers';
import { CORPUS_DIR as corpus, corpusOrSkip } from '../helpers/shared';

interface Stamp {
  sha256: string;
  size: number;
  mtimeMs: number;
}

function stamp(p: string): Stamp {
  const st = fs.statSync(p);
  return {
    sha256: crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'),
    size: st.size,
    mtimeMs: st.mtimeMs,
  };
}

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

describe('never write (VS Code session)', function () {
  this.timeout(600_000);

  it('opening corpus filings in the preview and as text, then closing them, changes no file', async function () {
    corpusOrSkip(this);
    const api = await activate<Form4Api>();
    // Every kind, sampled to keep the suite near a minute (each file is a preview, a text editor and a close).
    const pick = (sub: string, every = 1, max = Infinity): string[] =>
      fs
        .readdirSync(path.join(corpus, sub))
        .sort()
        .filter((_, i) => i % every === 0)
        .slice(0, max)
        .map((f) => path.join(corpus, sub, f));
    const files = [
      ...pick('html', 3),
      ...pick('pdf-printed', 4),
      ...pick('pdf', 1, 2),
      ...pick('txt', 5),
      ...pick('doc', 3),
      ...pick('xml', 40),
    ];
    assert.ok(files.length >= 30, `${files.length} files`);
    const before = new Map(files.map((f) => [f, stamp(f)]));
    const dirs = [...new Set(files.map((f) => path.dirname(f)))];
    const listed = new Map(dirs.map((d) => [d, listing(d)]));

    let painted = 0;
    for (const f of files) {
      const uri = vscode.Uri.file(f);
      const isPdf = f.toLowerCase().endsWith('.pdf');
      const drawn = previewRendered(api, uri, 30_000);
      await vscode.commands.executeCommand(
        'vscode.openWith',
        uri,
        isPdf ? 'form4Inspector.pdfPreview' : 'form4Inspector.preview',
      );
      try {
        await drawn;
        painted++;
      } catch {
        // Painting is checked elsewhere; this suite is about the bytes on disk.
      }
      if (!isPdf) {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { preview: true });
        assert.strictEqual(doc.isDirty, false, `${path.basename(f)} became dirty in the text editor`);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    console.log(`    ${files.length} corpus files opened and closed (${painted} previews painted)`);
    assert.ok(painted >= files.length * 0.9, `only ${painted} of ${files.length} previews painted`);

    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.fsPath.startsWith(corpus));
    assert.deepStrictEqual(
      dirty.map((d) => d.uri.fsPath),
      [],
    );
    const changed = files.filter((f) => JSON.stringify(stamp(f)) !== JSON.stringify(before.get(f)));
    assert.deepStrictEqual(changed, [], 'files changed on disk');
    for (const d of dirs) assert.deepStrictEqual(listing(d), listed.get(d), `entries appeared or vanished in ${d}`);
  });
});
