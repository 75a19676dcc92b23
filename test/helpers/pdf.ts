/** The hand-made PDFs of test/fixtures/pdf (written by make-fixtures.mjs), for the PDF reader's tests. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePdf } from '../../src/core/pdf/index';
import type { Filing } from '../../src/core/model';
import { REPO_ROOT } from './shared';

export const PDF_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'pdf');

/** The bytes of a fixture PDF. */
export const readPdfFixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(PDF_FIXTURES, name)));

/** The hand-made Form 4 laid out as EDGAR's own PDFs are, read in this thread. */
export async function syntheticPdfFiling(): Promise<Filing> {
  const r = await parsePdf(readPdfFixture('form4-synthetic.pdf'), 'form4-synthetic.pdf');
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.filing;
}
