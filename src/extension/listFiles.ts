/**
 * The files of a folder that match the scan's include and exclude globs, listed in parts (./filePlan.ts) so that the
 * workbench never takes in one answer of tens of thousands of names while the user waits for a hover. The globs
 * keep VS Code's own meaning: every part is a `workspace.findFiles` from the same base folder with the same exclude.
 */
import * as vscode from 'vscode';
import { fileTail, folderGlob, nextChunk, plainName, prefixSearches } from './filePlan';

export async function listFiles(
  base: vscode.Uri,
  include: string,
  exclude: string,
  maxFiles: number,
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  // Searches by prefix can overlap (filePlan.ts): a file is listed once.
  const seen = new Set<string>();
  const search = async (glob: string) => {
    if (out.length >= maxFiles || token?.isCancellationRequested) return 0;
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(base, glob),
      exclude || null,
      maxFiles - out.length,
      token,
    );
    let added = 0;
    for (const uri of found) {
      const key = uri.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(uri);
      added++;
    }
    return added;
  };
  const tail = fileTail(include);
  const top = tail ? await topLevel(base) : null;
  if (!tail || !top) {
    await search(include);
    return out;
  }
  for (const glob of prefixSearches(top.files, tail) ?? [tail]) await search(glob);
  const folders = top.folders;
  let files = 0;
  let done = 0;
  while (done < folders.length && out.length < maxFiles && !token?.isCancellationRequested) {
    const part = folders.slice(done, done + nextChunk(files, done));
    files += await search(folderGlob(part, tail));
    done += part.length;
  }
  return out;
}

/**
 * The top-level folders of `base`, sorted, and the names of its files; null when a folder has a name a glob cannot
 * hold or `base` cannot be read.
 */
async function topLevel(base: vscode.Uri): Promise<{ folders: string[]; files: string[] } | null> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(base);
  } catch {
    return null;
  }
  const folders = entries.filter(([, type]) => type & vscode.FileType.Directory).map(([name]) => name);
  const files = entries.filter(([, type]) => !(type & vscode.FileType.Directory)).map(([name]) => name);
  return folders.every(plainName) ? { folders: folders.sort(), files } : null;
}

/**
 * The files of every folder of `bases` (the workspace's folders when null) that the include and exclude globs
 * select, at most `maxFiles` in all, sorted by URI. The folders are listed one after the other.
 */
export async function listFolders(
  bases: readonly vscode.Uri[] | null,
  globs: { include: string; exclude: string; maxFiles: number },
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const base of bases ?? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)) {
    if (found.length >= globs.maxFiles || token?.isCancellationRequested) break;
    found.push(...(await listFiles(base, globs.include, globs.exclude, globs.maxFiles - found.length, token)));
  }
  return found.sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** The files under `uri` that the globs select when it is a folder; `uri` itself when it is a file. */
export async function filesUnder(
  uri: vscode.Uri,
  globs: { include: string; exclude: string; maxFiles: number },
): Promise<vscode.Uri[]> {
  const stat = await vscode.workspace.fs.stat(uri);
  return stat.type & vscode.FileType.Directory ? listFolders([uri], globs) : [uri];
}
