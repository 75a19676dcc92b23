/**
 * A filing's EDGAR origin (`Filing.edgar`) and the address a filing opened from EDGAR goes by in the editor:
 * `form4-edgar://www.sec.gov/Archives/edgar/data/CIK/ACCESSION/DOCUMENT?filed=...&accepted=...&form=...`. The
 * address carries what EDGAR's listing said of the filing, so whoever reads the document by that name (the extension's
 * one reading path, in whatever thread) gets the same `Filing.edgar` without asking anyone: the reader derives it from
 * the name (`edgarSourceFromId`).
 */
import { addBusinessDays, dayNumber, isBusinessDay } from '../dates';
import type { EdgarSource } from '../model';
import { accessionDashed, filingIndexUrl, parseArchivesPath } from './addresses';

export const EDGAR_SCHEME = 'form4-edgar';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The source of the document at an SEC.gov Archives address, with what a listing adds. */
export function edgarSource(
  url: string,
  listed: { form?: string | null; filingDate?: string | null; acceptanceDateTime?: string | null } = {},
): EdgarSource {
  const u = new URL(url);
  const a = parseArchivesPath(u.pathname);
  return {
    url: `https://www.sec.gov${u.pathname}`,
    indexUrl: a?.accession ? filingIndexUrl(a.cik, a.accession) : null,
    cik: a?.cik ?? null,
    accessionNumber: a?.accession ?? null,
    form: listed.form ?? null,
    filingDate: listed.filingDate && DATE.test(listed.filingDate) ? listed.filingDate : null,
    acceptanceDateTime: listed.acceptanceDateTime ?? null,
  };
}

/** The editor's address of a document opened from EDGAR. */
export function edgarDocumentId(source: EdgarSource): string {
  const u = new URL(source.url);
  const q: string[] = [];
  if (source.filingDate) q.push(`filed=${encodeURIComponent(source.filingDate)}`);
  if (source.acceptanceDateTime) q.push(`accepted=${encodeURIComponent(source.acceptanceDateTime)}`);
  if (source.form) q.push(`form=${encodeURIComponent(source.form)}`);
  const query = q.join('&');
  return `${EDGAR_SCHEME}://${u.hostname}${u.pathname}${query ? `?${query}` : ''}`;
}

/** `Filing.edgar` for a document read under an editor's address from `edgarDocumentId`; null for any other name. */
export function edgarSourceFromId(fileId: string): EdgarSource | null {
  if (!fileId.startsWith(`${EDGAR_SCHEME}:`)) return null;
  let u: URL;
  try {
    u = new URL(fileId);
  } catch {
    return null;
  }
  if (u.hostname !== 'www.sec.gov') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const a = parseArchivesPath(pathname);
  if (!a || !a.accession) return null;
  // VS Code writes the query of a URI with its '=' and '&' escaped: decode it whole, then split it.
  const q = new Map<string, string>();
  let query = '';
  try {
    query = decodeURIComponent(u.search.slice(1));
  } catch {
    /* no usable query */
  }
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) q.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const accepted = q.get('accepted');
  return {
    url: `https://www.sec.gov${pathname}`,
    indexUrl: filingIndexUrl(a.cik, a.accession),
    cik: a.cik,
    accessionNumber: accessionDashed(a.accession),
    form: q.get('form')?.slice(0, 10) ?? null,
    filingDate: DATE.test(q.get('filed') ?? '') ? q.get('filed')! : null,
    acceptanceDateTime: accepted && accepted.length <= 40 ? accepted : null,
  };
}

/** Section 16 filings by direct transmission count for the day if accepted by 10 p.m. Eastern time (Reg. S-T 13(a)(4)). */
const CUTOFF = '22:00:00';

/**
 * The day a Form 3, 4 or 5 is deemed filed, from an acceptance time known to be Eastern time: "2025-12-12T18:02:43-05:00"
 * (the latest-filings feed) or "20230623194409" (a submission header's ACCEPTANCE-DATETIME). Accepted after 10 p.m., or
 * on a weekend or federal holiday, it counts for the next business day. Null for anything else, including the
 * submissions API's "...Z" times, whose zone cannot be known.
 */
export function deemedFilingDate(acceptance: string | null | undefined): string | null {
  if (!acceptance) return null;
  let date: string;
  let time: string;
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(-0[45]:00)$/.exec(acceptance);
  const header = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(acceptance);
  if (iso) [date, time] = [iso[1], iso[2]];
  else if (header) [date, time] = [`${header[1]}-${header[2]}-${header[3]}`, `${header[4]}:${header[5]}:${header[6]}`];
  else return null;
  if (dayNumber(date) === null || time > '23:59:59') return null;
  if (!isBusinessDay(date)) return addBusinessDays(date, 1);
  return time <= CUTOFF ? date : addBusinessDays(date, 1);
}
