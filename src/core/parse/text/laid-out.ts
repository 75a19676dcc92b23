/**
 * Text laid out by columns, as `pdftotext -layout` or a PDF viewer's copy writes a form: runs of spaces keep each
 * value, and each word a cell wraps onto another line, under its own column. Where OCR's single spaces leave only the
 * order of words to go by, these columns say which box a wrapped word is of.
 */
import type { Tok } from './ocr';
import { diOf } from './ocr';

/**
 * Whether a line is laid out by columns: three gaps of three spaces or more between its words, or one of six or
 * more (OCR engines write single spaces; a holding row's few cells stand far apart).
 */
export function laidOutLine(text: string): boolean {
  return /\S {6,}\S/.test(text) || (text.match(/\S {3,}(?=\S)/g) ?? []).length >= 3;
}

/**
 * The columns of a Table II values line laid out by columns (cells apart by three spaces or more): where the title
 * ends (the first value after its words) and where the nature of ownership starts (its first word after the D or
 * I, else right of the D or I). Between them, a wrapped word can only be the underlying's title: no other box of
 * Table II holds words. Columns are counted from `lineStart`; `lineText` is the line. Null when the line is not
 * laid out so (`laidOutLine`).
 */
export function layoutZones(
  toks: readonly Tok[],
  titleEnd: number,
  lineStart: number,
  lineText: string,
): { titleEnd: number; nature: number | null } | null {
  // The line's own spacing: a token's range leaves out the footnote markers glued to it.
  if (titleEnd >= toks.length || !laidOutLine(lineText)) return null;
  const col = (t: Tok) => t.start - lineStart;
  let nature: number | null = null;
  for (let j = toks.length - 1; j > titleEnd; j--) {
    if (toks[j].kind === 'amount' && toks[j].raw !== '1') break;
    if (diOf(toks[j])) {
      nature = toks[j + 1] ? col(toks[j + 1]) : toks[j].end - lineStart + 2;
      break;
    }
  }
  return { titleEnd: col(toks[titleEnd]), nature };
}
