/**
 * A small, tolerant HTML reader for EDGAR's rendered ownership pages: one linear pass over the text builds
 * a tree of elements and text nodes, with the implied end tags HTML allows for tables (`<td>`, `<tr>`,
 * `<tbody>` close their open siblings) and void elements. Every text node keeps, for each decoded character,
 * its offset in the source, so values read from it get exact spans. No regular expression runs over the
 * whole input; walks are iterative (no recursion depth to exhaust on hostile nesting). Never throws.
 */
import type { Span } from '../../model';
import { nameTable } from '../../lookup';

export interface HtmlText {
  kind: 'text';
  /** Decoded text (entities resolved). */
  text: string;
  /** Source offset of each decoded character, plus one final entry: the source end. */
  map: number[];
  parent: HtmlElement | null;
}

export interface HtmlElement {
  kind: 'element';
  /** Lower-cased tag name. */
  name: string;
  attrs: Record<string, string>;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset just after the end tag (or where the element was implicitly closed). */
  end: number;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

export type HtmlNode = HtmlText | HtmlElement;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_SKIP = new Set(['script', 'style']);

const NAMED = nameTable({
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  sect: '\u00a7',
  para: '\u00b6',
  deg: '\u00b0',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ntilde: '\u00f1',
  ouml: '\u00f6',
  uuml: '\u00fc',
  auml: '\u00e4',
  ccedil: '\u00e7',
  szlig: '\u00df',
  Eacute: '\u00c9',
  times: '\u00d7',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  shy: '\u00ad',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
});

/** Decode the entity starting at `i` (at '&'); returns [decoded, length] or null. */
function entityAt(s: string, i: number, limit: number): [string, number] | null {
  let j = i + 1;
  if (j < limit && s.charCodeAt(j) === 35 /* # */) {
    j++;
    let hex = false;
    if (j < limit && (s[j] === 'x' || s[j] === 'X')) {
      hex = true;
      j++;
    }
    const digitsStart = j;
    while (j < limit && j - digitsStart < 8 && (hex ? /[0-9a-fA-F]/.test(s[j]) : s[j] >= '0' && s[j] <= '9')) j++;
    if (j === digitsStart) return null;
    const cp = parseInt(s.slice(digitsStart, j), hex ? 16 : 10);
    const len = (j < limit && s[j] === ';' ? j + 1 : j) - i;
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return ['\ufffd', len];
    return [String.fromCodePoint(cp), len];
  }
  const nameStart = j;
  while (j < limit && j - nameStart < 12 && /[A-Za-z0-9]/.test(s[j])) j++;
  if (j === nameStart) return null;
  const name = s.slice(nameStart, j);
  const dec = NAMED[name];
  if (dec === undefined) return null;
  return [dec, (j < limit && s[j] === ';' ? j + 1 : j) - i];
}

/** Decode `s[start, end)` into text plus per-character source offsets. */
export function decodeRange(s: string, start: number, end: number): { text: string; map: number[] } {
  let amp = start;
  while (amp < end && s.charCodeAt(amp) !== 38) amp++;
  if (amp >= end) {
    // No entity: the text is the slice, offsets are consecutive.
    const n = end - start;
    const map = new Array<number>(n + 1);
    for (let k = 0; k <= n; k++) map[k] = start + k;
    return { text: s.slice(start, end), map };
  }
  let text = '';
  const map: number[] = [];
  let i = start;
  while (i < end) {
    if (s.charCodeAt(i) === 38 /* & */) {
      const e = entityAt(s, i, end);
      if (e) {
        for (let k = 0; k < e[0].length; k++) map.push(i);
        text += e[0];
        i += e[1];
        continue;
      }
    }
    text += s[i];
    map.push(i);
    i++;
  }
  map.push(end);
  return { text, map };
}

function parseAttrs(s: string, from: number, to: number): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = from;
  while (i < to) {
    while (i < to && /[\s/]/.test(s[i])) i++;
    const ns = i;
    while (i < to && !/[\s=/>]/.test(s[i])) i++;
    if (i === ns) {
      i++;
      continue;
    }
    const name = s.slice(ns, i).toLowerCase();
    while (i < to && /\s/.test(s[i])) i++;
    let value = '';
    if (i < to && s[i] === '=') {
      i++;
      while (i < to && /\s/.test(s[i])) i++;
      const q = s[i];
      if (q === '"' || q === "'") {
        let e = i + 1;
        while (e < to && s[e] !== q) e++;
        value = decodeRange(s, i + 1, e).text;
        i = e + 1;
      } else {
        const vs = i;
        while (i < to && !/[\s>]/.test(s[i])) i++;
        value = decodeRange(s, vs, i).text;
      }
    }
    if (!Object.hasOwn(attrs, name)) attrs[name] = value;
  }
  return attrs;
}

