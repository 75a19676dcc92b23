/**
 * Entry of the PDF worker thread (bundled as dist/pdf-worker.js): reads one PDF per message with `parsePdf`
 * and posts the outcome back. The client (`worker-client.ts`) kills the thread when it runs too long.
 */
import { parentPort } from 'node:worker_threads';
import { parsePdf } from './index';
import type { PdfOptions } from './index';

export interface PdfJob {
  id: number;
  bytes: Uint8Array;
  file: string;
  opts: PdfOptions;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: PdfJob) => {
    void parsePdf(job.bytes, job.file, job.opts).then(
      (outcome) => port.postMessage({ id: job.id, outcome }),
      (e: unknown) =>
        port.postMessage({
          id: job.id,
          outcome: { ok: false, reason: `the PDF reader failed: ${String(e)}`, findings: [] },
        }),
    );
  });
}
