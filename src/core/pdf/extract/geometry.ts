/**
 * Geometry helpers for reading a form from positioned text items: footnote markers, lines, blocks, cells,
 * and the assignment of multi-line cells to table rows. Coordinates are top-down page points.
 */
import type { PdfItem } from '../load';
import { isWhite, trailingRunStart } from '../../linear';

/** A text item, or a footnote marker split off one ("757,756(1)" -> "757,756" and "(1)"). */
export interface Tok extends PdfItem {
  /** Footnote ids when this token is a footnote marker ("(1)" -> ["F1"]; "(1)(2)" -> ["F1","F2"]). */
  marks: string[] | null;
}

/** "(1)", "(1)(2)", "(1), (2)": only footnote markers. One comma at most between two markers, so no exchange of spaces. */
const MARKER_RE = /^\(\s*\d{1,3}\s*\)(?:\s*(?:,\s*)?\(\s*\d{1,3}\s*\))*$/;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Skip white space backwards from `i` (exclusive); the offset where the run starts. */
function backOverWhite(s: string, i: number): number {
  while (i > 0 && isWhite(s.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * A value with footnote markers glued after it ("757,756(1)", "12.50 (2), (3)"): the value and the markers, or
 * null. Read backwards marker by marker, as /^(.*?\S)\s*((?:\(\s*\d{1,3}\s*\)\s*,?\s*)+)$/ would split it, in linear
 * time (that pattern's separators exchange spaces with each other).
 */
export function trailingMarkers(s: string): [string, string] | null {
  let end = s.length;
  // Where each marker of the trailing run starts, the last one first.
  const starts: number[] = [];
  for (;;) {
    // The separator after a marker: spaces, at most one comma, spaces.
    let i = backOverWhite(s, end);
    if (i > 0 && s[i - 1] === ',') i = backOverWhite(s, i - 1);
    if (i === 0 || s[i - 1] !== ')') break;
    i = backOverWhite(s, i - 1);
    let d = i;
    while (d > 0 && isDigit(s.charCodeAt(d - 1))) d--;
    if (d === i || i - d > 3) break;
    d = backOverWhite(s, d);
    if (d === 0 || s[d - 1] !== '(') break;
    starts.push((end = d - 1));
  }
  // The longest run that leaves a value before it (a run from the very start leaves none: then all but its first).
  let first = starts.length ? starts[starts.length - 1] : -1;
  if (first >= 0 && backOverWhite(s, first) === 0) first = starts.length > 1 ? starts[starts.length - 2] : -1;
  if (first < 0) return null;
  const valueEnd = backOverWhite(s, first);
  if (LINE_BREAK.test(s.slice(0, valueEnd))) return null;
  return [s.slice(0, valueEnd), s.slice(first)];
}

function markIds(s: string): string[] {
  return [...s.matchAll(/\((\s*\d{1,3}\s*)\)/g)].map((m) => `F${Number(m[1])}`);
}

/**
 * Tokens of items inside a form box or table cell: an item that is only "(n)" markers is a marker (inside the
 * form's boxes a parenthesised number is never a value); trailing markers glued to a value are split off it.
 */
export function cellTokens(items: readonly PdfItem[]): Tok[] {
  const out: Tok[] = [];
  for (const it of items) {
    const s = it.str.trim();
    if (MARKER_RE.test(s)) {
      out.push({ ...it, str: s, marks: markIds(s) });
      continue;
    }
    const m = trailingMarkers(s);
    if (m && !/\(\s*\d{1,3}\s*\)$/.test(m[0]) && /[\d$A-Za-z.)]$/.test(m[0])) {
      const frac = m[0].length / s.length;
      const split = it.x0 + (it.x1 - it.x0) * frac;
      out.push({ ...it, str: m[0], x1: split, marks: null });
      out.push({ ...it, str: m[1].trim(), x0: split, size: it.size * 0.75, marks: markIds(m[1]) });
      continue;
    }
    out.push({ ...it, str: s, marks: null });
  }
  return markSuperscripts(out);
}

/** The superscript digits, each at the place of its value. */
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const isSuperscriptDigit = (c: number): boolean => SUPERSCRIPT_DIGITS.includes(String.fromCharCode(c));

/**
 * Footnote markers written as bare raised digits ("7,402" followed by a smaller "1" set above the baseline) or as
 * Unicode superscripts ("7,402¹") become markers like "(1)". A bare number counts only when it is smaller than the
 * value just left of it, raised above that value's baseline and right beside it.
 */
export function markSuperscripts(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    const supAt = trailingRunStart(t.str, isSuperscriptDigit);
    // A value with superscript digits after it (as /^(.*?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/, without its exchange of digits).
    const sup =
      supAt < t.str.length && !LINE_BREAK.test(t.str.slice(0, supAt))
        ? [t.str, t.str.slice(0, supAt), t.str.slice(supAt)]
        : null;
    if (!t.marks && sup) {
      const n = [...sup[2]].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('');
      const frac = sup[1].length / t.str.length;
      const cut = t.x0 + (t.x1 - t.x0) * frac;
      if (sup[1].trim()) out.push({ ...t, str: sup[1].trim(), x1: cut });
      out.push({
        ...t,
        str: `(${Number(n)})`,
        x0: cut,
        size: t.size * 0.7,
        y: t.y - 0.3 * t.size,
        marks: [`F${Number(n)}`],
      });
      continue;
    }
    out.push(t);
  }
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.marks || !/^\d{1,2}$/.test(t.str.trim())) continue;
    const left = out.find(
      (o) =>
        o !== t &&
        !o.marks &&
        o.page === t.page &&
        o.x1 <= t.x0 + 1 &&
        o.x1 >= t.x0 - 3 &&
        t.size <= 0.85 * o.size &&
        o.y - t.y >= 0.15 * o.size &&
        o.y - t.y <= 0.8 * o.size,
    );
    if (left) out[i] = { ...t, str: `(${Number(t.str)})`, marks: [`F${Number(t.str)}`] };
  }
  return out;
}

