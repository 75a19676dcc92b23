/**
 * The OCR text of a corpus PDF under one setting, as a user with a scanner would get it: its pages rendered by
 * pdftoppm, for the degraded setting turned and speckled (./degrade), then read by Tesseract (the project's own
 * src/core/ocr, the code `form4 inspect --ocr` runs). The text is cached outside the repository (OCR of the
 * corpus takes many minutes), keyed by the PDF's bytes, the setting and the Tesseract version.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanPage, joinPages, ocrImage, renderPages } from '../../src/core/ocr/run';
import type { OcrTools } from '../../src/core/ocr/tools';
import { degrade, upscale } from './degrade';
import { readPgm, writePgm } from '../../src/core/ocr/image';

export interface OcrSetting {
  name: string;
  /** What the setting is, for the report. */
  describe: string;
  dpi: number;
  psm: number;
  /** A crooked, noisy scan: degrees turned and the share of pixels flipped. */
  degrade?: { degrees: number; noise: number };
  /** Read as `form4 inspect --ocr` reads a scanned PDF holding the (degraded) image. */
  asScannedPdf?: boolean;
  /**
   * No OCR: the PDF's text layer as poppler's pdftotext writes it with these options, the plain text a user gets
   * by copying a PDF's text (the text reader reads it as it reads OCR text).
   */
  pdftotext?: string[];
  /**
   * No OCR: the EDGAR HTML page the printed PDF was made from, as a browser copies it (Chromium's innerText of the
   * page: tab-separated cells). Only PDFs with such a page (pdf-printed/ beside html/) have this text.
   */
  browserCopy?: boolean;
}

export const SETTINGS: readonly OcrSetting[] = [
  { name: 'psm4', describe: '300 dpi, `--psm 4`', dpi: 300, psm: 4 },
  { name: 'psm6', describe: '300 dpi, `--psm 6`', dpi: 300, psm: 6 },
  {
    name: 'degraded',
    describe: '150 dpi, turned 0.7°, 0.5% of pixels speckled, `--psm 4`',
    dpi: 150,
    psm: 4,
    degrade: { degrees: 0.7, noise: 0.005 },
  },
  {
    name: 'degraded-ocr',
    describe:
      'the degraded scan as `--ocr` reads a scanned PDF: rendered at 300 dpi (the 150 dpi image scaled 2x), specks removed, `--psm 4`',
    dpi: 150,
    psm: 4,
    degrade: { degrees: 0.7, noise: 0.005 },
    asScannedPdf: true,
  },
  {
    name: 'pdftotext-layout',
    describe: 'no OCR: the text layer by `pdftotext -layout` (laid out by columns)',
    dpi: 0,
    psm: 0,
    pdftotext: ['-layout'],
  },
  {
    name: 'pdftotext-raw',
    describe: 'no OCR: the text layer by `pdftotext -raw` (in the order the PDF draws it)',
    dpi: 0,
    psm: 0,
    pdftotext: ['-raw'],
  },
  {
    name: 'pdftotext',
    describe: 'no OCR: the text layer by `pdftotext` (its reading order)',
    dpi: 0,
    psm: 0,
    pdftotext: [],
  },
  {
    name: 'browser-copy',
    describe: "no OCR: EDGAR's HTML page of the printed PDFs as a browser copies it (Chromium's innerText)",
    dpi: 0,
    psm: 0,
    browserCopy: true,
  },
];

/** The EDGAR HTML page a printed PDF was made from (corpus html/ beside pdf-printed/), or null. */
export function htmlPageOf(pdfFile: string): string | null {
  if (path.basename(path.dirname(pdfFile)) !== 'pdf-printed') return null;
  const html = path.join(
    path.dirname(path.dirname(pdfFile)),
    'html',
    path.basename(pdfFile).replace(/\.pdf$/, '.html'),
  );
  return fs.existsSync(html) ? html : null;
}

let browser: import('playwright-core').Browser | null = null;

/** The text a browser copies of an HTML page: Chromium (CHROMIUM_BIN, else /usr/bin/chromium) and its innerText. */
async function browserText(html: string): Promise<string> {
  const { chromium } = await import('playwright-core');
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium' });
  const page = await browser.newPage();
  try {
    await page.goto(`file://${path.resolve(html)}`);
    return String(await page.evaluate('document.body.innerText'));
  } finally {
    await page.close();
  }
}

/** Closes the browser `browserText` started, if any. */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** Pages read per PDF at most (the corpus' longest form runs over 9 pages with its exhibits). */
export const MAX_PAGES = 10;

export const CACHE_DIR =
  process.env.FORM4_OCR_CACHE ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'form4-inspector', 'ocr');

let version: string | null = null;
function tesseractVersion(tesseract: string): string {
  version ??= (spawnSync(tesseract, ['--version'], { encoding: 'utf8' }).stdout ?? '').split('\n')[0].trim();
  return version;
}

function cacheFile(tools: OcrTools, pdf: Uint8Array, s: OcrSetting, pages: number): string {
  const key = createHash('sha256')
    .update(pdf)
    .update(JSON.stringify({ s, pages, v: tesseractVersion(tools.tesseract) }))
    .digest('hex')
    .slice(0, 24);
  return path.join(CACHE_DIR, `${key}.txt`);
}

/** The OCR text of a PDF's first `maxPages` pages under a setting (from the cache when there). */
export async function ocrText(
  tools: OcrTools,
  pdfFile: string,
  s: OcrSetting,
  opts: { maxPages?: number; cache?: boolean } = {},
): Promise<{ text: string; cached: boolean; pages: number }> {
  const maxPages = opts.maxPages ?? MAX_PAGES;
  if (s.browserCopy) {
    const html = htmlPageOf(pdfFile);
    return { text: html ? await browserText(html) : '', cached: false, pages: html ? 1 : 0 };
  }
  if (s.pdftotext) {
    // pdftotext comes with pdftoppm (poppler-utils); it takes a second for the corpus, so it is not cached.
    const exe = path.join(path.dirname(tools.pdftoppm), 'pdftotext');
    const r = spawnSync(exe, [...s.pdftotext, '-l', String(maxPages), pdfFile, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (r.status !== 0) throw new Error(`pdftotext failed on ${pdfFile}: ${r.stderr || r.error?.message}`);
    return { text: r.stdout, cached: false, pages: (r.stdout.match(/\f/g) ?? []).length };
  }
  const bytes = fs.readFileSync(pdfFile);
  const file = cacheFile(tools, bytes, s, maxPages);
  if (opts.cache !== false && fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    return { text, cached: true, pages: text.split('\n\n\f\n\n').length };
  }
  // No time limit of the product here: a page takes a few seconds, more on a busy machine.
  const deadline = Date.now() + 30 * 60_000;
  const images = await renderPages(tools, pdfFile, { dpi: s.dpi, maxPages, deadline });
  const texts: string[] = [];
  for (const img of images) {
    const page = s.degrade
      ? writePgm(degrade(readPgm(img), s.degrade.degrees, s.degrade.noise, texts.length + 1))
      : img;
    // A scanned PDF holds the page image at the scan's resolution; `--ocr` renders it at 300 dpi (pdftoppm scales
    // the image up) and cleans it before Tesseract reads it.
    const scanned = s.asScannedPdf ? cleanPage(writePgm(upscale(readPgm(page), 300 / s.dpi)), 300) : page;
    texts.push(await ocrImage(tools, scanned, { dpi: s.asScannedPdf ? 300 : s.dpi, psm: s.psm, deadline }));
  }
  const text = joinPages(texts);
  if (opts.cache !== false) {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { text, cached: false, pages: images.length };
}
