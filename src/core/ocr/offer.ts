/**
 * When OCR runs: a PDF is read by its text layer; one without (a scan) is read through Tesseract only where the
 * user asked for it (`form4 inspect --ocr`, the PDF preview's "Read PDF by OCR" command), since OCR takes seconds
 * a page and its values need checking. Elsewhere the reason the PDF was not read says how to ask for it, or how to
 * get Tesseract when it is not there.
 */
import type { ParseOutcome } from '../model';
import type { PdfReader } from '../pdf/reader';
import { findOcrTools, type OcrToolOptions } from './tools';

/** The PDF reader's reason for a PDF without a text layer (../pdf/extract), and the advice it ends with. */
const NO_TEXT_LAYER = /^the PDF has no text layer\b/;
const GENERIC_ADVICE = /;\s*run OCR.*$/;

/** Whether a PDF was refused for having no text layer: its page images are what OCR reads. */
export function needsOcr(outcome: ParseOutcome): boolean {
  return !outcome.ok && NO_TEXT_LAYER.test(outcome.reason);
}

export interface OcrChoice {
  /** Whether this file's page images are to be read by OCR (the user asked for it). */
  wanted: (file: string) => boolean;
  /** Reads a PDF's page images through Tesseract (in the PDF worker). */
  readByOcr: PdfReader;
  /** How the user asks for OCR where this reader runs, e.g. "run it again with --ocr". */
  howToAsk: string;
  /** Where Tesseract is looked for (the configured path, read when needed: the setting may change). */
  tools: () => OcrToolOptions;
}

/** `readPdf`, with a scanned PDF read by OCR when wanted, else refused with a reason that says what to do. */
export function withOcr(readPdf: PdfReader, choice: OcrChoice): PdfReader {
  return async (bytes, file) => {
    const out = await readPdf(bytes, file);
    if (out.ok || !needsOcr(out)) return out;
    if (choice.wanted(file)) return choice.readByOcr(bytes, file);
    return {
      ...out,
      reason: `${out.reason.replace(GENERIC_ADVICE, '')}; ${ocrOffer(choice.howToAsk, choice.tools())}`,
    };
  };
}

/** What to do about a scanned PDF: how to ask for OCR, or how to get the programs it needs. */
export function ocrOffer(howToAsk: string, where: OcrToolOptions): string {
  const found = findOcrTools(where);
  return found.ok
    ? `${howToAsk} to read its page images through Tesseract`
    : `reading its page images by OCR needs Tesseract: ${found.reason}`;
}
