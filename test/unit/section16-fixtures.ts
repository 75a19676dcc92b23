/** Reading the hand-made Section 16 fixtures (test/fixtures/section16/) for the section16 unit tests. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { parseText } from '../../src/core/parse';

export const SECTION16_DIR = path.join(__dirname, '..', 'fixtures', 'section16');

export function loadFiling(full: string): Filing {
  const out = parseText(fs.readFileSync(full, 'utf8'), full);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

/** Every filing of a fixture folder (relative to test/fixtures/section16), in name order. */
export function loadFolder(rel: string): Filing[] {
  const dir = path.join(SECTION16_DIR, rel);
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(xml|txt)$/.test(f))
    .sort()
    .map((f) => loadFiling(path.join(dir, f)));
}
