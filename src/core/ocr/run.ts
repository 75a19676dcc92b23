/**
 * Reading page images with Tesseract: a PDF's pages rendered by pdftoppm into grey-scale images, each image read
 * by `tesseract` into text. Both run as child processes with argument lists (no shell), each with the time left
 * before the caller's deadline as its own kill timer, so nothing outlives the time limit; their output is capped.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { OcrTools } from './tools';
import { despeckle, readPgm, writePgm } from './image';

/** How pages are read: the resolution they are rendered at and Tesseract's page segmentation mode. */
export interface OcrSettings {
  /** Rendering resolution, dots per inch (default 300: Tesseract reads the form's small print best there). */
  dpi?: number;
  /**
   * Tesseract's page segmentation mode (default 4: "a single column of text of variable sizes", which keeps a
   * table row on one line; 6, "a single uniform block", is the other setting `npm run ocr-corpus` measures).
   */
  psm?: number;
}

export const DEFAULT_OCR_DPI = 300;
export const DEFAULT_OCR_PSM = 4;
/** Text of one page is never longer than this (a page of a form is about 10,000 characters). */
const MAX_PAGE_TEXT = 1 << 20;
/** A rendered page is never larger than this (a letter page at 300 dpi in grey is 8.4 MB). */
const MAX_IMAGE_BYTES = 64 << 20;

export class OcrError extends Error {}

/** Run a program with arguments, bytes in on stdin, stdout out; killed when `deadline` (Date.now()) passes. */
function run(
  file: string,
  args: string[],
  input: Uint8Array | null,
  deadline: number,
  maxOut: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const left = deadline - Date.now();
    if (left <= 0) {
      reject(new OcrError('the time limit was reached'));
      return;
    }
    // One thread per Tesseract: its OpenMP threads only slow it down on a busy machine, and the caller runs one at a time.
    const child = spawn(file, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: left,
      killSignal: 'SIGKILL',
      windowsHide: true,
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    let tooLong = false;
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (size > maxOut) {
        tooLong = true;
        child.kill('SIGKILL');
        return;
      }
      out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 2000) err += d.toString('utf8');
    });
    child.on('error', (e) => reject(new OcrError(`${path.basename(file)} could not be started: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (tooLong) reject(new OcrError(`${path.basename(file)} wrote more than ${maxOut} bytes`));
      else if (signal)
        reject(
          new OcrError(
            Date.now() >= deadline ? 'the time limit was reached' : `${path.basename(file)} was stopped (${signal})`,
          ),
        );
      else if (code !== 0)
        reject(
          new OcrError(`${path.basename(file)} failed (exit code ${code}): ${err.trim().split('\n').pop() ?? ''}`),
        );
      else resolve(Buffer.concat(out));
    });
    child.stdin.on('error', () => undefined); // a program that exits early closes its stdin: not an error of its own
    if (input) child.stdin.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    else child.stdin.end();
  });
}

/** The pages of a PDF file as grey-scale PGM images (P5), first `maxPages` pages at most. */
export async function renderPages(
  tools: Pick<OcrTools, 'pdftoppm'>,
  pdfFile: string,
  opts: { dpi?: number; maxPages: number; deadline: number },
): Promise<Buffer[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-ocr-'));
  try {
    const dpi = String(opts.dpi ?? DEFAULT_OCR_DPI);
    await run(
      tools.pdftoppm,
      ['-gray', '-r', dpi, '-l', String(opts.maxPages), pdfFile, path.join(dir, 'p')],
      null,
      opts.deadline,
      1 << 16,
    );
    // pdftoppm names pages p-1.pgm or p-01.pgm (padded to the page count's width).
    const pages = fs
      .readdirSync(dir)
      .map((f) => ({ f, n: Number(/^p-(\d+)\.pgm$/.exec(f)?.[1] ?? NaN) }))
      .filter((x) => Number.isFinite(x.n))
      .sort((a, b) => a.n - b.n);
    return pages.map(({ f }) => {
      const file = path.join(dir, f);
      if (fs.statSync(file).size > MAX_IMAGE_BYTES)
        throw new OcrError(`page ${f} renders larger than ${MAX_IMAGE_BYTES >> 20} MB`);
      return fs.readFileSync(file);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A rendered page with its dust taken off (./image), when it has dust: Tesseract reads a dot of a scan's noise
 * beside a figure or inside a word as a character. A clean rendering is left as it is: an EDGAR PDF rendered at
 * 300 dpi changes in at most a few dozen pixels (of 8.4 million), a speckled scan in about 19,000, and those few
 * dozen are the tips of marks, not dust. Specks are measured at 300 dpi and scaled to the page's resolution.
 */
export function cleanPage(image: Uint8Array, dpi = DEFAULT_OCR_DPI): Uint8Array {
  const page = readPgm(image);
  const clean = despeckle(page, Math.max(1, Math.round(4 * (dpi / 300) ** 2)));
  return clean.changed * DUSTY < page.width * page.height ? image : writePgm(clean);
}

/** A page with more than one pixel of dust in this many is cleaned. */
const DUSTY = 10_000;

/** The text Tesseract reads in one page image (PGM or PNG bytes). */
export async function ocrImage(
  tools: Pick<OcrTools, 'tesseract'>,
  image: Uint8Array,
  opts: OcrSettings & { deadline: number },
): Promise<string> {
  const args = [
    'stdin',
    'stdout',
    '-l',
    'eng',
    '--psm',
    String(opts.psm ?? DEFAULT_OCR_PSM),
    '--dpi',
    String(opts.dpi ?? DEFAULT_OCR_DPI),
  ];
  const out = await run(tools.tesseract, args, image, opts.deadline, MAX_PAGE_TEXT);
  return out.toString('utf8');
}

/** The OCR text of a document's pages: each page's text in turn, the form feed Tesseract ends a page with removed. */
export function joinPages(pages: readonly string[]): string {
  return pages.map((p) => p.replace(/\f/g, '').trimEnd()).join('\n\n');
}

/** Where each page starts in `joinPages(pages)`. */
export function pageStarts(pages: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of pages) {
    starts.push(at);
    at += p.replace(/\f/g, '').trimEnd().length + 2;
  }
  return starts;
}

/** Render a PDF (its bytes), clean each page and read it with Tesseract; the text of the pages joined. */
export async function ocrPdfBytes(
  tools: OcrTools,
  bytes: Uint8Array,
  opts: OcrSettings & { maxPages: number; deadline: number },
): Promise<{ text: string; pages: number; pageStarts: number[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-ocr-'));
  try {
    const file = path.join(dir, 'input.pdf');
    fs.writeFileSync(file, bytes);
    const images = await renderPages(tools, file, opts);
    if (!images.length) throw new OcrError('pdftoppm rendered no page');
    const texts: string[] = [];
    for (const img of images) texts.push(await ocrImage(tools, cleanPage(img, opts.dpi), opts));
    return { text: joinPages(texts), pages: images.length, pageStarts: pageStarts(texts) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
