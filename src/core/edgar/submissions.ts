/**
 * An entity's filings from data.sec.gov's submissions API: `CIK##########.json` (the entity and its latest filings,
 * at least a year or 1,000 of them, as parallel arrays in `filings.recent`) and the older pages it names in
 * `filings.files` (each the same arrays, with the dates it covers). Only the pages a date range needs are read.
 *
 * EDGAR lists a filing under every CIK on it, so an issuer's list holds the Forms 3/4/5 about it and an insider's
 * list those they signed; an entity that is both (a company holding another's shares) has both kinds in one list.
 */
import { cikPlain, submissionsPageUrl, submissionsUrl } from './addresses';
import type { EdgarClient } from './client';
import { EdgarError, isEdgarError } from './errors';

/** The ownership forms, originals and amendments. */
export const OWNERSHIP_FORMS: readonly string[] = ['3', '3/A', '4', '4/A', '5', '5/A'];

export interface Entity {
  /** Without leading zeros. */
  cik: string;
  name: string;
  /** "operating" for companies, "other" for people and most funds; null when not given. */
  entityType: string | null;
  tickers: string[];
  /** EDGAR has Forms 3/4/5 with this entity as the issuer / as a reporting owner. */
  isIssuer: boolean;
  isOwner: boolean;
  olderPages: OlderPage[];
}

export interface OlderPage {
  name: string;
  filingCount: number;
  filingFrom: string;
  filingTo: string;
}

/** One filing as EDGAR lists it. */
export interface Listing {
  /** The CIK whose list it came from (its Archives folder is under this CIK). */
  cik: string;
  accessionNumber: string;
  form: string;
  /** YYYY-MM-DD: the date EDGAR deems it filed. */
  filingDate: string;
  reportDate: string | null;
  /** As the submissions API gives it ("2024-08-07T18:30:15.000Z"; the Z is not always UTC: some filers' times are Eastern). */
  acceptanceDateTime: string | null;
  /** As listed: for ownership XML the xsl-rendered view ("xslF345X05/form4.xml"). */
  primaryDocument: string | null;
  size: number | null;
}

export interface ListOptions {
  /** Base forms wanted ('3', '4', '5'); amendments come with them. Default: all three. */
  forms?: readonly string[];
  /** Filing dates, YYYY-MM-DD, inclusive. */
  since?: string | null;
  until?: string | null;
  signal?: AbortSignal;
}

