// Checks of the harness itself: this suite runs in a real VS Code, with the extension under development
// loaded from this repository and a workspace made of the example filings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, extension, repoRoot, waitFor, workspaceUri } from './helpers';

describe('integration harness', () => {
  it('runs inside a real VS Code 1.100 Node extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(
      Number(vscode.version.split('.')[1]) >= 100,
      `VS Code ${vscode.version} is older than the engine (^1.100.0)`,
    );
    assert.strictEqual(typeof process.versions.node, 'string');
    console.log(
      `    VS Code ${vscode.version}, Node ${process.versions.node}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, appHost ${vscode.env.appHost}`,
    );
  });

  it('receives the environment that @vscode/test-electron passes (extensionTestsEnv)', () => {
    assert.strictEqual(process.env.FORM4_INTEGRATION, '1');
  });

  it('loads the extension under development from this repository', () => {
    const ext = extension();
    assert.strictEqual(ext.id, EXTENSION_ID);
    assert.strictEqual(ext.packageJSON.name, 'form4-inspector');
    assert.ok(fs.existsSync(path.join(repoRoot(), 'package.json')));
    assert.ok(
      fs.existsSync(path.join(repoRoot(), 'dist', 'extension.js')),
      'dist/extension.js is missing: run npm run build',
    );
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.Workspace);
  });

  it('activates the extension', async () => {
    await activate();
    assert.strictEqual(extension().isActive, true);
  });

  it('registers every command the manifest contributes', async function () {
    const contributed: string[] = (extension().packageJSON.contributes?.commands ?? []).map(
      (c: { command: string }) => c.command,
    );
    if (contributed.length === 0) this.skip();
    await activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('opens a workspace made of the example filings', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1);
    const found = await waitFor('the example filings', async () => {
      const uris = await vscode.workspace.findFiles('**/*.{xml,txt}');
      return uris.length > 0 ? uris : undefined;
    });
    assert.ok(
      found.some((u) => u.path.endsWith('/alto-ingredients-form4.xml')),
      found.map((u) => u.path).join(', '),
    );
    const doc = await vscode.workspace.openTextDocument(workspaceUri('alto-ingredients-form4.xml'));
    assert.match(doc.getText(), /<issuerTradingSymbol>ALTO<\/issuerTradingSymbol>/);
  });
});
