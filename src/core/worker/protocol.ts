/**
 * What the reading worker (./entry.ts, bundled as dist/reader-worker.js) is asked and answers. Everything here
 * crosses a thread boundary by structured clone: plain data only (no functions, no class instances).
 */
import type { EdgarSource, ParseOutcome, Severity } from '../model';
import type { PdfOptions } from '../pdf/limits';
import type { OcrJob } from '../ocr/job';

/** What becomes of a scanned PDF (no text layer) among the inputs (../ocr/offer). */
export interface OcrRequest {
  /** Read its page images through Tesseract; else its reason says how to ask for that, or how to get Tesseract. */
  read: boolean;
  /** How the user asks for OCR where this runs, e.g. "add --ocr". */
  howToAsk: string;
  job: OcrJob;
}

/** The options of `inspectBytes`/`inspectText` that can cross to the worker (its PDF reader is its own). */
export interface WorkerInspectOptions {
  severities?: Record<string, Severity | 'off'>;
  noRules?: boolean;
  /** Where on EDGAR the input came from (plain data), as `inspectBytes` takes it. */
  edgar?: EdgarSource | null;
  /** Limits of the worker's PDF reader. */
  pdf?: PdfOptions;
  ocr?: OcrRequest;
}

export type ReadJob =
  /** A file's bytes: decoded and detected in the worker, a PDF read by the worker's PDF reader. */
  | { kind: 'bytes'; bytes: Uint8Array; file: string; options: WorkerInspectOptions }
  /** Text as the user sees it (an open document, unsaved edits included): detected, and read when it is a filing. */
  | { kind: 'text'; text: string; file: string; options: WorkerInspectOptions }
  /** A PDF through `parsePdf` alone (no rules, no caller's severities): the core's `PdfReader`. */
  | { kind: 'pdf'; bytes: Uint8Array; file: string; pdf: PdfOptions; ocr?: OcrJob };

export interface ReadResult {
  outcome: ParseOutcome;
  /**
   * Whether the input is an ownership filing, readable or not: for text, its detected kind; for bytes, a readable
   * filing (the reason a file fails cannot tell a damaged filing from any other file a scan comes across).
   */
  isFiling: boolean;
}

export interface JobMessage {
  id: number;
  job: ReadJob;
}

export interface ResultMessage {
  id: number;
  result: ReadResult;
}

/** How the reason of an input that failed by a defect of the reader (not of the input) starts. */
export const INTERNAL_ERROR = 'internal error while reading the file';

/** A reading of an input that is not a filing, with the reason. */
export function notFilingResult(reason: string): ReadResult {
  return { outcome: { ok: false, reason, findings: [] }, isFiling: false };
}
