// Small helpers for integration suites (they run inside VS Code's extension host; see index.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/** `publisher.name` from package.json */
export const EXTENSION_ID = 'form4-inspector.form4-inspector';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return ext;
}

/** Activates the extension under test (idempotent) and returns what activate() returned. */
export async function activate<T = unknown>(): Promise<T> {
  return (await extension().activate()) as T;
}

/** The repository root (the extension under development). */
export function repoRoot(): string {
  return extension().extensionPath;
}

/** A hand-made fixture: test/fixtures/<rel>. */
export function fixtureUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(repoRoot(), 'test', 'fixtures', rel));
}

/**
 * A file of the test workspace: a fresh copy of examples/ made for the run. Tests only read these (a test that
 * edits or writes a file uses `ownCopy` or a folder of its own), so every test finds them as examples/ has them.
 */
export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests run without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

const own: string[] = [];

/**
 * A copy of examples/<rel> in a new temporary folder outside the workspace, for one test to edit: no other test sees
 * it, whatever this one leaves in it. Removed by `removeOwnCopies` (the suites' `after`).
 */
export function ownCopy(rel: string): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-it-own-'));
  own.push(dir);
  const file = path.join(dir, path.basename(rel));
  fs.copyFileSync(path.join(repoRoot(), 'examples', ...rel.split('/')), file);
  return vscode.Uri.file(file);
}

/** A new temporary folder outside the workspace for one test's output (removed with the own copies). */
export function ownFolder(): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-it-out-'));
  own.push(dir);
  return vscode.Uri.file(dir);
}

export function removeOwnCopies(): void {
  for (const dir of own.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Polls `fn` until it returns a truthy value; rejects with `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 10000,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Resolves when a preview of `uri` has drawn its model (the page's 'rendered' message); rejects after `ms`. Call it
 * before opening the preview: the page can draw before the command that opens it returns.
 */
export function previewRendered(
  api: { previews: { onDidRender: vscode.Event<{ uri: vscode.Uri }> } },
  uri: vscode.Uri,
  ms = 30000,
): Promise<void> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for the preview of ${uri.path} to draw`));
    }, ms);
    const listener = api.previews.onDidRender((e) => {
      if (e.uri.toString() !== key) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}
