/**
 * Entry of the PDF worker thread (bundled as dist/pdf-worker.js): reads one PDF per message with `parsePdf`
 * and posts the outcome back. The client (`worker-client.ts`) kills the thread when it runs too long.
 */
import { parentPort } from 'node:worker_threads';
import { parsePdf } from './index';
import type { PdfOptions } from './index';
import { ocrPdf } from '../ocr/pdf';
import type { OcrJob } from '../ocr/job';

export interface PdfJob {
  id: number;
  bytes: Uint8Array;
  file: string;
  opts: PdfOptions;
  /** Read the page images through Tesseract instead (a scanned PDF). */
  ocr?: OcrJob;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: PdfJob) => {
    const read = job.ocr
      ? ocrPdf(job.bytes, job.file, { ...job.ocr, timeoutMs: job.opts.timeoutMs })
      : parsePdf(job.bytes, job.file, job.opts);
    void read.then(
      (outcome) => port.postMessage({ id: job.id, outcome }),
      (e: unknown) =>
        port.postMessage({
          id: job.id,
          outcome: { ok: false, reason: `the PDF reader failed: ${String(e)}`, findings: [] },
        }),
    );
  });
}
