// "Form 4: Show Holdings Timeline" in a real VS Code: the command is contributed and registered, it charts the
// example workspace (the within-filing break of the Northwind filing is drawn), and the whole corpus (about 500
// filings) is built and first rendered (how fast is the bench's figure: npm run bench).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TimelineResult } from '../../src/extension/timeline';
import { activate, extension } from './helpers';
import { CORPUS_DIR, corpusOrSkip } from '../helpers/shared';

const COMMAND = 'form4Inspector.showTimeline';

describe('Form 4 holdings timeline', function () {
  this.timeout(120000);

  before(async () => {
    await activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed as "Form 4: Show Holdings Timeline" and registered', async () => {
    const pkg = extension().packageJSON as {
      contributes: { commands: { command: string; title: string; category?: string }[] };
    };
    const c = pkg.contributes.commands.find((x) => x.command === COMMAND);
    assert.ok(c, 'contributed');
    assert.equal(`${c.category}: ${c.title}`, 'Form 4: Show Holdings Timeline');
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  it('charts the example workspace: owners, points and the within-filing break, drawn by the webview', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const r = (await vscode.commands.executeCommand(COMMAND, folder)) as TimelineResult | undefined;
    assert.ok(r, 'the command returns its result');
    assert.equal(r.groups, 4, 'Okafor/Northwind, Harborview/Quillfeather, Castellanos/Northwind, Benton/Alto');
    assert.ok(r.filings >= 5, `filings read: ${r.filings}`);
    assert.equal(r.counts.breaks, 1, 'the holdings-mismatch example breaks its running tally once');
    assert.ok(r.shown, 'the webview reported its first render');
    // The first group with a break is shown: Northwind / Okafor, four points (M, S, S and the option's M).
    assert.equal(r.shown.points, 4);
    assert.equal(r.shown.breaks, 1);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(
      tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('form4Inspector.timeline'),
      'the timeline panel is the active tab',
    );
  });

  it('the whole corpus (xml): series built and first rendered', async function () {
    corpusOrSkip(this);
    const r = (await vscode.commands.executeCommand(COMMAND, vscode.Uri.file(path.join(CORPUS_DIR, 'xml')))) as
      TimelineResult | undefined;
    assert.ok(r && r.shown, 'the webview reported its first render');
    assert.ok(r.filings > 400, `filings: ${r.filings}`);
    assert.ok(r.counts.points > 0 && r.shown.points > 0, `points: ${r.counts.points}, shown ${r.shown.points}`);
  });
});
