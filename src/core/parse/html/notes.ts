/** The explanation of responses (footnotes), the remarks and the signatures. */
import type { Span } from '../../model';
import { cellsOf, rowsOf, spanOfPieces, textNodes, textOf, type Piece } from '../form/htmltree';
import { collapse, makeField } from '../form/normalize';
import { enclosingTable, type HtmlPage } from './page';

/** The numbered notes under "Explanation of Responses" (continuation lines joined) and the remarks after them. */
export function readFootnotesAndRemarks(page: HtmlPage): void {
  const head = page.labelCells(/^Explanation of Responses:?$/i)[0];
  if (!head || !head.parent) return;
  const table = enclosingTable(head);
  if (!table) return;
  const rows = rowsOf(table);
  const start = rows.indexOf(head.parent);
  let inRemarks = false;
  const remarks: Piece[] = [];
  let remarksSpan: Span | null = null;
  for (const r of rows.slice(start + 1)) {
    const c = cellsOf(r)[0];
    if (!c) continue;
    const t = collapse(textOf(c));
    if (/^Remarks:?$/i.test(t)) {
      inRemarks = true;
      continue;
    }
    const pieces: Piece[] = textNodes(c).map((n) => ({ text: n.text, map: n.map, node: n }));
    if (inRemarks) {
      if (remarks.length) remarks.push({ text: ' ', map: [c.start, c.start], node: pieces[0]?.node });
      remarks.push(...pieces);
      const sp = spanOfPieces(pieces);
      if (sp) remarksSpan = remarksSpan ? { start: remarksSpan.start, end: sp.end } : sp;
      continue;
    }
    if (!t) continue;
    const m = /^(\d{1,3})\s*[.)]\s*/.exec(t);
    const whole = spanOfPieces(pieces);
    if (!m) {
      // A line that does not start with a number continues the previous footnote.
      const last = page.filing.footnotes[page.filing.footnotes.length - 1];
      if (last && last.text.raw != null) {
        last.text.raw = `${last.text.raw} ${t}`;
        last.text.value = last.text.raw;
        if (whole && last.text.span) last.text.span = { start: last.text.span.start, end: whole.end };
        if (whole && last.span) last.span = { start: last.span.start, end: whole.end };
      } else
        page.finding(
          'html-unknown-footnote',
          'info',
          `Explanation line without a footnote number: "${t.slice(0, 80)}"`,
          whole,
        );
      continue;
    }
    // Span of the number and of the text after "n. ".
    const src = page.sourcePositions(pieces);
    const numStart = src.firstNonSpace;
    const digits = m[1];
    const idSpan = numStart >= 0 ? { start: src.pos[numStart], end: src.pos[numStart + digits.length] } : null;
    const textStart = numStart >= 0 ? numStart + prefixLength(src.text.slice(numStart)) : -1;
    const body = collapse(t.slice(m[0].length));
    const bodySpan = textStart >= 0 && whole ? { start: src.pos[textStart], end: whole.end } : whole;
    const id = `F${Number(digits)}`;
    page.filing.footnotes.push({
      id: makeField(digits, id, idSpan),
      text: makeField(body, body, bodySpan),
      span: whole,
    });
  }
  const raw = collapse(remarks.map((p) => p.text).join(''));
  if (raw) page.filing.remarks = makeField(raw, raw, remarksSpan);
}

/** The rows above "** Signature of Reporting Person": a name and a date each. */
export function readSignatures(page: HtmlPage): void {
  const label = page.labelCells(/^\*\*\s*Signature of Reporting Person$/i)[0];
  if (!label || !label.parent) return;
  const table = enclosingTable(label);
  if (!table) return;
  const rows = rowsOf(table);
  const end = rows.indexOf(label.parent);
  for (const r of rows.slice(0, Math.max(0, end))) {
    const cells = cellsOf(r);
    if (cells.length < 2) continue;
    const nameCv = page.cell(cells[cells.length - 2]);
    const dateCv = page.cell(cells[cells.length - 1]);
    if (nameCv.raw == null && dateCv.raw == null) continue;
    page.filing.signatures.push({
      name: page.textField(nameCv),
      date: page.dateField(dateCv, 'Signature date'),
      span: { start: r.start, end: r.end },
    });
  }
}

/** The length of a footnote's number with its "." or ")" and the space after it. */
function prefixLength(s: string): number {
  const m = /^\d{1,3}\s*[.)][\s\u00a0]*/.exec(s);
  return m ? m[0].length : 0;
}
