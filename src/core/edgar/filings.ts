/**
 * One filing on EDGAR: which document to read (the ownership XML itself, or the full submission `.txt` when asked or
 * when there is no XML: filings before mid-2003), and where its listing is (for the filing date and acceptance time).
 * Reading the document into the model is the caller's (./read in this thread, or a reading worker).
 */
import type { EdgarSource } from '../model';
import { documentUrl, fullSubmissionUrl, rawDocumentName, submissionsPageUrl } from './addresses';
import type { EdgarClient } from './client';
import { isEdgarError } from './errors';
import { edgarSource } from './source';
import { fetchSubmissions, parseColumns, type Listing } from './submissions';

export type DocumentFormat = 'xml' | 'txt';

/** A filing to read: its folder's CIK and accession number, and what is known of it. */
export interface FilingRef {
  cik: string;
  accessionNumber: string;
  form: string | null;
  filingDate: string | null;
  acceptanceDateTime: string | null;
  /** The primary document as EDGAR lists it (for ownership XML, the xsl-rendered view's name). */
  primaryDocument: string | null;
  /** A document named by the user (an Archives address), read instead of the primary one. */
  document?: string | null;
}

export function refFromListing(l: Listing): FilingRef {
  return {
    cik: l.cik,
    accessionNumber: l.accessionNumber,
    form: l.form,
    filingDate: l.filingDate,
    acceptanceDateTime: l.acceptanceDateTime,
    primaryDocument: l.primaryDocument,
  };
}

/** The document to read for `ref` in the format asked, and the format it is actually in. */
export function documentAddress(ref: FilingRef, format: DocumentFormat): { url: string; format: DocumentFormat } {
  if (format === 'xml') {
    const doc = ref.document
      ? rawDocumentName(ref.document)
      : ref.primaryDocument
        ? rawDocumentName(ref.primaryDocument)
        : null;
    if (doc && /\.xml$/i.test(doc)) return { url: documentUrl(ref.cik, ref.accessionNumber, doc), format: 'xml' };
  }
  return { url: fullSubmissionUrl(ref.cik, ref.accessionNumber), format: 'txt' };
}

/** The file name a download gives a filing: its accession number, with the document's type. */
export function downloadName(ref: FilingRef, format: DocumentFormat): string {
  return `${ref.accessionNumber}.${format}`;
}

/** Two-digit year of an accession number as a four-digit year. */
function accessionYear(accession: string): number {
  const yy = Number(accession.slice(11, 13));
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

/**
 * The listing of `accession` in the submissions of `cik`: its latest filings, then the older pages around the
 * accession number's year, then the rest. Null when the CIK's lists do not have it.
 */
export async function findListing(
  client: EdgarClient,
  cik: string,
  accession: string,
  signal?: AbortSignal,
): Promise<Listing | null> {
  const { entity, recent } = await fetchSubmissions(client, cik, signal);
  const hit = recent.find((l) => l.accessionNumber === accession);
  if (hit) return hit;
  const year = accessionYear(accession);
  const near = (p: { filingFrom: string; filingTo: string }) =>
    Number(p.filingFrom.slice(0, 4)) <= year + 1 && Number(p.filingTo.slice(0, 4)) >= year;
  const pages = [...entity.olderPages.filter(near), ...entity.olderPages.filter((p) => !near(p))];
  for (const page of pages) {
    let listings: Listing[];
    try {
      const r = await client.get(submissionsPageUrl(page.name), {
        kind: 'listing',
        signal,
        validate: (b, u) => parseColumns(JSON.parse(b.toString('utf8')), entity.cik, u),
      });
      listings = r!.value;
    } catch (e) {
      if (isEdgarError(e) && (e.code === 'cancelled' || e.code === 'blocked')) throw e;
      continue;
    }
    const found = listings.find((l) => l.accessionNumber === accession);
    if (found) return found;
  }
  return null;
}

export interface FetchedDocument {
  ref: FilingRef;
  /** The SEC.gov address read. */
  url: string;
  format: DocumentFormat;
  bytes: Buffer;
  source: EdgarSource;
  fromCache: boolean;
}

/** Read the filing's document from EDGAR (or the cache); the full submission when the XML is not found. */
export async function fetchDocument(
  client: EdgarClient,
  ref: FilingRef,
  format: DocumentFormat,
  signal?: AbortSignal,
): Promise<FetchedDocument> {
  let where = documentAddress(ref, format);
  let r;
  try {
    r = (await client.get(where.url, { kind: 'document', signal }))!;
  } catch (e) {
    // The XML's name from the listing is not there (renamed, or never disseminated alone): the full submission has it.
    if (!(isEdgarError(e) && e.code === 'not-found' && where.format === 'xml')) throw e;
    where = documentAddress(ref, 'txt');
    r = (await client.get(where.url, { kind: 'document', signal }))!;
  }
  return {
    ref,
    url: r.url,
    format: where.format,
    bytes: r.body,
    source: edgarSource(r.url, {
      form: ref.form,
      filingDate: ref.filingDate,
      acceptanceDateTime: ref.acceptanceDateTime,
    }),
    fromCache: r.fromCache,
  };
}
