/**
 * Worker threads that check files: jobs go out in small batches and come back as one message per batch (a message
 * per file woke the main thread 10,000 times for 10,000 files, and on two cores each wake-up took the core from a
 * worker), a worker holds a second batch while it reads the first so it never waits for the main thread, a new
 * worker starts only while there is work for it, and each file has a time limit: the worker writes which file it is
 * on and since when into memory shared with the main thread, and a worker that overruns is terminated and
 * replaced, and that file is reported with the reason.
 * The jobs are pulled from an iterator as workers free up, so a folder is walked while it is being checked.
 */
import { Worker } from 'node:worker_threads';
import type { Severity } from '../../core/model';
import type { Encoded } from '../../core/cache';
import type { FileOutcome } from './file';
import { attachTail } from './cache';

export interface Job {
  index: number;
  path: string;
  /** `InputFile.manifest`. */
  manifest?: boolean;
}

/** What the main thread sends a worker. */
export interface BatchMessage {
  jobs: Job[];
}

/**
 * One file's outcome as JSON (`encodeOutcome`), which costs less than a structured clone of its many small objects
 * and is what the cache stores.
 */
export interface FileResultMessage extends Encoded {
  index: number;
}

/** What a worker sends back: that it is ready (once, when its script has loaded), then once per batch. */
export type WorkerMessage = { ready: true } | ResultsMessage;

export interface ResultsMessage {
  results: FileResultMessage[];
}

/** workerData of a scan worker thread. */
export interface ScanWorkerData {
  form4ScanWorker: true;
  severities: Record<string, Severity | 'off'>;
  /** Shared with the main thread (see `Progress`). */
  progress: SharedArrayBuffer;
}

/**
 * The file a worker is reading and when it started (ms since the epoch), in memory shared with the main thread:
 * the main thread learns of results a batch at a time but must know which file overran its limit, and since when.
 */
export class Progress {
  private readonly cells: BigInt64Array;
  readonly buffer: SharedArrayBuffer;
  /** A new record (the main thread), or the one in `shared` (the worker). */
  constructor(shared?: SharedArrayBuffer) {
    this.buffer = shared ?? new SharedArrayBuffer(16);
    this.cells = new BigInt64Array(this.buffer);
    if (!shared) Atomics.store(this.cells, 0, -1n);
  }
  start(index: number, now = Date.now()): void {
    // The start time first: a reader that sees the new index sees its time too (or a later one: never too early).
    Atomics.store(this.cells, 1, BigInt(now));
    Atomics.store(this.cells, 0, BigInt(index));
  }
  /** The file being read (its job index) and when it started, or null before the first. */
  current(): { index: number; since: number } | null {
    const index = Number(Atomics.load(this.cells, 0));
    return index < 0 ? null : { index, since: Number(Atomics.load(this.cells, 1)) };
  }
}

/** Time a worker may spend on one file before it is stopped (the whole of a parse is far below it). */
export const DEFAULT_FILE_TIME_LIMIT_MS = 30_000;

/** Time a new worker may take to load its script (our bundle, not a file's content) before its first file. */
const START_LIMIT_MS = 30_000;

export interface PoolOptions {
  /** The script a worker runs (the CLI bundle itself: it runs the worker body when started as a scan worker). */
  script: string;
  workerData: Omit<ScanWorkerData, 'progress'>;
  threads: number;
  timeLimitMs: number;
  /**
   * Files per message (32 by default): each message wakes the main thread, which on two cores takes a core from a
   * worker (8 a message cost about 4% more wall time on 10,000 files than 32), and a batch is still small enough
   * that both workers stay busy to the end (two batches left to one worker are about 50 ms of reading).
   */
  batch?: number;
  onResult: (index: number, outcome: FileOutcome, encoded: Encoded | null) => void;
  /** Whether new jobs may be handed out now (false: results are piling up ahead of the output). */
  mayTake?: () => boolean;
  /** Receives the function that hands out work again once `mayTake` turns true. */
  wake?: (resume: () => void) => void;
  /** Stops the pool: no more work is handed out, the workers are terminated and the pool resolves at once. */
  signal?: AbortSignal;
}

/** Batches a worker holds at once: one being read and the next, so it never waits for the main thread. */
const IN_FLIGHT = 2;

