/**
 * The core's readers in a Node worker thread, under a time limit: an input (bytes, text or a PDF) is read there and
 * its outcome sent back, so a large or hostile input never blocks the caller's thread (the extension host's, the
 * CLI's), and one that takes too long is stopped: the thread is terminated and the outcome is a failure with a
 * one-line reason (and a `read-limit` finding for a text input). Inputs are read one after another; the next one
 * runs on a fresh thread when the last was stopped. One thread is kept for the next input and does not keep the
 * process alive when idle; with `idleMs` it is also stopped after that long without work (the extension: no thread
 * kept for hours).
 *
 * Reusable: `run(job)` takes any job of ./protocol.ts, so more of the work (a whole workspace scan) can move here.
 *
 * This module imports neither the readers nor pdf.js: bundles that use it (the extension, the CLI) do not carry
 * them; they live in the worker's own bundle. The worker script is `reader-worker.js` beside the bundle that contains
 * this code (dist/, for both the extension and the CLI); from the TypeScript sources (tests) it is `entry.ts`, run
 * through tsx.
 */
import type { OcrJob } from '../ocr/job';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding, ParseOutcome } from '../model';
import { isPdf } from '../decode';
import { DEFAULT_PDF_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS, type PdfOptions } from '../pdf/limits';
import { INTERNAL_ERROR } from './protocol';
import type { JobMessage, ReadJob, ReadResult, ResultMessage, WorkerInspectOptions } from './protocol';

export type { ReadJob, ReadResult, WorkerInspectOptions };

/**
 * How long reading one text input (ownership XML, a submission, HTML, plain text) may take before it is stopped.
 * The largest real filing takes well under a second; a 25 MB input (the size limit) a few seconds on a busy machine.
 */
export const DEFAULT_TEXT_TIMEOUT_MS = 30_000;

export interface ReadingWorkerOptions {
  /** Path of the worker script (default: found beside this bundle). */
  workerPath?: string;
  /** Heap limit of the worker thread, MB (default 512). */
  maxHeapMb?: number;
  /** Stop the thread after this long without an input to read (default: keep it, unref'd). */
  idleMs?: number;
  /** Time limit of a text input, ms (default DEFAULT_TEXT_TIMEOUT_MS). */
  textTimeoutMs?: number;
  /** Limits of PDF reading (its time limit: DEFAULT_PDF_TIMEOUT_MS). */
  pdf?: PdfOptions;
}

