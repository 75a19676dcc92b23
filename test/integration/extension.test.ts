// The extension users open, checked in a real VS Code: the preview custom editor, the Form 4 tree, diagnostics
// that follow edits (exact ranges) and undo, hovers, go to definition, references, symbols, exports, workspace scan.
// The workspace is a fresh copy of examples/ (see index.ts and examples/README.md) that tests only read; a test that
// edits a filing edits its own copy (helpers.ts: ownCopy), and autosave is off in the test profile, so an edit
// reaches no file and no other test.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/treeModel';
import {
  activate,
  extension,
  fixtureUri,
  ownCopy,
  ownFolder,
  previewRendered,
  removeOwnCopies,
  waitFor,
  workspaceUri,
} from './helpers';

const ALTO = 'alto-ingredients-form4.xml';
const MISMATCH = 'holdings-mismatch-form4.xml';

async function api(): Promise<Form4Api> {
  return activate<Form4Api>();
}

async function openText(rel: string | vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(typeof rel === 'string' ? workspaceUri(rel) : rel);
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/** The range of the `n`-th (0-based) occurrence of `needle` in the document. */
function rangeOf(doc: vscode.TextDocument, needle: string, n = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} (#${n}) not in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

function form4Diagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Form 4' && (!rule || (typeof d.code === 'object' && d.code.value === rule)));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function find(nodes: readonly TreeNode[], pred: (n: TreeNode) => boolean): TreeNode | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const c = find(n.children ?? [], pred);
    if (c) return c;
  }
  return undefined;
}

