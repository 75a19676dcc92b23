/**
 * Speed of the PDF reader against pdf-parse's `getText()` alone on the same files, in one run: what reading the
 * form from positions costs on top of pdf.js's text extraction. Both sides read every file once to warm up
 * (module loading, JIT), then `rounds` more times; the ratio is our total time over theirs.
 */
import * as fs from 'node:fs';
import { parsePdf } from '../src/core/pdf';

export interface PdfSpeed {
  files: number;
  rounds: number;
  /** Total milliseconds over all files and rounds. */
  inspectMs: number;
  getTextMs: number;
  /** inspectMs / getTextMs */
  ratio: number;
}

export async function measurePdfSpeed(files: readonly string[], rounds = 3): Promise<PdfSpeed> {
  const { PDFParse } = await import('pdf-parse');
  const data = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  const ours = async (bytes: Uint8Array, f: string) => {
    await parsePdf(bytes, f, { timeoutMs: 60_000 });
  };
  const theirs = async (bytes: Uint8Array) => {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      await parser.getText();
    } finally {
      await parser.destroy();
    }
  };
  for (let i = 0; i < data.length; i++) {
    await ours(data[i], files[i]);
    await theirs(data[i]);
  }
  let inspectMs = 0;
  let getTextMs = 0;
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so neither side always profits from a warm cache left by the other.
    for (let i = 0; i < data.length; i++) {
      const order = (r + i) % 2 === 0;
      for (const side of order ? ['ours', 'theirs'] : ['theirs', 'ours']) {
        const t0 = performance.now();
        if (side === 'ours') await ours(data[i], files[i]);
        else await theirs(data[i]);
        const dt = performance.now() - t0;
        if (side === 'ours') inspectMs += dt;
        else getTextMs += dt;
      }
    }
  }
  return { files: files.length, rounds, inspectMs, getTextMs, ratio: getTextMs > 0 ? inspectMs / getTextMs : NaN };
}
