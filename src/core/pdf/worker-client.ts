/**
 * The PDF reader (`parsePdf`) off the caller's thread: the reading worker of ../worker/client.ts asked for a PDF
 * alone. Kept as the core's `PdfReader` for callers that read PDFs apart from other inputs (the CLI's parallel
 * check, which leaves PDFs to its main thread; tests).
 */
import type { ParseOutcome } from '../model';
import { ReadingWorker } from '../worker/client';
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

/** One worker thread that reads PDFs one after another, stopped when one takes longer than its time limit. */
export class PdfWorkerClient {
  private readonly reader: ReadingWorker;

  constructor(options: PdfWorkerOptions = {}) {
    this.reader = new ReadingWorker({
      workerPath: options.workerPath,
      maxHeapMb: options.maxHeapMb,
      idleMs: options.idleMs,
      pdf: { timeoutMs: options.timeoutMs, maxPages: options.maxPages },
    });
  }

  /** Read one PDF in the worker; never rejects. */
  parse(bytes: Uint8Array, file: string, opts: PdfJobOptions = {}): Promise<ParseOutcome> {
    return this.reader.parsePdf(bytes, file, opts);
  }

  /** Stop the worker thread. */
  dispose(): Promise<void> {
    return this.reader.dispose();
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
