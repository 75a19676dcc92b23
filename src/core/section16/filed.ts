/**
 * When a filing was filed and what the issuer's fiscal year is, from what the filing itself says (its EDGAR
 * submission header, an EDGAR PDF's metadata) or from EDGAR's records when the caller has them. Nothing is guessed:
 * a filing whose date is not stated anywhere has no filing date.
 */
import type { Filing } from '../model';
import { dayNumber, filingDateOfAcceptance } from '../dates';
import { dateValue, val } from '../fields';
import { headerEntries } from '../parse/submission-header';

/** Where a filing date comes from. */
export type FiledSource = 'edgar' | 'header' | 'acceptance' | 'pdf';

export interface Filed {
  /** YYYY-MM-DD. */
  date: string;
  source: FiledSource;
}

/** Where a fiscal year end comes from; 'calendar' means none is known and the calendar year is assumed. */
export type FiscalYearSource = 'edgar' | 'header' | 'calendar';

/**
 * What EDGAR knows beyond the filing's own text (a caller that fetched the filing or the issuer's submissions from
 * EDGAR passes it): the acceptance time of a filing, the issuer's fiscal year end.
 */
export interface EdgarFacts {
  /** EDGAR's acceptance time of the filing (YYYY-MM-DDTHH:MM:SS, Eastern), or its filing date (YYYY-MM-DD). */
  acceptance?(filing: Filing): string | null | undefined;
  /** The issuer's fiscal year end as EDGAR gives it ("0930"), by issuer CIK without leading zeros. */
  fiscalYearEnd?(issuerCik: string): string | null | undefined;
}

export const FILED_SOURCE_LABEL: Record<FiledSource, string> = {
  edgar: 'EDGAR acceptance time',
  header: 'submission header (FILED AS OF DATE)',
  acceptance: 'submission header (ACCEPTANCE-DATETIME)',
  pdf: "EDGAR PDF's metadata",
};

export const FISCAL_SOURCE_LABEL: Record<FiscalYearSource, string> = {
  edgar: "EDGAR's company record",
  header: 'submission header (FISCAL YEAR END)',
  calendar: 'not known: the calendar year is assumed',
};

/** A date or an acceptance time as the filing date it makes (Regulation S-T Rule 13(a)(4) for a time). */
function dateOfStamp(stamp: string): string | null {
  const t = stamp.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return dayNumber(t) === null ? null : t;
  return filingDateOfAcceptance(t);
}

/**
 * The filing date: EDGAR's acceptance time when the caller knows it, else the submission header's FILED AS OF DATE,
 * else its ACCEPTANCE-DATETIME (a Form 3, 4 or 5 accepted by 10 p.m. on a business day is filed that day), else the
 * "filed on" date of an EDGAR PDF. null when none is known.
 */
export function filedOf(filing: Filing, edgar?: EdgarFacts): Filed | null {
  const fromEdgar = edgar?.acceptance?.(filing);
  if (fromEdgar) {
    const d = dateOfStamp(fromEdgar);
    if (d) return { date: d, source: 'edgar' };
  }
  const sub = filing.submission;
  if (sub) {
    const d = dateValue(sub.filedAsOf);
    if (d) return { date: d, source: 'header' };
    const acc = val(sub.acceptanceDateTime);
    const a = acc ? filingDateOfAcceptance(acc) : null;
    if (a) return { date: a, source: 'acceptance' };
  }
  const p = filing.pdf?.filedOn ?? null;
  if (p && dayNumber(p) !== null) return { date: p.slice(0, 10), source: 'pdf' };
  return null;
}

/** Header keys that start a section about a party other than the issuer. */
const OTHER_PARTIES = new Set(['REPORTING-OWNER', 'FILER', 'FILED-BY', 'DEPOSITOR', 'SECURITIZER', 'ISSUING-ENTITY']);
const ISSUER_PARTIES = new Set(['ISSUER', 'SUBJECT-COMPANY']);

/** "1231", "0930": a month and a day that exists in some year. */
export function isMonthDay(mmdd: string): boolean {
  const m = /^(\d{2})(\d{2})$/.exec(mmdd);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** The FISCAL YEAR END (MMDD) the submission header gives in its ISSUER section, or null. */
export function headerFiscalYearEnd(filing: Filing): string | null {
  const span = filing.submission?.span;
  if (!span) return null;
  let inIssuer = false;
  for (const e of headerEntries(filing.text, span)) {
    if (e.close) {
      if (ISSUER_PARTIES.has(e.key)) inIssuer = false;
      continue;
    }
    if (!e.raw && ISSUER_PARTIES.has(e.key)) inIssuer = true;
    else if (!e.raw && OTHER_PARTIES.has(e.key)) inIssuer = false;
    else if (inIssuer && e.key === 'FISCAL-YEAR-END') return isMonthDay(e.raw) ? e.raw : null;
  }
  return null;
}

/** The EDGAR accession number of the filing (submission header), or null. */
export function accessionOf(filing: Filing): string | null {
  return val(filing.submission?.accessionNumber ?? null);
}