/** Find the `>` that ends a tag starting at `i`, skipping quoted attribute values; -1 if none. */
function tagEnd(s: string, i: number): number {
  let q = '';
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '<' && j > i + 1) return -1; // a new tag begins (even inside quotes): this one was never closed
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") {
      // Quotes only count inside attribute values (after '='); a stray quote elsewhere is text.
      let k = j - 1;
      while (k > i && isSpace(s.charCodeAt(k))) k--;
      if (s[k] === '=') q = c;
    } else if (c === '>') return j;
  }
  return -1;
}

const TABLE_SCOPE = new Set(['table', 'html', 'body']);
const S_TABLE = new Set(['table']);
const S_CELL = new Set(['td', 'th']);
const S_TR = new Set(['tr']);
const S_SECTION = new Set(['tbody', 'thead', 'tfoot']);
const S_P = new Set(['p']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']);

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 58 || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}
const MAX_DEPTH = 200;

/** Parse HTML into a root element (name '#root'). Linear in the input length. */
export function parseHtml(s: string): HtmlElement {
  const root: HtmlElement = {
    kind: 'element',
    name: '#root',
    attrs: {},
    start: 0,
    openEnd: 0,
    end: s.length,
    children: [],
    parent: null,
  };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  const closeTo = (idx: number, at: number) => {
    while (stack.length > idx) {
      const el = stack.pop()!;
      el.end = at;
    }
  };
  /** Index in the stack of the innermost open element named one of `names`, not crossing a table scope. */
  const findOpen = (names: Set<string>, crossTables = false): number => {
    for (let k = stack.length - 1; k > 0; k--) {
      const n = stack[k].name;
      if (names.has(n)) return k;
      if (!crossTables && TABLE_SCOPE.has(n)) return -1;
    }
    return -1;
  };
  const findOpenName = (name: string, crossTables: boolean): number => {
    for (let k = stack.length - 1; k > 0; k--) {
      const n = stack[k].name;
      if (n === name) return k;
      if (!crossTables && TABLE_SCOPE.has(n)) return -1;
    }
    return -1;
  };
  const addText = (from: number, to: number) => {
    if (to <= from) return;
    const { text, map } = decodeRange(s, from, to);
    top().children.push({ kind: 'text', text, map, parent: top() });
  };

  let i = 0;
  let textStart = 0;
  const n = s.length;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const next = s[lt + 1];
    if (next === '!' || next === '?') {
      addText(textStart, lt);
      let end: number;
      if (s.startsWith('<!--', lt)) {
        const c = s.indexOf('-->', lt + 4);
        end = c < 0 ? n : c + 3;
      } else {
        const c = s.indexOf('>', lt + 2);
        end = c < 0 ? n : c + 1;
      }
      i = textStart = end;
      continue;
    }
    const isClose = next === '/';
    const nameStart = lt + (isClose ? 2 : 1);
    let j = nameStart;
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    if (j === nameStart || !isLetter(s.charCodeAt(nameStart))) {
      i = lt + 1; // a lone '<' in text
      continue;
    }
    const gt = tagEnd(s, j);
    if (gt < 0) {
      i = lt + 1;
      continue;
    }
    addText(textStart, lt);
    const name = s.slice(nameStart, j).toLowerCase();
    const after = gt + 1;
    if (isClose) {
      let idx: number;
      if (name === 'table') idx = findOpen(S_TABLE, true);
      else idx = findOpenName(name, !TABLE_PARTS.has(name));
      if (idx > 0) closeTo(idx, after);
      i = textStart = after;
      continue;
    }
    // Implied end tags.
    if (name === 'td' || name === 'th') {
      const k = findOpen(S_CELL);
      const tr = findOpen(S_TR);
      if (k > 0 && k > tr) closeTo(k, lt);
    } else if (name === 'tr') {
      const k = findOpen(S_TR);
      if (k > 0) closeTo(k, lt);
    } else if (S_SECTION.has(name)) {
      const k = findOpen(S_SECTION);
      if (k > 0) closeTo(k, lt);
    } else if (name === 'p') {
      const k = findOpen(S_P);
      if (k > 0) closeTo(k, lt);
    }
    const selfClosing = s[gt - 1] === '/';
    const el: HtmlElement = {
      kind: 'element',
      name,
      attrs: parseAttrs(s, j, selfClosing ? gt - 1 : gt),
      start: lt,
      openEnd: after,
      end: after,
      children: [],
      parent: top(),
    };
    top().children.push(el);
    if (RAW_SKIP.has(name)) {
      const close = indexOfCaseless(s, `</${name}`, after);
      const ce = close < 0 ? n : s.indexOf('>', close);
      el.end = ce < 0 ? n : ce + 1;
      i = textStart = el.end;
      continue;
    }
    if (name === 'title' || name === 'textarea') {
      const close = indexOfCaseless(s, `</${name}`, after);
      const e = close < 0 ? n : close;
      const { text, map } = decodeRange(s, after, e);
      el.children.push({ kind: 'text', text, map, parent: el });
      const ce = close < 0 ? n : s.indexOf('>', close);
      el.end = ce < 0 ? n : ce + 1;
      i = textStart = el.end;
      continue;
    }
    // Real pages nest a dozen levels; beyond MAX_DEPTH an element stays empty and its content goes to the
    // parent, which keeps every later walk linear on hostile nesting.
    if (!VOID.has(name) && !selfClosing && stack.length < MAX_DEPTH) stack.push(el);
    i = textStart = after;
  }
  addText(textStart, n);
  closeTo(1, n);
  return root;
}

