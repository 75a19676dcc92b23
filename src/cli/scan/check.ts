/**
 * `check`'s reading phase over files and folders: walked, checked (in worker threads when the CLI runs from its
 * bundle), or taken from the cache when unchanged, and handed on in input order as each becomes available.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { InspectOptions } from '../../core/inspect';
import type { Encoded, ResultCache, Stamp } from '../../core/cache';
import { walkInputs, type InputFile } from '../files';
import { checkFile, type CachedOutcome, type FileOutcome, type FileResult, type InspectFile } from './file';
import { DEFAULT_FILE_TIME_LIMIT_MS, runPool, type Job } from './pool';

export interface CheckSink {
  /**
   * A file read as a filing, in input order; `encoded`: the result as the cache stores it, when a worker sent it so
   * (a cache of the sink's own can keep it without encoding it again).
   */
  file(input: InputFile, result: FileResult, encoded?: Encoded | null): void;
  /** A file that could not be read as a filing, in input order; `stopped` when its reader overran or died. */
  unreadable(input: InputFile, reason: string, stopped: boolean): void;
  /** A path given that does not exist (or a folder that cannot be listed). */
  missing(path: string): void;
}

export interface CheckRunOptions {
  inspect: InspectOptions;
  /** How the main thread reads a file (PDFs, and every file when there are no worker threads). */
  inspectFile: InspectFile;
  /** The script a worker thread runs (the CLI bundle), or null to check in this thread. */
  workerScript: string | null;
  threads?: number;
  timeLimitMs?: number;
  cache?: ResultCache<CachedOutcome> | null;
  /** Stops the check: no file is read after it (a cancelled workspace scan); nothing cancelled is cached. */
  signal?: AbortSignal;
}

export interface CheckStats {
  files: number;
  /**
   * A digest of the inputs in order, with each file's size and modification time (when a cache is used): the same
   * digest and every result from the cache give the same cross-filing findings.
   */
  inputs?: string;
  /** Files handed to a reader in this run. */
  parsed: number;
  /** Files whose result came from the cache. */
  cached: number;
}

/**
 * Results held ahead of the output before no new work is handed out: a slow file (a large PDF, read in turn by the
 * main thread) must not let the rest of a 100,000-file folder pile up in memory behind it.
 */
const AHEAD = 512;

type Item = { input: InputFile; outcome: FileOutcome; encoded?: Encoded | null } | { missing: string };

export function defaultThreads(): number {
  return Number(process.env.FORM4_THREADS) || Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
}

export async function checkInputs(paths: string[], opts: CheckRunOptions, sink: CheckSink): Promise<CheckStats> {
  const stats: CheckStats = { files: 0, parsed: 0, cached: 0 };
  const inputsHash = opts.cache ? crypto.createHash('sha256') : null;
  const cache = opts.cache ?? null;
  // Results arrive out of order from the workers; they are handed on in input order, keeping only those ahead.
  const ready = new Map<number, Item>();
  const inputs = new Map<number, { input: InputFile; stamp: Stamp | null }>();
  let nextOut = 0;
  let resume: (() => void) | null = null;
  const put = (index: number, item: Item) => {
    ready.set(index, item);
    for (let it = ready.get(nextOut); it !== undefined; it = ready.get(nextOut)) {
      ready.delete(nextOut);
      inputs.delete(nextOut);
      nextOut++;
      if ('missing' in it) sink.missing(it.missing);
      else if (it.outcome.ok) sink.file(it.input, it.outcome, it.encoded);
      else sink.unreadable(it.input, it.outcome.reason, 'stopped' in it.outcome);
    }
    if (resume && ready.size < AHEAD) resume();
  };
  const settle = (index: number, outcome: FileOutcome, encoded?: Encoded | null) => {
    const at = inputs.get(index)!;
    // A file that is not a filing stays one: its reason is kept too. A stopped reader is not a result.
    if (cache && at.stamp && !('stopped' in outcome) && !opts.signal?.aborted)
      cache.set(at.input.path, at.stamp, outcome, encoded ?? undefined);
    put(index, { input: at.input, outcome, encoded });
  };

  /** The files to read: missing paths and unchanged files are settled on the way. */
  function* jobs(): Generator<Job> {
    let index = 0;
    for (const it of walkInputs(paths)) {
      if (opts.signal?.aborted) return;
      const i = index++;
      if ('missing' in it) {
        inputsHash?.update(`missing\u0000${it.missing}\n`);
        put(i, { missing: it.missing });
        continue;
      }
      stats.files++;
      let stamp: Stamp | null = null;
      if (cache) {
        try {
          const st = fs.statSync(it.path);
          stamp = { size: st.size, mtimeMs: st.mtimeMs };
        } catch {
          // Unreadable: the reader says why.
        }
      }
      inputsHash?.update(`${it.path}\u0000${stamp?.size ?? '-'}\u0000${stamp?.mtimeMs ?? '-'}\n`);
      inputs.set(i, { input: it, stamp });
      const hit = stamp && cache?.get(it.path, stamp);
      if (hit) {
        stats.cached++;
        put(i, { input: it, outcome: hit });
        continue;
      }
      stats.parsed++;
      yield { index: i, path: it.path, manifest: it.manifest };
    }
  }

  const threads = opts.threads ?? defaultThreads();
  const done = () => {
    if (inputsHash && !opts.signal?.aborted) stats.inputs = inputsHash.digest('hex');
    return stats;
  };
  if (!opts.workerScript) {
    for (const job of jobs()) {
      const outcome = await checkFile(job.path, opts.inspect, { inspect: opts.inspectFile, manifest: job.manifest });
      if (!opts.signal?.aborted) settle(job.index, outcome);
    }
    return done();
  }
  // PDFs come back from the workers unread: the main thread's PDF reader (a worker of its own) reads them in turn.
  let pdfs: Promise<void> = Promise.resolve();
  await runPool(jobs(), {
    script: opts.workerScript,
    workerData: { form4ScanWorker: true, severities: opts.inspect.severities ?? {} },
    threads,
    signal: opts.signal,
    timeLimitMs: opts.timeLimitMs ?? DEFAULT_FILE_TIME_LIMIT_MS,
    mayTake: () => ready.size < AHEAD,
    wake: (r) => (resume = r),
    onResult: (index, outcome, encoded) => {
      if (!outcome.ok && 'deferred' in outcome) {
        const { path, manifest } = inputs.get(index)!.input;
        pdfs = pdfs.then(async () => {
          if (opts.signal?.aborted) return;
          const pdf = await checkFile(path, opts.inspect, { inspect: opts.inspectFile, manifest });
          if (!opts.signal?.aborted) settle(index, pdf);
        });
      } else settle(index, outcome, encoded);
    },
  });
  await pdfs;
  return done();
}