export interface EntityFilings {
  entity: Entity;
  filings: Listing[];
  /** Older pages the range needed that could not be read (with why): their filings are missing from `filings`. */
  unreadPages: { page: OlderPage; reason: string }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

function malformed(url: string, what: string): EdgarError {
  return new EdgarError(
    'malformed',
    `EDGAR's submissions list ${url} is not in the expected shape (${what})`,
    url,
    200,
  );
}

/** The columns of one page of filings (main list's `filings.recent`, or an older page), as listings. */
export function parseColumns(cols: unknown, cik: string, url: string): Listing[] {
  if (!cols || typeof cols !== 'object') throw malformed(url, 'no filing table');
  const c = cols as Record<string, unknown>;
  const acc = c.accessionNumber;
  const form = c.form;
  const date = c.filingDate;
  if (!Array.isArray(acc) || !Array.isArray(form) || !Array.isArray(date)) throw malformed(url, 'no filing columns');
  const n = acc.length;
  if (form.length !== n || date.length !== n) throw malformed(url, 'columns of different lengths');
  const col = (name: string): unknown[] =>
    Array.isArray(c[name]) && (c[name] as unknown[]).length === n ? (c[name] as unknown[]) : [];
  const report = col('reportDate');
  const accepted = col('acceptanceDateTime');
  const primary = col('primaryDocument');
  const size = col('size');
  const out: Listing[] = [];
  for (let i = 0; i < n; i++) {
    const a = str(acc[i]);
    const f = str(form[i]);
    const d = str(date[i]);
    if (!a || !/^\d{10}-\d{2}-\d{6}$/.test(a) || !f || !d || !DATE.test(d)) continue;
    const r = str(report[i]);
    const p = str(primary[i]);
    const s = size[i];
    out.push({
      cik,
      accessionNumber: a,
      form: f,
      filingDate: d,
      reportDate: r && DATE.test(r) ? r : null,
      acceptanceDateTime: str(accepted[i]) || null,
      primaryDocument: p && p.length < 300 && !p.includes('..') ? p : null,
      size: typeof s === 'number' && Number.isFinite(s) ? s : null,
    });
  }
  return out;
}

/** The entity and its latest filings from the main submissions JSON. */
export function parseSubmissions(json: unknown, url: string): { entity: Entity; recent: Listing[] } {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw malformed(url, 'not an object');
  const j = json as Record<string, unknown>;
  const cik = str(j.cik);
  if (!cik || !/^\d{1,10}$/.test(cik)) throw malformed(url, 'no CIK');
  const filings = j.filings as Record<string, unknown> | undefined;
  if (!filings || typeof filings !== 'object') throw malformed(url, 'no filings');
  const files = Array.isArray(filings.files) ? filings.files : [];
  const olderPages: OlderPage[] = [];
  for (const f of files as unknown[]) {
    if (!f || typeof f !== 'object') continue;
    const p = f as Record<string, unknown>;
    const name = str(p.name);
    const from = str(p.filingFrom);
    const to = str(p.filingTo);
    if (name && /^CIK\d{10}-submissions-\d{3}\.json$/.test(name) && from && DATE.test(from) && to && DATE.test(to))
      olderPages.push({ name, filingCount: Number(p.filingCount) || 0, filingFrom: from, filingTo: to });
  }
  const plain = cikPlain(cik);
  const entity: Entity = {
    cik: plain,
    name: str(j.name)?.trim() || `CIK ${plain}`,
    entityType: str(j.entityType),
    tickers: Array.isArray(j.tickers) ? (j.tickers as unknown[]).map(str).filter((t): t is string => !!t) : [],
    isIssuer: Number(j.insiderTransactionForIssuerExists) === 1,
    isOwner: Number(j.insiderTransactionForOwnerExists) === 1,
    olderPages,
  };
  return { entity, recent: parseColumns(filings.recent, plain, url) };
}

/** '4' for '4' and '4/A'; null for forms that are not ownership forms. */
export function baseForm(form: string): string | null {
  const f = form.trim().toUpperCase();
  return OWNERSHIP_FORMS.includes(f) ? f.replace('/A', '') : null;
}

function wanted(l: Listing, options: ListOptions): boolean {
  const base = baseForm(l.form);
  if (!base) return false;
  if (options.forms?.length && !options.forms.includes(base)) return false;
  if (options.since && l.filingDate < options.since) return false;
  if (options.until && l.filingDate > options.until) return false;
  return true;
}

/** Newest first (by filing date, then acceptance time, then accession number). */
export function newestFirst(a: Listing, b: Listing): number {
  if (a.filingDate !== b.filingDate) return a.filingDate < b.filingDate ? 1 : -1;
  const x = a.acceptanceDateTime ?? '';
  const y = b.acceptanceDateTime ?? '';
  if (x !== y) return x < y ? 1 : -1;
  return a.accessionNumber < b.accessionNumber ? 1 : a.accessionNumber > b.accessionNumber ? -1 : 0;
}

/** The entity's submissions JSON (its name, flags and older pages, and its latest filings). */
export async function fetchSubmissions(
  client: EdgarClient,
  cik: string,
  signal?: AbortSignal,
): Promise<{ entity: Entity; recent: Listing[] }> {
  const url = submissionsUrl(cik);
  try {
    const r = await client.get(url, {
      kind: 'listing',
      signal,
      validate: (b, u) => parseSubmissions(JSON.parse(b.toString('utf8')), u),
    });
    return r!.value;
  } catch (e) {
    if (isEdgarError(e) && e.code === 'not-found')
      throw new EdgarError('not-found', `EDGAR knows no entity with CIK ${cikPlain(cik)}`, url, e.status);
    if (e instanceof SyntaxError) throw malformed(url, 'not valid JSON');
    throw e;
  }
}

/**
 * The entity's Forms 3, 4 and 5 (and amendments) in the range, newest first: its latest filings, and each older page
 * whose dates meet the range. An older page that cannot be read is reported, not fatal.
 */
export async function listOwnershipFilings(
  client: EdgarClient,
  cik: string,
  options: ListOptions = {},
): Promise<EntityFilings> {
  const { entity, recent } = await fetchSubmissions(client, cik, options.signal);
  const seen = new Set<string>();
  const filings: Listing[] = [];
  const add = (ls: Listing[]) => {
    for (const l of ls)
      if (wanted(l, options) && !seen.has(l.accessionNumber)) {
        seen.add(l.accessionNumber);
        filings.push(l);
      }
  };
  add(recent);
  const unreadPages: EntityFilings['unreadPages'] = [];
  for (const page of entity.olderPages) {
    if (options.since && page.filingTo < options.since) continue;
    if (options.until && page.filingFrom > options.until) continue;
    const url = submissionsPageUrl(page.name);
    try {
      const r = await client.get(url, {
        kind: 'listing',
        signal: options.signal,
        validate: (b, u) => parseColumns(JSON.parse(b.toString('utf8')), entity.cik, u),
      });
      add(r!.value);
    } catch (e) {
      if (isEdgarError(e) && (e.code === 'cancelled' || e.code === 'blocked' || e.code === 'user-agent')) throw e;
      unreadPages.push({ page, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  filings.sort(newestFirst);
  return { entity, filings, unreadPages };
}
