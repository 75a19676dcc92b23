/**
 * The lines below a row's values line that continue it: text extraction breaks a row where a cell wraps, and text in
 * the order a PDF draws it (pdftotext -raw, a PDF viewer's copy) writes a row's cells one after another.
 */
import type { TextDoc } from './doc';
import { diOf, ocrTokens, type Tok } from './ocr';

type Range = [number, number];

/**
 * Of `after` (the lines below the values line, whose tokens are `values`): `more`, the lines whose values continue
 * the row, and `natureLines`, the lines after them that continue its nature of ownership.
 */
export function continuedBelow(
  doc: TextDoc,
  table: 'nonDerivative' | 'derivative',
  values: readonly Tok[],
  after: readonly Range[],
): { more: Range[]; natureLines: Range[] } {
  let more: Range[] = [];
  let natureLines: Range[] = [];
  // Table II's values line that stops after its dates, with the underlying's title and the amounts on the lines
  // below up to the D or I ("Stock Option (Right to Buy) (5) 04/14/2028" / "Class B Common" / "Stock(2)(3) 383,594
  // $3.74 D", as pdftotext -raw writes the cells in the order the PDF draws them): those lines continue it.
  if (table === 'derivative' && after.length) {
    let end = -1;
    let form: string | null = null;
    for (let j = 0; j < after.length && end < 0; j++) {
      const di = ocrTokens(doc, [after[j]]).find((t) => diOf(t) && t.kind === 'letter');
      if (di) [end, form] = [j, diOf(di)];
    }
    // After an I, lines of words are the nature of ownership ("Limited" / "Partnership(4)"), a trust's year and
    // number among them ("SMB" / "Pacific" / "2021" / "Charitable" / "Remainder" / "Unitrust I").
    const natureLine = (r: Range) =>
      ocrTokens(doc, [r]).every(
        (t, n) =>
          t.kind === 'word' ||
          t.kind === 'marker' ||
          /^(?:19|20)\d\d$/.test(t.raw) ||
          (n > 0 && t.kind === 'letter' && /^(?:I{1,3}|IV|V)$/.test(t.raw)),
      );
    let last = end;
    while (form === 'I' && last + 1 < after.length && natureLine(after[last + 1])) last++;
    if (!values.some((t) => diOf(t) && t.kind === 'letter') && end >= 0) {
      more = after.slice(0, end + 1);
      natureLines = after.slice(end + 1, last + 1);
    }
  }
  // Table I's lines below the values that start with a value continue them: text laid out by columns breaks a row
  // where a cell wraps ("... D $635.5491 (3)" / "14,474 D").
  if (table === 'nonDerivative')
    for (const r of after) {
      const [first, second] = ocrTokens(doc, [r]);
      // A bare number of one or two digits is as likely a footnote marker OCR read without its parentheses; the
      // A or D of the amount's column before the price ("A $0 757,756 D") continues the row as well.
      const value = (t: Tok | undefined) => !!t && (t.kind === 'amount' || t.kind === 'date');
      const ad = first?.kind === 'letter' && /^[AD]$/.test(first.raw) && value(second);
      // ... but not before the ownership form: "0 D" is the amount owned after selling everything.
      const marker = /^\d{1,2}$/.test(first?.raw ?? '') && !(second && diOf(second));
      // The ownership form alone on the last line ("61,386 D $0 54,666(2)" / "D") ends the row.
      const formAlone = !!first && first.kind === 'letter' && /^[DI]$/.test(first.raw) && !second;
      if (formAlone) {
        more.push(r);
        break;
      }
      if (!first || (!value(first) && !ad) || marker) break;
      more.push(r);
    }
  return { more, natureLines };
}
