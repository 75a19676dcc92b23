/** One file of a folder check: read, inspected, and reduced to what the check keeps of it. */
import * as fs from 'node:fs';
import type { Filing, Finding } from '../../core/model';
import { inspectBytes, sizeLimitReason, type InspectOptions } from '../../core/inspect';
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

/** The bytes of one input, or why it cannot be read. An over-size file is refused by its size, before it is read. */
export function readInput(path: string): Uint8Array | string {
  try {
    return sizeLimitReason(fs.statSync(path).size) ?? fs.readFileSync(path);
  } catch (e) {
    return `cannot read: ${(e as Error).message}`;
  }
}

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

export async function checkFile(path: string, options: InspectOptions, deferPdf = false): Promise<FileOutcome> {
  const bytes = readInput(path);
  if (typeof bytes === 'string') return { ok: false, reason: bytes };
  if (deferPdf && isPdf(bytes)) return { ok: false, deferred: true, reason: 'PDF read by the main thread' };
  parseCount.value++;
  const out = await inspectBytes(bytes, path, options);
  if (!out.ok) return { ok: false, reason: out.reason };
  return { ok: true, ...fileResult(out.filing) };
}
