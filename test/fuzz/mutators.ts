/**
 * Mutations of filing bytes for the fuzzer. Every function is pure given its `Rng`, so a case is rebuilt
 * exactly from (seed, case number). Text-level mutations work on the bytes read as latin1 (one character
 * per byte), so they never lose or invent bytes beyond what they mean to change.
 */
import { Rng } from './rng';

export type Bytes = Buffer;

export const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
export const fromLatin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
/** A string's UTF-8 bytes as latin1 characters (to splice Unicode into latin1-viewed text). */
export const utf8AsLatin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/** Offsets where a tag starts (`<`) or ends (just after `>`), in order, at most `max` of them. */
export function tagBoundaries(s: string, max = 200_000): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (c === 60) out.push(i);
    else if (c === 62) out.push(i + 1);
  }
  return out;
}

export interface ElementRange {
  name: string;
  start: number;
  end: number;
  /** Content range (between the start tag and the end tag). */
  contentStart: number;
  contentEnd: number;
  leaf: boolean;
}

/** Matched elements found by a plain tag regex and a stack (good enough to cut and copy real filings). */
export function elementRanges(s: string, maxTags = 50_000): ElementRange[] {
  const re = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>/g;
  const stack: { name: string; start: number; contentStart: number; children: number }[] = [];
  const out: ElementRange[] = [];
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(s)) !== null && n++ < maxTags) {
    const [whole, close, name, self] = m;
    if (self) {
      if (stack.length) stack[stack.length - 1].children++;
      out.push({
        name,
        start: m.index,
        end: m.index + whole.length,
        contentStart: m.index + whole.length,
        contentEnd: m.index + whole.length,
        leaf: true,
      });
    } else if (!close) {
      if (stack.length) stack[stack.length - 1].children++;
      stack.push({ name, start: m.index, contentStart: m.index + whole.length, children: 0 });
    } else {
      let k = stack.length - 1;
      while (k >= 0 && stack[k].name !== name) k--;
      if (k < 0) continue;
      const open = stack[k];
      stack.length = k;
      out.push({
        name,
        start: open.start,
        end: m.index + whole.length,
        contentStart: open.contentStart,
        contentEnd: m.index,
        leaf: open.children === 0,
      });
    }
  }
  return out;
}

/** Values that have broken parsers before: numbers at the edges, impossible dates, markup and entities, Unicode. */
export const INTERESTING_VALUES: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  '0',
  '-0',
  '-1',
  '+5',
  '1e309',
  '1E-400',
  'NaN',
  'Infinity',
  '0x1F',
  '1,000,000.00',
  '$12.50',
  '(1,250)',
  '.',
  '-',
  '1.2.3',
  '9'.repeat(400),
  '0.' + '0'.repeat(300) + '1',
  '99999999999999999999999999999999.99999999999999999999',
  '2023-02-30',
  '2023-13-45',
  '0000-00-00',
  '9999-12-31',
  '275760-09-13',
  '2024-01-10-05:00',
  '2024-01-10T25:61:61Z',
  '01/10/2024',
  'true',
  'false',
  'yes',
  '1',
  '2',
  'X',
  'Z',
  'F1',
  'F999999999',
  '&amp;&lt;&gt;&quot;&apos;',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '&#99999999999;',
  '&undefined;',
  '&',
  '&#',
  '<![CDATA[<not a tag>]]>',
  ']]>',
  '<',
  '>',
  '"\'',
  utf8AsLatin1('\u202e\u0645\u0631\u062d\u0628\u0627 RTL'),
  utf8AsLatin1('\u{1F600}\u{1F4A9} emoji'),
  utf8AsLatin1('\uFEFF in the middle'),
  utf8AsLatin1('\uFFFD\uFFFE\uFFFF'),
  utf8AsLatin1('\u0000'),
  '\u00e9\u00e8 latin1',
  '\u0080\u009f\u00ff',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'command:workbench.action.terminal.new',
  '</style><style>*{display:none}</style>',
  '${process.exit(1)}',
  '%s%s%s%n',
  '\\u0000',
  'x'.repeat(10_000),
];

