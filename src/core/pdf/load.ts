/**
 * Loading a PDF with pdfjs-dist (the legacy build, which runs in plain Node) into positioned text items.
 *
 * Nothing here needs `@napi-rs/canvas`: text extraction never renders, fonts are not turned into font faces
 * (`disableFontFace`), no code is generated at run time (`isEvalSupported: false`), and pdfjs's own worker
 * runs in this thread ("fake worker", its module bundled in and handed over as `globalThis.pdfjsWorker`),
 * so the bundle has no file to find beside it. pdfjs tries `require('@napi-rs/canvas')` once at load, only
 * to polyfill DOMMatrix/Path2D for rendering; that attempt is in a try/catch and its warning is silenced, and a
 * small 2-D DOMMatrix of our own (dommatrix.ts) is installed first, as pdf.js builds one when it loads.
 */

import { ensureDomMatrix } from './dommatrix';

/** One run of text as pdfjs reports it, in page coordinates turned top-down (y grows downwards). */
export interface PdfItem {
  page: number;
  str: string;
  /** Left and right edge. */
  x0: number;
  x1: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  font: string;
}

export interface PdfPageText {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
}

export interface LoadedPdf {
  pages: PdfPageText[];
  /** Pages in the file (may exceed `pages.length` when capped). */
  numPages: number;
  producer: string | null;
  creator: string | null;
  subject: string | null;
  title: string | null;
}

