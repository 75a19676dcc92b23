/**
 * Reads PDFs off the extension host's thread: one worker thread running the core's PDF worker (dist/pdf-worker.js,
 * src/core/pdf/worker.ts) started on the first PDF and stopped after a minute without work; a job that takes too
 * long stops the worker (and fails with a reason).
 *
 * Not the core's PdfWorkerClient: that module imports the PDF reader's index, which would bundle pdf.js (3 MB)
 * into dist/extension.js and make every activation parse it. This file imports the worker's types only.
 */
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from '../core/parse';
import type { PdfJob } from '../core/pdf/worker';

interface PdfResult {
  id: number;
  outcome: ParseOutcome;
}

const IDLE_MS = 60_000;
/** The worker stops a PDF itself after 15 s (the core's default); this kills a worker stuck in one synchronous step. */
const JOB_TIMEOUT_MS = 20_000;

export class PdfReader implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (o: ParseOutcome) => void; timer: ReturnType<typeof setTimeout> }>();
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly script: string) {}

  /** Same signature as InspectOptions.readPdf. */
  readonly read = (bytes: Uint8Array, file: string): Promise<ParseOutcome> =>
    new Promise<ParseOutcome>((resolve) => {
      const w = this.ensure();
      const id = this.nextId++;
      const timer = setTimeout(() => this.fail(`reading the PDF took longer than ${JOB_TIMEOUT_MS / 1000} s`), JOB_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      if (this.idle) clearTimeout(this.idle);
      const copy = new Uint8Array(bytes);
      const job: PdfJob = { id, bytes: copy, file, opts: {} };
      w.postMessage(job, [copy.buffer]);
    });

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 512 }, stdout: false, stderr: false });
    w.on('message', (r: PdfResult) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(r.id);
      p.resolve(r.outcome);
      if (this.pending.size === 0) this.idle = setTimeout(() => this.stop(), IDLE_MS);
    });
    w.on('error', (e) => this.fail(`the PDF reader failed: ${e.message}`));
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
      if (this.pending.size) this.fail('the PDF reader stopped');
    });
    this.worker = w;
    return w;
  }

  /** Fail every pending job and stop the worker. */
  private fail(reason: string): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, reason, findings: [] });
    }
    this.pending.clear();
    this.stop();
  }

  private stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  dispose(): void {
    this.fail('the extension is shutting down');
  }
}
