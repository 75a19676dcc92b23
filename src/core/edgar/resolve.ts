/**
 * What the user typed, resolved to an EDGAR entity (whose Forms 3/4/5 to list) or to one filing: a ticker, a
 * company's or a person's name, a CIK, an accession number (alone, or as CIK:ACCESSION), or any EDGAR address (a
 * document, a filing's index page or folder, a submissions JSON, a browse-edgar page with a CIK).
 */
import { accessionDashed, cikPlain, parseArchivesPath, secUrl } from './addresses';
import type { EdgarClient } from './client';
import { EdgarError, isEdgarError } from './errors';
import { findListing, refFromListing, type FilingRef } from './filings';
import { searchPeople } from './people';
import { companyByTicker, fetchTickers, searchCompanies, type TickerIndex } from './tickers';

export type Query =
  | { kind: 'cik'; cik: string }
  /** One word that may be a ticker ("AAPL", "BRK-B") or the start of a name. */
  | { kind: 'ticker'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'filing'; cik: string | null; accession: string; document: string | null };

/** What kind of thing the input is, without asking EDGAR. Throws for an address that is not EDGAR's. */
export function parseQuery(input: string): Query {
  const s = input.trim();
  if (s === '')
    throw new EdgarError(
      'not-found',
      'Nothing to look up: give a ticker, a name, a CIK, an accession number or an EDGAR address',
    );
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    const u = secUrl(s);
    const sub = /^\/submissions\/CIK(\d{10})(?:-submissions-\d{3})?\.json$/.exec(u.pathname);
    if (u.hostname === 'data.sec.gov' && sub) return { kind: 'cik', cik: cikPlain(sub[1]) };
    const a = parseArchivesPath(u.pathname);
    if (a?.accession) return { kind: 'filing', cik: a.cik, accession: a.accession, document: a.document };
    const folder = /^\/Archives\/edgar\/data\/(\d{1,10})\/?$/.exec(u.pathname);
    if (folder) return { kind: 'cik', cik: cikPlain(folder[1]) };
    const cikParam = u.searchParams.get('CIK') ?? u.searchParams.get('cik');
    if (u.pathname === '/cgi-bin/browse-edgar' && cikParam && /^\d{1,10}$/.test(cikParam))
      return { kind: 'cik', cik: cikPlain(cikParam) };
    if (u.pathname === '/cgi-bin/browse-edgar' && cikParam && /^[A-Za-z][A-Za-z0-9.-]{0,9}$/.test(cikParam))
      return { kind: 'ticker', text: cikParam };
    throw new EdgarError('address', `${u.href} is not the address of an EDGAR filing or entity`, u.href);
  }
  const pair = /^(\d{1,10})\s*[:/]\s*(\d{10}-?\d{2}-?\d{6})$/.exec(s);
  if (pair) return { kind: 'filing', cik: cikPlain(pair[1]), accession: accessionDashed(pair[2])!, document: null };
  const acc = accessionDashed(s);
  if (acc && (s.includes('-') || s.length === 18)) return { kind: 'filing', cik: null, accession: acc, document: null };
  const cik = /^(?:CIK\s*)?(\d{1,10})$/i.exec(s);
  if (cik) return { kind: 'cik', cik: cikPlain(cik[1]) };
  if (/^[A-Za-z][A-Za-z0-9]{0,5}(?:[.-][A-Za-z0-9]{1,3})?$/.test(s)) return { kind: 'ticker', text: s };
  return { kind: 'name', text: s };
}

export type Resolved = { kind: 'entity'; cik: string; name: string | null } | { kind: 'filing'; ref: FilingRef };

export interface ResolveOptions {
  signal?: AbortSignal;
  /** The ticker list when the caller has it already. */
  tickers?: TickerIndex;
}

function list(items: { label: string }[]): string {
  return items.map((i) => `  ${i.label}`).join('\n');
}

/** A filing given by accession number (and maybe its CIK), with its listing when EDGAR's lists have it. */
async function resolveFiling(
  client: EdgarClient,
  q: Extract<Query, { kind: 'filing' }>,
  signal?: AbortSignal,
): Promise<FilingRef> {
  // Without a CIK, the accession number's prefix is whoever submitted it: the insider or the company itself (a
  // filing agent's CIK lists nothing of it).
  const cik = q.cik ?? cikPlain(q.accession.slice(0, 10));
  let listing = null;
  try {
    listing = await findListing(client, cik, q.accession, signal);
  } catch (e) {
    if (!isEdgarError(e) || e.code === 'cancelled' || e.code === 'blocked' || e.code === 'user-agent') throw e;
    if (q.cik === null) throw notListed(q.accession, cik, e.message);
  }
  if (listing) return { ...refFromListing(listing), document: q.document };
  if (q.cik === null) throw notListed(q.accession, cik, null);
  // Named by its address: read it even though the listing (dates) could not be found.
  return {
    cik,
    accessionNumber: q.accession,
    form: null,
    filingDate: null,
    acceptanceDateTime: null,
    primaryDocument: null,
    document: q.document,
  };
}

function notListed(accession: string, cik: string, why: string | null): EdgarError {
  return new EdgarError(
    'not-found',
    `Accession number ${accession} is not in the EDGAR filings of CIK ${cik}, who submitted it${why ? ` (${why})` : ''}: it was probably filed by an agent. Give the issuer's or the insider's CIK with it (CIK:${accession}) or the filing's address`,
  );
}

/** Resolve what the user typed (see the module comment). Throws an EdgarError naming the candidates when ambiguous. */
export async function resolveQuery(
  client: EdgarClient,
  input: string,
  options: ResolveOptions = {},
): Promise<Resolved> {
  const q = parseQuery(input);
  if (q.kind === 'cik') return { kind: 'entity', cik: q.cik, name: null };
  if (q.kind === 'filing') return { kind: 'filing', ref: await resolveFiling(client, q, options.signal) };
  const tickers = options.tickers ?? (await fetchTickers(client, options.signal));
  if (q.kind === 'ticker') {
    const c = companyByTicker(tickers, q.text);
    if (c) return { kind: 'entity', cik: c.cik, name: c.name };
  }
  const text = q.text;
  const companies = searchCompanies(tickers, text, 6);
  const exact = companies.filter(
    (c) => c.name.toLowerCase().replace(/[.,]/g, '') === text.toLowerCase().replace(/[.,]/g, ''),
  );
  if (exact.length === 1 || companies.length === 1) {
    const c = exact[0] ?? companies[0];
    return { kind: 'entity', cik: c.cik, name: c.name };
  }
  if (companies.length > 1)
    throw new EdgarError(
      'ambiguous',
      `"${text}" fits several companies; give one's ticker or CIK:\n${list(companies.slice(0, 5).map((c) => ({ label: `${c.ticker.padEnd(8)} ${c.name} (CIK ${c.cik})` })))}`,
    );
  let people: Awaited<ReturnType<typeof searchPeople>> = [];
  try {
    people = await searchPeople(client, text, options.signal);
  } catch (e) {
    if (!isEdgarError(e) || e.code !== 'not-found') throw e;
  }
  if (people.length === 1) return { kind: 'entity', cik: people[0].cik, name: people[0].name };
  if (people.length > 1)
    throw new EdgarError(
      'ambiguous',
      `"${text}" fits several names on EDGAR; give one's CIK:\n${list(people.slice(0, 8).map((p) => ({ label: `${p.name} (CIK ${p.cik})` })))}`,
    );
  throw new EdgarError('not-found', `No company, ticker or person named "${text}" was found on EDGAR`);
}
