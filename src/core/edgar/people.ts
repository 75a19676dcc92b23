/**
 * Finding an insider by name. SEC's ticker list has companies only; people (and funds) are found through EDGAR
 * full-text search (efts.sec.gov, filings since 2001), asked for ownership forms that contain the name: every hit
 * names the entities on the filing ("BUFFETT WARREN E  (CIK 0000315090)"), and those whose name holds every word
 * typed are the matches.
 */
import { cikPlain, fullTextSearchUrl } from './addresses';
import type { EdgarClient } from './client';
import { EdgarError } from './errors';

export interface NamedEntity {
  cik: string;
  name: string;
  /** How many of the search's hits name it (a rough measure of how often it files). */
  hits: number;
}

export interface SearchHit {
  accessionNumber: string | null;
  form: string | null;
  fileDate: string | null;
  entities: { cik: string; name: string }[];
}

const CIK_TAIL = /^\(CIK (\d{1,10})\)$/;

/**
 * "APPLE INC.  (AAPL)  (CIK 0000320193)" or "Cook Timothy D (CIK 0001214156)": the name and the CIK. Read from the
 * end (the last "(CIK ...)", then an optional "(tickers)") rather than by one pattern, whose lazy name and optional
 * group would backtrack over a long answer.
 */
function parseDisplayName(display: string): { name: string; cik: string } | null {
  const at = display.lastIndexOf('(CIK ');
  const cik = at < 0 ? null : CIK_TAIL.exec(display.slice(at).trimEnd());
  if (!cik) return null;
  let name = display.slice(0, at).trimEnd();
  if (name.endsWith(')')) {
    const open = name.lastIndexOf('(');
    if (open >= 0 && !name.slice(open + 1, -1).includes(')')) name = name.slice(0, open).trimEnd();
  }
  return name ? { name, cik: cik[1] } : null;
}

/** The hits of an EDGAR full-text search answer. */
export function parseFullTextSearch(json: unknown, url: string): SearchHit[] {
  const hits = (json as { hits?: { hits?: unknown } } | null)?.hits?.hits;
  if (!Array.isArray(hits))
    throw new EdgarError('malformed', `EDGAR full-text search answered ${url} in an unexpected shape`, url, 200);
  const out: SearchHit[] = [];
  for (const h of hits as unknown[]) {
    const s = (h as { _source?: Record<string, unknown> } | null)?._source;
    if (!s || typeof s !== 'object') continue;
    const names = Array.isArray(s.display_names) ? (s.display_names as unknown[]) : [];
    const entities: SearchHit['entities'] = [];
    for (const n of names) {
      if (typeof n !== 'string') continue;
      const m = parseDisplayName(n.trim());
      if (m) entities.push({ cik: cikPlain(m.cik), name: m.name.trim() });
    }
    out.push({
      accessionNumber: typeof s.adsh === 'string' ? s.adsh : null,
      form: typeof s.form === 'string' ? s.form : null,
      fileDate: typeof s.file_date === 'string' ? s.file_date : null,
      entities,
    });
  }
  return out;
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The entities of `hits` whose name contains every word of `query` (in any order: EDGAR writes "BUFFETT WARREN E"). */
export function entitiesNamed(hits: SearchHit[], query: string): NamedEntity[] {
  const qw = words(query);
  if (qw.length === 0) return [];
  const found = new Map<string, NamedEntity>();
  for (const h of hits)
    for (const e of h.entities) {
      const nw = words(e.name);
      if (!qw.every((w) => nw.some((n) => n.startsWith(w)))) continue;
      const f = found.get(e.cik);
      if (f) f.hits++;
      else found.set(e.cik, { cik: e.cik, name: e.name, hits: 1 });
    }
  return [...found.values()].sort((a, b) => b.hits - a.hits || a.name.localeCompare(b.name));
}

/** People (or any entity) named `query` on Forms 3, 4 and 5, by EDGAR full-text search. */
export async function searchPeople(client: EdgarClient, query: string, signal?: AbortSignal): Promise<NamedEntity[]> {
  const url = fullTextSearchUrl(query.trim().slice(0, 100), ['3', '4', '5']);
  const r = await client.get(url, {
    kind: 'search',
    signal,
    validate: (b, u) => parseFullTextSearch(JSON.parse(b.toString('utf8')), u),
  });
  return entitiesNamed(r!.value, query);
}
