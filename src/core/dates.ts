/**
 * Calendar dates as YYYY-MM-DD strings, and SEC business days: weekdays that are not US federal holidays
 * (observed dates, from @18f/us-federal-holidays, shifted to Friday/Monday when they fall on a weekend).
 * All arithmetic is on day numbers (days since 1970-01-01, UTC), so no time zone can move a date.
 */
import { allForYear } from '@18f/us-federal-holidays';

/** The months' English names, in lower case, January first. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The month (1 to 12) an English month name names, written out or cut to three letters or more ("February",
 * "Feb", "Feb.", "Sept."), in any case; null for anything else.
 */
export function monthNumber(name: string): number | null {
  const s = name.trim().replace(/\.$/, '').toLowerCase();
  if (s.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(s));
  return i < 0 ? null : i + 1;
}

/** Day number of a YYYY-MM-DD date (a zone suffix such as "-05:00" or "Z" ignored), or null when not a real date. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  // Read digit by digit, with no match, slice or Date made: the rules ask for day numbers of every row's dates.
  const t = date.trim();
  if (t.length < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 7);
  const d = digits(t, 8, 10);
  // Years before 100 are not dates here (Date.UTC reads them as 19xx, and no filing has them).
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/** The number written by the ASCII digits of s[from, to), or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `mo` (1 to 12) of year `y`, by the Gregorian rule for leap years. */
export function daysInMonth(y: number, mo: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** YYYY-MM-DD of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

/** True when the text is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(date: string | null | undefined): boolean {
  return dayNumber(date) !== null;
}

/** The date `days` calendar days later (negative for earlier). */
export function addDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  return fromDayNumber(n + days);
}

/** Day of week, 0 = Sunday .. 6 = Saturday. */
export function weekday(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  return dayOfWeek(n);
}

/** Day of week of a day number, 0 = Sunday .. 6 = Saturday. */
function dayOfWeek(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const holidayCache = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let m = holidayCache.get(year);
  if (!m) {
    m = new Map();
    for (const h of allForYear(year)) m.set(h.dateString, h.name);
    holidayCache.set(year, m);
  }
  return m;
}

/** The name of the federal holiday observed on this date, or null. (New Year's Day of Y+1 may be observed on Dec 31 of Y.) */
export function federalHoliday(date: string): string | null {
  const y = Number(date.slice(0, 4));
  return holidaysOf(y).get(date.slice(0, 10)) ?? holidaysOf(y + 1).get(date.slice(0, 10)) ?? null;
}

export function isBusinessDay(date: string): boolean {
  const w = weekday(date);
  return w !== 0 && w !== 6 && federalHoliday(date) === null;
}

/** The date `n` business days after `date` (n >= 0; n = 0 gives `date` itself even when it is not a business day). */
export function addBusinessDays(date: string, n: number): string {
  let d = date.slice(0, 10);
  if (dayNumber(d) === null) throw new RangeError(`not a date: ${date}`);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/** The date itself when it is a business day, else the next business day (SEC Rule 0-3 rollover). */
export function onOrNextBusinessDay(date: string): string {
  let d = date.slice(0, 10);
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** Business days after `from` up to and including `to` (0 when `to` <= `from`). */
export function businessDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null || b <= a) return 0;
  // Weekdays counted by whole weeks, then the observed holidays among them taken off: a filing signed years after
  // its due date (a typed year) asks for thousands of days, which one by one cost a date string each.
  const days = b - a;
  let count = Math.floor(days / 7) * 5;
  for (let n = b - (days % 7) + 1; n <= b; n++) {
    const w = dayOfWeek(n);
    if (w !== 0 && w !== 6) count++;
  }
  const holidays = new Set<string>();
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1 + 1; y++) for (const date of holidaysOf(y).keys()) holidays.add(date);
  for (const date of holidays) {
    const n = dayNumber(date);
    if (n === null || n <= a || n > b) continue;
    const w = dayOfWeek(n);
    if (w !== 0 && w !== 6) count--;
  }
  return count;
}

/** Day `day` of the month after the date's month ("2000-02-07", 10 -> "2000-03-10"; December rolls into January). */
export function dayOfNextMonth(date: string, day: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Form 4 deadline: end of the second business day after the execution date. */
export function form4Deadline(executionDate: string): string {
  return addBusinessDays(executionDate, 2);
}

/**
 * The same day `months` calendar months later (earlier when negative); a month without that day gives its last day:
 * "2024-01-15" + 6 -> "2024-07-15", "2024-08-31" + 6 -> "2025-02-28", "2023-08-31" + 6 -> "2024-02-29".
 */
export function addMonths(date: string, months: number): string {
  if (dayNumber(date) === null) throw new RangeError(`not a date: ${date}`);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Section 16(b)'s "within any period of less than six months": two dates match when the later one is before the date
 * six calendar months after the earlier one (a January 15 trade matches up to July 14; from August 31, up to the day
 * before the last day of February). Either order; the same day matches.
 */
export function lessThanSixMonthsApart(a: string, b: string): boolean {
  const [early, late] = a <= b ? [a, b] : [b, a];
  return late.slice(0, 10) < addMonths(early.slice(0, 10), 6);
}

/**
 * A deadline `days` calendar days after `date`, moved to the next business day when it falls on a weekend or a federal
 * holiday (Exchange Act Rule 0-3(a)): Form 3 (10 days after the event), Form 5 (45 days after the fiscal year end).
 */
export function calendarDaysDeadline(date: string, days: number): string {
  return onOrNextBusinessDay(addDays(date, days));
}

/**
 * Form 4 became a two-business-day report for transactions on or after 2002-08-29 (Sarbanes-Oxley section 403);
 * before, it was a monthly statement due by the tenth day after the end of the month.
 */
export const FORM4_TWO_BUSINESS_DAYS_FROM = '2002-08-29';

/**
 * The day a Form 4 reporting a transaction executed (or deemed executed) on `execution` is due: two business days
 * later, or, before 2002-08-29, the tenth day after the end of its month (moved to the next business day).
 */
export function form4DueDate(execution: string): string {
  // Filings of a folder share their dates: each is worked out once (bounded, as the dates come from the files).
  let due = dueDates.get(execution);
  if (due === undefined) {
    due =
      execution < FORM4_TWO_BUSINESS_DAYS_FROM
        ? onOrNextBusinessDay(dayOfNextMonth(execution, 10))
        : addBusinessDays(execution, 2);
    if (dueDates.size >= 10_000) dueDates.clear();
    dueDates.set(execution, due);
  }
  return due;
}

const dueDates = new Map<string, string>();

/**
 * The filing date of a Form 3, 4 or 5 EDGAR accepted at `acceptance` (YYYY-MM-DDTHH:MM:SS, Eastern time as EDGAR
 * writes it): a submission by 10 p.m. on a business day is filed that day, a later one (or one on a weekend or
 * holiday) on the next business day (Regulation S-T Rule 13(a)(4)). null when the text is not such a time.
 */
export function filingDateOfAcceptance(acceptance: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(acceptance.trim());
  if (!m || dayNumber(m[1]) === null) return null;
  const day = m[1];
  const afterTen = m[2] > '22' || (m[2] === '22' && (m[3] !== '00' || m[4] !== '00'));
  if (isBusinessDay(day) && !afterTen) return day;
  return onOrNextBusinessDay(addDays(day, 1));
}
