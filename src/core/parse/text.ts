import type { ParseOutcome } from './index';
/** Plain or OCR text of a printed form. (Being written: issue "PDF, OCR text and EDGAR HTML".) */
export function parseFormText(_text: string, _file: string): ParseOutcome {
  return { ok: false, reason: 'not an ownership filing I can read yet (plain text of a form)', findings: [] };
}
