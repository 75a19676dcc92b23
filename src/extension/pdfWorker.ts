/**
 * Worker-thread entry (bundled on its own as dist/pdfWorker.js): reads PDFs with the core's PDF reader, so that
 * pdf.js (3 MB of code) is neither loaded with the extension nor run on the extension host's thread.
 * Protocol: { id, bytes, file } in, { id, outcome } out.
 */
import { parentPort } from 'node:worker_threads';
import { parsePdf } from '../core/pdf';
import type { ParseOutcome } from '../core/parse';

export interface PdfJob {
  id: number;
  bytes: Uint8Array;
  file: string;
}

export interface PdfResult {
  id: number;
  outcome: ParseOutcome;
}

const port = parentPort;
if (port) {
  port.on('message', async (job: PdfJob) => {
    let outcome: ParseOutcome;
    try {
      outcome = await parsePdf(job.bytes, job.file);
    } catch (e) {
      outcome = { ok: false, reason: `PDF could not be read: ${e instanceof Error ? e.message : String(e)}`, findings: [] };
    }
    const result: PdfResult = { id: job.id, outcome };
    port.postMessage(result);
  });
}
