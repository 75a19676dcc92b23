// The Section 16 desk in a real VS Code: the view and its commands are contributed and registered; the desk reads a
// folder of hand-made filings (test/fixtures/section16) and shows the short-swing pairs (each opening its row), the
// late-filing table (copied as Markdown for a proxy draft) and the report; "Compare with Original" opens VS Code's
// diff editor over the readable renderings of an amendment and its original.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareResult, DeskSummary } from '../../src/extension/section16';
import type { DeskNode } from '../../src/extension/section16Tree';
import { activate, extension, fixtureUri, waitFor } from './helpers';

interface DeskState {
  loaded: boolean;
  nodes: DeskNode[];
  summary: DeskSummary | null;
}

function find(nodes: readonly DeskNode[], test: (n: DeskNode) => boolean): DeskNode | undefined {
  for (const n of nodes) {
    if (test(n)) return n;
    const below = find(n.children ?? [], test);
    if (below) return below;
  }
  return undefined;
}

describe('Form 4 Section 16 desk', function () {
  this.timeout(120000);

  before(async () => {
    await activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes the Section 16 view and registers its commands', async () => {
    const pkg = extension().packageJSON as {
      contributes: { views: Record<string, { id: string }[]>; commands: { command: string }[] };
    };
    assert.ok(Object.values(pkg.contributes.views).some((vs) => vs.some((v) => v.id === 'form4Inspector.section16')));
    const registered = await vscode.commands.getCommands(true);
    for (const c of pkg.contributes.commands.filter(
      (x) => x.command.startsWith('form4Inspector.section16') || x.command === 'form4Inspector.compareWithOriginal',
    ))
      assert.ok(registered.includes(c.command), `${c.command} is registered`);
  });

  it('matches short-swing profits over a folder; a pair opens its sale row in the filing', async () => {
    const s = (await vscode.commands.executeCommand(
      'form4Inspector.section16.show',
      fixtureUri('section16/short-swing'),
    )) as DeskSummary;
    // 2,000 + 1,200 + 625 + 2,500 + 2,500 (the worked examples of test/unit/section16-short-swing.test.ts; the
    // joint filers' pair is in two owners' groups and counted once).
    assert.equal(s.shortSwing.profit, '8825');
    // Seven pairs listed: the joint filers' pair once under each owner.
    assert.equal(s.shortSwing.pairs, 7);
    assert.equal(s.shortSwing.unmatched, 2);
    const state = (await vscode.commands.executeCommand('form4Inspector.section16.state')) as DeskState;
    const sale = find(
      state.nodes,
      (n) => n.contextValue === 'section16.row' && /2024-03-01-sale\.xml/.test(n.file ?? ''),
    );
    assert.ok(sale, 'the sale-before-purchase pair lists its sale row');
    await vscode.commands.executeCommand('form4Inspector.section16.open', sale);
    // From the tree the focus stays in the tree: the filing is shown beside it with the row's value selected.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('2024-03-01-sale.xml'));
    assert.ok(editor, 'the filing is shown');
    assert.ok(sale.span, 'the row has a place in the file');
    assert.equal(editor.document.offsetAt(editor.selection.start), sale.span.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), sale.span.end);
  });

  it('reads a filing of the set edited in its editor again and recomputes the pairs', async () => {
    await vscode.commands.executeCommand('form4Inspector.section16.show', fixtureUri('section16/short-swing'));
    const state = async () =>
      ((await vscode.commands.executeCommand('form4Inspector.section16.state')) as DeskState).summary;
    assert.equal((await state())?.shortSwing.profit, '8825');
    const uri = fixtureUri('section16/short-swing/sale-before-purchase/2024-03-01-sale.xml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // In memory only: the file on disk is never written, and the edit is reverted below.
    const price = '<value>30.00</value>';
    const at = doc.getText().indexOf(price);
    assert.ok(at > 0, 'the sale price is in the file');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + price.length)), '<value>31.00</value>');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = await waitFor('the desk recomputed after the edit', async () => {
      const s = await state();
      return s && s.shortSwing.profit !== '8825' ? s : null;
    });
    assert.ok(Number(edited.shortSwing.profit) > 8825, edited.shortSwing.profit);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the desk back after the revert', async () => (await state())?.shortSwing.profit === '8825');
  });

  it('copies the late-filing table as Markdown, ready for a proxy draft', async () => {
    const s = (await vscode.commands.executeCommand(
      'form4Inspector.section16.show',
      fixtureUri('section16/late-filings'),
    )) as DeskSummary;
    assert.equal(s.late.lateReports, 4);
    assert.equal(s.late.lateTransactions, 5);
    assert.deepEqual(s.late.persons, ['Oduya Felix', 'Quince Harold B', 'Renner Tobias']);
    const text = (await vscode.commands.executeCommand('form4Inspector.section16.copyLateMarkdown')) as string;
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.match(text, /\| Quince Harold B \| 2 \| 2 \|/);
    const report = (await vscode.commands.executeCommand('form4Inspector.section16.openReport')) as string;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === report);
    assert.ok(doc, 'the report is open');
    assert.match(doc.getText(), /Delinquent Section 16\(a\)/);
  });

  it('Compare with Original opens the diff editor over the amendment and its original', async () => {
    const r = (await vscode.commands.executeCommand(
      'form4Inspector.compareWithOriginal',
      fixtureUri('section16/amendments/2024-03-22-mbeki-form4a.txt'),
    )) as CompareResult;
    assert.ok(r.original?.endsWith('2024-03-19-mbeki-form4.txt'), `original: ${r.original}`);
    assert.deepEqual(r.counts, { added: 1, removed: 0, changed: 2, unchanged: 0 });
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the diff editor is the active tab');
    assert.equal(tab.input.original.toString(), r.left);
    assert.equal(tab.input.modified.toString(), r.right);
    const right = await vscode.workspace.openTextDocument(tab.input.modified);
    assert.match(right.getText(), /2,500/);
  });
});
