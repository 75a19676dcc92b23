/**
 * EDGAR's addresses: the three SEC hosts the client may talk to, the URLs of what it reads there, the parts of an
 * Archives address (CIK, accession number, document).
 */
import { EdgarError } from './errors';

/** The hosts the client requests from, over HTTPS only. */
export const EDGAR_HOSTS: ReadonlySet<string> = new Set(['www.sec.gov', 'data.sec.gov', 'efts.sec.gov']);

export const TICKERS_URL = 'https://www.sec.gov/files/company_tickers.json';

/** A CIK as EDGAR writes it in submissions file names: ten digits, zero-padded. */
export function cik10(cik: string | number): string {
  return String(cik)
    .replace(/^0+(?=\d)/, '')
    .padStart(10, '0');
}

/** A CIK without leading zeros, as in Archives paths. */
export function cikPlain(cik: string | number): string {
  return String(cik).replace(/^0+(?=\d)/, '');
}

/** "0000320193-24-000084" from "000032019324000084" (or the dashed form as it is); null for anything else. */
export function accessionDashed(s: string): string | null {
  const m = /^(\d{10})-?(\d{2})-?(\d{6})$/.exec(s.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function accessionPlain(accession: string): string {
  return accession.replace(/-/g, '');
}

export function submissionsUrl(cik: string | number): string {
  return `https://data.sec.gov/submissions/CIK${cik10(cik)}.json`;
}

/** An older page of the submissions, by the name `filings.files` gives ("CIK0000320193-submissions-001.json"). */
export function submissionsPageUrl(name: string): string {
  if (!/^CIK\d{10}-submissions-\d{3}\.json$/.test(name))
    throw new EdgarError('malformed', `EDGAR's submissions list names an older page oddly ("${name.slice(0, 80)}")`);
  return `https://data.sec.gov/submissions/${name}`;
}

export function filingFolderUrl(cik: string | number, accession: string): string {
  return `https://www.sec.gov/Archives/edgar/data/${cikPlain(cik)}/${accessionPlain(accession)}`;
}

export function documentUrl(cik: string | number, accession: string, document: string): string {
  return `${filingFolderUrl(cik, accession)}/${document}`;
}

/** The full submission (.txt: SEC header and every document of the filing). */
export function fullSubmissionUrl(cik: string | number, accession: string): string {
  return `${filingFolderUrl(cik, accession)}/${accession}.txt`;
}

/** The filing's index page on SEC.gov (what a person opens to see the filing). */
export function filingIndexUrl(cik: string | number, accession: string): string {
  return `${filingFolderUrl(cik, accession)}/${accession}-index.htm`;
}

/** The latest-filings feed (Atom), one page; the parameters in the order EDGAR's own links give them. */
export function currentFeedUrl(type: string, start: number, count: number): string {
  return `https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&count=${count}&start=${start}&type=${encodeURIComponent(type)}&owner=include&output=atom`;
}

/** EDGAR full-text search (2001 on), restricted to ownership forms: finds the people named in them. */
export function fullTextSearchUrl(query: string, forms: readonly string[]): string {
  return `https://efts.sec.gov/LATEST/search-index?q=${encodeURIComponent(`"${query}"`)}&forms=${forms.map(encodeURIComponent).join(',')}`;
}

/**
 * The primary document's raw XML: EDGAR's listing names the xsl-rendered view ("xslF345X05/wk-form4_1.xml"), the
 * ownership XML itself is the same name without the rendering folder.
 */
export function rawDocumentName(primaryDocument: string): string {
  return primaryDocument.replace(/^xslF345X\d+\//i, '');
}

/** A parsed SEC.gov address, or an error saying why it is not one the client may request. */
export function secUrl(address: string): URL {
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    throw new EdgarError('address', `"${address.slice(0, 200)}" is not a web address`);
  }
  if (u.protocol !== 'https:' || !EDGAR_HOSTS.has(u.hostname) || u.port !== '' || u.username || u.password)
    throw new EdgarError(
      'address',
      `${u.origin} is not EDGAR: only https://www.sec.gov, https://data.sec.gov and https://efts.sec.gov are requested`,
      address,
    );
  u.hash = '';
  return u;
}

/** The parts of an Archives address. */
export interface ArchivesAddress {
  cik: string;
  accession: string | null;
  /** The document's name inside the filing's folder (null for the folder, the index page or the .txt). */
  document: string | null;
  kind: 'document' | 'index' | 'full-text' | 'folder';
}

/** The CIK, accession number and document of an EDGAR Archives address; null when it is not one. */
export function parseArchivesPath(pathname: string): ArchivesAddress | null {
  const m = /^\/Archives\/edgar\/data\/(\d{1,10})\/(.*)$/.exec(pathname);
  if (!m) return null;
  const cik = cikPlain(m[1]);
  const rest = m[2];
  // {acc}.txt, {acc}-index.htm(l) directly under the CIK (older links), or inside the filing's folder
  const flat = /^(\d{10}-\d{2}-\d{6})(\.txt|-index\.html?|-index-headers\.html?)$/.exec(rest);
  if (flat) return { cik, accession: flat[1], document: null, kind: flat[2] === '.txt' ? 'full-text' : 'index' };
  const folder = /^(\d{18})(?:\/(.*))?$/.exec(rest);
  if (!folder) return null;
  const accession = accessionDashed(folder[1]);
  const doc = folder[2] ?? '';
  if (doc === '' || doc === 'index.json' || doc === 'index.html' || doc === 'index.htm')
    return { cik, accession, document: null, kind: 'folder' };
  if (accession && (doc === `${accession}.txt` || /^[\d-]+-index(?:-headers)?\.html?$/.test(doc)))
    return { cik, accession, document: null, kind: doc.endsWith('.txt') ? 'full-text' : 'index' };
  return { cik, accession, document: doc, kind: 'document' };
}