const INTERESTING_BYTES = [
  0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x3c, 0x3e, 0x26, 0x22, 0x27, 0x2f, 0x3d, 0x0d, 0x0a, 0x80, 0x9f, 0xc3, 0xe2,
  0xf0, 0x1b, 0x7f,
];
const TOKENS = [
  '<',
  '>',
  '</',
  '/>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?',
  '?>',
  '&',
  ';',
  '"',
  "'",
  '=',
  '<!DOCTYPE x [',
  ']>',
  '<XML>',
  '</XML>',
  '<DOCUMENT>',
  '</DOCUMENT>',
  '<TEXT>',
  '</TEXT>',
  '-----BEGIN PRIVACY-ENHANCED MESSAGE-----',
  '<SEC-HEADER>',
  'CONFORMED SUBMISSION TYPE:\t4\n',
  '<ownershipDocument>',
  '</ownershipDocument>',
  '<table>',
  '<td colspan="99999999">',
  '\r\n',
  '\r',
  '\u0000',
];

export interface Mutator {
  name: string;
  /** Whether it may run on PDFs (byte-level) as well as on text. */
  binary: boolean;
  apply(b: Bytes, r: Rng): Bytes;
}

const pos = (b: Bytes, r: Rng): number => r.int(b.length + 1);

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'flip-bits',
    binary: true,
    apply(b, r) {
      const out = Buffer.from(b);
      const n = r.range(1, 16);
      for (let k = 0; k < n && out.length; k++) out[r.int(out.length)] ^= 1 << r.int(8);
      return out;
    },
  },
  {
    name: 'set-interesting-bytes',
    binary: true,
    apply(b, r) {
      const out = Buffer.from(b);
      const n = r.range(1, 8);
      for (let k = 0; k < n && out.length; k++) out[r.int(out.length)] = r.pick(INTERESTING_BYTES);
      return out;
    },
  },
  {
    name: 'insert-random-bytes',
    binary: true,
    apply(b, r) {
      const p = pos(b, r);
      const junk = Buffer.alloc(r.range(1, 256));
      for (let i = 0; i < junk.length; i++) junk[i] = r.int(256);
      return Buffer.concat([b.subarray(0, p), junk, b.subarray(p)]);
    },
  },
  {
    name: 'insert-token',
    binary: true,
    apply(b, r) {
      const p = pos(b, r);
      return Buffer.concat([
        b.subarray(0, p),
        fromLatin1(r.pick(TOKENS).repeat(r.chance(0.1) ? r.range(2, 2000) : 1)),
        b.subarray(p),
      ]);
    },
  },
  {
    name: 'delete-range',
    binary: true,
    apply(b, r) {
      const p = pos(b, r);
      const n = r.chance(0.5) ? r.range(1, 16) : r.int(Math.max(1, b.length - p));
      return Buffer.concat([b.subarray(0, p), b.subarray(Math.min(b.length, p + n))]);
    },
  },
  {
    name: 'duplicate-range',
    binary: true,
    apply(b, r) {
      const s = pos(b, r);
      const e = Math.min(b.length, s + r.range(1, 4096));
      const at = pos(b, r);
      return Buffer.concat([b.subarray(0, at), b.subarray(s, e), b.subarray(at)]);
    },
  },
  {
    name: 'truncate',
    binary: true,
    apply(b, r) {
      return b.subarray(0, pos(b, r));
    },
  },
  {
    name: 'insert-nul',
    binary: true,
    apply(b, r) {
      const p = pos(b, r);
      return Buffer.concat([b.subarray(0, p), Buffer.alloc(r.range(1, 4)), b.subarray(p)]);
    },
  },
  {
    name: 'garbage-range',
    binary: true,
    apply(b, r) {
      const out = Buffer.from(b);
      const s = r.int(out.length);
      const e = Math.min(out.length, s + r.range(1, 512));
      for (let i = s; i < e; i++) out[i] = r.int(256);
      return out;
    },
  },
  {
    name: 'truncate-at-tag',
    binary: false,
    apply(b, r) {
      const bounds = tagBoundaries(latin1(b));
      return bounds.length ? b.subarray(0, r.pick(bounds)) : b;
    },
  },
  {
    name: 'duplicate-element',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s);
      if (!els.length) return b;
      const el = r.pick(els);
      const copies = r.chance(0.05) ? r.range(2, 200) : 1;
      const at = r.chance(0.7) ? el.end : r.pick(tagBoundaries(s));
      return fromLatin1(s.slice(0, at) + s.slice(el.start, el.end).repeat(copies) + s.slice(at));
    },
  },
  {
    name: 'delete-element',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s);
      if (!els.length) return b;
      const el = r.pick(els);
      return fromLatin1(s.slice(0, el.start) + s.slice(el.end));
    },
  },
  {
    name: 'delete-tag',
    binary: false,
    apply(b, r) {
      // Drop only the start or the end tag: an unbalanced document.
      const s = latin1(b);
      const els = elementRanges(s).filter((e) => e.contentEnd > e.contentStart);
      if (!els.length) return b;
      const el = r.pick(els);
      return fromLatin1(
        r.chance(0.5) ? s.slice(0, el.start) + s.slice(el.contentStart) : s.slice(0, el.contentEnd) + s.slice(el.end),
      );
    },
  },
  {
    name: 'move-element',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s);
      if (els.length < 2) return b;
      const el = r.pick(els);
      const cut = s.slice(0, el.start) + s.slice(el.end);
      const bounds = tagBoundaries(cut);
      const at = bounds.length ? r.pick(bounds) : 0;
      return fromLatin1(cut.slice(0, at) + s.slice(el.start, el.end) + cut.slice(at));
    },
  },
  {
    name: 'replace-value',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s).filter((e) => e.leaf);
      if (!els.length) return b;
      const el = r.pick(els);
      return fromLatin1(s.slice(0, el.contentStart) + r.pick(INTERESTING_VALUES) + s.slice(el.contentEnd));
    },
  },
  {
    name: 'rename-tag',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s);
      if (!els.length) return b;
      const el = r.pick(els);
      const other = r.pick([
        'value',
        'footnoteId',
        'ownershipDocument',
        'reportingOwner',
        'nonDerivativeTransaction',
        'x',
        'VALUE',
        'ns:value',
        '',
      ]);
      const tagEnd = el.start + 1 + el.name.length;
      return fromLatin1(s.slice(0, el.start + 1) + other + s.slice(tagEnd));
    },
  },
  {
    name: 'mangle-attribute',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s);
      if (!els.length) return b;
      const el = r.pick(els);
      const at = el.start + 1 + el.name.length;
      const attr = r.pick([
        ' id="F1" id="F2"',
        ' id=F1',
        ' id="',
        ' id',
        ' a="' + 'v'.repeat(r.range(1, 100_000)) + '"',
        ' xmlns="http://127.0.0.1:9/ns"',
        " id='F1'",
        ' =""',
        ' id="&lt;&#0;"',
      ]);
      return fromLatin1(s.slice(0, at) + attr + s.slice(at));
    },
  },
  {
    name: 'whitespace-in-tag',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const bounds = tagBoundaries(s).filter((i) => s.charCodeAt(i) === 60);
      if (!bounds.length) return b;
      const p = r.pick(bounds) + r.range(1, 2);
      return fromLatin1(s.slice(0, p) + r.pick([' ', '\n', '\r\n', '\t', ' \n ']) + s.slice(p));
    },
  },
  {
    name: 'line-endings',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const mode = r.int(4);
      if (mode === 0) return fromLatin1(s.replace(/\r?\n/g, '\r\n'));
      if (mode === 1) return fromLatin1(s.replace(/\r?\n/g, '\r'));
      if (mode === 2) return fromLatin1(s.replace(/\r\n/g, '\n'));
      return fromLatin1(s.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r'])));
    },
  },
  {
    name: 'case-change',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const p = r.int(s.length);
      const e = Math.min(s.length, p + r.range(1, 2000));
      const seg = s.slice(p, e);
      return fromLatin1(s.slice(0, p) + (r.chance(0.5) ? seg.toUpperCase() : seg.toLowerCase()) + s.slice(e));
    },
  },
  {
    name: 'footnote-storm',
    binary: false,
    apply(b, r) {
      const s = latin1(b);
      const els = elementRanges(s).filter((e) => e.name === 'value' || e.name === 'footnote');
      if (!els.length) return b;
      const el = r.pick(els);
      const n = r.range(1, 300);
      const refs = Array.from({ length: n }, () => `<footnoteId id="F${r.range(0, 40)}"/>`).join('');
      return fromLatin1(s.slice(0, el.end) + refs + s.slice(el.end));
    },
  },
];