function defaultWorker(): { file: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'reader-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = path.join(__dirname, 'entry.ts');
  if (fs.existsSync(source)) return { file: source, execArgv: ['--require', 'tsx/cjs'] };
  throw new Error(`the reading worker script was not found (looked for ${bundled})`);
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** How the reasons of readings stopped by the time limit or lost with their thread start. */
const STOPPED = ['reading the file took longer than', 'reading the PDF took ', 'the reader '];

/**
 * Whether a failed reading's reason is the reader's failure (an internal error, a thread that died, the time limit)
 * rather than the input's: such an input was not checked, which a folder check must report, never skip.
 */
export function readerFailed(reason: string): boolean {
  return reason.startsWith(INTERNAL_ERROR) || STOPPED.some((s) => reason.startsWith(s));
}

interface Pending {
  id: number;
  resolve: (r: ReadResult) => void;
  timer: NodeJS.Timeout;
}

/** A failed reading with its reason (and, for a text input that ran out of time, a read-limit finding). */
function failure(reason: string, findings: Finding[] = [], isFiling = false): ReadResult {
  return { outcome: { ok: false, reason, findings }, isFiling };
}

/** One worker thread that reads inputs one after another. */
export class ReadingWorker {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly options: ReadingWorkerOptions = {}) {}

  private start(): Worker {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.worker) return this.worker;
    const w = this.options.workerPath
      ? {
          file: this.options.workerPath,
          execArgv: this.options.workerPath.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [],
        }
      : defaultWorker();
    const worker = new Worker(w.file, {
      execArgv: w.execArgv,
      // A young generation of 16 MB, as the scan workers have: the default 32 MB is room a thread reading one input
      // at a time does not use, and a folder check's peak memory counts it.
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 512, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (msg: ResultMessage) => {
      const p = this.pending;
      if (!p || p.id !== msg.id) return;
      this.finish(msg.result);
    });
    const fail = (why: string) => {
      // A worker stopped after a timeout (or by dispose) ends later: the request pending by then (a good input read
      // right after a hostile one) runs on a newer worker and must not be failed by the old one's exit.
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish(failure(why));
    };
    worker.on('error', (e) => fail(`the reader failed: ${e.message}`));
    worker.on('exit', (code) => fail(`the reader stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finish(result: ReadResult): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    this.worker?.unref();
    p.resolve(result);
    const idleMs = this.options.idleMs;
    if (idleMs !== undefined && this.worker) {
      if (this.idle) clearTimeout(this.idle);
      const w = this.worker;
      // a later request clears this before it can fire (start()); one queued behind this one starts synchronously
      this.idle = setTimeout(() => {
        this.idle = null;
        if (this.worker !== w || this.pending) return;
        this.worker = null;
        void w.terminate();
      }, idleMs);
      this.idle.unref();
    }
  }

  /** The time limit of a job, and what a reading stopped by it says. */
  private limit(job: ReadJob): { ms: number; stopped: () => ReadResult } {
    const pdf = job.kind === 'pdf' || (job.kind === 'bytes' && isPdf(job.bytes));
    if (pdf) {
      const ms = (job.kind === 'pdf' ? job.pdf.timeoutMs : job.options.pdf?.timeoutMs) ?? DEFAULT_PDF_TIMEOUT_MS;
      // The PDF reader stops itself at its limit; the thread is killed a little later if it cannot (stuck in one step).
      return { ms: ms + 1000, stopped: () => failure(`reading the PDF took longer than ${seconds(ms)}; stopped`) };
    }
    const ms = this.options.textTimeoutMs ?? DEFAULT_TEXT_TIMEOUT_MS;
    const reason = `reading the file took longer than ${seconds(ms)}; stopped`;
    // A text input stopped this way is a filing the reader could not finish: it says so at its start.
    const findings: Finding[] =
      job.kind === 'text'
        ? [
            {
              rule: 'read-limit',
              severity: 'warning',
              message: `Reading this file took longer than ${seconds(ms)} and was stopped: nothing in it was checked`,
              span: { start: 0, end: 0 },
            },
          ]
        : [];
    return { ms, stopped: () => failure(reason, findings, job.kind === 'text') };
  }

  /**
   * Read one input in the worker; never rejects. `signal` cancels it: queued, it is never sent; under way, its
   * thread is stopped (the next input starts a fresh one). A cancelled reading is a failure "cancelled".
   */
  run(job: ReadJob, signal?: AbortSignal): Promise<ReadResult> {
    const go = () =>
      new Promise<ReadResult>((resolve) => {
        if (signal?.aborted) {
          resolve(failure('cancelled'));
          return;
        }
        let worker: Worker;
        try {
          worker = this.start();
        } catch (e) {
          resolve(failure(e instanceof Error ? e.message : String(e)));
          return;
        }
        const id = this.nextId++;
        const { ms, stopped } = this.limit(job);
        const stop = (result: ReadResult) => {
          if (this.pending?.id !== id) return;
          const w = this.worker;
          this.worker = null;
          this.finish(result);
          void w?.terminate();
        };
        const timer = setTimeout(() => stop(stopped()), ms);
        const onAbort = () => stop(failure('cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        this.pending = {
          id,
          resolve: (r) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(r);
          },
          timer,
        };
        worker.ref();
        const message: JobMessage = { id, job };
        if (job.kind === 'text') worker.postMessage(message);
        else {
          // A copy of the bytes moves to the worker; the caller keeps its own.
          const bytes = new Uint8Array(job.bytes);
          worker.postMessage({ id, job: { ...job, bytes } }, [bytes.buffer]);
        }
      });
    const result = this.queue.then(go, go);
    this.queue = result.catch(() => undefined);
    if (job.kind !== 'text') return result;
    // The worker does not send back the text it was given.
    return result.then((r) => {
      if (r.outcome.ok) r.outcome.filing.text = job.text;
      return r;
    });
  }

  /**
   * `inspectBytes` in the worker (a PDF through the worker's PDF reader), under the time limit: one input of a
   * folder check or a workspace scan. `signal` cancels it (see `run`).
   */
  async inspectBytes(
    bytes: Uint8Array,
    file: string,
    options: WorkerInspectOptions = {},
    signal?: AbortSignal,
  ): Promise<ReadResult> {
    return this.run({ kind: 'bytes', bytes, file, options: { pdf: this.pdfOptions(), ...options } }, signal);
  }

  /** Text detected and, when it is a filing, inspected in the worker. `signal` cancels it (see `run`). */
  async inspectText(
    text: string,
    file: string,
    options: WorkerInspectOptions = {},
    signal?: AbortSignal,
  ): Promise<ReadResult> {
    return this.run({ kind: 'text', text, file, options: { pdf: this.pdfOptions(), ...options } }, signal);
  }

  /** `parsePdf` in the worker: the core's PdfReader. */
  async parsePdf(bytes: Uint8Array, file: string, opts: PdfOptions & { ocr?: OcrJob } = {}): Promise<ParseOutcome> {
    const base = this.pdfOptions();
    const pdf = { timeoutMs: opts.timeoutMs ?? base.timeoutMs, maxPages: opts.maxPages ?? base.maxPages };
    return (await this.run({ kind: 'pdf', bytes, file, pdf, ocr: opts.ocr })).outcome;
  }

  private pdfOptions(): PdfOptions {
    return {
      timeoutMs: this.options.pdf?.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS,
      maxPages: this.options.pdf?.maxPages ?? DEFAULT_PDF_MAX_PAGES,
    };
  }

  /** Stop the worker thread. */
  async dispose(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const w = this.worker;
    this.worker = null;
    this.finish(failure('the reader was shut down'));
    if (w) await w.terminate();
  }
}
