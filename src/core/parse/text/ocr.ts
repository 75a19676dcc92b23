/**
 * A table row's words as OCR engines write them, each with the kind of value it can be: Tesseract and its kind
 * lose the columns (one space between cells), print the table's borders as `|`, `[`, `_`, confuse letters with
 * digits (`S`/`5`, `O`/`0`, `I`/`l`/`|`/`1`, `B`/`8`), double a code letter (`Ss`, `Cc`), and turn superscript
 * footnote markers into quotes, degrees and brackets glued to the value (`Stock“)`, `$635.5491°)`, `757,756)`).
 * Every repair is said (the token's `why`), never silent; a marker whose number cannot be read is kept as such.
 *
 * Each token is classified by a few fixed character tests on that token alone (short: linear however long the line).
 */
import type { FootnoteRef } from '../../model';
import { TRANSACTION_CODES } from '../form/normalize';
import type { TextDoc } from './doc';
import { DATE_RE, DATE2_RE, MONTH_DATE_RE, trimEndOf } from './patterns';

/** What a token can be. */
export type TokKind = 'date' | 'amount' | 'letter' | 'marker' | 'word' | 'junk';

export interface Tok {
  /** Cleaned-text range of the value (markers excluded). */
  start: number;
  end: number;
  /** The value as written. */
  raw: string;
  kind: TokKind;
  /** Digits repaired (amounts), the letter read (codes, A/D, D/I). */
  norm: string;
  /** Why the value is not exactly what is written (an OCR repair), or null. */
  why: string | null;
  /** Footnote markers glued to (or standing after) the value. */
  refs: FootnoteRef[];
  /** Markers whose number OCR garbled (`“`, `°)`), by their text. */
  garbled: string[];
  /** The amount was written with a "$". */
  dollar?: boolean;
}

/** Letters and digits OCR writes for a digit. */
export const DIGIT_FOR: ReadonlyMap<string, string> = new Map([
  ['O', '0'],
  ['o', '0'],
  ['l', '1'],
  ['I', '1'],
  ['|', '1'],
  ['S', '5'],
  ['B', '8'],
]);

/** What OCR writes for a superscript footnote marker: quotes, degrees, registered signs, brackets. */
const MARKER_CHARS = '“”‘’"\'`°®©™!{}*^¹²³⁴⁵⁶⁷⁸⁹⁰?¢';