/** Plain tokens (no marker splitting), for prose: footnote texts, remarks, signatures. */
export function plainTokens(items: readonly PdfItem[]): Tok[] {
  return items.map((it) => ({ ...it, str: it.str, marks: null }));
}

export interface Line {
  page: number;
  /** Baseline of the line's main (non-marker) text. */
  y: number;
  size: number;
  x0: number;
  x1: number;
  toks: Tok[];
}

/** Vertical centre of a line's text (baseline minus about a third of the size). */
export const lineMid = (l: { y: number; size: number }) => l.y - 0.35 * l.size;

/**
 * Group tokens of one page into lines: same baseline within half the font size. Raised footnote markers join
 * the line they are raised above. Tokens within a line are ordered left to right.
 */
export function groupLines(toks: readonly Tok[]): Line[] {
  const main = toks.filter((t) => !t.marks).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const t of main) {
    const last = lines[lines.length - 1];
    if (last && last.page === t.page && Math.abs(t.y - last.y) <= 0.45 * Math.max(t.size, last.size)) {
      last.toks.push(t);
      last.size = Math.max(last.size, t.size);
    } else {
      lines.push({ page: t.page, y: t.y, size: t.size, x0: t.x0, x1: t.x1, toks: [t] });
    }
  }
  for (const m of toks.filter((t) => t.marks)) {
    // A marker belongs to the line whose baseline is at or a little below its own (raised) baseline.
    let best: Line | null = null;
    let bestD = Infinity;
    for (const l of lines) {
      if (l.page !== m.page) continue;
      const d = l.y - m.y;
      if (d >= -0.35 * l.size && d <= 0.8 * l.size && Math.abs(d) < bestD) {
        best = l;
        bestD = Math.abs(d);
      }
    }
    if (best) best.toks.push(m);
    else lines.push({ page: m.page, y: m.y, size: m.size, x0: m.x0, x1: m.x1, toks: [m] });
  }
  for (const l of lines) {
    l.toks.sort((a, b) => a.x0 - b.x0);
    l.x0 = Math.min(...l.toks.map((t) => t.x0));
    l.x1 = Math.max(...l.toks.map((t) => t.x1));
  }
  return lines.sort((a, b) => a.page - b.page || a.y - b.y);
}

