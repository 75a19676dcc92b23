/**
 * The `form4` CLI and its reading worker bundled from the current source (same esbuild options as scripts/build.mjs) into a temporary
 * folder, once per test process, so CLI tests never run a stale dist/ and never write into the repository.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/shared';

let built: string | null = null;

/** Path of a fresh cli.js (built on the first call). */
export function buildCli(): string {
  if (built && fs.existsSync(built)) return built;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
  const outfile = path.join(dir, 'cli.js');
  esbuild.buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src', 'cli', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/canvas'],
    banner: { js: '#!/usr/bin/env node' },
    define: { FORM4_VERSION: JSON.stringify('0.0.0-test') },
    logLevel: 'silent',
  });
  // The reading worker the CLI reads its inputs in, found beside the bundle as in dist/.
  esbuild.buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src', 'core', 'worker', 'entry.ts')],
    outfile: path.join(dir, 'reader-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/canvas'],
    logLevel: 'silent',
  });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  built = outfile;
  return outfile;
}
