/**
 * A document fetched from EDGAR read into the model in this thread, like every other input: under its EDGAR editor
 * address, with its origin on the filing. The CLI reads so; the extension reads in its reading worker instead.
 */
import { inspectBytes, type InspectOptions } from '../inspect';
import type { EdgarSource, ParseOutcome } from '../model';
import type { FetchedDocument } from './filings';
import { edgarDocumentId } from './source';

export function inspectDocument(doc: FetchedDocument, options: InspectOptions = {}): Promise<ParseOutcome> {
  return inspectBytes(doc.bytes, edgarDocumentId(doc.source), { ...options, edgar: doc.source });
}

/** `DownloadOptions.read` in this thread: the document parsed without rules, its EDGAR origin on it. */
export function readHere(bytes: Uint8Array, file: string, edgar: EdgarSource | null): Promise<ParseOutcome> {
  return inspectBytes(bytes, file, { noRules: true, edgar });
}
