/**
 * How the core reads a PDF: a function the caller passes in (`InspectOptions.readPdf`). The core never loads the
 * PDF reader itself: pdf.js is 3 MB of code, so the composition roots choose where it runs. The CLI and the
 * extension pass a reader backed by a worker thread (`./worker-client`, which runs `parsePdf` in
 * dist/reader-worker.js and stops it when it hangs); tests and the bench may pass `parsePdf` (`./index`) itself.
 */
import type { ParseOutcome } from '../model';

/** Reads one PDF into a filing, or a plain reason (a rejection becomes the reason too). */
export type PdfReader = (bytes: Uint8Array, file: string) => Promise<ParseOutcome>;
