/**
 * The hand-made OCR texts of test/fixtures/text-ocr read as filings. They are apart from fixtures/text: a garbled
 * marker (“)) is resolved to a footnote, but its ref has no span that reads the marker, which the span checks of
 * every fixtures/text file require.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormText } from '../../src/core/parse/text';
import type { Filing } from '../../src/core/model';

export const OCR_TEXT_DIR = path.resolve(__dirname, '..', 'fixtures', 'text-ocr');

/** A fixture's text, edited first by `edit`, and the filing it reads as (which it must). */
export function readOcrText(name: string, edit: (s: string) => string = (s) => s): { text: string; filing: Filing } {
  const text = edit(fs.readFileSync(path.join(OCR_TEXT_DIR, name), 'utf8'));
  const r = parseFormText(text, name);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return { text, filing: r.filing };
}

/** The filing a fixture reads as, its text edited first by `edit`. */
export function readOcrFiling(name: string, edit: (s: string) => string = (s) => s): Filing {
  return readOcrText(name, edit).filing;
}
