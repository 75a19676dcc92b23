/**
 * SEC's ticker list (https://www.sec.gov/files/company_tickers.json: every listed company's ticker, CIK and name),
 * searched as the user types: a ticker, the start of a ticker, or words that begin the company's name.
 */
import { TICKERS_URL } from './addresses';
import type { EdgarClient } from './client';
import { EdgarError } from './errors';

export interface Company {
  cik: string;
  ticker: string;
  name: string;
}

export interface TickerIndex {
  companies: Company[];
  /** Each company's name in lower case, split into words (same order as `companies`). */
  words: string[][];
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter((w) => w.length > 0);
}

/** The list's JSON ({"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}) as an index. */
export function parseTickers(json: unknown, url = TICKERS_URL): TickerIndex {
  if (!json || typeof json !== 'object')
    throw new EdgarError('malformed', `EDGAR's ticker list (${url}) is not in the expected shape`, url, 200);
  const companies: Company[] = [];
  for (const v of Object.values(json as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const r = v as Record<string, unknown>;
    const cik = typeof r.cik_str === 'number' || typeof r.cik_str === 'string' ? String(r.cik_str) : '';
    const ticker = typeof r.ticker === 'string' ? r.ticker.trim().toUpperCase() : '';
    const name = typeof r.title === 'string' ? r.title.trim() : '';
    if (/^\d{1,10}$/.test(cik) && ticker && name) companies.push({ cik: cik.replace(/^0+(?=\d)/, ''), ticker, name });
  }
  if (companies.length === 0)
    throw new EdgarError('malformed', `EDGAR's ticker list (${url}) names no company`, url, 200);
  return { companies, words: companies.map((c) => words(c.name)) };
}

export async function fetchTickers(client: EdgarClient, signal?: AbortSignal): Promise<TickerIndex> {
  const r = await client.get(TICKERS_URL, {
    kind: 'tickers',
    signal,
    validate: (b, u) => parseTickers(JSON.parse(b.toString('utf8')), u),
  });
  return r!.value;
}

/**
 * Companies matching what the user typed, best first: the exact ticker, tickers starting with it, then names whose
 * words start with each typed word (in order of the name's length: "Apple" before "Apple Hospitality REIT"). A
 * company with several tickers appears once, under its first match.
 */
export function searchCompanies(index: TickerIndex, query: string, limit = 50): Company[] {
  const q = query.trim();
  if (q === '') return [];
  const upper = q.toUpperCase();
  const qw = words(q);
  const exact: Company[] = [];
  const prefix: Company[] = [];
  const named: { c: Company; rank: number }[] = [];
  index.companies.forEach((c, i) => {
    if (c.ticker === upper) exact.push(c);
    else if (upper.length >= 1 && c.ticker.startsWith(upper) && !/\s/.test(q)) prefix.push(c);
    else if (qw.length) {
      const nw = index.words[i];
      let at = 0;
      for (const w of qw) {
        while (at < nw.length && !nw[at].startsWith(w)) at++;
        if (at === nw.length) return;
        at++;
      }
      named.push({ c, rank: (nw[0]?.startsWith(qw[0]) ? 0 : 1000) + c.name.length });
    }
  });
  prefix.sort((a, b) => a.ticker.length - b.ticker.length || (a.ticker < b.ticker ? -1 : 1));
  named.sort((a, b) => a.rank - b.rank);
  const out: Company[] = [];
  const seen = new Set<string>();
  for (const c of [...exact, ...prefix, ...named.map((n) => n.c)]) {
    if (seen.has(c.cik)) continue;
    seen.add(c.cik);
    out.push(c);
    if (out.length >= limit) break;
  }
  return out;
}

/** The company of a ticker ("AAPL", "brk-b"), or null. */
export function companyByTicker(index: TickerIndex, ticker: string): Company | null {
  const t = ticker.trim().toUpperCase().replace(/\./g, '-');
  return index.companies.find((c) => c.ticker === t) ?? null;
}
