/**
 * Worker threads that check files: jobs go out in small batches (one message per batch, not per file), results
 * come back one per file as each is done, a new worker starts only while there is work for it, and each file has a
 * time limit: a worker that overruns it is terminated and replaced, and the file is reported with the reason.
 * The jobs are pulled from an iterator as workers free up, so a folder is walked while it is being checked.
 */
import { Worker } from 'node:worker_threads';
import type { Severity } from '../../core/model';
import type { FileOutcome } from './file';

export interface Job {
  index: number;
  path: string;
}

/** What the main thread sends a worker. */
export interface BatchMessage {
  jobs: Job[];
}

/**
 * What a worker sends back, once per file: the outcome as JSON, which costs less than a structured clone of its
 * many small objects and is what the cache stores.
 */
export interface ResultMessage {
  index: number;
  json: string;
}

/** workerData of a scan worker thread. */
export interface ScanWorkerData {
  form4ScanWorker: true;
  severities: Record<string, Severity | 'off'>;
}

/** Time a worker may spend on one file before it is stopped (the whole of a parse is far below it). */
export const DEFAULT_FILE_TIME_LIMIT_MS = 30_000;

export interface PoolOptions {
  /** The script a worker runs (the CLI bundle itself: it runs the worker body when started as a scan worker). */
  script: string;
  workerData: ScanWorkerData;
  threads: number;
  timeLimitMs: number;
  /** Files per message: small enough that both workers stay busy to the end. */
  batch?: number;
  onResult: (index: number, outcome: FileOutcome, json: string | null) => void;
  /** Whether new jobs may be handed out now (false: results are piling up ahead of the output). */
  mayTake?: () => boolean;
  /** Receives the function that hands out work again once `mayTake` turns true. */
  wake?: (resume: () => void) => void;
  /** Stops the pool: no more work is handed out, the workers are terminated and the pool resolves at once. */
  signal?: AbortSignal;
}

/** Runs every job of `jobs` through the workers; resolves when all have a result. */
export function runPool(jobs: Iterator<Job>, opts: PoolOptions): Promise<void> {
  const batchSize = opts.batch ?? 8;
  const requeued: Job[] = [];
  let exhausted = false;
  let live = 0;
  const idle: Slot[] = [];
  const slots = new Set<Slot>();
  let resolveAll: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));

  const take = (): Job[] => {
    const out: Job[] = requeued.splice(0, batchSize);
    if (out.length === 0 && opts.mayTake && !opts.mayTake()) return out;
    while (out.length < batchSize && !exhausted) {
      const n = jobs.next();
      if (n.done) exhausted = true;
      else out.push(n.value);
    }
    return out;
  };

  interface Slot {
    worker: Worker;
    pending: Job[];
    timer: NodeJS.Timeout | null;
    dead: boolean;
  }

  const arm = (s: Slot) => {
    if (s.timer) clearTimeout(s.timer);
    s.timer = s.pending.length ? setTimeout(() => overrun(s), opts.timeLimitMs) : null;
  };

  const give = (s: Slot, batch: Job[]) => {
    s.pending = batch;
    s.worker.postMessage({ jobs: batch } satisfies BatchMessage);
    arm(s);
  };

  const finish = () => {
    if (live === 0 && exhausted && requeued.length === 0) resolveAll();
  };

  /** Hands out work: to idle workers first, then to new ones up to the thread count. */
  let pumping = false;
  const pump = () => {
    // Taking a job can settle others (cache hits) and so wake the pool from inside a pump.
    if (pumping) return;
    pumping = true;
    try {
      pumpOnce();
    } finally {
      pumping = false;
    }
  };
  const pumpOnce = () => {
    while (idle.length) {
      const s = idle.pop()!;
      if (s.dead) continue;
      const batch = take();
      if (!batch.length) {
        idle.push(s);
        break;
      }
      give(s, batch);
    }
    while (live < opts.threads) {
      const batch = take();
      if (!batch.length) break;
      spawn(batch);
    }
    if (exhausted && requeued.length === 0) {
      for (const s of idle.splice(0)) stop(s);
      finish();
    }
  };

  const stop = (s: Slot) => {
    if (s.dead) return;
    s.dead = true;
    slots.delete(s);
    if (s.timer) clearTimeout(s.timer);
    live--;
    void s.worker.terminate();
  };

  /** A worker gone (overrun, crash): its current file gets the reason, the rest of its batch goes back to the queue. */
  const lose = (s: Slot, reason: string) => {
    if (s.dead) return;
    const [current, ...rest] = s.pending;
    s.pending = [];
    stop(s);
    if (current) opts.onResult(current.index, { ok: false, reason, stopped: true }, null);
    requeued.unshift(...rest);
    pump();
    finish();
  };

  const overrun = (s: Slot) =>
    lose(s, `reading the file took longer than ${Math.round(opts.timeLimitMs / 100) / 10} s; stopped`);

  const spawn = (first: Job[]) => {
    // Small old generations: a worker holds one filing at a time, and workers' garbage must not add up. A young
    // generation of 16 MB: at 4 MB a worker spent a quarter of its time collecting the garbage of each parse.
    const worker = new Worker(opts.script, {
      workerData: opts.workerData,
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
    });
    const s: Slot = { worker, pending: [], timer: null, dead: false };
    slots.add(s);
    live++;
    worker.on('online', () => give(s, first));
    // Until online, the batch counts as the slot's so a worker that fails to start hands it back.
    s.pending = first;
    worker.on('message', (m: ResultMessage) => {
      if (s.dead) return;
      const i = s.pending.findIndex((j) => j.index === m.index);
      if (i >= 0) s.pending.splice(i, 1);
      opts.onResult(m.index, JSON.parse(m.json) as FileOutcome, m.json);
      if (s.pending.length) arm(s);
      else {
        arm(s);
        idle.push(s);
        pump();
      }
    });
    worker.on('error', (e) => lose(s, `the reader stopped: ${e.message}`));
    worker.on('exit', () => lose(s, 'the reader stopped'));
  };

  const abort = () => {
    exhausted = true;
    requeued.length = 0;
    for (const s of [...slots]) stop(s);
    resolveAll();
  };
  if (opts.signal?.aborted) abort();
  else opts.signal?.addEventListener('abort', abort, { once: true });
  opts.wake?.(pump);
  pump();
  return all;
}
