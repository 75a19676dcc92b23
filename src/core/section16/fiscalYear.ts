/**
 * Issuers' fiscal years for the Item 405 report: the fiscal year end (month and day) from EDGAR when the caller knows
 * it, else from a submission header of the issuer in the set (`FISCAL YEAR END: 0930`), else the calendar year,
 * which the report then says it assumed. A fiscal year is named by the calendar year it ends in.
 */
import type { Filing } from '../model';
import { addDays } from '../dates';
import { filedOf, headerFiscalYearEnd, isMonthDay, type EdgarFacts, type FiscalYearSource } from './filed';
import type { Party, PartyIndex } from './parties';

export interface FiscalYear {
  /** The calendar year the fiscal year ends in. */
  year: number;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

export interface FiscalCalendar {
  /** MMDD. */
  monthDay: string;
  source: FiscalYearSource;
}

/** The day a fiscal year ending on `monthDay` ends in `year` (Feb 29 in a common year: Feb 28). */
export function fiscalYearEndIn(year: number, monthDay: string): string {
  const m = Number(monthDay.slice(0, 2));
  const d = Math.min(Number(monthDay.slice(2, 4)), new Date(Date.UTC(year, m, 0)).getUTCDate());
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The fiscal year that `date` falls in. */
export function fiscalYearOf(date: string, monthDay: string): FiscalYear {
  const y = Number(date.slice(0, 4));
  const year = date.slice(0, 10) <= fiscalYearEndIn(y, monthDay) ? y : y + 1;
  return fiscalYearNamed(year, monthDay);
}

/** The fiscal year ending in `year`. */
export function fiscalYearNamed(year: number, monthDay: string): FiscalYear {
  return {
    year,
    start: addDays(fiscalYearEndIn(year - 1, monthDay), 1),
    end: fiscalYearEndIn(year, monthDay),
  };
}

/** Each issuer's fiscal year end, from EDGAR, the set's submission headers (the latest filed one), or the calendar. */
export function fiscalCalendars(
  filings: readonly Filing[],
  parties: PartyIndex,
  edgar?: EdgarFacts,
): (issuer: Party) => FiscalCalendar {
  const fromHeaders = new Map<string, { monthDay: string; filed: string }>();
  for (const f of filings) {
    const md = headerFiscalYearEnd(f);
    if (!md) continue;
    const key = parties.issuer(f).key;
    const filed = filedOf(f, edgar)?.date ?? '';
    const before = fromHeaders.get(key);
    if (!before || filed > before.filed) fromHeaders.set(key, { monthDay: md, filed });
  }
  const cache = new Map<string, FiscalCalendar>();
  return (issuer) => {
    let c = cache.get(issuer.key);
    if (c) return c;
    const e = issuer.cik ? edgar?.fiscalYearEnd?.(issuer.cik) : null;
    if (e && isMonthDay(e)) c = { monthDay: e, source: 'edgar' };
    else {
      const h = fromHeaders.get(issuer.key);
      c = h ? { monthDay: h.monthDay, source: 'header' } : { monthDay: '1231', source: 'calendar' };
    }
    cache.set(issuer.key, c);
    return c;
  };
}
