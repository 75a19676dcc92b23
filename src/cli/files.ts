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

/** Files under the given paths, folders walked recursively in sorted order (hidden folders and node_modules skipped). */
export function expandInputs(args: string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && SCAN_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        files.push({ path: p, explicit: false });
    }
  };
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a);
    else files.push({ path: a, explicit: true });
  }
  return { files, missing };
}
