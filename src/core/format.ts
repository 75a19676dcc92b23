/**
 * How values are shown to a person: one rule for the preview, the tree, the summary, the CLI and the rules'
 * messages. Exact: decimal strings as written and big.js values, never floats. Exports (CSV, JSON) carry the exact
 * value instead of any of this.
 *
 * - An amount (shares, units, a difference) keeps every digit, grouped by thousands: "1234567.8900" -> "1,234,567.8900".
 * - A price, or any dollar figure a filing states, is shown as written with a dollar sign: "197.70" -> "$197.70",
 *   "2.2900" -> "$2.2900" (the filer's zeros are part of what was reported). A price computed here (a median, the
 *   width of a range) keeps all its digits, with at least two decimals.
 * - Money computed here (shares x price, sums of such values) is a total in dollars and cents, rounded half-up:
 *   17004.0486 -> "$17,004.05". Its exact value is in the JSON model's `derived` figures.
 * - Dates in prose read "Apr 1, 2024"; tables show a date as the filing gives it (ISO).
 */
import Big from 'big.js';

/** Optional sign, digits, optional fraction (either side of the point may be empty, not both). Linear. */
const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Longest text `fmtMoney` parses as a number: twice the longest decimal the core computes with, and more. */
const MAX_MONEY_TEXT = 400;

/**
 * "1234567" -> "1,234,567", for a string of digits. Linear: the usual /\B(?=(\d{3})+(?!\d))/ look-ahead rescans the
 * rest of the number at every digit, which a hostile 5 MB value turns into hours (fuzz fixture huge-decimal).
 */
export function groupDigits(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(',');
}

interface Plain {
  negative: boolean;
  int: string;
  /** Digits after the point, as written; undefined when there is no point (or nothing after it). */
  frac: string | undefined;
}

/** A decimal's sign and digits as written ("+.50" -> 0 and "50"), or null when the text is not a plain decimal. */
function plainOf(text: string): Plain | null {
  const m = PLAIN.exec(text.trim());
  if (!m || (m[2] === '' && !m[3])) return null;
  return { negative: m[1] === '-', int: m[2] || '0', frac: m[3] || undefined };
}

function grouped(p: Plain): string {
  return groupDigits(p.int) + (p.frac !== undefined ? `.${p.frac}` : '');
}

/** Digits after the point of a Big in plain notation. */
function decimals(b: Big): number {
  const s = b.toFixed();
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * An amount: "13500" -> "13,500", "-7402" -> "-7,402", "1234.5670" -> "1,234.5670", ".5" -> "0.5"; a Big in plain
 * notation. Text that is not a plain decimal is returned as it is; null gives the placeholder.
 */
export function fmtAmount(value: Big | string | null | undefined, placeholder = ''): string {
  if (value === null || value === undefined) return placeholder;
  const text = typeof value === 'string' ? value : value.toFixed();
  const p = plainOf(text);
  if (!p) return text;
  return (p.negative ? '-' : '') + grouped(p);
}

/**
 * A price or a dollar figure: as written with a dollar sign ("197.70" -> "$197.70", "2.2900" -> "$2.2900",
 * "-5" -> "-$5"); a computed Big with all its digits and at least two decimals (1.2 -> "$1.20"). Text that is not
 * a plain decimal is returned as it is; null gives the placeholder.
 */
export function fmtPrice(value: Big | string | null | undefined, placeholder = ''): string {
  if (value === null || value === undefined) return placeholder;
  const text = typeof value === 'string' ? value : value.toFixed(Math.max(2, decimals(value)));
  const p = plainOf(text);
  if (!p) return text;
  return `${p.negative ? '-' : ''}$${grouped(p)}`;
}

/**
 * A total computed from the filing's figures, in dollars and cents, rounded half-up: 16950.58 -> "$16,950.58",
 * 16000 -> "$16,000.00", 17004.0486 -> "$17,004.05". A string is read as a decimal (the exact text of a value);
 * one that is not a decimal is returned as it is; null gives the placeholder.
 */
export function fmtMoney(value: Big | string | null | undefined, placeholder = ''): string {
  if (value === null || value === undefined) return placeholder;
  let b: Big;
  if (typeof value === 'string') {
    const p = value.length <= MAX_MONEY_TEXT ? plainOf(value) : null;
    if (!p) return value;
    b = new Big(`${p.negative ? '-' : ''}${p.int}${p.frac !== undefined ? `.${p.frac}` : ''}`);
  } else b = value;
  const cents = b.round(2, Big.roundHalfUp);
  const p = plainOf(cents.abs().toFixed(2))!;
  return `${cents.lt(0) ? '-' : ''}$${grouped(p)}`;
}

/** Fields of a table row that hold dollars (prices and values): shown as prices. */
const DOLLAR_FIELDS: ReadonlySet<string> = new Set([
  'conversionOrExercisePrice',
  'transactionPricePerShare',
  'transactionTotalValue',
  'valueOwnedFollowingTransaction',
  'underlyingSecurityValue',
]);

/** A numeric value of a table row, by its field: dollars as prices ("$2.2900"), other numbers as amounts ("7,402"). */
export function fmtFieldValue(field: string, value: string): string {
  return DOLLAR_FIELDS.has(field) ? fmtPrice(value) : fmtAmount(value);
}

/** Month abbreviations as dates are shown ("Apr 1, 2024"). */
export const MONTHS: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A day for prose: "2024-04-01" -> "Apr 1, 2024". Text that is not such a date is returned as it is; null gives the placeholder. */
export function fmtDate(iso: string | null | undefined, placeholder = ''): string {
  if (!iso) return placeholder;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

/** Footnote ids as the form prints them: ["F1","F12"] -> "(1)(12)". */
export function fmtMarkers(ids: readonly string[]): string {
  return ids.map((id) => `(${id.replace(/^F/i, '')})`).join('');
}

/** A URI with a scheme of two or more letters (a one-letter "scheme" is a Windows drive: C:\...). */
const URI = /^[a-z][a-z0-9+.-]+:/i;

/** Where a URI's query or fragment starts (its length when it has neither). */
function queryOrFragment(uri: string): number {
  const q = uri.indexOf('?');
  const h = uri.indexOf('#');
  return q < 0 ? (h < 0 ? uri.length : h) : h < 0 ? q : Math.min(q, h);
}

/**
 * The name of a file, from a path or a URI: "/a/b/x.xml", "C:\\a\\x.xml" and "file:///a/x%20y.xml?q#f" give
 * "x.xml", "x.xml" and "x y.xml". A URI's query and fragment are left out and its escapes decoded; a path is
 * taken as written ("#" and "%" are ordinary characters of a file name).
 */
export function baseName(file: string): string {
  const isUri = URI.test(file);
  const path = isUri ? file.slice(0, queryOrFragment(file)).replace(URI, '') : file;
  const parts = path.split(isUri ? '/' : /[\\/]/);
  let name = parts[parts.length - 1];
  if (!name) return file;
  if (isUri) {
    try {
      name = decodeURIComponent(name);
    } catch {
      // a malformed escape: the name as written
    }
  }
  return name;
}
