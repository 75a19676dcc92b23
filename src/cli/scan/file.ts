/** One file of a folder check: read, inspected, and reduced to what the check keeps of it. */
import type { Filing, Finding, ParseOutcome } from '../../core/model';
import type { InspectOptions } from '../../core/inspect';
import { edgarSourceForFile } from '../../core/edgar/manifest';
import { readerFailed } from '../../core/worker/client';
import { readInputFile, type ReadScratch } from '../files';
import { isPdf } from '../../core/decode';
import { detached } from '../../core/strings';
import { chainSummary, type ChainSummary } from '../../core/reconcile';
import { LineIndex } from '../../core/positions';
import { placesOf, type Places } from './places';

/** What `check` keeps of one filing: no text, no model; plain data that crosses threads and fits in the cache. */
export interface FileResult {
  file: string;
  source: Filing['source'];
  findings: Finding[];
  summary: ChainSummary;
  places: Places;
}

export type FileOutcome =
  | ({ ok: true } & FileResult)
  /** `stopped`: the reader overran its time limit or died (a failure of the check, not a file to skip). */
  | { ok: false; reason: string; stopped?: true }
  /** A PDF, left for the main thread (one PDF reader for the whole check instead of one per worker). */
  | { ok: false; deferred: true; reason: string };

/** What the cache keeps of a file: its result, or why it is not a filing. */
export type CachedOutcome = ({ ok: true } & FileResult) | { ok: false; reason: string };

/** The bytes of one input (a regular file, read up to the size limit), or why it is not read. */
export const readInput = readInputFile;

/** How a file's bytes become an outcome: in place (a scan worker), or in the CLI's reading worker. */
export type InspectFile = (bytes: Uint8Array, path: string, options: InspectOptions) => Promise<ParseOutcome>;

/** Findings with their messages copied out of the filing's text, so keeping them does not keep the text. */
function keepFindings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({
    ...f,
    message: detached(f.message),
    related: f.related?.map((r) => ({ ...r, message: detached(r.message) })),
  }));
}

/** Reduces an inspected filing to what the check keeps. */
export function fileResult(f: Filing): FileResult {
  const lines = f.text ? new LineIndex(f.text) : null;
  const findings = keepFindings(f.findings);
  const summary = chainSummary(f);
  return { file: f.file, source: f.source, findings, summary, places: placesOf(lines, findings, summary) };
}

/** Counts the inputs actually parsed in this thread (a re-check from the cache parses only what changed). */
export const parseCount = { value: 0 };

/** How `checkFile` reads a file. */
export interface CheckFileHow {
  /** Leave a PDF unread (`deferred`) for the main thread's reader (a scan worker). */
  deferPdf?: boolean;
  /** How the bytes become an outcome (`inspectBytes` in this thread, or a reading worker). */
  inspect: InspectFile;
  /** A read buffer reused from file to file (a scan worker reads one file at a time). */
  scratch?: ReadScratch;
  /** Whether the file's folder has an EDGAR download manifest (`InputFile.manifest`; absent: look for it). */
  manifest?: boolean;
}

export async function checkFile(
  path: string,
  options: InspectOptions,
  { deferPdf = false, inspect, scratch, manifest }: CheckFileHow,
): Promise<FileOutcome> {
  // The outcome keeps nothing of the bytes (a filing holds decoded text), so a reused buffer can hold them.
  const bytes = readInput(path, scratch);
  if (typeof bytes === 'string') return { ok: false, reason: bytes };
  if (deferPdf && isPdf(bytes)) return { ok: false, deferred: true, reason: 'PDF read by the main thread' };
  parseCount.value++;
  const edgar = manifest === false ? null : edgarSourceForFile(path, bytes);
  const out = await inspect(bytes, path, { ...options, edgar });
  // A reader that failed or was stopped did not check the file: never a file to skip quietly.
  if (!out.ok)
    return readerFailed(out.reason)
      ? { ok: false, reason: out.reason, stopped: true }
      : { ok: false, reason: out.reason };
  return { ok: true, ...fileResult(out.filing) };
}
