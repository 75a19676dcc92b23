/**
 * Transaction dates of an OCR reading read against their column: a form's rows often share one date ("10/02/2015"
 * down a day's sales), and OCR misreads a digit of one instance ("10/62/2015"). A date that is no calendar date and
 * differs in one digit from exactly one date the same table writes on two rows or more is read as that date,
 * flagged. A valid date is never changed: a real other day stays as written.
 */
import type { Row } from '../../model';
import type { TextDoc } from './doc';
import { oneCharOff } from './patterns';

/** The digits a date is written with, as "MM/DD/YYYY" and as "M/D/YYYY". */
function writings(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [`${m}${d}${y}`, `${Number(m)}${Number(d)}${y}`];
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
    const hits = common.filter((c) => writings(c).some((w) => oneCharOff(digits, w)));
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
  readPeriodByTheTables(doc);
}

/**
 * A Form 4's box 3 is the date of its earliest transaction, as its label says: a date there that is no
 * calendar date, or that comes after every signature (a transaction is reported after it happens), and is one digit
 * apart from the earliest transaction date the tables write, is that date misread ("04/30/2035" beside rows of
 * 04/30/2025, signed 05/02/2025), flagged. A valid date before the signature stays as written: the rules report a
 * period that does not match the tables.
 */
function readPeriodByTheTables(doc: TextDoc): void {
  const f = doc.filing;
  const period = f.periodOfReport;
  if (!/^4/.test(f.documentType.value ?? '') || !period.raw || period.raw.length > 12) return;
  let earliest: string | null = null;
  for (const r of [...f.nonDerivative, ...f.derivative]) {
    const v = r.transactionDate.value;
    if (v && r.kind === 'transaction' && (!earliest || v < earliest)) earliest = v;
  }
  if (!earliest || period.value === earliest) return;
  const signed = f.signatures.map((x) => x.date.value).filter((x): x is string => !!x);
  const impossible = period.value === null || (signed.length > 0 && signed.every((d) => period.value! > d));
  if (!impossible) return;
  const digits = period.raw.replace(/\D/g, '');
  if (!writings(earliest).some((w) => oneCharOff(digits, w))) return;
  const was = period.value;
  period.value = earliest;
  doc.doubt(
    period,
    'Period of report',
    `"${period.raw}" read as ${earliest}, the earliest transaction date of the tables, one digit apart: ${
      was === null ? 'it is no calendar date' : `${was} comes after the signature`
    } (OCR misread it)`,
  );
}
