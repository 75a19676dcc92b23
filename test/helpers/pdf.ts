/** The hand-made PDFs of test/fixtures/pdf (written by make-fixtures.mjs), for the PDF reader's tests. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePdf, type PdfOptions } from '../../src/core/pdf/index';
import type { Filing, ParseOutcome } from '../../src/core/model';
import { REPO_ROOT } from './shared';

export const PDF_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'pdf');

/** The bytes of a fixture PDF. */
export const readPdfFixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(PDF_FIXTURES, name)));

/**
 * The longest wall-clock time setTimeout takes (about 24.8 days). Tests of what the reader reads must not depend on
 * how busy the machine is, so they lift the product's 15 s limit; the limit itself is tested in test/robustness.
 */
const NO_TIME_LIMIT_MS = 2 ** 31 - 1;

/** `parsePdf` in this thread without its wall-clock limit (other limits as given). */
export const parsePdfUntimed = (bytes: Uint8Array, file: string, opts: PdfOptions = {}): Promise<ParseOutcome> =>
  parsePdf(bytes, file, { timeoutMs: NO_TIME_LIMIT_MS, ...opts });

/** The hand-made Form 4 laid out as EDGAR's own PDFs are, read in this thread. */
export async function syntheticPdfFiling(): Promise<Filing> {
  const r = await parsePdfUntimed(readPdfFixture('form4-synthetic.pdf'), 'form4-synthetic.pdf');
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.filing;
}