/** Join tokens of one line: a space where there is a visible gap. */
export function joinToks(toks: readonly Tok[]): string {
  let s = '';
  let prev: Tok | null = null;
  for (const t of toks) {
    if (prev) {
      const gap = t.x0 - prev.x1;
      if (gap > 0.15 * Math.min(t.size, prev.size) && !s.endsWith(' ') && !t.str.startsWith(' ')) s += ' ';
    }
    s += t.str;
    prev = t;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** Join lines of wrapped text: a space between lines, none after a line ending in a hyphen that a browser broke after. */
export function joinLines(texts: readonly string[]): string {
  let s = '';
  for (const t0 of texts) {
    const t = t0.trim();
    if (!t) continue;
    if (!s) s = t;
    else if (/[A-Za-z]-$/.test(s) && /^[A-Za-z]/.test(t)) s += t;
    else s += ' ' + t;
  }
  return s;
}

export interface CellText {
  /** The value text (markers removed), or null when the cell holds no value text. */
  raw: string | null;
  /** Footnote ids of the markers in the cell, in reading order. */
  marks: string[];
  lines: Line[];
}

/** The text and footnote markers of the tokens of one cell. */
export function cellText(toks: readonly Tok[]): CellText {
  const lines = groupLines(toks);
  const texts: string[] = [];
  const marks: string[] = [];
  for (const l of lines) {
    texts.push(joinToks(l.toks.filter((t) => !t.marks)));
    for (const t of l.toks) if (t.marks) for (const id of t.marks) if (!marks.includes(id)) marks.push(id);
  }
  const raw = joinLines(texts);
  return { raw: raw.length ? raw : null, marks, lines };
}

/** Blocks of lines: consecutive lines whose baselines are at most `gapFactor` font sizes apart. */
export function blocks(lines: readonly Line[], gapFactor = 1.5): Line[][] {
  const out: Line[][] = [];
  for (const l of lines) {
    const cur = out[out.length - 1];
    const last = cur?.[cur.length - 1];
    if (last && last.page === l.page && l.y - last.y <= gapFactor * Math.max(l.size, last.size)) cur.push(l);
    else out.push([l]);
  }
  return out;
}

/** Vertical middle of a block of lines (top of the first line's text to the baseline of the last). */
export function blockMid(b: readonly Line[]): number {
  const top = b[0].y - 0.7 * b[0].size;
  const bottom = b[b.length - 1].y;
  return (top + bottom) / 2;
}

/**
 * Split `lines` (one column, top to bottom) into `anchors.length` consecutive groups whose middles best match
 * the anchors (row middles, top to bottom): the rows of a table whose other cells are vertically centred.
 * Returns the group index of each line.
 */
export function splitByAnchors(
  lines: readonly Line[],
  anchors: readonly number[],
  everyAnchorTakesALine = false,
): number[] {
  const n = lines.length;
  const k = anchors.length;
  if (k === 0) return lines.map(() => -1);
  if (k === 1 || n === 0) return lines.map(() => 0);
  // A group's cost: how far its middle is from its anchor, plus a heavy price for every gap inside it that is
  // wider than a wrapped line's (a cell border lies there, so the lines are not one cell).
  const mid = (i: number, j: number) => (lines[i].y - 0.7 * lines[i].size + lines[j].y) / 2;
  const bigGaps: number[] = [0];
  for (let i = 1; i < n; i++) {
    const wide =
      lines[i].page !== lines[i - 1].page ||
      lines[i].y - lines[i - 1].y > 1.45 * Math.max(lines[i].size, lines[i - 1].size);
    bigGaps.push(bigGaps[i - 1] + (wide ? 1 : 0));
  }
  const gapsInside = (i: number, j: number) => bigGaps[j] - bigGaps[i];
  // ...and for every other row middle that falls inside the group (one cell never spans two rows' middles).
  const anchorsInside = (i: number, j: number, a: number) => {
    const top = lines[i].y - 0.7 * lines[i].size;
    const bottom = lines[j].y;
    let c = 0;
    for (let x = 0; x < k; x++) if (x !== a && anchors[x] > top + 1 && anchors[x] < bottom - 1) c++;
    return c;
  };
  // dp[a][j]: best cost placing lines 0..j-1 into anchors 0..a-1 (an anchor may take no line: an empty cell).
  const INF = 1e18;
  const dp: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(INF));
  const back: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
  dp[0][0] = 0;
  for (let a = 1; a <= k; a++) {
    for (let j = 0; j <= n; j++) {
      for (let i = 0; i <= j; i++) {
        if (dp[a - 1][i] >= INF) continue;
        const c =
          i === j
            ? everyAnchorTakesALine
              ? 1e9
              : 0
            : Math.abs(mid(i, j - 1) - anchors[a - 1]) +
              1000 * gapsInside(i, j - 1) +
              1000 * anchorsInside(i, j - 1, a - 1);
        const v = dp[a - 1][i] + c;
        if (v < dp[a][j]) {
          dp[a][j] = v;
          back[a][j] = i;
        }
      }
    }
  }
  const out = new Array<number>(n).fill(-1);
  let j = n;
  for (let a = k; a >= 1; a--) {
    const i = back[a][j];
    for (let x = i; x < j; x++) out[x] = a - 1;
    j = i;
  }
  return out;
}