/** Border and rule characters of the printed table. */
const BORDER = /^[|[\]{}_—–=~:;.,']+$/;

/** The letter a one-letter box holds, from what OCR wrote (`Ss` for S, `Cc` for C, `5` for S). */
export function letterOf(s: string): { letter: string; why: string | null } | null {
  // A speck before the letter too: "‘dD".
  // Specks after the letter too, a dash among them ("D.-").
  const t = trimEndOf(s, "_.,:;'`-")
    .replace(/^\((.)\)$/, '$1')
    .replace(/^[‘'`](?=[A-Za-z]{1,2}$)/, '');
  if (t.length === 1 && /[A-Za-z]/.test(t)) {
    const up = t.toUpperCase();
    return { letter: up, why: t === up ? null : `"${s}" read as "${up}" (OCR)` };
  }
  // A doubled letter: the capital and its small form side by side ("Ss", "Cc", "Pp", "dD").
  if (t.length === 2 && t[0] === t[0].toUpperCase() && t[1] === t[0].toLowerCase() && /[A-Z]/.test(t[0]))
    return { letter: t[0], why: `"${s}" read as "${t[0]}" (OCR doubles a letter)` };
  if (t.length === 2 && t[1] === t[1].toUpperCase() && t[0] === t[1].toLowerCase() && /[A-Z]/.test(t[1]))
    return { letter: t[1], why: `"${s}" read as "${t[1]}" (OCR doubles a letter)` };
  if (t === '5' || t === '$') return { letter: 'S', why: `"${s}" read as "S" (OCR)` };
  return null;
}

/** A marker written as "(n)", "n)" or "(n": its number, or null. */
function markerNumber(s: string): number | null {
  const m = /^\(?(\d{1,2})\)$/.exec(s) ?? /^\((\d{1,2})\)?$/.exec(s);
  return m ? Number(m[1]) : null;
}

/** Whether a text is only marker shapes ("“)", "(®)", "°", "G)", "2)}"). */
function markerShape(s: string): boolean {
  if (!s) return false;
  if (markerNumber(trimEndOf(s, '}]')) !== null) return true;
  let shapes = 0;
  for (const c of s) {
    if (MARKER_CHARS.includes(c)) shapes++;
    else if (!'()'.includes(c)) return false;
  }
  return shapes > 0;
}

/** An amount: digits (some letters OCR writes for them repaired), separators, a "$" before. */
function readAmount(core: string): { norm: string; why: string | null; dollar: boolean } | null {
  let s = core;
  let dollar = false;
  if (s.startsWith('$')) {
    dollar = true;
    s = s.slice(1);
  }
  if (!s || s.length > 30) return null;
  let digits = 0;
  let fixed = 0;
  let out = '';
  for (const c of s) {
    if (c >= '0' && c <= '9') {
      digits++;
      out += c;
    } else if (c === ',' || c === '.') out += c;
    else {
      const d = DIGIT_FOR.get(c);
      if (d === undefined) return null;
      fixed++;
      out += d;
    }
  }
  // A price's decimal point read as a comma: "$2,599,5213", "$4,14" (a comma groups three digits, never two or four).
  const point = dollar ? /^(\d{1,3}(?:,\d{3})*),(\d{1,2}|\d{4,6})$/.exec(out) : null;
  if (point && fixed === 0)
    return {
      norm: `${point[1].replace(/,/g, '')}.${point[2]}`,
      why: `"${core}" read as "$${point[1]}.${point[2]}": a comma before ${point[2].length} digits is a misread decimal point (OCR)`,
      dollar,
    };
  // A comma after an amount written in groups of three ("8,935,") is a speck: no amount ends in one. Not after a
  // number alone: prose puts one there ("the Act of 1934, as amended").
  if (/^\d{1,3}(?:,\d{3})+,$/.test(out)) out = out.slice(0, -1);
  // Mostly digits ("SOS" and "lo" are words), or digits in groups of three ("2,5OO").
  const grouped = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(out);
  if (digits === 0 || (fixed * 2 > digits && !grouped) || !/^[0-9]/.test(out)) return null;
  if (!/^\d{1,3}(,\d{3})*(\.\d*)?$/.test(out) && !/^\d+(\.\d*)?$/.test(out)) return null;
  return {
    norm: out.replace(/,/g, '').replace(/\.$/, ''),
    why: fixed ? `letters read as digits in "${core}" (OCR)` : null,
    dollar,
  };
}

/** One token into its value and markers. */
function classify(doc: TextDoc, s: number, e: number): Tok | null {
  const raw = doc.t.slice(s, e);
  const refs: FootnoteRef[] = [];
  const garbled: string[] = [];
  let end = e;
  // Readable markers at the end: "(1)", "(1)(2)".
  for (let n = 0; n < 6; n++) {
    const tail = doc.t.slice(Math.max(s, end - 5), end);
    const m = /\((\d{1,2})\)$/.exec(tail);
    if (!m || end - m[0].length <= s) break;
    const at = end - m[0].length;
    refs.unshift({ id: `F${Number(m[1])}`, span: doc.span(at, end) });
    end = at;
  }
  // "3)": a marker whose opening parenthesis OCR lost, never an amount (none ends in a parenthesis). Its digit may
  // be misread too (a "(6)" came out "3)"), so it is resolved as a garbled marker, the digit first (./markers).
  if (end === e && /^\d{1,2}\)$/.test(raw))
    return { start: s, end: e, raw, kind: 'marker', norm: '', why: null, refs, garbled: [raw] };
  // Garbled markers at the end: quotes, degrees, a closing parenthesis after a number; and a "%" before such a mark
  // ("$634.4608%!"), which is never a percentage sign there (a title's "5.75%" ends in it).
  let cut = end;
  while (
    cut > s &&
    (MARKER_CHARS.includes(doc.t[cut - 1]) ||
      doc.t[cut - 1] === ')' ||
      doc.t[cut - 1] === '(' ||
      (doc.t[cut - 1] === '%' && cut < end))
  )
    cut--;
  const core0 = doc.t.slice(s, cut);
  const tail = doc.t.slice(cut, end);
  if (cut > s && tail && /[0-9A-Za-z]$/.test(core0)) {
    // "Stock“)", "757,756)", "$635.5491°)": the value, then a marker whose number is lost. A title's own
    // parenthesis ("(right to buy)") is kept: a closing parenthesis after letters with its opening one in the word.
    const paren = tail === ')' && core0.includes('(');
    if (!paren && (markerShape(tail.startsWith('%') ? tail.slice(1) : tail) || tail === ')')) {
      garbled.push(tail);
      end = cut;
    }
  }
  // "Stock22)": the marker's opening parenthesis read as a digit, glued to the word ("Stock⁽²⁾").
  if (garbled.length && end - s < 40) {
    const w = /^([A-Za-z]{3,})(\d{1,2})$/.exec(doc.t.slice(s, end));
    if (w) {
      garbled[0] = `${w[2]}${garbled[0]}`;
      end = s + w[1].length;
    }
  }
  const core = doc.t.slice(s, end);
  if (!core) {
    // Only a marker: "(19)" alone is a box holding a footnote.
    const n = markerNumber(raw);
    const tok: Tok = { start: s, end: e, raw, kind: 'marker', norm: '', why: null, refs, garbled };
    if (n !== null && !refs.length) tok.refs = [{ id: `F${n}`, span: doc.span(s, e) }];
    return tok;
  }
  const n = markerNumber(core);
  if (n !== null && /^\(/.test(core)) {
    return {
      start: s,
      end: e,
      raw,
      kind: 'marker',
      norm: '',
      why: null,
      refs: [{ id: `F${n}`, span: doc.span(s, end) }, ...refs],
      garbled,
    };
  }
  if (markerShape(core))
    return { start: s, end: e, raw, kind: 'marker', norm: '', why: null, refs, garbled: [core, ...garbled] };
  const tok: Tok = { start: s, end, raw: core, kind: 'word', norm: core, why: null, refs, garbled };
  if (DATE_RE.test(core) || DATE2_RE.test(core) || MONTH_DATE_RE.test(core)) {
    tok.kind = 'date';
    return tok;
  }
  const amount = readAmount(core);
  if (amount) {
    tok.kind = 'amount';
    tok.norm = amount.norm;
    tok.why = amount.why;
    tok.dollar = amount.dollar;
    return tok;
  }
  // "45659{).1": an amount, then a marker whose shape OCR garbled beyond the end tests above.
  const cutAt = core.length < 40 ? [...core].findIndex((c) => MARKER_CHARS.includes(c) || c === '(' || c === ')') : -1;
  const head = cutAt > 0 ? readAmount(core.slice(0, cutAt)) : null;
  if (head && /\d$/.test(core.slice(0, cutAt))) {
    return {
      ...tok,
      end: s + cutAt,
      raw: core.slice(0, cutAt),
      kind: 'amount',
      norm: head.norm,
      why: head.why,
      dollar: head.dollar,
      garbled: [core.slice(cutAt), ...garbled],
    };
  }
  const letter = letterOf(core);
  if (letter) {
    tok.kind = 'letter';
    tok.norm = letter.letter;
    tok.why = letter.why;
    return tok;
  }
  if (/[A-Za-z]{2}/.test(core) || /^[A-Za-z][A-Za-z.&'-]*$/.test(core)) return tok;
  tok.kind = 'junk';
  return tok;
}

/** The tokens of cleaned ranges, table borders dropped, "$ 2.29" joined. */
export function ocrTokens(doc: TextDoc, ranges: readonly [number, number][]): Tok[] {
  const out: Tok[] = [];
  for (const [rs, re] of ranges) {
    let k = rs;
    while (k < re) {
      while (k < re && /\s/.test(doc.t[k])) k++;
      let e = k;
      while (e < re && !/\s/.test(doc.t[e])) e++;
      if (e > k) {
        let s = k;
        let raw = doc.t.slice(s, e);
        // A border glued to a value ("|$2.29", "D_", "[RKLB"): the border is not part of it; nor is a speck between
        // the border and a price ("|.$636.4088", "|-$650.0274").
        while (s < e && '|[]_'.includes(doc.t[s]) && e - s > 1) s++;
        // A brace OCR made of the border before a price ("}-$2,600.452"); a brace before a digit is a marker's ("{2").
        if (s < e - 2 && '{}'.includes(doc.t[s]) && /^-?\$/.test(doc.t.slice(s + 1, s + 3))) s++;
        if (s > k && s < e - 2 && '.,-'.includes(doc.t[s]) && doc.t[s + 1] === '$') s++;
        // A speck read as a quote before a price ("‘$0.00"): no price starts with one.
        if (s < e - 2 && '‘’\'`“”"'.includes(doc.t[s]) && doc.t[s + 1] === '$') s++;
        while (e > s + 1 && '|[]_'.includes(doc.t[e - 1])) e--;
        raw = doc.t.slice(s, e);
        if (raw === '$' && out.length < 10_000) {
          // "$ 2.29": the sign and its amount.
          let n = e;
          while (n < re && doc.t[n] === ' ') n++;
          let m = n;
          while (m < re && !/\s/.test(doc.t[m])) m++;
          if (m > n && /^[0-9]/.test(doc.t[n])) {
            const t = classify(doc, n, m);
            if (t && t.kind === 'amount') {
              out.push({ ...t, start: s, raw: doc.t.slice(s, t.end), dollar: true });
              k = m;
              continue;
            }
          }
        }
        if (!BORDER.test(raw)) {
          const t = classify(doc, s, e);
          // "Class-B": a speck read as a hyphen between a class and its letter, which wrapped titles share out by word.
          const glued = t && t.kind === 'word' ? /^(?:Class|Series)[-–](?=[A-Z0-9]$)/.exec(t.raw) : null;
          if (t && glued) {
            const cut = t.start + glued[0].length - 1;
            const a = classify(doc, t.start, cut);
            const b = classify(doc, cut + 1, t.end);
            if (a && b) out.push(a, b);
            else out.push(t);
          } else if (t) out.push(t);
        }
      }
      k = Math.max(e, k + 1);
    }
  }
  return out;
}

/** A transaction code among the tokens: a code letter (`S`, `Ss`, `5`). */
export function isCode(t: Tok): boolean {
  return (t.kind === 'letter' || (t.kind === 'amount' && t.raw === '5')) && TRANSACTION_CODES.has(codeOf(t));
}

export function codeOf(t: Tok): string {
  return t.raw === '5' ? 'S' : t.norm;
}

/** "A" or "D" of column 4 (`D_`, `(D)`). */
export function adOf(t: Tok): 'A' | 'D' | null {
  if (t.kind !== 'letter') return null;
  return t.norm === 'A' || t.norm === 'D' ? t.norm : null;
}

/** "D" or "I" of the ownership form (`(D)`, `I`, `l`). */
export function diOf(t: Tok): 'D' | 'I' | null {
  if (t.kind !== 'letter' && !(t.kind === 'amount' && t.raw === '1')) return null;
  if (t.norm === 'D') return 'D';
  if (t.norm === 'I' || t.norm === 'L' || t.raw === '1') return 'I';
  return null;
}
