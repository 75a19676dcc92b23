/**
 * CSV for the Section 16 reports. A cell that a spreadsheet would read as a formula (one beginning with = + - @, a tab
 * or a carriage return) is prefixed with a single quote: names and titles come from filings, and a filing is hostile
 * input. One function so that a shared core CSV writer can take its place.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function writeCsv(records: readonly Record<string, string>[], columns: readonly string[]): string {
  const safe = records.map((r) => {
    const out: Record<string, string> = {};
    for (const c of columns) out[c] = csvCell(r[c] ?? '');
    return out;
  });
  return stringify(safe, { header: true, columns: [...columns] });
}
