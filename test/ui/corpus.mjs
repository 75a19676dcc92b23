// Real filings for UI checks, from the shared corpus beside the repository (../shared/corpus, or FORM4_CORPUS),
// never copied into the project: a check's `workspace` hook copies what it needs into its own workspace. Without the
// corpus such a check passes with a clear note, except under CI=true, where it fails.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CORPUS = process.env.FORM4_CORPUS ?? resolve(ROOT, '..', 'shared', 'corpus');

/** Whether the corpus files are there; under CI=true their absence is an error. */
export function haveCorpus(...files) {
  const missing = files.filter((f) => !existsSync(join(CORPUS, f)));
  if (!missing.length) return true;
  const msg = `needs ${missing.join(', ')} of the shared corpus (${CORPUS})`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`        not run: ${msg}`);
  return false;
}

/** A `workspace` hook copying corpus files into the folder `sub` of a check's workspace, each under `name`. */
export function copyCorpus(sub, files) {
  return (dir) => {
    if (!haveCorpus(...Object.values(files))) return;
    mkdirSync(join(dir, sub), { recursive: true });
    for (const [name, rel] of Object.entries(files))
      copyFileSync(join(CORPUS, rel), join(dir, sub, name || basename(rel)));
  };
}
