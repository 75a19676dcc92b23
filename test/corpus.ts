/**
 * Where the shared corpus lives, for tests and scripts: `../shared/corpus` beside the repository
 * (override with FORM4_CORPUS). Tests that need it call `corpusOrSkip(this)`: without the corpus they
 * are skipped with a clear message, except under CI=true, where a missing corpus is a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CORPUS_DIR = process.env.FORM4_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const SEED_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'seed');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'));
}

/** Call in a mocha `before`/`it` with `this`; skips (or fails under CI) when the corpus is absent. */
export function corpusOrSkip(ctx: Mocha.Context): void {
  if (corpusAvailable()) return;
  const msg = `shared corpus not found at ${CORPUS_DIR} (set FORM4_CORPUS or place ../shared/corpus beside the repository)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI always has it, so this is a failure`);
  console.warn(`      skipped: ${msg}`);
  ctx.skip();
}

/** Corpus files under a sub-folder (xml, txt, doc, pdf, pdf-printed, html), sorted, full paths. */
export function corpusFiles(sub: string, filter: (name: string) => boolean = () => true): string[] {
  const dir = path.join(CORPUS_DIR, sub);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(filter)
    .sort()
    .map((f) => path.join(dir, f));
}

/** MANIFEST.tsv rows as objects keyed by its header. */
export function manifest(): Record<string, string>[] {
  const text = fs.readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8');
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const cols = head.split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}