describe('Form 4 extension', function () {
  this.timeout(60000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    removeOwnCopies();
  });

  it('activates and returns its API; the bundle loads on its own and stays under 1 MB', async () => {
    const a = await api();
    assert.ok(a.tree && a.previews && a.diagnostics && a.service);
    // How long activation takes is the bench's figure (npm run bench); what keeps it short is the bundle's size.
    const file = require.resolve(`${extension().extensionPath}/dist/extension.js`);
    const cached = require.cache[file];
    delete require.cache[file];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh CommonJS load of the bundle
    const fresh = require(file) as { activate: unknown };
    if (cached) require.cache[file] = cached;
    assert.strictEqual(typeof fresh.activate, 'function');
    const size = (await vscode.workspace.fs.stat(vscode.Uri.file(file))).size;
    assert.ok(size < 1024 * 1024, `dist/extension.js is ${size} bytes`);
  });

  it('opens the preview custom editor and paints the filing', async () => {
    const a = await api();
    const uri = workspaceUri(ALTO);
    const painted = previewRendered(a, uri, 20000);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'form4Inspector.preview');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom, 'the active tab is a custom editor');
    assert.strictEqual((tab!.input as vscode.TabInputCustom).viewType, 'form4Inspector.preview');
    assert.strictEqual((tab!.input as vscode.TabInputCustom).uri.toString(), uri.toString());
    await painted;
    // The tree follows the active preview.
    await waitFor('the tree to show the previewed filing', () => a.tree.file?.toString() === uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a PDF in its preview by default, text filings in theirs as an option, and offers Open Preview', async () => {
    const pkg = vscode.extensions.getExtension('form4-inspector.form4-inspector')!.packageJSON;
    const editors = pkg.contributes.customEditors as { viewType: string; priority: string }[];
    assert.deepStrictEqual(
      editors.map((e) => [e.viewType, e.priority]),
      [
        ['form4Inspector.preview', 'option'],
        ['form4Inspector.pdfPreview', 'default'],
      ],
    );
    // An ordinary XML file keeps its text editor and gets no "Open Preview" context.
    const a = await api();
    const plain = await vscode.workspace.openTextDocument({
      language: 'xml',
      content: '<?xml version="1.0"?>\n<config><a>1</a></config>\n',
    });
    await vscode.window.showTextDocument(plain);
    // Documents are read in the reading worker: wait for this one's reading, then ask.
    await a.service.whenRead(plain);
    assert.strictEqual(a.service.isFiling(plain), false);
    assert.strictEqual(a.active.uri, undefined);
    const ed = await openText(ALTO);
    await a.service.whenRead(ed.document);
    assert.strictEqual(a.service.isFiling(ed.document), true);
    await waitFor('the active filing', () => a.active.uri?.toString() === ed.document.uri.toString());
  });

  it('previews a PDF read in a worker thread (the PDF reader is not part of the extension bundle)', async () => {
    const a = await api();
    const bundle = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, 'dist', 'extension.js')),
    );
    assert.ok(!bundle.includes('GlobalWorkerOptions'), 'pdf.js is bundled into dist/extension.js');
    const uri = fixtureUri('pdf/form4-synthetic.pdf');
    const painted = previewRendered(a, uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'form4Inspector.pdfPreview');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom && tab.input.viewType === 'form4Inspector.pdfPreview');
    await painted;
    const filing = a.service.filingFor(uri);
    assert.ok(filing, 'the PDF is read as a filing');
    assert.strictEqual(filing.source, 'pdf');
    assert.strictEqual(filing.issuer.tradingSymbol.value, 'EXWD');
    assert.strictEqual(filing.nonDerivative[0].transactionShares.value, '7402');
    // the tree follows the active PDF preview
    await waitFor(
      'the tree to show the PDF',
      () => a.tree.file?.toString() === uri.toString() && a.tree.nodes[0]?.label.includes('Example Widgets'),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const other = fixtureUri('pdf/not-a-form.pdf');
    const otherPainted = previewRendered(a, other);
    await vscode.commands.executeCommand('vscode.openWith', other, 'form4Inspector.pdfPreview');
    await otherPainted;
    const out = a.service.outcomeFor(other);
    assert.ok(
      out && !out.ok && /not a Form 3, 4 or 5/.test(out.reason),
      JSON.stringify(out && !out.ok ? out.reason : out),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows the filing in the tree: owners, Table I row with code, shares and price, footnote citations, findings', async () => {
    const a = await api();
    const ed = await openText(ALTO);
    await waitFor('the tree', () => a.tree.file?.toString() === ed.document.uri.toString() && a.tree.nodes.length > 0);
    const root = a.tree.nodes[0];
    assert.match(root.label, /^Form 4 \u2014 Alto Ingredients, Inc\. \(ALTO\)$/);
    assert.strictEqual(root.description, 'period 2024-04-01');
    const owner = find(a.tree.nodes, (n) => n.contextValue === 'owner');
    assert.strictEqual(owner?.label, 'Benton Todd E');
    assert.strictEqual(owner?.description, 'Chief Operating Officer');
    const table1 = find(a.tree.nodes, (n) => n.id === 'table1')!;
    assert.strictEqual(table1.children?.length, 1);
    const row = table1.children![0];
    assert.strictEqual(row.label, '1. Common Stock');
    assert.strictEqual(row.description, 'F  -7,402  @ $2.29  \u2192 133,612');
    assert.strictEqual(row.icon, 'arrow-down');
    // the row's span is the whole <nonDerivativeTransaction> element
    const text = ed.document.getText();
    assert.ok(row.span && text.slice(row.span.start, row.span.end).startsWith('<nonDerivativeTransaction>'));
    const fn = find(a.tree.nodes, (n) => n.contextValue === 'footnote')!;
    assert.strictEqual(fn.label, 'F1');
    assert.deepStrictEqual(
      fn.children?.map((c) => c.label),
      ['Table I row 1 · Amount'],
    );
    const findings = find(a.tree.nodes, (n) => n.id === 'findings')!;
    assert.strictEqual(findings.description, 'none');
    // The TreeItem the view shows: a command that reveals the row in the source.
    const item = a.tree.getTreeItem(row);
    assert.strictEqual(item.command?.command, 'form4Inspector.revealInSource');
    assert.deepStrictEqual(item.command?.arguments?.[1], row.span);
  });

  it('updates the tree after an edit (debounced) and follows the active editor', async () => {
    const a = await api();
    const ed = await openText(ownCopy(ALTO));
    const row = () => find(a.tree.nodes, (n) => n.id === 'nonDerivative[0]');
    await waitFor('the tree of the filing', () => a.tree.file?.toString() === ed.document.uri.toString() && row());
    try {
      await ed.edit((e) => e.replace(rangeOf(ed.document, '<value>7402</value>'), '<value>7403</value>'));
      await waitFor('the edited amount in the tree', () => row()?.description?.startsWith('F  -7,403  @ $2.29'));
      // another filing becomes active: the tree follows
      const other = await openText(MISMATCH);
      await waitFor(
        'the tree of the other filing',
        () => a.tree.file?.toString() === other.document.uri.toString() && a.tree.nodes[0]?.label.includes('Northwind'),
      );
    } finally {
      await vscode.window.showTextDocument(ed.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('reveals a tree item in the source with its exact selection', async () => {
    const a = await api();
    const ed = await openText(ALTO);
    await waitFor('the tree', () => a.tree.nodes.length > 0 && a.tree.file?.toString() === ed.document.uri.toString());
    const cite = find(a.tree.nodes, (n) => n.contextValue === 'citation')!;
    const item = a.tree.getTreeItem(cite);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const active = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === ed.document.uri.toString(),
    )!;
    // the citation's span is the id value inside <footnoteId id="F1"/>
    assert.strictEqual(active.document.getText(active.selection), 'F1');
    const line = active.document.lineAt(active.selection.start.line).text;
    assert.strictEqual(
      line.slice(active.selection.start.character - '<footnoteId id="'.length, active.selection.end.character + 3),
      '<footnoteId id="F1"/>',
    );
  });

  it('reports the broken running tally at the exact range, follows edits, and clears on undo', async () => {
    const ed = await openText(ownCopy(MISMATCH));
    const doc = ed.document;
    const uri = doc.uri;
    // as shipped: 50,000 - 2,000 reported as 47,000
    const first = await waitFor('the holdings-reconcile diagnostic', () => {
      const d = form4Diagnostics(uri, 'holdings-reconcile');
      return d.length ? d : undefined;
    });
    assert.strictEqual(first.length, 1);
    assert.deepStrictEqual(first[0].range, rangeOf(doc, '47000'));
    assert.strictEqual(first[0].severity, vscode.DiagnosticSeverity.Error);
    const code = first[0].code;
    assert.ok(typeof code === 'object', 'the rule id is a code with a link');
    assert.strictEqual(code.value, 'holdings-reconcile');
    // the link runs Show Rule, which opens the rule's section read-only (not the installed docs as a file)
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'form4Inspector.showRule');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(code.target.query)), ['holdings-reconcile']);
    const ruleDoc = await vscode.workspace.openTextDocument(vscode.Uri.parse('form4-rules:/holdings-reconcile.md'));
    assert.match(ruleDoc.getText(), /^# `holdings-reconcile`: Running tally of amounts owned/);

    // Fix it: the tally reconciles, the diagnostic goes.
    await ed.edit((e) => e.replace(rangeOf(doc, '47000'), '48000'));
    await waitFor(
      'no holdings-reconcile diagnostic after the fix',
      () => form4Diagnostics(uri, 'holdings-reconcile').length === 0,
    );

    // Break it elsewhere: the second row now claims 50,500 after 60,000 - 10,000.
    const target = rangeOf(doc, '50000');
    await ed.edit((e) => e.replace(target, '50500'));
    const broken = await waitFor('the diagnostic of the new break', () => {
      const d = form4Diagnostics(uri, 'holdings-reconcile');
      return d.length ? d : undefined;
    });
    const expected = new vscode.Range(target.start, doc.positionAt(doc.offsetAt(target.start) + '50500'.length));
    assert.ok(
      broken.some((d) => d.range.isEqual(expected)),
      `expected a diagnostic at ${JSON.stringify(expected)}, got ${JSON.stringify(broken.map((d) => [d.range, d.message]))}`,
    );

    // Undo the break: clean again.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => doc.getText().includes('<value>50000</value>'));
    await waitFor(
      'no holdings-reconcile diagnostic after undo',
      () => form4Diagnostics(uri, 'holdings-reconcile').length === 0,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies the form4Inspector.rules setting to open documents', async () => {
    const ed = await openText(MISMATCH);
    const uri = ed.document.uri;
    const config = vscode.workspace.getConfiguration('form4Inspector');
    const severity = () => form4Diagnostics(uri, 'holdings-reconcile')[0]?.severity;
    await waitFor('the error', () => severity() === vscode.DiagnosticSeverity.Error);
    try {
      await config.update('rules', { 'holdings-reconcile': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('the finding as a warning', () => severity() === vscode.DiagnosticSeverity.Warning);
      await config.update('rules', { 'holdings-reconcile': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('the finding turned off', () => form4Diagnostics(uri, 'holdings-reconcile').length === 0);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the default severity back', () => severity() === vscode.DiagnosticSeverity.Error);
  });

  it('applies the form4Inspector.rules setting to a PDF shown in its preview', async () => {
    const a = await api();
    const uri = fixtureUri('pdf/form4-unreadable.pdf');
    const config = vscode.workspace.getConfiguration('form4Inspector');
    const severity = () => form4Diagnostics(uri, 'extraction-uncertain')[0]?.severity;
    const painted = previewRendered(a, uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'form4Inspector.pdfPreview');
    await painted;
    await waitFor('the PDF\u2019s finding as information', () => severity() === vscode.DiagnosticSeverity.Information);
    try {
      await config.update('rules', { 'extraction-uncertain': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        'the PDF read again, its finding a warning',
        () => severity() === vscode.DiagnosticSeverity.Warning,
      );
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('clears a document\u2019s diagnostics when it closes', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'xml',
      content:
        '<?xml version="1.0"?>\n<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>9</documentType></ownershipDocument>\n',
    });
    await vscode.window.showTextDocument(doc);
    await waitFor('diagnostics of the untitled filing', () => form4Diagnostics(doc.uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('diagnostics cleared on close', () => form4Diagnostics(doc.uri).length === 0);
  });

  it('explains transaction codes and footnote references on hover', async () => {
    const ed = await openText(ALTO);
    const doc = ed.document;
    const code = rangeOf(doc, '<transactionCode>F</transactionCode>');
    const onCode = code.start.translate(0, '<transactionCode>'.length);
    const h1 = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, onCode),
    );
    assert.match(h1, /Transaction code F/);
    assert.match(h1, /withholding securities/);
    const ref = rangeOf(doc, '<footnoteId id="F1"/>');
    const h2 = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        ref.start.translate(0, 5),
      ),
    );
    assert.match(h2, /Footnote F1/);
    assert.match(h2, /Amount represents shares withheld upon vesting/);
  });

  it('goes from a footnote reference to its definition, and finds the references back', async () => {
    const ed = await openText(ALTO);
    const doc = ed.document;
    const ref = rangeOf(doc, '<footnoteId id="F1"/>');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      ref.start.translate(0, 3),
    );
    assert.strictEqual(defs.length, 1);
    const d = defs[0];
    const targetRange = 'targetRange' in d ? d.targetRange : (d as vscode.Location).range;
    const targetSel = 'targetSelectionRange' in d ? d.targetSelectionRange! : (d as vscode.Location).range;
    assert.ok(doc.getText(targetRange).startsWith('<footnote id="F1">'), doc.getText(targetRange));
    assert.strictEqual(doc.getText(targetSel), 'F1');

    const def = rangeOf(doc, '<footnote id="F1">');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      doc.uri,
      def.start.translate(0, '<footnote id="'.length + 1),
    );
    const texts = refs.map((l) => doc.getText(l.range));
    assert.ok(texts.includes('<footnoteId id="F1"/>'), JSON.stringify(texts));
    assert.ok(refs.every((l) => l.uri.toString() === doc.uri.toString()));
  });

  it('lists the document, issuer, owners, table rows and footnotes as symbols', async () => {
    const ed = await openText(MISMATCH);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      ed.document.uri,
    );
    assert.strictEqual(symbols.length, 1);
    const root = symbols[0];
    assert.strictEqual(root.name, 'Form 4');
    const names = root.children.map((c) => c.name);
    assert.ok(
      names.some((n) => n.startsWith('Issuer: ')),
      names.join(', '),
    );
    assert.ok(
      names.some((n) => n.startsWith('Owner: ')),
      names.join(', '),
    );
    const t1 = root.children.find((c) => c.name === 'Table I (non-derivative)')!;
    assert.strictEqual(t1.children.length, 3);
    assert.ok(root.children.some((c) => c.name === 'Table II (derivative)'));
    const fns = root.children.find((c) => c.name === 'Footnotes')!;
    assert.deepStrictEqual(
      fns.children.map((c) => c.name),
      ['F1', 'F2'],
    );
    for (const c of root.children) assert.ok(root.range.contains(c.range));
  });

  it('exports the filing as JSON and its transactions as CSV', async () => {
    const uri = workspaceUri(MISMATCH);
    const dir = ownFolder();
    const jsonTarget = vscode.Uri.joinPath(dir, 'mismatch.json');
    const csvTarget = vscode.Uri.joinPath(dir, 'mismatch.csv');
    await vscode.commands.executeCommand('form4Inspector.exportJson', uri, jsonTarget);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonTarget)));
    assert.strictEqual(json.documentType, '4');
    assert.strictEqual(json.nonDerivative.length, 3);
    assert.strictEqual(json.nonDerivative[2].sharesOwnedFollowingTransaction, '47000');
    assert.ok(json.findings.some((f: { rule: string }) => f.rule === 'holdings-reconcile'));

    await vscode.commands.executeCommand('form4Inspector.exportCsv', uri, csvTarget);
    const csv = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(csvTarget))
      .trimEnd()
      .split('\n');
    const header = csv[0].split(',');
    assert.deepStrictEqual(header.slice(0, 4), ['table', 'row', 'kind', 'securityTitle']);
    assert.ok(header.includes('underlyingSecurityShares') && header.includes('footnoteIds'));
    assert.strictEqual(csv.length, 1 + json.nonDerivative.length + json.derivative.length);
    const third = csv[3].split(',');
    assert.strictEqual(third[header.indexOf('sharesOwnedFollowingTransaction')], '47000');
    assert.strictEqual(third[header.indexOf('table')], 'I');
  });

  it('scans the workspace, reporting findings of files that are not open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const summary = await vscode.commands.executeCommand<{
      files: number;
      filings: number;
      findings: number;
      cancelled: boolean;
    }>('form4Inspector.scanWorkspace', { silent: true });
    assert.strictEqual(summary.cancelled, false);
    assert.ok(summary.filings >= 5, JSON.stringify(summary));
    const uri = workspaceUri(MISMATCH);
    const diags = await waitFor('scan diagnostics of the mismatch example', () => {
      const d = form4Diagnostics(uri, 'holdings-reconcile');
      return d.length ? d : undefined;
    });
    // the range comes from the text read from disk (no document open): line and column of "47000"
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.deepStrictEqual(diags[0].range, rangeOf(doc, '47000'));
  });

  it('reconciles filings across files in a scan, pointing at the earlier filing', async () => {
    const dir = workspaceUri('cross');
    await vscode.workspace.fs.createDirectory(dir);
    const base = vscode.Uri.joinPath(dir, 'base.xml');
    const next = vscode.Uri.joinPath(dir, 'next-bad.xml');
    await vscode.workspace.fs.copy(fixtureUri('rules/base.xml'), base, { overwrite: true });
    await vscode.workspace.fs.copy(fixtureUri('rules/holdings-reconcile-cross/next-bad.xml'), next, {
      overwrite: true,
    });
    try {
      const summary = await vscode.commands.executeCommand<{ crossFindings: number }>('form4Inspector.scanWorkspace', {
        silent: true,
      });
      assert.ok(summary.crossFindings >= 1, JSON.stringify(summary));
      const d = await waitFor(
        'the cross-filing diagnostic',
        () => form4Diagnostics(next, 'holdings-reconcile-cross')[0],
      );
      const nextDoc = await vscode.workspace.openTextDocument(next);
      assert.strictEqual(nextDoc.getText(d.range), '11900');
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      const rel = d.relatedInformation?.[0];
      assert.ok(rel, 'related information names the earlier filing');
      assert.strictEqual(rel.location.uri.toString(), base.toString());
      const baseDoc = await vscode.workspace.openTextDocument(base);
      assert.strictEqual(baseDoc.getText(rel.location.range), '12500');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });
});
