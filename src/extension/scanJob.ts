/**
 * The workspace scan's reading, off the extension host's thread: the folder check's reading phase
 * (../cli/scan/check.ts) runs over the scan's files in worker threads (dist/scan-worker.js, ./scanWorker.ts), unchanged files come from the per-file result cache the CLI uses
 * (kept in the extension's storage), and the host receives compact results (findings, the places they point at, a
 * chain summary; never a model or a text) in batches: a few Problems-panel updates a second, not one per file.
 * An abort terminates the worker threads at once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { ResultCache, rulesetKey, type Encoded, type Stamp } from '../core/cache';
import type { ChainSummary } from '../core/reconcile';
import { digest } from '../core/strings';
import type { ReadingWorker } from '../core/worker/client';
import type { WorkerInspectOptions } from '../core/worker/protocol';
import { OUTCOME_CODEC } from '../cli/scan/cache';
import { checkInputs, type CheckStats } from '../cli/scan/check';
import type { CachedOutcome } from '../cli/scan/file';
import { PlaceIndex, type Places } from '../cli/scan/places';
import type { ScannedFile } from './diagnostics';
import type { RangeMapper } from './ranges';

export interface ScanEnv {
  /** dist/scan-worker.js: the scan's worker threads run it. */
  workerScript: string;
  /** Where the result cache is kept: the workspace's storage, else the extension's global storage. */
  storage: vscode.Uri;
  /** The extension's version: results of another version are not reused. */
  version: string;
  /** The reading worker PDFs are read in (the scan workers leave them to it, as the CLI's do). */
  reader: ReadingWorker;
  /** The options every reading of the extension uses (severities, OCR). */
  options: () => WorkerInspectOptions;
}

export interface ScanBatch {
  files: ScannedFile[];
  summaries: ChainSummary[];
  /** Files not read as filings; `stopped` when the reader overran its time limit or died. */
  unreadable: { path: string; reason: string; stopped: boolean }[];
}

export interface ScanJobResult extends CheckStats {
  /** Why the cache was not used or not saved, if so. */
  cacheNotes: string[];
}

/** A batch goes to the host after this long, or sooner once it holds BATCH_FILES files. */
const BATCH_MS = 200;
const BATCH_FILES = 250;
/** Files looked up in the cache between two turns of the host's event loop. */
const CACHE_SLICE = 100;

/** Ranges of the offsets the worker recorded places for (the scan keeps no text of a file that is not open). */
export function placesRanges(places: Places): RangeMapper {
  const index = new PlaceIndex(places);
  return {
    range(span) {
      if (!span) return new vscode.Range(0, 0, 0, 0);
      const a = index.position(span.start);
      const b = index.position(span.end);
      return new vscode.Range(a.line - 1, a.column - 1, b.line - 1, b.column - 1);
    },
  };
}

/** One core is left to the editor: the scan must not starve the host's and the window's threads. */
function scanThreads(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}

/** Reads `paths` (files on disk) off the host's thread, handing results to `onBatch` in input order. */
export async function runScanJob(
  env: ScanEnv,
  paths: string[],
  scope: string,
  signal: AbortSignal,
  onBatch: (batch: ScanBatch) => void,
): Promise<ScanJobResult> {
  const options = env.options();
  const severities = options.severities ?? {};
  // Opened a slice at a time: the cache of a large workspace is tens of MB of JSON.
  const cache = await ResultCache.open<CachedOutcome>({
    dir: vscode.Uri.joinPath(env.storage, 'scan-cache').fsPath,
    scope,
    // PDFs read by OCR give other results than PDFs that are not.
    key: rulesetKey(`${env.version}+extension${options.ocr?.read ? '+ocr' : ''}`, severities),
    ...OUTCOME_CODEC,
  });
  const cacheNotes = cache.note ? [cache.note] : [];
  let batch: ScanBatch = { files: [], summaries: [], unreadable: [] };
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (signal.aborted || (!batch.files.length && !batch.unreadable.length)) return;
    const out = batch;
    batch = { files: [], summaries: [], unreadable: [] };
    onBatch(out);
  };
  const added = () => {
    if (batch.files.length + batch.unreadable.length >= BATCH_FILES) flush();
    else timer ??= setTimeout(flush, BATCH_MS);
  };
  const deliver = (path: string, outcome: CachedOutcome) => {
    if (outcome.ok) {
      batch.files.push({
        uri: vscode.Uri.file(path),
        ranges: placesRanges(outcome.places),
        findings: outcome.findings,
        fingerprint: digest(JSON.stringify([outcome.findings, outcome.places])),
      });
      batch.summaries.push(outcome.summary);
    } else batch.unreadable.push({ path, reason: outcome.reason, stopped: false });
    added();
  };
  // Unchanged files first, from the cache, a slice at a time: thousands of hits at once would hold the host's thread
  // (their diagnostics are made there) as long as reading them did.
  const fresh: string[] = [];
  const stamps = new Map<string, Stamp>();
  let cached = 0;
  for (let i = 0; i < paths.length && !signal.aborted; i += CACHE_SLICE) {
    const slice = paths.slice(i, i + CACHE_SLICE);
    const stats = await Promise.all(slice.map((p) => fs.promises.stat(p).catch(() => null)));
    slice.forEach((p, j) => {
      const st = stats[j];
      const stamp = st && { size: st.size, mtimeMs: st.mtimeMs };
      const hit = stamp && cache.get(p, stamp);
      if (hit) {
        cached++;
        deliver(p, hit);
        return;
      }
      if (stamp) stamps.set(p, stamp);
      fresh.push(p);
    });
  }
  const keep = (path: string, outcome: CachedOutcome, encoded?: Encoded | null) => {
    const stamp = stamps.get(path);
    if (stamp && !signal.aborted) cache.set(path, stamp, outcome, encoded ?? undefined);
  };
  let stats: CheckStats;
  try {
    stats = await checkInputs(
      fresh,
      {
        inspect: { severities },
        inspectFile: async (bytes, path, o) =>
          (await env.reader.inspectBytes(bytes, path, { ...options, edgar: o.edgar }, signal)).outcome,
        workerScript: env.workerScript,
        threads: scanThreads(),
        signal,
      },
      {
        file(input, r, encoded) {
          const outcome: CachedOutcome = { ok: true, ...r };
          keep(input.path, outcome, encoded);
          deliver(input.path, outcome);
        },
        unreadable(input, reason, stopped) {
          // A stopped reader is not a result to keep.
          if (!stopped) keep(input.path, { ok: false, reason });
          batch.unreadable.push({ path: input.path, reason, stopped });
          added();
        },
        missing(path) {
          batch.unreadable.push({ path, reason: 'no such file', stopped: false });
          added();
        },
      },
    );
  } finally {
    flush();
  }
  const saved = await cache.saveAsync();
  if (saved) cacheNotes.push(saved);
  return { files: stats.files + cached, parsed: stats.parsed, cached, cacheNotes };
}
