/** What a cell holds: its value and footnote markers, and whether it can be a value of a box. */
import { valueKind, type BoxKey } from '../../form/layout';
import type { FootnoteRef } from '../../model';
import type { Piece, TextDoc } from './doc';
import { DATE_RE, DATE2_RE, MONTH_DATE_RE } from './patterns';

/** The boxes of a table, left to right, that a row's values are read into. */
export type Layout = BoxKey[];

/** Split a cell's text into value and trailing footnote markers "(1)(2)". */
export function splitMarkers(doc: TextDoc, p: Piece): { value: Piece | null; refs: FootnoteRef[] } {
  const s = doc.t.slice(p.start, p.end);
  const refs: FootnoteRef[] = [];
  // Trailing markers only: walk back over "(n)" groups.
  let cut = s.length;
  for (let n = 0; n < 20; n++) {
    // Look only at the last few characters: a marker is short (linear however long the cell).
    const from = Math.max(0, cut - 12);
    const m = /\(\s?(\d{1,2})\s?\)\s*$/.exec(s.slice(from, cut));
    if (!m) break;
    const at = from + m.index;
    refs.unshift({ id: `F${Number(m[1])}`, span: doc.span(p.start + at, p.start + at + m[0].trimEnd().length) });
    cut = at;
  }
  return { value: doc.piece(p.start, p.start + cut), refs };
}

/** Whether a cell's text can be a value of the box (markers stripped). */
export function fits(doc: TextDoc, box: BoxKey, p: Piece): boolean {
  const v = p.merged ?? splitMarkers(doc, p).value?.raw ?? '';
  if (!v) return true; // only markers: fits any value box
  switch (valueKind(box)) {
    case 'text':
      return /[A-Za-z]/.test(v);
    case 'date':
      return DATE_RE.test(v) || DATE2_RE.test(v) || MONTH_DATE_RE.test(v) || /^[A-Za-z][A-Za-z .]{2,}$/.test(v); // "Immediately"; "(1)" handled above
    case 'code':
      return /^[A-Za-z]\s?(?:\(\s?\d{1,2}\s?\))?$/.test(v);
    case 'flag':
      return /^[Vv]$/.test(v);
    case 'acquiredDisposed':
      return /^\(?[AD]\)?$/i.test(v) || /^A\s?[,/]\s?D$/i.test(v);
    case 'directIndirect':
      return /^\(?[DI]\)?$/i.test(v);
    case 'amount':
      return /^\$?\s?[0-9OolI][0-9OolI,.\s]*-?$/.test(v);
  }
}
