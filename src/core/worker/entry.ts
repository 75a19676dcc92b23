/**
 * Entry of the reading worker thread (bundled as dist/reader-worker.js): each message is one input to read with the
 * core (text, bytes, or a PDF through the PDF reader alone), answered with its outcome. The client (`./client.ts`)
 * stops the thread when an input takes longer than its time limit, so nothing a file holds can block the thread
 * that asked: the extension host's, or the CLI's.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseOutcome } from '../model';
import type { PdfOptions } from '../pdf/limits';
import type { OcrJob } from '../ocr/job';
import { withOcr } from '../ocr/offer';
import type { PdfReader } from '../pdf/reader';
import type { JobMessage, ReadJob, ReadResult } from './protocol';
import { notFilingResult } from './protocol';
import { readBytesInput, readTextInput } from './read';

/** pdf.js (3 MB) is loaded on the first PDF only: a worker that reads text starts fast. */
async function parsePdf(bytes: Uint8Array, file: string, opts: PdfOptions = {}): Promise<ParseOutcome> {
  // A require, not import(): the bundle evaluates the module on the first call, and tsx (tests) resolves it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdf = require('../pdf/index') as typeof import('../pdf/index');
  return pdf.parsePdf(bytes, file, opts);
}

/** A PDF's page images read through Tesseract (../ocr/pdf, loaded on the first such PDF). */
async function ocrPdf(bytes: Uint8Array, file: string, job: OcrJob, timeoutMs?: number): Promise<ParseOutcome> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ocr = require('../ocr/pdf') as typeof import('../ocr/pdf');
  return ocr.ocrPdf(bytes, file, { ...job, timeoutMs });
}

async function run(job: ReadJob): Promise<ReadResult> {
  if (job.kind === 'pdf') {
    const outcome = job.ocr
      ? await ocrPdf(job.bytes, job.file, job.ocr, job.pdf.timeoutMs)
      : await parsePdf(job.bytes, job.file, job.pdf);
    return { outcome, isFiling: true };
  }
  const { pdf, ocr, ...rest } = job.options;
  let readPdf: PdfReader = (bytes, file) => parsePdf(bytes, file, pdf);
  if (ocr)
    readPdf = withOcr(readPdf, {
      wanted: () => ocr.read,
      readByOcr: (bytes, file) => ocrPdf(bytes, file, ocr.job, pdf?.timeoutMs),
      howToAsk: ocr.howToAsk,
      tools: () => ({ tesseractPath: ocr.job.tesseractPath }),
    });
  const options = { ...rest, readPdf };
  if (job.kind === 'bytes') return readBytesInput(job.bytes, job.file, options);
  const result = readTextInput(job.text, job.file, options);
  // The caller has the text it sent: it is not copied back.
  if (result.outcome.ok) result.outcome.filing.text = '';
  return result;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, job }: JobMessage) => {
    void run(job).then(
      (result) => port.postMessage({ id, result }),
      (e: unknown) => port.postMessage({ id, result: notFilingResult(`the reader failed: ${String(e)}`) }),
    );
  });
}
