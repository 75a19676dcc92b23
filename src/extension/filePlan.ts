/**
 * How a folder's files are listed in parts (./listFiles.ts). `workspace.findFiles` sends its whole answer in one
 * message through the workbench, and while the workbench takes 10,000 file names in (0.7-0.85 s, measured), a hover
 * waits behind it. The same search asked one top-level folder (or a few) at a time gives answers of about a thousand
 * names each, with the editor answering in between. Pure logic, tested in plain Node.
 */

/** Files one search should return, about: its answer then takes the workbench well under 0.1 s. */
export const TARGET_PER_SEARCH = 1000;
/** Folders one search covers at most (a brace list of names in its glob). */
const MAX_FOLDERS_PER_SEARCH = 256;

/**
 * For an include glob "**\/T" whose tail T names files only (no "/"), T: the files it matches are T at the top and
 * "d/**\/T" in each top-level folder d, which do not overlap. Null for any other glob (then it is searched whole).
 */
export function fileTail(include: string): string | null {
  if (!include.startsWith('**/')) return null;
  const tail = include.slice(3);
  return tail && !tail.includes('/') && !tail.includes('\\') ? tail : null;
}

/** A folder name that can stand in a glob as itself (no glob syntax, no separator). */
export function plainName(name: string): boolean {
  return name.length > 0 && !/[*?[\]{}!,\\/]/.test(name);
}

/** The glob of one search over `folders` (top-level folder names) for the files `tail` names. */
export function folderGlob(folders: readonly string[], tail: string): string {
  const head = folders.length === 1 ? folders[0] : `{${folders.join(',')}}`;
  return `${head}/**/${tail}`;
}

/** How many folders the next search takes, from what the searches so far found per folder. */
export function nextChunk(filesSoFar: number, foldersSoFar: number): number {
  if (foldersSoFar === 0 || filesSoFar === 0)
    return foldersSoFar === 0 ? 1 : Math.min(MAX_FOLDERS_PER_SEARCH, foldersSoFar * 2);
  const perFolder = filesSoFar / foldersSoFar;
  return Math.max(1, Math.min(MAX_FOLDERS_PER_SEARCH, Math.floor(TARGET_PER_SEARCH / perFolder)));
}
