/**
 * A scanned PDF made from a fixture PDF: its pages rendered by pdftoppm into grey images and written into a new PDF
 * as page images only (no text layer), the way a scanner's PDF is. For the OCR tests; needs pdftoppm.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { findOcrTools, type OcrTools } from '../../src/core/ocr/tools';

/** A grey PGM (P5, 8 bits) into its size and pixels. */
function readPgm(b: Buffer): { w: number; h: number; pixels: Buffer } {
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('not an 8-bit PGM');
  return { w: Number(head[1]), h: Number(head[2]), pixels: b.subarray(head[0].length) };
}

/** A PDF of page images: one page per image, the image filling a US Letter page. */
export function imagePdf(pages: { w: number; h: number; pixels: Buffer }[]): Buffer {
  const objs: Buffer[] = [];
  const add = (body: Buffer | string) => objs.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const n = pages.length;
  // 1: catalog, 2: pages, then per page: page, content, image.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 3 * i} 0 R`).join(' ')}] /Count ${n} >>`);
  pages.forEach((p, i) => {
    const at = 3 + 3 * i;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 ${at + 2} 0 R >> >> /Contents ${at + 1} 0 R >>`,
    );
    const content = 'q 612 0 0 792 0 0 cm /Im0 Do Q';
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const data = deflateSync(p.pixels);
    add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${p.w} /Height ${p.h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
          'latin1',
        ),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let size = parts[0].length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(size);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    size += b.length;
  });
  const xref = [
    'xref',
    `0 ${objs.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objs.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(size),
    '%%EOF',
  ].join('\n');
  parts.push(Buffer.from(xref + '\n', 'latin1'));
  return Buffer.concat(parts);
}

/** The PDF at `pdfFile` as a scan: its pages rendered at `dpi` by `pdftoppm`, written as page images only. */
export function scanOf(pdftoppm: string, pdfFile: string, dpi = 300): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-scan-'));
  try {
    const r = spawnSync(pdftoppm, ['-gray', '-r', String(dpi), pdfFile, path.join(dir, 'p')]);
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr?.toString()}`);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]));
    return imagePdf(files.map((f) => readPgm(fs.readFileSync(path.join(dir, f)))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Call with mocha's `this`: Tesseract and pdftoppm, or the test skipped with the reason why they were not found;
 * under CI=true their absence throws instead (the install step puts them on CI).
 */
export function ocrToolsOrSkip(ctx: Mocha.Context): OcrTools {
  const found = findOcrTools();
  if (found.ok) return found.tools;
  if (process.env.CI === 'true') throw new Error(`${found.reason}; the install step puts them on CI`);
  console.warn(`      skipped: ${found.reason}`);
  ctx.skip();
}
