/**
 * EDGAR's latest-filings feed (`browse-edgar?action=getcurrent`, Atom, 100 entries a page, paged by `start`): the
 * filings of the last business days, newest first. Each filing appears once per entity on it, titled
 * "4 - COOK TIMOTHY D (0001214156) (Reporting)" / "4 - Apple Inc. (0000320193) (Issuer)"; the entries are grouped
 * back into one filing each. Past its end the feed answers a 503 "File Unavailable" page, which ends the paging.
 *
 * The `type` parameter matches forms by their start ("4" also gives 40-APP, 424B2...); only ownership forms are kept.
 */
import { XMLParser } from 'fast-xml-parser';
import { accessionDashed, currentFeedUrl, parseArchivesPath } from './addresses';
import type { EdgarClient } from './client';
import { EdgarError } from './errors';
import { baseForm } from './submissions';

export interface FeedParty {
  cik: string;
  name: string;
}

export interface CurrentFiling {
  accessionNumber: string;
  form: string;
  filingDate: string | null;
  /** The feed's `updated`: EDGAR's acceptance time with its offset ("2025-12-12T18:02:43-05:00"). */
  acceptedAt: string | null;
  /** The filing's index page. */
  indexUrl: string | null;
  issuer: FeedParty | null;
  owners: FeedParty[];
  /** Entities the feed names in another role (a filer agent, a subject company). */
  others: FeedParty[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'entry' || name === 'link' || name === 'category',
});

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['#text'] === 'string')
    return (v as Record<string, string>)['#text'];
  return '';
}

const TITLE = /^(.{1,40}?) - (.{0,300}?) \((\d{1,10})\) \(([A-Za-z ]{1,30})\)$/;

/** One feed page's entries, grouped by filing (first appearance order). */
export function parseCurrentFeed(xml: string, url: string): { filings: CurrentFiling[]; entries: number } {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    throw new EdgarError('malformed', `EDGAR's latest-filings feed (${url}) is not a readable Atom feed`, url, 200);
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (!feed || typeof feed !== 'object')
    throw new EdgarError('malformed', `EDGAR's latest-filings feed (${url}) is not an Atom feed`, url, 200);
  const entries = Array.isArray(feed.entry) ? (feed.entry as Record<string, unknown>[]) : [];
  const byAccession = new Map<string, CurrentFiling>();
  for (const e of entries) {
    const id = text(e.id);
    const summary = text(e.summary);
    const acc =
      accessionDashed(/accession-number=([\d-]{18,20})/.exec(id)?.[1] ?? '') ??
      accessionDashed(/AccNo:(?:\s*<\/b>)?\s*([\d-]{18,20})/.exec(summary)?.[1] ?? '');
    if (!acc) continue;
    const title = TITLE.exec(text(e.title).trim());
    const category = Array.isArray(e.category) ? (e.category as Record<string, string>[])[0] : undefined;
    const form = (category?.['@term'] ?? title?.[1] ?? '').trim();
    const links = Array.isArray(e.link) ? (e.link as Record<string, string>[]) : [];
    const href = links.find((l) => typeof l['@href'] === 'string')?.['@href'] ?? null;
    let indexUrl: string | null = null;
    if (href) {
      try {
        const u = new URL(href, 'https://www.sec.gov/');
        if (u.hostname === 'www.sec.gov' && parseArchivesPath(u.pathname))
          indexUrl = `https://www.sec.gov${u.pathname}`;
      } catch {
        /* not a link */
      }
    }
    const filed = /Filed:(?:\s*<\/b>)?\s*(\d{4}-\d{2}-\d{2})/.exec(summary)?.[1] ?? null;
    const updated = text(e.updated).trim();
    let f = byAccession.get(acc);
    if (!f) {
      f = {
        accessionNumber: acc,
        form,
        filingDate: filed,
        acceptedAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/.test(updated) ? updated : null,
        indexUrl,
        issuer: null,
        owners: [],
        others: [],
      };
      byAccession.set(acc, f);
    }
    if (title) {
      const party = { cik: title[3].replace(/^0+(?=\d)/, ''), name: title[2].trim() };
      const role = title[4].toLowerCase();
      if (role === 'issuer') f.issuer = party;
      else if (role === 'reporting') f.owners.push(party);
      else f.others.push(party);
    }
  }
  return { filings: [...byAccession.values()], entries: entries.length };
}

export interface CurrentOptions {
  /** Base ownership forms wanted ('3', '4', '5'). Default '4'. */
  forms?: readonly string[];
  /** Entries per page (EDGAR allows 10, 20, 40, 80, 100). */
  count?: number;
  /** Stop after this many pages of each form. */
  maxPages?: number;
  signal?: AbortSignal;
}

/** The feed page after page (one array of ownership filings per page), for each form asked, until the feed ends. */
export async function* currentFilings(
  client: EdgarClient,
  options: CurrentOptions = {},
): AsyncGenerator<CurrentFiling[]> {
  const count = options.count ?? 100;
  const forms = options.forms?.length ? options.forms : ['4'];
  for (const type of forms) {
    for (let page = 0; page < (options.maxPages ?? Infinity); page++) {
      const url = currentFeedUrl(type, page * count, count);
      const r = await client.get(url, {
        kind: 'feed',
        signal: options.signal,
        endOnFileUnavailable: page > 0,
        validate: (b, u) => parseCurrentFeed(b.toString('latin1'), u),
      });
      if (!r) break; // past the feed's end
      const wanted = r.value.filings.filter((f) => baseForm(f.form) === type);
      yield wanted;
      if (r.value.entries < count) break;
    }
  }
}