export class PdfLoadError extends Error {
  constructor(
    message: string,
    readonly kind: 'password' | 'corrupt' | 'too-many-pages' | 'timeout' | 'other',
  ) {
    super(message);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
let pdfjsPromise: Promise<PdfJs> | null = null;

/** pdfjs, loaded once, with its worker module in this thread and its load-time warnings silenced. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    const origWarn = console.warn;
    const origLog = console.log;
    // pdfjs logs "Warning: Cannot load @napi-rs/canvas / polyfill DOMMatrix" while loading: irrelevant to text.
    const quiet =
      (orig: (...a: unknown[]) => void) =>
      (...args: unknown[]) => {
        if (typeof args[0] === 'string' && /^Warning: Cannot (load|polyfill|access)/.test(args[0])) return;
        orig(...args);
      };
    console.warn = quiet(origWarn);
    console.log = quiet(origLog);
    try {
      // Before pdf.js loads: it builds a DOMMatrix at load time (see dommatrix.ts). Installed unconditionally when
      // absent, so that the reader behaves the same whether or not @napi-rs/canvas happens to be resolvable.
      ensureDomMatrix();
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc ||= 'pdf.worker.mjs';
      return pdfjs;
    } finally {
      console.warn = origWarn;
      console.log = origLog;
    }
  })();
  // A failed load is not kept: the next PDF tries again.
  pdfjsPromise.catch(() => {
    pdfjsPromise = null;
  });
  return pdfjsPromise;
}

function metaString(info: Record<string, unknown>, key: string): string | null {
  const v = info[key];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/**
 * Read the text items of the first `maxPages` pages. Throws `PdfLoadError` for a password, a damaged file,
 * too many pages, or when `deadline` (a Date.now() value) passes; the document is always destroyed.
 */
export async function loadPdf(
  bytes: Uint8Array,
  opts: {
    maxPages: number;
    deadline: number;
    stopAfter?: (items: readonly PdfItem[]) => boolean;
    /** Whether page 1 can be a form; when not, the other pages are not read (a long non-form PDF costs one page). */
    firstPageIsForm?: (items: readonly PdfItem[]) => boolean;
  },
): Promise<LoadedPdf> {
  const pdfjs = await loadPdfJs();
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  // A password prompt: answer nothing, which makes pdfjs reject with a PasswordException.
  task.onPassword = () => {
    void task.destroy();
  };
  const check = () => {
    if (Date.now() > opts.deadline) throw new PdfLoadError('reading the PDF took too long', 'timeout');
  };
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string })?.name ?? '';
    const msg = (e as { message?: string })?.message ?? String(e);
    if (name === 'PasswordException' || /password/i.test(msg))
      throw new PdfLoadError('the PDF is protected by a password', 'password');
    if (name === 'InvalidPDFException' || name === 'FormatError' || /invalid|corrupt|xref|stream/i.test(msg))
      throw new PdfLoadError(`the file is not a readable PDF (${msg})`, 'corrupt');
    throw new PdfLoadError(`the PDF could not be opened (${msg})`, 'other');
  }
  try {
    check();
    if (doc.numPages > opts.maxPages) {
      throw new PdfLoadError(
        `the PDF has ${doc.numPages} pages, more than the ${opts.maxPages} a Form 3/4/5 PDF is read up to`,
        'too-many-pages',
      );
    }
    let info: Partial<Record<string, unknown>> = Object.create(null);
    try {
      info = ((await doc.getMetadata()).info ?? info) as Partial<Record<string, unknown>>;
    } catch {
      /* no metadata */
    }
    const pages: PdfPageText[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      check();
      const page = await doc.getPage(p);
      const vp = page.getViewport({ scale: 1 });
      const tc = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const items: PdfItem[] = [];
      // The viewport transform maps PDF user space (y up, any origin/rotation) to top-down page space.
      const [a, b, c, d, e, f] = vp.transform;
      for (const it of tc.items) {
        if (!('str' in it)) continue;
        const str = it.str;
        if (!str || !str.trim()) continue;
        const t = it.transform as number[];
        const x = a * t[4] + c * t[5] + e;
        const y = b * t[4] + d * t[5] + f;
        const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]) || it.height || 1;
        items.push({ page: p, str, x0: x, x1: x + (it.width || 0), y, size, font: it.fontName });
      }
      const kept = dropPrintMargins(items, vp.height);
      pages.push({ page: p, width: vp.width, height: vp.height, items: wordByWord(kept) ? mergeRuns(kept) : kept });
      page.cleanup();
      // Pages after the one that closes the form (exhibits, powers of attorney) are not part of the filing.
      if (opts.stopAfter?.(items)) break;
      if (p === 1 && opts.firstPageIsForm && !opts.firstPageIsForm(pages[0].items)) break;
    }
    return {
      pages,
      numPages: doc.numPages,
      producer: metaString(info, 'Producer'),
      creator: metaString(info, 'Creator'),
      subject: metaString(info, 'Subject'),
      title: metaString(info, 'Title'),
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Whether a page's text was written a word (or a glyph) at a time: hardly any run holds a space. */
export function wordByWord(items: readonly PdfItem[]): boolean {
  if (items.length < 40) return false;
  const withSpace = items.filter((it) => /\S\s+\S/.test(it.str)).length;
  return withSpace / items.length < 0.1;
}

/**
 * Join runs that a generator wrote piece by piece (a word or a glyph at a time) back into the phrases they make:
 * same font size, same baseline, and at most a space apart (0.25-0.28 em in the usual fonts). Runs of a different size (footnote markers)
 * or further apart (the next table cell) stay separate. EDGAR's own PDFs and Chrome write whole phrases already.
 */
export function mergeRuns(items: PdfItem[]): PdfItem[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: PdfItem[] = [];
  let cur: PdfItem | null = null;
  for (const it of sorted) {
    const prev: PdfItem | null = cur;
    if (
      prev &&
      Math.abs(it.y - prev.y) <= 0.5 &&
      Math.abs(it.size - prev.size) <= 0.05 * prev.size &&
      it.x0 >= prev.x1 - 0.5 &&
      it.x0 - prev.x1 <= 0.36 * prev.size
    ) {
      const gap: number = it.x0 - prev.x1;
      const sep: string = gap > 0.15 * prev.size && !prev.str.endsWith(' ') && !it.str.startsWith(' ') ? ' ' : '';
      const merged: PdfItem = { ...(prev as PdfItem), str: prev.str + sep + it.str, x1: Math.max(prev.x1, it.x1) };
      cur = merged;
      out[out.length - 1] = cur;
      continue;
    }
    cur = { ...it };
    out.push(cur);
  }
  return out;
}

/**
 * What a browser prints in the page margins when its "headers and footers" option is on: the date and time, the
 * page's URL, "page/pages". Not part of the form (on a continued table it would land in a row's cells).
 */
export function dropPrintMargins(items: PdfItem[], pageHeight: number): PdfItem[] {
  const inMargin = (it: PdfItem) => it.y < 30 || it.y > pageHeight - 18;
  const browserText = (s: string) =>
    /^(https?:\/\/|file:\/\/|about:blank)/i.test(s) ||
    /^\d{1,3}\s*\/\s*\d{1,3}$/.test(s) ||
    /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(\s*[AP]M)?$/i.test(s);
  return items.filter((it) => !(inMargin(it) && browserText(it.str.trim())));
}
