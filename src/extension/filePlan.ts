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

/**
 * How the files directly in a folder are searched when there are more than a search should return (a download of
 * filings kept side by side): as searches for the names that start with given prefixes, each a brace list of at most
 * MAX_FOLDERS_PER_SEARCH prefixes covering about TARGET_PER_SEARCH names. A prefix covers the names starting with
 * it; one that covers more than the target is refined by a character. Letters stand as a class of both cases
 * (`[aA]`), so a prefix covers the same names whether the search matches case or not, and names are grouped case
 * blind. Null when the tail does not start with "*" (the prefix could not stand before it), when a name has glob
 * syntax or a character beyond printable ASCII, or when there are few enough names for one search. A name that is
 * itself a prefix of more than the target's names makes two searches overlap: the caller drops what it has.
 */
export function prefixSearches(names: readonly string[], tail: string): string[] | null {
  if (!tail.startsWith('*') || names.length <= TARGET_PER_SEARCH) return null;
  // Printable ASCII only: a prefix cut inside a character of another script could match nothing.
  if (!names.every((n) => plainName(n) && /^[\x20-\x7e]+$/.test(n))) return null;
  const groups: { prefix: string; count: number }[] = [];
  const split = (list: readonly string[], depth: number) => {
    const by = new Map<string, string[]>();
    for (const n of list) {
      // A name no longer than the prefix is covered by its own whole name (it matches "name*" too).
      const key = n.slice(0, depth).toLowerCase();
      let g = by.get(key);
      if (!g) by.set(key, (g = []));
      g.push(n);
    }
    for (const [key, g] of [...by].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const longer = g.filter((n) => n.length > depth);
      if (g.length <= TARGET_PER_SEARCH || longer.length === 0) groups.push({ prefix: key, count: g.length });
      else {
        // The names that are exactly the prefix get a search of their own; the rest are refined.
        if (longer.length < g.length) groups.push({ prefix: key, count: g.length - longer.length });
        split(longer, depth + 1);
      }
    }
  };
  split(names, 1);
  const searches: string[] = [];
  let part: string[] = [];
  let count = 0;
  const flush = () => {
    if (part.length) searches.push(part.length === 1 ? `${part[0]}${tail}` : `{${part.join(',')}}${tail}`);
    part = [];
    count = 0;
  };
  for (const g of groups) {
    if (part.length && (count + g.count > TARGET_PER_SEARCH || part.length >= MAX_FOLDERS_PER_SEARCH)) flush();
    part.push(caseBlind(g.prefix));
    count += g.count;
  }
  flush();
  return searches;
}

/** A plain prefix as a glob that matches it in either case: each letter as a class of its two cases. */
function caseBlind(prefix: string): string {
  let out = '';
  for (const c of prefix) {
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    out += lo !== up && lo.length === 1 && up.length === 1 ? `[${lo}${up}]` : c;
  }
  return out;
}
