/**
 * Reading the model: a field's value as text, where it sits, and what the filing is (its form, its filing date).
 * Everything that reads a filing (the rules, the summary, the derived figures, the cross-filing check, the
 * timeline) reads values through these, so they agree on what "the value" of a field is.
 */
import type {
  Citation,
  Field,
  Filing,
  Footnote,
  FootnoteRef,
  Loc,
  RelatedInfo,
  Row,
  Signature,
  Span,
  TableName,
} from './model';
import { dayNumber } from './dates';
import { deemedFilingDate } from './edgar/source';
import { nameTable } from './lookup';
import { columnOf, fieldLabel, isRowField, type FormNumber } from './form/layout';

/** A field's value as a trimmed string, or null. */
export function val(field: Field<unknown> | null | undefined): string | null {
  if (!field || field.value === null || field.value === undefined) return null;
  const s = String(field.value).trim();
  return s === '' ? null : s;
}

/** Upper-cased code value ("a" -> "A"), the raw text when the value could not be read. */
export function code(field: Field<unknown>): string | null {
  const v = val(field) ?? (field.raw !== null ? field.raw.trim() : null);
  return v ? v.toUpperCase() : null;
}

/** A field's value as a day ("2024-04-01", a time after it cut off), or null when it is not a valid date. */
export function dateValue(field: Field<unknown>): string | null {
  const v = val(field);
  return v !== null && dayNumber(v) !== null ? v.slice(0, 10) : null;
}

/** Where a value sits: its span (else its element, else the fallback's span), and its page for PDFs. */
export function locOf(
  field: Field<unknown> | FootnoteRef | null | undefined,
  fallback?: { span: Span | null; page?: number | null } | null,
): Loc {
  const f = field as (Field<unknown> & FootnoteRef) | null | undefined;
  const span = f?.span ?? f?.elementSpan ?? fallback?.span ?? null;
  const page = f?.page ?? fallback?.page ?? null;
  const out: Loc = { span };
  if (page !== null && page !== undefined) out.page = page;
  return out;
}

/** A place a finding points to besides its own (another row, another filing's row). */
export function rel(message: string, where: Loc, file?: string): RelatedInfo {
  const r: RelatedInfo = { message, span: where.span };
  if (where.page !== undefined && where.page !== null) r.page = where.page;
  if (file !== undefined) r.file = file;
  return r;
}

/** "Table I row 3" (1-based, counting transactions and holdings in document order). */
export function rowLabel(row: Row): string {
  return `${tableLabel(row.table)} row ${row.index + 1}`;
}

export function tableLabel(table: TableName): string {
  return table === 'nonDerivative' ? 'Table I' : 'Table II';
}

/**
 * A field of a row as the form names it: the column's heading ("Title of Security (column 1)"), or for a column
 * split into boxes the box ("Price (column 4)"); a field the form prints no box for by the preview's name ("Form
 * Type"). `transactionCoding` (footnotes on the coding as a whole) is the Transaction Code column.
 */
export function fieldTitle(form: FormNumber | null, table: TableName, name: string, element = false): string {
  const key = name === 'transactionCoding' ? 'transactionCode' : name;
  if (!isRowField(key)) return name;
  const col = columnOf(form ?? '4', table, key);
  const notes = [...(col ? [`column ${col.number}`] : []), ...(element ? [`<${name}>`] : [])];
  const title = col && col.boxes.length === 1 ? col.heading : fieldLabel(key);
  return notes.length ? `${title} (${notes.join(', ')})` : title;
}

/**
 * "Table I row 2, Price (column 4)": a field of a row, in the form's words; with `element`, also the XML element
 * ("Price (column 4, <transactionPricePerShare>)"), for the checks of the XML as written.
 */
export function fieldPlace(filing: Filing, row: Row, name: string, element = false): string {
  return `${rowLabel(row)}, ${fieldTitle(formNumber(filing), row.table, name, element)}`;
}

/** The boxes of the form's header that hold a citable value, by form. */
const DOC_BOXES = nameTable<Record<FormNumber, string>>({
  periodOfReport: {
    '3': 'Date of Event Requiring Statement (box 2)',
    '4': 'Date of Earliest Transaction (box 3)',
    '5': "Statement for Issuer's Fiscal Year Ended (box 3)",
  },
  'issuer.name': {
    '3': 'Issuer Name (box 4)',
    '4': 'Issuer Name (box 2)',
    '5': 'Issuer Name (box 2)',
  },
});

/** Where a footnote is cited, in the form's words ("Table I row 2, Price (column 4)"; "Issuer Name (box 2)"). */
export function citationPlace(filing: Filing, c: Citation): string {
  if (c.row) return fieldPlace(filing, c.row, c.fieldName);
  const boxes = DOC_BOXES[c.fieldName];
  return boxes ? boxes[formNumber(filing) ?? '4'] : c.path;
}

