/**
 * Where the shared corpus lives, for the scripts (bench, corpus report): `../shared/corpus` beside the repository,
 * or FORM4_CORPUS. The tests have their own (test/helpers/shared.ts): scripts import nothing from test/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CORPUS_DIR = process.env.FORM4_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'));
}
