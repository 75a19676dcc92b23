/**
 * A scanned PDF (page images, no text layer) read through OCR: its pages rendered by pdftoppm, read by
 * Tesseract (./run), the text read by the text reader. Every value of the filing is marked as read by OCR: each
 * field is uncertain, and one finding says where the values come from. Spans point into OCR text the user never
 * sees, so they are dropped (a PDF's values have no span). Runs in the PDF worker (../pdf/worker), under its time
 * limit; never throws.
 */
import type { Filing, ParseOutcome } from '../model';
import { parseFormText } from '../parse/text';
import { OcrError, ocrPdfBytes } from './run';
import { DEFAULT_OCR_MAX_PAGES, DEFAULT_OCR_TIMEOUT_MS, type OcrJob } from './job';
import { findOcrTools } from './tools';

export interface OcrPdfOptions extends OcrJob {
  /** Give up after this long (default 120 s). */
  timeoutMs?: number;
}

/** Every field of a filing (anything with `present` and `value`), and every place with a span. */
function walk(x: unknown, visit: (o: Record<string, unknown>) => void, depth = 0): void {
  if (!x || typeof x !== 'object' || depth > 8) return;
  if (Array.isArray(x)) {
    for (const y of x) walk(y, visit, depth + 1);
    return;
  }
  const o = x as Record<string, unknown>;
  visit(o);
  for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') walk(v, visit, depth + 1);
}

/**
 * Mark every value read by OCR: uncertain, and placed by page (`pageStarts`: where each page begins in the OCR
 * text) instead of by a span into OCR text the user never sees.
 */
export function markReadByOcr(filing: Filing, pageStarts: readonly number[]): void {
  const pageOf = (at: number) => {
    let p = 0;
    while (p + 1 < pageStarts.length && pageStarts[p + 1] <= at) p++;
    return p + 1;
  };
  walk(filing, (o) => {
    const span = o.span as { start: number } | null | undefined;
    if (span && ('present' in o || 'rule' in o)) o.page = pageOf(span.start);
    if ('span' in o) o.span = null;
    if ('elementSpan' in o) o.elementSpan = null;
    if ('present' in o && 'value' in o && o.present === true && o.value !== null) o.uncertain = true;
  });
  filing.documentSpan = null;
  const pages = pageStarts.length;
  filing.findings.unshift({
    rule: 'extraction-uncertain',
    severity: 'info',
    message: `Every value was read by OCR (Tesseract) from the PDF's page images (${pages} page${pages === 1 ? '' : 's'}): check them against the PDF`,
    span: null,
    page: 1,
  });
}

export async function ocrPdf(bytes: Uint8Array, file: string, opts: OcrPdfOptions = {}): Promise<ParseOutcome> {
  const found = findOcrTools({ tesseractPath: opts.tesseractPath });
  if (!found.ok) return { ok: false, reason: `the PDF cannot be read by OCR: ${found.reason}`, findings: [] };
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS);
  let text: string;
  let pageStarts: number[];
  try {
    ({ text, pageStarts } = await ocrPdfBytes(found.tools, bytes, {
      dpi: opts.dpi,
      psm: opts.psm,
      maxPages: opts.maxPages ?? DEFAULT_OCR_MAX_PAGES,
      deadline,
    }));
  } catch (e) {
    const why = e instanceof OcrError || e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `reading the PDF by OCR failed: ${why}`, findings: [] };
  }
  const out = parseFormText(text, file);
  if (!out.ok)
    return {
      ok: false,
      reason: `read by OCR, the PDF's text is ${out.reason.replace(/^not the text of/, 'not')}`,
      findings: [],
    };
  out.filing.source = 'pdf';
  out.filing.text = '';
  markReadByOcr(out.filing, pageStarts);
  return out;
}
