/** What the printed form's values and labels look like in text: dates (with OCR repairs), empty boxes, headings. */
import { monthNumber } from '../../dates';
import { normalizeDate } from '../form/normalize';

export const DATE_RE = /(?<![\w/])([0-9OolI]{1,2})\s?[/.-]\s?([0-9OolI]{1,2})\s?[/.-]\s?([0-9OolI]{4})(?![\w/])/;
/** Old text filings: "2/7/00". */
export const DATE2_RE = /(?<![\w/])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\w/])/;
/** "February 29,2000", "Feb. 29, 2000". */
export const MONTH_DATE_RE =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s{1,3}(\d{1,2}),?\s{0,3}(\d{4})\b/i;
/** The owner box's label, as OCR writes it too: accented e's ("Addréss"), the m as "mi" or "rn" ("Namie"), the end
 * of "Address" lost ("Addn"). */
export const NAME_AND_ADDRESS = /Na(?:m|rn|mi|ni)e[\s-]{1,3}and[\s-]{1,3}Add(?:r[eéèêë]ss|n\b)/i;

/** The owner box's whole label, as each joint filer's block after the tables starts. */
export const NAME_AND_ADDRESS_OF_PERSON = new RegExp(`${NAME_AND_ADDRESS.source}\\s+of\\s+Reporting\\s+Person`, 'i');

/** Cell values that mean "nothing here". */
export const NONE_VALUES = new Set(['-', '--', '---', '\u2014', '\u2013', 'N/A', 'n/a', 'NA', 'None', 'none']);

/** OCR letter-for-digit confusions. */
/** `s` without the characters of `chars` at its end (a loop: a `[...]+$` pattern is quadratic on a long run). */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

export function ocrDigits(s: string): string {
  return s.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
}

/**
 * A line holding only the relationship box's "(Check all applicable)", which OCR puts below the labels of the boxes
 * beside it (its "all" perhaps "ali"): the value of a box whose label is above it is on the line after.
 */
export const CHECK_ALL_LINE = /^[\s.,:;|-]*\(Check\s+a[l1iI|]{2}\s+applicable\)\s*$/i;

export const HEADER_WORDS =
  /(Title of|\(Instr\.|Instr\. \d|Month\/Day\/Year|Transaction Code|\(A\) or \(D\)|Date Exercisable|Expiration Date|Amount or Number|Ownership Form|Beneficially Owned|Transaction\(s\)|Nature of Indirect|Deemed Execution|Conversion or Exercise|Securities Acquired|Disposed of|Underlying|Derivative Security|^\s*Code\s*$)/i;

/** The first date in a string: MM/DD/YYYY (OCR letters repaired), "February 29, 2000", or MM/DD/YY. */
export function dateFromString(seg: string): { raw: string; index: number; value: string | null; why?: string } | null {
  const m = DATE_RE.exec(seg);
  if (m) {
    const fixed = `${ocrDigits(m[1])}/${ocrDigits(m[2])}/${ocrDigits(m[3])}`;
    const why = /[OolI]/.test(m[0]) ? `letters read as digits in "${m[0]}" (OCR)` : undefined;
    return { raw: m[0], index: m.index, value: normalizeDate(fixed), why };
  }
  const mm = seg.length <= 2000 ? MONTH_DATE_RE.exec(seg) : null;
  if (mm) {
    const mo = monthNumber(mm[1]) ?? 0;
    return { raw: mm[0], index: mm.index, value: normalizeDate(`${mo}/${mm[2]}/${mm[3]}`) };
  }
  const m2 = DATE2_RE.exec(seg);
  if (m2) {
    const yy = Number(m2[3]);
    const year = yy < 50 ? 2000 + yy : 1900 + yy;
    return {
      raw: m2[0],
      index: m2.index,
      value: normalizeDate(`${m2[1]}/${m2[2]}/${year}`),
      why: `two-digit year in "${m2[0]}" read as ${year}`,
    };
  }
  return null;
}

/** A text with the accents OCR puts on letters taken off ("moré" is "more", "Kestrél" is "Kestrel"). */
export function withoutAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A name's letters for comparison: upper case, letters and digits only, accents dropped ("Kestrél" is "KESTREL"). */
export function key(s: string): string {
  return withoutAccents(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');
}

/** The footnotes' heading, as OCR writes it too: an accent on a letter, an l read as a 1 or an I ("Explanation of
 * Résponses"), the last s read as a quote or lost ("Explanation of Response’:"). */
export const EXPLANATION = /Exp[l1I]anation\s+of\s+R[eéèêë]sp[o0]nse(?:s|[’'‘`])?\s*:?/i;

/** Whether `a` becomes `b` with at most `max` letters inserted, deleted or changed (Levenshtein, given up early). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  // Levenshtein distance by rows, given up once a whole row exceeds `max`.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

/**
 * "C/O" (care of) as OCR writes it at the box's edge: its C lost ("/O"), the edge read as a parenthesis ("(C/O"),
 * its O as a Q or a zero, or doubled ("C/Q", "C/0", "/O0").
 */
export const CARE_OF_MISREAD = String.raw`(?:\(C|C|)\/[OQ0]{1,2}`;

/**
 * Whether two strings of one length differ in exactly one place, compared without case: a word one letter made of
 * another, or a number or date one digit off (a character OCR misread).
 */
export function oneCharOff(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let off = 0;
  for (let i = 0; i < a.length && off < 2; i++) if (a[i].toLowerCase() !== b[i].toLowerCase()) off++;
  return off === 1;
}
