// Small helpers for integration suites (they run inside VS Code's extension host; see index.ts).
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

/** A file of the test workspace (a fresh copy of examples/ made for every run, so suites may edit it). */
export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests run without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
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