/** The footnote a filing defines under an id (its first definition), or null. */
/** The issuer's ticker, or null: filers of an issuer without one write "NONE" or "N/A" in the box, which is none. */
export function issuerSymbol(filing: Filing): string | null {
  const written = val(filing.issuer.tradingSymbol);
  return written && !/^(?:none|n\/?a|-+)$/i.test(written.trim()) ? written : null;
}

export function footnoteById(filing: Filing, id: string): Footnote | null {
  for (const f of filing.footnotes) if ((f.id.value ?? f.id.raw) === id) return f;
  return null;
}

/** Table I rows, then Table II rows. */
export function allRows(filing: Filing): Row[] {
  return [...filing.nonDerivative, ...filing.derivative];
}

/** documentType upper-cased and trimmed ("4", "4/A", ...), or null. */
export function docType(filing: Filing): string | null {
  const v = filing.documentType.value ?? filing.documentType.raw;
  return v ? v.trim().toUpperCase() : null;
}

/** The form number (3, 4 or 5) without the amendment suffix, or null. */
export function formNumber(filing: Filing): '3' | '4' | '5' | null {
  const t = docType(filing);
  const m = t ? /^([345])(\/A)?$/.exec(t) : null;
  return m ? (m[1] as '3' | '4' | '5') : null;
}

export function isAmendment(filing: Filing): boolean {
  return /\/A$/.test(docType(filing) ?? '');
}

/** Sources whose raw text is exactly what EDGAR validated (format, length and footnote-marker checks apply). */
export function isExactSource(filing: Filing): boolean {
  return filing.source === 'xml' || filing.source === 'submission';
}

/** A CIK without its leading zeros ("0001234567" and "1234567" are one CIK), or null when empty. */
export function normCik(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim().replace(/^0+(?=\d)/, '');
  return t === '' ? null : t;
}

/**
 * The filing date: FILED AS OF DATE of a submission header, else EDGAR's filing date for a filing read from EDGAR (or
 * the day its Eastern acceptance time counts for), else the date in an EDGAR PDF's metadata.
 */
export function filingDate(filing: Filing): { date: string; field: Field<unknown> | null } | null {
  const f = filing.submission?.filedAsOf;
  if (f) {
    const d = dateValue(f);
    if (d) return { date: d, field: f };
  }
  const e = filing.edgar;
  const fromEdgar = e && (dayNumber(e.filingDate) !== null ? e.filingDate : deemedFilingDate(e.acceptanceDateTime));
  if (fromEdgar) return { date: fromEdgar, field: null };
  const p = filing.pdf?.filedOn ?? null;
  if (p && dayNumber(p) !== null) return { date: p.slice(0, 10), field: null };
  return null;
}

/**
 * The earliest date a filing's signatures give: a lower bound of its filing date where none is known (an ownership
 * XML file carries none), since each signatory signs before or when the filing is made (Regulation S-T Rule
 * 302(b)). The earliest, so that one signature dated wrongly late claims nothing; a date after `today` is a typing
 * slip (date-implausible says so), not a date the filing was signed.
 */
export function earliestSignature(
  filing: Filing,
  today: string,
): { date: string; field: Field<unknown>; signature: Signature } | null {
  let best: { date: string; field: Field<unknown>; signature: Signature } | null = null;
  for (const signature of filing.signatures) {
    const d = dateValue(signature.date);
    if (d && d <= today && (!best || d < best.date)) best = { date: d, field: signature.date, signature };
  }
  return best;
}

/** Gifts made on or after this day are Form 4 transactions (two business days); before, Form 5 ones (Release No. 34-96492). */
export const GIFTS_ON_FORM4_FROM = '2023-02-27';

/**
 * The day a row's Form 4 deadline counts from: its deemed execution date where given, else its transaction date.
 * Null for a row without a date, and for one not due on a Form 4: a Form 5 transaction reported early (form type 5),
 * a gift made before 2023-02-27 (a Form 5 transaction then), a small acquisition (code L: Rule 16a-6(a) defers it to
 * Form 5, and a Form 4 reports it early, by choice, Rule 16a-3(a)).
 */
export function form4Execution(row: Row): { date: string; deemed: boolean } | null {
  if (val(row.transactionFormType) === '5') return null;
  const tx = dateValue(row.transactionDate);
  const deemed = dateValue(row.deemedExecutionDate);
  const exec = deemed ?? tx;
  if (exec === null) return null;
  if (code(row.transactionCode) === 'G' && (tx ?? exec) < GIFTS_ON_FORM4_FROM) return null;
  if (code(row.transactionCode) === 'L') return null;
  return { date: exec, deemed: deemed !== null };
}
