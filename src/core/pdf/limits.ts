/**
 * The PDF reader's options and their defaults, apart from the reader itself: the worker client (and so the
 * extension and the CLI) needs them without bundling pdf.js.
 */
export interface PdfOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** Refuse PDFs with more pages than this (default 60: a long Form 4 with exhibits has a dozen). */
  maxPages?: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 15_000;
export const DEFAULT_PDF_MAX_PAGES = 60;
