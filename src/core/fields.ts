/**
 * Reading the model: a field's value as text, where it sits, and what the filing is (its form, its filing date).
 * Everything that reads a filing (the rules, the summary, the derived figures, the cross-filing check, the
 * timeline) reads values through these, so they agree on what "the value" of a field is.
 */
import type { Field, Filing, FootnoteRef, Loc, RelatedInfo, Row, Span } from './model';
import { dayNumber } from './dates';
import { deemedFilingDate } from './edgar/source';

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
  return `${row.table === 'nonDerivative' ? 'Table I' : 'Table II'} row ${row.index + 1}`;
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
