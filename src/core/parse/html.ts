import type { ParseOutcome } from './index';
/** EDGAR's rendered HTML of a Form 3/4/5. (Being written: issue "PDF, OCR text and EDGAR HTML".) */
export function parseEdgarHtml(_text: string, _file: string): ParseOutcome {
  return { ok: false, reason: 'not an ownership filing I can read yet (EDGAR HTML page)', findings: [] };
}
