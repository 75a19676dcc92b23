/**
 * Normalization of ownership-XML values (raw text as written -> the model's `value`).
 * Each function takes the trimmed, entity-decoded raw text and returns null when it cannot be read.
 */
import { daysInMonth } from '../dates';

/** Digits, at most one period; thousands separators, `$` and spaces removed; digits otherwise as written. */
export function normDecimal(raw: string): string | null {
  let s = raw;
  if (/[,$\s\u00a0]/.test(s)) s = s.replace(/[,$\s\u00a0]/g, '');
  return /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s) ? s : null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

/** YYYY-MM-DD (a real calendar date); a zone suffix (`-05:00`, `Z`, `+01:00`) is dropped. */
export function normDate(raw: string): string | null {
  const m = DATE.exec(raw);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** 1/0/true/false, any case. */
export function normBool(raw: string): boolean | null {
  const s = raw.toLowerCase();
  if (s === '1' || s === 'true') return true;
  if (s === '0' || s === 'false') return false;
  return null;
}

/** Pick-list codes: upper-cased. */
export function normCode(raw: string): string {
  return raw.toUpperCase();
}

/** Runs of white space collapsed to one space (footnotes, remarks). */
export function collapseWs(raw: string): string {
  // Most texts have single spaces only: test without building a new string.
  if (!/\s\s|[^\S ]/.test(raw)) return raw.trim();
  return raw.replace(/\s+/g, ' ').trim();
}