/** Runs every job of `jobs` through the workers; resolves when all have a result. */
export function runPool(jobs: Iterator<Job>, opts: PoolOptions): Promise<void> {
  const batchSize = opts.batch ?? 32;
  const requeued: Job[] = [];
  let exhausted = false;
  let live = 0;
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
    progress: Progress;
    online: boolean;
    /** The worker's script has loaded: from now on its files are timed one by one. */
    ready: boolean;
    spawned: number;
    /** Every job handed to the worker and not yet answered, in the order it reads them. */
    pending: Job[];
    batches: number;
    /** When the worker last had nothing to read, or last answered: the start of a file it has not marked yet. */
    since: number;
    timer: NodeJS.Timeout | null;
    dead: boolean;
  }

  /** The job the worker is reading and since when (the first pending one, when it has not marked one yet). */
  const current = (s: Slot): { job: Job; since: number } | null => {
    const at = s.progress.current();
    const job = at && s.pending.find((j) => j.index === at.index);
    if (job) return { job, since: at.since };
    return s.pending.length ? { job: s.pending[0], since: s.since } : null;
  };

  /** Watches the file being read: the worker is stopped once one file has taken the time limit. */
  const arm = (s: Slot) => {
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    const cur = current(s);
    if (!cur) return;
    const starting = !s.ready;
    const left = starting
      ? s.spawned + Math.max(opts.timeLimitMs, START_LIMIT_MS) - Date.now()
      : cur.since + opts.timeLimitMs - Date.now();
    if (left > 0) s.timer = setTimeout(() => arm(s), left);
    else if (starting) lose(s, 'the reader did not start', cur.job);
    else overrun(s, cur.job);
  };

  const give = (s: Slot, batch: Job[]) => {
    if (!s.pending.length) s.since = Date.now();
    s.pending.push(...batch);
    s.batches++;
    s.worker.postMessage({ jobs: batch } satisfies BatchMessage);
    if (!s.timer) arm(s);
  };

  const finish = () => {
    if (live === 0 && exhausted && requeued.length === 0) resolveAll();
  };

  /** Hands out work: to running workers with room first, then to new ones up to the thread count. */
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
    feed: for (const s of slots) {
      while (s.online && !s.dead && s.batches < IN_FLIGHT) {
        const batch = take();
        if (!batch.length) break feed;
        give(s, batch);
      }
    }
    while (live < opts.threads) {
      const batch = take();
      if (!batch.length) break;
      spawn(batch);
    }
    if (exhausted && requeued.length === 0) {
      for (const s of [...slots]) if (s.online && !s.pending.length) stop(s);
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

  /** A worker gone (overrun, crash): its current file gets the reason, the rest of its jobs go back to the queue. */
  const lose = (s: Slot, reason: string, at = current(s)?.job) => {
    if (s.dead) return;
    const rest = s.pending.filter((j) => j !== at);
    s.pending = [];
    stop(s);
    if (at) opts.onResult(at.index, { ok: false, reason, stopped: true }, null);
    requeued.unshift(...rest);
    pump();
    finish();
  };

  const overrun = (s: Slot, job: Job) =>
    lose(s, `reading the file took longer than ${Math.round(opts.timeLimitMs / 100) / 10} s; stopped`, job);

  const spawn = (first: Job[]) => {
    // Small old generations: a worker holds one filing at a time, and workers' garbage must not add up. A young
    // generation of 12 MB (semi-spaces of 4 MB): at 4 MB a worker spent a quarter of its time collecting the garbage
    // of each parse; at 16 MB (semi-spaces of 8 MB) it spent 4-5% less time collecting, but a check of 100,000 files
    // peaked at 302-306 MB instead of 279-289 MB, over the 300 MB it is held to (BENCHMARKS.md, Scale).
    const progress = new Progress();
    const worker = new Worker(opts.script, {
      workerData: { ...opts.workerData, progress: progress.buffer } satisfies ScanWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 12 },
    });
    // Until online, the batch counts as the slot's, so a worker that fails to start hands it back (and the time
    // limit covers its start).
    const s: Slot = {
      worker,
      progress,
      online: false,
      ready: false,
      spawned: Date.now(),
      pending: [],
      batches: 0,
      since: 0,
      timer: null,
      dead: false,
    };
    slots.add(s);
    live++;
    give(s, first);
    worker.on('online', () => {
      s.online = true;
      pump();
    });
    worker.on('message', (m: WorkerMessage) => {
      if (s.dead) return;
      s.since = Date.now();
      if ('ready' in m) {
        s.ready = true;
        arm(s);
        return;
      }
      s.batches--;
      for (const r of m.results) {
        const i = s.pending.findIndex((j) => j.index === r.index);
        if (i >= 0) s.pending.splice(i, 1);
        const tail = r.tail;
        const outcome = JSON.parse(r.head) as FileOutcome;
        opts.onResult(r.index, tail === null ? outcome : attachTail(outcome, () => tail), r);
      }
      arm(s);
      pump();
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
