/**
 * What an OCR job in the PDF worker takes, and its limits. No imports: the worker client (../pdf/worker-client)
 * names the job's type without loading the OCR code into the bundles that only post jobs.
 */
export interface OcrJob {
  /** The configured tesseract executable (the setting `form4Inspector.ocr.tesseractPath`), else the PATH. */
  tesseractPath?: string | null;
  /** Rendering resolution (default 300 dpi) and Tesseract's page segmentation mode (default 4): ./run. */
  dpi?: number;
  psm?: number;
  /** Pages read at most (default 10: a form and its continuation pages). */
  maxPages?: number;
}

/** OCR's time limit: Tesseract takes a few seconds a page at 300 dpi, more on a busy machine. */
export const DEFAULT_OCR_TIMEOUT_MS = 120_000;
export const DEFAULT_OCR_MAX_PAGES = 10;
