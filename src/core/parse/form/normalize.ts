/**
 * Normalization shared by the readers of a *rendered* form (plain/OCR text and EDGAR's HTML page):
 * dates as printed on the form (MM/DD/YYYY) to YYYY-MM-DD, amounts with `$` and separators to digit
 * strings, footnote markers "(1)" to ids "F1", the form's title to a document type, and small Field builders.
 *
 * Everything here is linear in its input and never throws.
 */
import type { BoxKey } from '../../form/layout';
import type { Field, FootnoteRef, Span } from '../../model';
import { daysInMonth } from '../../dates';

/** A present field. `raw` is the text as written, `value` the normalized value (null when unreadable). */
export function makeField<T = string>(
  raw: string | null,
  value: T | null,
  span: Span | null,
  footnotes: FootnoteRef[] = [],
  uncertain = false,
): Field<T> {
  const f: Field<T> = { raw, value, present: true, footnotes, span };
  if (uncertain) f.uncertain = true;
  return f;
}

/** A box that exists on the form but is empty: no value, but the place is known (span may be empty). */
export function emptyBox<T = string>(span: Span | null, footnotes: FootnoteRef[] = []): Field<T> {
  // A box holding only a footnote marker is "present with a null value", as `<x><footnoteId/></x>` in XML.
  return { raw: null, value: null, present: footnotes.length > 0, footnotes, span };
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A date as a form prints it ("04/01/2024", "4/1/2024", "04-01-2024") or as XML writes it ("2024-04-01",
 * "2024-04-01-05:00"), to YYYY-MM-DD; null when it is not a real calendar date.
 */
export function normalizeDate(raw: string | null): string | null {
  if (raw == null) return null;
  const s = raw.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    const y = Number(m[3]);
    return validYmd(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return validYmd(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  return null;
}

/**
 * An amount as printed ("$2,598.325", "7,402", "0.00", "$ 0") to a digit string without separators,
 * keeping the digits as written; null when it is not a plain non-negative decimal.
 */
export function normalizeNumber(raw: string | null): string | null {
  if (raw == null) return null;
  let s = raw.replace(/[\s\u00a0]+/g, '');
  if (s.startsWith('$')) s = s.slice(1);
  if (s.length === 0 || s.length > 40) return null;
  // Thousands separators only between groups of three digits before the point.
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(s) || /^\.\d+$/.test(s)) return s;
  if (/^\d+\.$/.test(s)) return s.slice(0, -1);
  return null;
}

/** "(1)", "1", "F1", "[1]" -> "F1"; null when the text is not a single footnote marker. */
export function footnoteIdFromMarker(marker: string): string | null {
  const m = /^[([]?\s*[Ff]?(\d{1,3})\s*[)\]]?$/.exec(marker.trim());
  return m ? `F${Number(m[1])}` : null;
}

/** The document type a form's printed title names, or null. */
export function documentTypeFromTitle(text: string): '3' | '4' | '5' | null {
  const t = text.replace(/\s+/g, ' ').toUpperCase();
  if (t.includes('INITIAL STATEMENT OF BENEFICIAL OWNERSHIP')) return '3';
  if (t.includes('ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP')) return '5';
  if (t.includes('STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP')) return '4';
  return null;
}

/** A check mark as the rendered form shows it in a box. */
export function isCheckMark(text: string): boolean {
  return /^\s*[Xx\u2713\u2714\u2612]\s*$/.test(text);
}

/** Collapse runs of white space (including no-break spaces) to one space and trim. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** "D" / "I" (also "(D)", "Direct", "Indirect") -> "D" / "I"; null otherwise. */
export function normalizeDirectIndirect(raw: string | null): 'D' | 'I' | null {
  if (raw == null) return null;
  const s = raw
    .trim()
    .replace(/^\(|\)$/g, '')
    .toUpperCase();
  if (s === 'D' || s === 'DIRECT') return 'D';
  if (s === 'I' || s === 'INDIRECT') return 'I';
  return null;
}

/** "A" / "D" (also "(A)") -> "A" / "D"; null otherwise. */
export function normalizeAcquiredDisposed(raw: string | null): 'A' | 'D' | null {
  if (raw == null) return null;
  const s = raw
    .trim()
    .replace(/^\(|\)$/g, '')
    .toUpperCase();
  return s === 'A' || s === 'D' ? s : null;
}

/** Transaction codes of the XML spec (K and V are not codes of their own). */
export const TRANSACTION_CODES = new Set('A C D E F G H I J L M O P S U W X Z'.split(' '));

/** A transaction code cell ("S", "M", "F") -> the upper-cased code when it is one of the spec's codes. */
export function normalizeTransactionCode(raw: string | null): string | null {
  if (raw == null) return null;
  const s = raw.trim().toUpperCase();
  return TRANSACTION_CODES.has(s) ? s : null;
}

/**
 * The box of Table I or II a header label names (see ../../form/layout), or the numbered column over several boxes
 * when the label is a column's heading and its boxes have sub-headings of their own.
 */
export type ColumnKey =
  BoxKey | 'exerciseAndExpiration' | 'underlyingTitleAndAmount' | 'securitiesAcquiredDisposed' | null;

/**
 * Classify one column from its header text: `group` is the numbered header ("4. Securities Acquired (A) or
 * Disposed Of (D)"), `sub` the sub-header under it ("Amount", "(A) or (D)", "Price", "Code", "V", ...) or ''.
 * Works for the header wording of Forms 3, 4 and 5, both tables.
 */
export function classifyColumn(group: string, sub: string): ColumnKey {
  const g = collapse(group).toLowerCase();
  const s = collapse(sub).toLowerCase();
  if (s) {
    if (s === 'code') return 'transactionCode';
    if (s === 'v') return 'transactionTimeliness';
    if (s === 'amount') return 'transactionShares';
    if (s === '(a) or (d)') return 'transactionAcquiredDisposedCode';
    if (s === 'price') return 'transactionPricePerShare';
    if (s === '(a)') return 'sharesAcquired';
    if (s === '(d)') return 'sharesDisposed';
    if (s.startsWith('date exercisable')) return 'exerciseDate';
    if (s.startsWith('expiration')) return 'expirationDate';
    if (s === 'title') return 'underlyingSecurityTitle';
    if (s.startsWith('amount or number')) return 'underlyingSecurityShares';
  }
  if (g.includes('title and amount of securities underlying')) return s ? null : 'underlyingTitleAndAmount';
  if (g.includes('date exercisable')) return 'exerciseAndExpiration';
  if (g.includes('title of') && g.includes('security')) return 'securityTitle';
  if (g.includes('conversion or exercise price')) return 'conversionOrExercisePrice';
  if (g.includes('deemed execution')) return 'deemedExecutionDate';
  if (g.includes('transaction date')) return 'transactionDate';
  if (g.includes('transaction code')) return s ? null : 'transactionCode';
  if (g.includes('price of derivative')) return 'transactionPricePerShare';
  if (g.includes('nature of indirect')) return 'natureOfOwnership';
  if (g.includes('ownership form')) return 'directOrIndirectOwnership';
  if (g.includes('beneficially owned') && (g.includes('amount') || g.includes('number'))) {
    // "5. Amount of Securities Beneficially Owned Following Reported Transaction(s)" (Forms 4, 5),
    // "2. Amount of Securities Beneficially Owned" (Form 3), "9. Number of derivative Securities ... Owned".
    if (!g.includes('acquired')) return 'sharesOwnedFollowingTransaction';
  }
  if (g.includes('acquired') && g.includes('disposed')) return 'securitiesAcquiredDisposed';
  return null;
}
