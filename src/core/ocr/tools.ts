/**
 * The programs OCR needs, found on the PATH or at a configured path: Tesseract (the OCR engine) and pdftoppm
 * (poppler's renderer, which turns a PDF's pages into the images Tesseract reads). Both are Debian packages
 * (`tesseract-ocr`, `poppler-utils`) and exist for every platform; this module only looks for them.
 *
 * Why pdftoppm and not pdf.js with @napi-rs/canvas: a separate process can be killed cleanly under the time
 * limit (a page that takes pdf.js and native canvas code minutes would block the worker thread itself), it adds
 * no native module to the extension, and it is the renderer `npm run ocr-corpus` measures with.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface OcrTools {
  tesseract: string;
  pdftoppm: string;
}

/** Where to look: the configured Tesseract path (when given), and the PATH. */
export interface OcrToolOptions {
  /** A configured path of the tesseract executable (the setting `form4Inspector.ocr.tesseractPath`). */
  tesseractPath?: string | null;
  /** The PATH to search (default: the process's). */
  envPath?: string;
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable named `name` on the PATH, or null. */
export function onPath(name: string, envPath = process.env.PATH ?? ''): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** How a user gets the programs, said where OCR is offered but cannot run. */
export const OCR_INSTALL_HINT =
  'install Tesseract and poppler (Debian/Ubuntu: `sudo apt-get install tesseract-ocr poppler-utils`; macOS: `brew install tesseract poppler`; Windows: the UB Mannheim Tesseract installer and poppler for Windows)';

/**
 * The OCR programs, or the reason they cannot be used. pdftoppm is looked for beside the configured tesseract
 * first (the Windows installers put both in one folder), then on the PATH.
 */
export function findOcrTools(opts: OcrToolOptions = {}): { ok: true; tools: OcrTools } | { ok: false; reason: string } {
  const envPath = opts.envPath ?? process.env.PATH ?? '';
  let tesseract: string | null = null;
  const configured = opts.tesseractPath?.trim();
  if (configured) {
    if (!isExecutable(configured))
      return { ok: false, reason: `the configured Tesseract path "${configured}" is not an executable file` };
    tesseract = configured;
  } else tesseract = onPath('tesseract', envPath);
  const beside = tesseract ? onPath('pdftoppm', path.dirname(tesseract)) : null;
  const pdftoppm = beside ?? onPath('pdftoppm', envPath);
  const missing = [tesseract ? null : 'tesseract', pdftoppm ? null : 'pdftoppm'].filter((x) => x !== null);
  if (!tesseract || !pdftoppm) return { ok: false, reason: `${missing.join(' and ')} not found: ${OCR_INSTALL_HINT}` };
  return { ok: true, tools: { tesseract, pdftoppm } };
}
