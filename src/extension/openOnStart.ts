/**
 * The first thing `npm start` (scripts/vscode/start.cjs) shows: the bundled example filing in the Form 4 preview,
 * beside its source, with the Form 4 view open. The start script opens the file in the workbench (VS Code's
 * `openFile` start-up payload, which also activates this extension by the file's language) and names it in the
 * FORM4_OPEN_PREVIEW environment variable of the extension host; nothing else sets it. Only a file inside an open
 * workspace folder is shown, and only while no Form 4 preview is open (a reloaded window keeps the one it has).
 */
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, PDF_VIEW_TYPE } from './preview/editorProviders';
import { TREE_VIEW_ID } from './treeView';

export const OPEN_PREVIEW_ENV = 'FORM4_OPEN_PREVIEW';

function previewIsOpen(): boolean {
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some(
      (t) =>
        t.input instanceof vscode.TabInputCustom &&
        (t.input.viewType === PREVIEW_VIEW_TYPE || t.input.viewType === PDF_VIEW_TYPE),
    ),
  );
}

/** Shows the file FORM4_OPEN_PREVIEW names as described above; resolves when done (or at once when unset). */
export async function openPreviewOnStart(log: vscode.LogOutputChannel, env = process.env): Promise<void> {
  const path = env[OPEN_PREVIEW_ENV];
  if (!path) return;
  const uri = vscode.Uri.file(path);
  if (!vscode.workspace.getWorkspaceFolder(uri) || previewIsOpen()) return;
  try {
    await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true });
    await vscode.commands.executeCommand('form4Inspector.openPreview', uri);
    await vscode.commands.executeCommand(`${TREE_VIEW_ID}.focus`);
  } catch (e) {
    log.warn(`${OPEN_PREVIEW_ENV}: could not show ${path}: ${String(e)}`);
  }
}
