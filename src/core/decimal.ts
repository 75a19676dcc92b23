/**
 * Exact decimal helpers over big.js: the rules never add share counts or prices as floats.
 * Inputs are the model's normalized decimal strings ("12000", "2.2900"); anything else gives null.
 */
import Big from 'big.js';

export type Decimal = Big;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Longest decimal text computed with. No share count, price or value comes near it (the largest in EDGAR have about
 * 20 digits), and big.js is quadratic in the number of digits: a hostile 5 MB value would hold the rules for hours
 * (fuzz fixture huge-decimal). Longer text is not a number the rules compute with (dec() gives null).
 */
export const MAX_DECIMAL_LENGTH = 64;

/** A Big for a normalized decimal string, or null when the text is not a plain decimal (or longer than MAX_DECIMAL_LENGTH). */
export function dec(s: string | null | undefined): Big | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  if (t.length > MAX_DECIMAL_LENGTH || !DECIMAL.test(t)) return null;
  try {
    return new Big(t.endsWith('.') ? t.slice(0, -1) : t);
  } catch {
    return null;
  }
}

/** Digits after the decimal point as written ("2.2900" -> 4, "12000" -> 0). */
export function scaleOf(s: string | null | undefined): number {
  if (!s) return 0;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

const UNITS: Big[] = [];

/**
 * 10^-n as a Big (the smallest step a number with n decimals can express). The running tally asks for it at every
 * link it tries, so the scales filings use are made once (big.js never changes a Big in place); a hostile number's
 * thousands of decimals are not kept.
 */
export function unit(n: number): Big {
  const k = Math.max(0, Math.floor(n));
  if (k > 40) return new Big(1).div(new Big(10).pow(k));
  return (UNITS[k] ??= new Big(1).div(new Big(10).pow(k)));
}

/** Compare two decimal strings numerically ("1.50" equals "1.5"); null when either is not a decimal. */
export function decEquals(a: string | null | undefined, b: string | null | undefined): boolean | null {
  const x = dec(a);
  const y = dec(b);
  if (!x || !y) return null;
  return x.eq(y);
}

/** Canonical text of a decimal for keys: "12.50" -> "12.5", "012" -> "12"; the input trimmed when not a decimal. */
export function canonical(s: string | null | undefined): string {
  const b = dec(s);
  if (!b) return (s ?? '').trim();
  return b.toFixed();
}
