// "Form 4: Open from EDGAR..." and "Form 4: Download Filings from EDGAR..." in a real VS Code, against EDGAR replayed
// on this machine (test/edgar/replay-server.cjs, from ../shared/edgar-recorded). The suite runs in the extension
// host's process, so the contract every client reads, FORM4_EDGAR_ORIGIN, is set in that process's environment
// (and the User-Agent through FORM4_USER_AGENT); nothing here reaches the internet.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { DownloadSummary } from '../../src/extension/edgarCommands';
import { activate, waitFor } from './helpers';
import { SHARED_DIR, sharedOrSkip } from '../helpers/shared';
import { ReplayServer } from '../edgar/replay-server.cjs';

const RECORDED = path.join(SHARED_DIR, 'edgar-recorded');
const OPEN = 'form4Inspector.openFromEdgar';
const DOWNLOAD = 'form4Inspector.downloadFromEdgar';
const APPLE_2024 = 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml';

describe('EDGAR in VS Code (against the replay server)', function () {
  this.timeout(120000);
  let server: ReplayServer;
  let api: Form4Api;
  let tmp: string;
  const saved = { origin: process.env.FORM4_EDGAR_ORIGIN, ua: process.env.FORM4_USER_AGENT };

  before(async function () {
    sharedOrSkip(this, path.join(RECORDED, 'INDEX.tsv'));
    server = new ReplayServer({ dir: RECORDED });
    process.env.FORM4_EDGAR_ORIGIN = await server.start();
    process.env.FORM4_USER_AGENT = 'Form4 Integration form4-it@example.com';
    api = await activate<Form4Api>();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server?.stop();
    for (const [k, v] of [
      ['FORM4_EDGAR_ORIGIN', saved.origin],
      ['FORM4_USER_AGENT', saved.ua],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  beforeEach(() => {
    server.clearLog();
    server.clearFaults();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-it-edgar-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('contributes both commands under "Form 4" and an application-scoped User-Agent setting', async () => {
    const pkg = vscode.extensions.getExtension('form4-inspector.form4-inspector')!.packageJSON as {
      contributes: {
        commands: { command: string; title: string; category?: string }[];
        configuration: { properties: Record<string, { scope?: string }> };
      };
    };
    const title = (id: string) => {
      const c = pkg.contributes.commands.find((x) => x.command === id);
      return c && `${c.category}: ${c.title}`;
    };
    assert.equal(title(OPEN), 'Form 4: Open from EDGAR...');
    assert.equal(title(DOWNLOAD), 'Form 4: Download Filings from EDGAR...');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(OPEN) && commands.includes(DOWNLOAD));
    // No workspace can set who is asking, or where requests go.
    assert.equal(pkg.contributes.configuration.properties['form4Inspector.edgar.userAgent']?.scope, 'application');
  });

  it('Open from EDGAR: the filing opens read-only in the preview, read with its EDGAR address and filing date', async () => {
    const opened = (await vscode.commands.executeCommand(OPEN, { query: APPLE_2024 })) as vscode.Uri | undefined;
    assert.ok(opened, 'the command returns the document it opened');
    assert.equal(opened.scheme, 'form4-edgar');
    const tab = await waitFor('the preview tab', () => {
      const t = vscode.window.tabGroups.activeTabGroup.activeTab;
      return t?.input instanceof vscode.TabInputCustom && t.input.uri.toString() === opened.toString() && t;
    });
    assert.equal((tab.input as vscode.TabInputCustom).viewType, 'form4Inspector.preview');
    const reading = await api.service.read(opened);
    assert.ok(reading.outcome.ok, reading.outcome.ok ? '' : reading.outcome.reason);
    const edgar = reading.outcome.filing.edgar;
    assert.equal(edgar?.url, APPLE_2024);
    assert.equal(edgar?.accessionNumber, '0000320193-24-000084');
    assert.equal(edgar?.filingDate, '2024-08-07', 'from the issuer’s submissions listing');
    // Read-only: a document of a content provider, with no file system that could save it.
    const doc = await vscode.workspace.openTextDocument(opened);
    assert.ok(doc.getText().includes('<ownershipDocument>'));
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem('form4-edgar'), true);
    assert.ok(server.requests.length >= 2, 'the document and its listing were requested from the replay server');
    assert.ok(server.requests.every((r) => r.url?.startsWith('https://') && r.headers['user-agent']));
  });

  it('Open from EDGAR a second time costs no request for the filing: the cache in global storage answers', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    server.clearLog();
    const painted = new Promise<void>((resolve) => {
      const l = api.previews.onDidRender((e) => {
        if (e.uri.scheme !== 'form4-edgar') return;
        l.dispose();
        resolve();
      });
    });
    const opened = (await vscode.commands.executeCommand(OPEN, { query: APPLE_2024 })) as vscode.Uri | undefined;
    assert.ok(opened);
    await painted;
    assert.deepEqual(
      server.requests.filter((r) => r.url === APPLE_2024),
      [],
      'the filing came from the cache',
    );
  });

  it('Download Filings from EDGAR: an issuer’s Forms 4 in a date range into a folder, then again with nothing new', async () => {
    const folder = vscode.Uri.file(path.join(tmp, 'apple'));
    const args = { query: 'AAPL', forms: ['4'], since: '2024-08-01', until: '2024-10-31', as: 'issuer', folder };
    const first = (await vscode.commands.executeCommand(DOWNLOAD, args)) as DownloadSummary | undefined;
    assert.ok(first, 'a summary');
    // Apple's submissions list 16 Forms 4 in the range; 8 of their documents were recorded, and the replay server
    // answers the others with S3's 404, as EDGAR does for a document it does not have.
    assert.equal(first.counts.written, 8, first.message);
    assert.equal(first.counts.failed, 8, first.message);
    const files = fs.readdirSync(folder.fsPath);
    assert.ok(files.includes('0000320193-24-000084.xml'), files.join(', '));
    assert.ok(!files.some((f) => f.includes('.tmp')));
    server.clearLog();
    const second = (await vscode.commands.executeCommand(DOWNLOAD, args)) as DownloadSummary | undefined;
    assert.ok(second);
    assert.equal(second.counts.written, 0, second.message);
    assert.equal(second.counts.present, 8, second.message);
    const kept = first.files.map((f) => path.basename(f, '.xml').replace(/-/g, ''));
    assert.deepEqual(
      server.requests.filter((r) => kept.some((k) => r.url?.includes(k))).map((r) => r.url),
      [],
      'no downloaded filing requested again',
    );
  });

  // Last: SEC's block stops every EDGAR request of the process (here the extension host) for ten minutes.
  it('SEC’s block page stops the command before anything is written', async () => {
    server.fault('/Archives/', { type: 'block-rate' });
    const folder = vscode.Uri.file(path.join(tmp, 'blocked'));
    const r = (await vscode.commands.executeCommand(DOWNLOAD, {
      query: '0000320193-19-000069',
      folder,
    })) as DownloadSummary | undefined;
    assert.equal(r, undefined, 'no summary: the run stopped');
    const left = fs.existsSync(folder.fsPath) ? fs.readdirSync(folder.fsPath) : [];
    assert.deepEqual(
      left.filter((f) => f !== 'form4-edgar.json'),
      [],
    );
    assert.ok(server.requests.some((q) => q.fault === 'block-rate'));
  });
});
