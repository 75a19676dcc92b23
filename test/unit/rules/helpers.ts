import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../../src/core/parse';
import type { Filing } from '../../../src/core/model';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/rules');

/** Parse a hand-written rule fixture (path relative to test/fixtures/rules). */
export function load(rel: string): Filing {
  const file = path.join(FIXTURES, rel);
  const out = parseText(fs.readFileSync(file, 'utf8'), file);
  if (!out.ok) throw new Error(`${rel}: ${out.reason}`);
  return out.filing;
}
