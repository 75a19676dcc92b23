/**
 * The one CSV writer of the project (the timeline CSV of the CLI, Export Transactions as CSV in the extension), with
 * every cell that a spreadsheet would take for a formula neutralized (OWASP, "CSV Injection"): a security title, an
 * owner or an issuer name from a filing that starts with "=", "+", "-", "@", a tab or a carriage return (or their
 * full-width forms, which some spreadsheets fold) is written with a leading apostrophe, which spreadsheets show as
 * text and do not keep in the cell. A plain number ("-1500", "+2.5") is not a formula and is written as is, so
 * amounts stay numbers.
 *
 * csv-stringify does the quoting; its own `escape_formulas` would also prefix a negative amount given as a string
 * (every value of the model is a string, written as filed), hence the neutralizing here, with its character set.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A cell as a spreadsheet should see it: a value that would start a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  return value.length > 0 && FORMULA_START.has(value[0]) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * CSV text with a header line of `columns` and one line per record, every cell neutralized (`csvCell`); a column a
 * record does not have is an empty cell.
 */
export function toCsv<K extends string>(
  records: readonly Readonly<Partial<Record<K, string>>>[],
  columns: readonly K[],
): string {
  const rows = records.map((r) => columns.map((c) => csvCell(r[c] ?? '')));
  return stringify([[...columns], ...rows]);
}
