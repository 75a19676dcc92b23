/** Expanding the CLI's file and folder arguments into the files to read. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Extensions a folder scan picks up; files named explicitly are always read, whatever their name. */
export const SCAN_EXTENSIONS = new Set(['.xml', '.txt', '.nc', '.sgml', '.htm', '.html', '.pdf']);

export interface InputFile {
  path: string;
  /** True when the user named the file itself (an unreadable one is then an error, exit 2). */
  explicit: boolean;
}

export type WalkItem = InputFile | { missing: string };

function* walkDir(dir: string): Generator<WalkItem> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    yield { missing: dir };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkDir(p);
    else if (e.isFile() && SCAN_EXTENSIONS.has(path.extname(e.name).toLowerCase())) yield { path: p, explicit: false };
  }
}

/**
 * Files under the given paths, folders walked recursively in sorted order (hidden folders and node_modules
 * skipped), yielded as the walk finds them: a folder check starts on the first files while the rest is listed.
 */
export function* walkInputs(args: string[]): Generator<WalkItem> {
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      yield { missing: a };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(a);
    else yield { path: a, explicit: true };
  }
}

/** The same, all at once. */
export function expandInputs(args: string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  for (const it of walkInputs(args)) {
    if ('missing' in it) missing.push(it.missing);
    else files.push(it);
  }
  return { files, missing };
}