function indexOfCaseless(s: string, needle: string, from: number): number {
  // Tags are ASCII: search the two common spellings, then fall back to a lower-cased window scan.
  const a = s.indexOf(needle, from);
  // The upper-case spelling only matters before the first lower-case one: never search past it.
  const upper = needle.toUpperCase();
  const window = a < 0 ? s.length : a;
  const b = s.slice(from, window).indexOf(upper);
  if (b >= 0) return from + b;
  return a;
}

/** Every element under `root` (document order), optionally filtered; iterative. */
export function elements(root: HtmlElement, pred?: (e: HtmlElement) => boolean): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind !== 'element') continue;
    if (!pred || pred(node)) out.push(node);
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return out;
}

/** Text nodes under `root` in document order, each with the nearest ancestors' names (for sup detection). */
export function textNodes(root: HtmlElement): HtmlText[] {
  const out: HtmlText[] = [];
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'text') {
      out.push(node);
      continue;
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return out;
}

/** Whether `node` sits inside an element named `name`, below `limit` (exclusive). */
export function insideTag(node: HtmlNode, name: string, limit: HtmlElement | null): boolean {
  let p = node.parent;
  while (p && p !== limit) {
    if (p.name === name) return true;
    p = p.parent;
  }
  return false;
}

/** The whole text of an element, white space collapsed. */
export function textOf(el: HtmlElement): string {
  return textNodes(el)
    .map((t) => t.text)
    .join(' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Rows (`tr`) of a table, not those of nested tables. */
export function rowsOf(table: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const c of table.children) {
    if (c.kind !== 'element') continue;
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'tbody' || c.name === 'thead' || c.name === 'tfoot')
      for (const r of c.children) if (r.kind === 'element' && r.name === 'tr') out.push(r);
  }
  return out;
}

/** Cells (`td`/`th`) of a row. */
export function cellsOf(tr: HtmlElement): HtmlElement[] {
  return tr.children.filter((c): c is HtmlElement => c.kind === 'element' && (c.name === 'td' || c.name === 'th'));
}

/** Text pieces of an element with source offsets: the building block of spans. */
export interface Piece {
  text: string;
  map: number[];
  node: HtmlText;
}

/** Span of the non-space text of `pieces` (first to last non-space character), or null. */
export function spanOfPieces(pieces: Piece[]): Span | null {
  let start = -1;
  let end = -1;
  for (const p of pieces) {
    for (let k = 0; k < p.text.length; k++) {
      if (!/[\s\u00a0]/.test(p.text[k])) {
        if (start < 0) start = p.map[k];
        end = k + 1 < p.map.length ? p.map[k + 1] : p.map[k] + 1;
        // An entity maps several decoded chars to its start; the end is the next source char.
      }
    }
  }
  return start < 0 ? null : { start, end };
}
