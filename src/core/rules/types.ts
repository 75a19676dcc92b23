/** What a rule is and what it may use. Every rule has one stable id and one default severity. */
import type { Field, Filing, FootnoteRef, Loc, RelatedInfo, Row, Severity, Span } from '../model';

export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  /** Where the rule comes from: "TS", "FAQ", "F4", "F5", "NAL", "H" (heuristic) and the RULES.md item number, e.g. "TS 10". */
  source: string;
}

export interface RuleContext {
  filing: Filing;
  /** "Today", for plausibility checks (options.now or the clock). */
  now: Date;
}

/** A finding before the engine stamps rule id and severity. */
export interface Draft extends Loc {
  message: string;
  related?: RelatedInfo[];
}

export interface RuleDef extends RuleInfo {
  /** Rules that only read the filing's own data; parse-level rules have no check. */
  check?: (ctx: RuleContext) => Draft[];
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

export function draft(message: string, where: Loc, related?: RelatedInfo[]): Draft {
  const d: Draft = { message, span: where.span };
  if (where.page !== undefined && where.page !== null) d.page = where.page;
  if (where.box) d.box = where.box;
  if (related && related.length) d.related = related;
  return d;
}

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

/** A field's value as a trimmed string, or null. */
export function val(field: Field<unknown> | null | undefined): string | null {
  if (!field || field.value === null || field.value === undefined) return null;
  const s = String(field.value).trim();
  return s === '' ? null : s;
}

/** Upper-cased code value ("a" -> "A"). */
export function code(field: Field<unknown>): string | null {
  const v = val(field) ?? (field.raw !== null ? field.raw.trim() : null);
  return v ? v.toUpperCase() : null;
}

/** Normalized title for grouping: case, punctuation and white space ignored. */
export function normTitle(s: string | null | undefined): string {
  // Only the head of a title keys a holding: a hostile 5 MB title would otherwise be re-normalized on every key
  // (fuzz fixture huge-security-title); real titles are a few dozen characters.
  return (s ?? '')
    .slice(0, 1000)
    .toLowerCase()
    .replace(/&amp;/g, '&')
    .replace(/[^a-z0-9$%.]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Quoted value for messages, shortened. */
export function q(s: string | null | undefined, max = 60): string {
  if (s === null || s === undefined) return '(empty)';
  const t = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return `"${t}"`;
}
