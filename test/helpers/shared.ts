/**
 * The shared real-world material beside the repository (`../shared`: the corpus, the OCR seed, the documents the
 * JSON model is checked against), for every test tier. A test that needs any of it calls `sharedOrSkip(this, ...)`
 * (or `corpusOrSkip(this)`): without it the test is skipped with a clear message, except under CI=true, where CI
 * always has the material and its absence is a failure. No test reads ../shared without going through here.
 *
 * FORM4_CORPUS moves the corpus. The repository root is found from this file's place, or (in the integration
 * suites' bundles, which run from out/test/integration) by walking up to the package.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && /"name":\s*"form4-inspector"/.test(fs.readFileSync(pkg, 'utf8'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const CORPUS_DIR = process.env.FORM4_CORPUS ?? path.join(SHARED_DIR, 'corpus');
export const SEED_DIR = path.join(SHARED_DIR, 'seed');
export const SHARED_DOCS_DIR = path.join(SHARED_DIR, 'docs');
/** The OCR seed of a Form 4 (Alto Ingredients), the shape of input the text reader was built for. */
export const SEED_FILE = path.join(SEED_DIR, '000_82a85f6565519174.txt');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'));
}

/**
 * Call with mocha's `this` (in `before` or `it`): skips the test or the suite when one of `files` is missing, with
 * a message naming it; under CI=true a missing file throws instead.
 */
export function sharedOrSkip(ctx: Mocha.Context, ...files: string[]): void {
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length === 0) return;
  const msg = `shared material not found: ${missing.join(', ')} (place ../shared beside the repository${
    missing.some((f) => f.startsWith(CORPUS_DIR)) ? ', or set FORM4_CORPUS' : ''
  })`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI always has it, so this is a failure`);
  console.warn(`      skipped: ${msg}`);
  ctx.skip();
}

/** `sharedOrSkip` for the corpus (its MANIFEST.tsv stands for the whole folder). */
export function corpusOrSkip(ctx: Mocha.Context): void {
  sharedOrSkip(ctx, path.join(CORPUS_DIR, 'MANIFEST.tsv'));
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
