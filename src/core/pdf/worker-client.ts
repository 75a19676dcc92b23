/**
 * Run `parsePdf` in a Node worker thread, so that a large or hostile PDF never blocks the caller's thread (the
 * extension host's main thread) and a reader that hangs is killed: on timeout the thread is terminated and the
 * outcome is `{ ok: false }`. One thread is kept for the next PDF and does not keep the process alive when idle;
 * with `idleMs` it is also stopped after that long without work (the extension: no thread kept for hours).
 *
 * This module imports the reader's limits only (./limits), never the reader: bundles that use it (the extension,
 * the CLI) do not carry pdf.js, which lives in the worker's own bundle.
 *
 * The worker script is `pdf-worker.js` beside the bundle that contains this code (dist/, for both the extension
 * and the CLI); from the TypeScript sources (tests) it is `worker.ts`, run through tsx.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from '../model';
import { DEFAULT_PDF_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS } from './limits';
import type { PdfOptions } from './limits';
import type { OcrJob } from '../ocr/job';

/** A PDF job: its text layer read, or with `ocr` its page images read through Tesseract (../ocr/pdf). */
export interface PdfJobOptions extends PdfOptions {
  ocr?: OcrJob;
}

export interface PdfWorkerOptions extends PdfJobOptions {
  /** Path of the worker script (default: found beside this bundle). */
  workerPath?: string;
  /** Heap limit of the worker thread, MB (default 512). */
  maxHeapMb?: number;
  /** Stop the thread after this long without a PDF to read (default: keep it, unref'd). */
  idleMs?: number;
}

function defaultWorker(): { file: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'pdf-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = path.join(__dirname, 'worker.ts');
  if (fs.existsSync(source)) return { file: source, execArgv: ['--require', 'tsx/cjs'] };
  throw new Error(`the PDF worker script was not found (looked for ${bundled})`);
}

interface Pending {
  id: number;
  resolve: (o: ParseOutcome) => void;
  timer: NodeJS.Timeout;
}

/** One worker thread that reads PDFs one after another. */
export class PdfWorkerClient {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly options: PdfWorkerOptions = {}) {}

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
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 512 },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (msg: { id: number; outcome: ParseOutcome }) => {
      const p = this.pending;
      if (!p || p.id !== msg.id) return;
      this.finish(msg.outcome);
    });
    const fail = (why: string) => {
      // A worker stopped after a timeout (or by dispose) ends later: the request pending by then (a good PDF read
      // right after a hostile one) runs on a newer worker and must not be failed by the old one's exit.
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish({ ok: false, reason: why, findings: [] });
    };
    worker.on('error', (e) => fail(`the PDF reader failed: ${e.message}`));
    worker.on('exit', (code) => fail(`the PDF reader stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finish(outcome: ParseOutcome): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    this.worker?.unref();
    p.resolve(outcome);
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

  /** Read one PDF in the worker; never rejects. */
  parse(bytes: Uint8Array, file: string, opts: PdfJobOptions = {}): Promise<ParseOutcome> {
    const run = () =>
      new Promise<ParseOutcome>((resolve) => {
        const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
        const maxPages = opts.maxPages ?? this.options.maxPages ?? DEFAULT_PDF_MAX_PAGES;
        let worker: Worker;
        try {
          worker = this.start();
        } catch (e) {
          resolve({ ok: false, reason: e instanceof Error ? e.message : String(e), findings: [] });
          return;
        }
        const id = this.nextId++;
        // The worker stops itself at `timeoutMs`; if it cannot (stuck in one synchronous step), kill it a little later.
        const timer = setTimeout(() => {
          const w = this.worker;
          this.worker = null;
          this.finish({
            ok: false,
            reason: `reading the PDF took longer than ${Math.round(timeoutMs / 100) / 10} s; stopped`,
            findings: [],
          });
          void w?.terminate();
        }, timeoutMs + 1000);
        this.pending = { id, resolve, timer };
        worker.ref();
        const copy = new Uint8Array(bytes);
        worker.postMessage({ id, bytes: copy, file, opts: { timeoutMs, maxPages }, ocr: opts.ocr }, [copy.buffer]);
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stop the worker thread. */
  async dispose(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const w = this.worker;
    this.worker = null;
    this.finish({ ok: false, reason: 'the PDF reader was shut down', findings: [] });
    if (w) await w.terminate();
  }
}

let shared: PdfWorkerClient | null = null;

/** `parsePdf` in a worker thread (a shared one), terminated when it takes longer than the timeout. */
export function parsePdfInWorker(bytes: Uint8Array, file: string, opts: PdfWorkerOptions = {}): Promise<ParseOutcome> {
  if (opts.workerPath || opts.maxHeapMb) {
    const client = new PdfWorkerClient(opts);
    return client.parse(bytes, file, opts).finally(() => client.dispose());
  }
  shared ??= new PdfWorkerClient();
  return shared.parse(bytes, file, opts);
}
