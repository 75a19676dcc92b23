/**
 * Form 3/4/5 PDFs into the filing model: EDGAR's own PDFs and EDGAR's rendered page printed to PDF.
 * See `extract/` for how the form is read from text positions, `worker-client.ts` to run this off the
 * main thread. Never throws: every failure is `{ ok: false, reason }` with a one-line reason.
 */
import type { ParseOutcome } from '../model';
import { extractFiling, FORM_END, isFormTitle } from './extract';
import { loadPdf, PdfLoadError } from './load';

import { DEFAULT_PDF_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS } from './limits';
import type { PdfOptions } from './limits';

export { DEFAULT_PDF_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS };
export type { PdfOptions };

export async function parsePdf(bytes: Uint8Array, file: string, opts: PdfOptions = {}): Promise<ParseOutcome> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const maxPages = opts.maxPages ?? DEFAULT_PDF_MAX_PAGES;
  if (
    bytes.length < 8 ||
    !/^%PDF-/.test(
      Buffer.from(bytes.subarray(0, 1024))
        .toString('latin1')
        .replace(/^[\s\S]*?(?=%PDF-)/, ''),
    )
  ) {
    return { ok: false, reason: 'not a PDF file (no %PDF- header)', findings: [] };
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = Date.now() + timeoutMs;
    const work = (async () => {
      const pdf = await loadPdf(bytes, {
        maxPages,
        deadline,
        stopAfter: (items) => items.some((it) => FORM_END.test(it.str)),
        firstPageIsForm: (items) => items.some(isFormTitle),
      });
      return extractFiling(pdf, file);
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new PdfLoadError(`reading the PDF took longer than ${Math.round(timeoutMs / 100) / 10} s`, 'timeout')),
        timeoutMs,
      );
    });
    work.catch(() => undefined);
    const r = await Promise.race([work, timeout]);
    if (!r.ok) return { ok: false, reason: r.reason, findings: [] };
    return { ok: true, filing: r.filing };
  } catch (e) {
    if (e instanceof PdfLoadError) return { ok: false, reason: e.message, findings: [] };
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `the PDF could not be read: ${msg.split('\n')[0]}`, findings: [] };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
