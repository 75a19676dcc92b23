/**
 * Transaction dates of an OCR reading read against their column: a form's rows often share one date ("10/02/2015"
 * down a day's sales), and OCR misreads a digit of one instance ("10/62/2015"). A date that is no calendar date and
 * differs in one digit from exactly one date the same table writes on two rows or more is read as that date,
 * flagged. A valid date is never changed: a real other day stays as written.
 */
import type { Row } from '../../model';
import type { TextDoc } from './doc';

/** The digits a date is written with, as "MM/DD/YYYY" and as "M/D/YYYY". */
function writings(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [`${m}${d}${y}`, `${Number(m)}${Number(d)}${y}`];
}

/** Whether two digit strings of one length differ in exactly one place. */
function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

function readBack(doc: TextDoc, rows: readonly Row[], table: string): void {
  const count = new Map<string, number>();
  for (const r of rows) {
    const v = r.transactionDate.value;
    if (v) count.set(v, (count.get(v) ?? 0) + 1);
  }
  const common = [...count].filter(([, n]) => n >= 2).map(([v]) => v);
  if (!common.length) return;
  for (const r of rows) {
    const f = r.transactionDate;
    if (f.value || !f.raw || f.raw.length > 12) continue;
    const digits = f.raw.replace(/\D/g, '');
    const hits = common.filter((c) => writings(c).some((w) => oneDigitApart(digits, w)));
    if (hits.length !== 1) continue;
    f.value = hits[0];
    doc.doubt(
      f,
      `${table} row ${r.index + 1} transaction date`,
      `"${f.raw}" is no calendar date; read as ${hits[0]}, the date the table writes on ${count.get(hits[0])} other rows, one digit apart (OCR misread it)`,
    );
  }
}

/** Transaction dates that are no dates, read against the dates their table repeats (OCR readings only). */
export function readDatesByTheTable(doc: TextDoc): void {
  if (!doc.ocr) return;
  readBack(doc, doc.filing.nonDerivative, 'Table I');
  readBack(doc, doc.filing.derivative, 'Table II');
}
