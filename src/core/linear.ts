/**
 * Small linear scanners for what a regular expression would do super-linearly on hostile text: trimming a run of
 * characters at an end (/[ \t]+$/ retries the whole run from each of its characters when something follows it),
 * stripping tags (/<[^>]*>/g rescans to the end of the text from every "<" that has no ">"), splitting lines.
 */

/** Whether `c` (one UTF-16 unit) is a space or a tab. */
function isSpaceTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Whether `c` is white space as /\s/ means it (ASCII and Unicode spaces, line ends, BOM). */
export function isWhite(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The offsets [start, end) of `s` without leading and trailing characters for which `drop` holds. */
export function trimRange(s: string, drop: (c: number) => boolean, from = 0, to = s.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && drop(s.charCodeAt(a))) a++;
  while (b > a && drop(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** `s` without leading and trailing spaces and tabs (String.prototype.trim also drops other white space). */
export function trimSpaceTab(s: string): string {
  const [a, b] = trimRange(s, isSpaceTab);
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** `s` without trailing characters for which `drop` holds. */
export function trimEndWhere(s: string, drop: (c: number) => boolean): string {
  let b = s.length;
  while (b > 0 && drop(s.charCodeAt(b - 1))) b--;
  return b === s.length ? s : s.slice(0, b);
}

/** Offset where the trailing run of characters for which `keep` holds starts (s.length when there is none). */
export function trailingRunStart(s: string, keep: (c: number) => boolean, to = s.length): number {
  let b = to;
  while (b > 0 && keep(s.charCodeAt(b - 1))) b--;
  return b;
}

/** Each line of `s` within [from, to): its start, its end (before the line break) and where the next line starts. */
export function* lines(s: string, from = 0, to = s.length): Generator<{ start: number; end: number; next: number }> {
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to) {
      const c = s.charCodeAt(j);
      if (c === 0x0a || c === 0x0d) break;
      j++;
    }
    let next = j;
    if (j < to) next = s.charCodeAt(j) === 0x0d && s.charCodeAt(j + 1) === 0x0a && j + 1 < to ? j + 2 : j + 1;
    yield { start: i, end: j, next };
    i = next;
  }
}

/**
 * Tags replaced by a space, as /<[^>]*>/g would, in one pass: a "<" with no ">" after it (nor after any later "<")
 * ends the stripping, and the rest stays as written.
 */
export function replaceTags(s: string, by = ' '): string {
  let out = '';
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const gt = s.indexOf('>', lt + 1);
    if (gt < 0) break;
    out += s.slice(i, lt) + by;
    i = gt + 1;
  }
  return i === 0 ? s : out + s.slice(i);
}