/** Whole-file encoding changes: BOMs, UTF-16 with and without a mark, declarations that lie. */
export const ENCODINGS: readonly { name: string; apply(b: Bytes): Bytes }[] = [
  { name: 'utf16le-no-bom', apply: (b) => Buffer.from(b.toString('utf8'), 'utf16le') },
  { name: 'utf16be-no-bom', apply: (b) => Buffer.from(b.toString('utf8'), 'utf16le').swap16() },
  {
    name: 'utf16le-bom',
    apply: (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  },
  {
    name: 'utf16be-bom',
    apply: (b) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(b.toString('utf8'), 'utf16le').swap16()]),
  },
  {
    name: 'utf16le-odd-length',
    apply: (b) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le'), Buffer.from([0x41])]),
  },
  {
    name: 'utf16-lone-surrogate',
    apply: (b) =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(b.toString('utf8'), 'utf16le'),
        Buffer.from([0x00, 0xd8, 0x41, 0x00]),
      ]),
  },
  {
    name: 'utf32le-bom',
    apply: (b) => {
      const s = b.toString('utf8');
      const out = Buffer.alloc(4 + 4 * s.length);
      out.writeUInt32LE(0xfeff, 0);
      for (let i = 0; i < s.length; i++) out.writeUInt32LE(s.charCodeAt(i), 4 + 4 * i);
      return out;
    },
  },
  {
    name: 'utf8-bom-latin1-declared',
    apply: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), setDeclaration(b, 'ISO-8859-1')]),
  },
  {
    name: 'utf8-bom-on-latin1-bytes',
    apply: (b) =>
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(setDeclaration(b, 'UTF-8').toString('utf8') + '\u00e9\u00fc', 'latin1'),
      ]),
  },
  {
    name: 'latin1-bytes-utf8-declared',
    apply: (b) => Buffer.from(setDeclaration(b, 'UTF-8').toString('utf8') + '<!-- \u00e9\u00e8\u00ff -->', 'latin1'),
  },
  { name: 'utf16-declared-utf8-bytes', apply: (b) => setDeclaration(b, 'UTF-16') },
  { name: 'ebcdic-declared', apply: (b) => setDeclaration(b, 'EBCDIC-US') },
  { name: 'shift-jis-declared', apply: (b) => setDeclaration(b, 'Shift_JIS') },
  { name: 'double-bom', apply: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b]) },
  { name: 'bom-then-space', apply: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), b]) },
  {
    name: 'bom-in-middle',
    apply: (b) => {
      const p = b.length >> 1;
      return Buffer.concat([b.subarray(0, p), Buffer.from([0xef, 0xbb, 0xbf]), b.subarray(p)]);
    },
  },
  { name: 'utf16le-bom-on-utf8', apply: (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), b]) },
  { name: 'crlf', apply: (b) => fromLatin1(latin1(b).replace(/\r?\n/g, '\r\n')) },
  { name: 'cr-only', apply: (b) => fromLatin1(latin1(b).replace(/\r?\n/g, '\r')) },
  {
    name: 'cp1252-smart-quotes',
    apply: (b) => Buffer.concat([b, Buffer.from([0x93, 0x94, 0x96, 0x97, 0x80, 0x81, 0x8d])]),
  },
];

function setDeclaration(b: Bytes, enc: string): Bytes {
  const s = latin1(b);
  const m = /^\s*<\?xml[^>]*\?>/.exec(s);
  if (m) {
    const decl = /encoding\s*=/.test(m[0])
      ? m[0].replace(/encoding\s*=\s*(["'])[^"']*\1/, `encoding="${enc}"`)
      : m[0].replace(/\s*\?>$/, ` encoding="${enc}"?>`);
    return fromLatin1(decl + s.slice(m[0].length));
  }
  return fromLatin1(`<?xml version="1.0" encoding="${enc}"?>\n` + s);
}
