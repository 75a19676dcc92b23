// Builds the bundles with esbuild:
//   dist/extension.js  the VS Code extension (Node, CommonJS, `vscode` external)
//   dist/cli.js        the `form4` command (Node, CommonJS, with a shebang)
//   dist/reader-worker.js the readers' worker thread (Node, CommonJS): every input is read there, under a time limit
//   dist/webview.js    the preview UI (browser, IIFE)
//   dist/timeline.js   the holdings timeline UI (browser, IIFE; d3-scale/d3-shape bundled)
// `--watch` rebuilds on change; `--production` minifies.
// pdf.js (3 MB) is only in dist/reader-worker.js: the core reads a PDF through the reader its caller passes in
// (src/core/pdf/reader.ts), and the extension and the CLI read their inputs in that worker, so nothing in their
// bundles imports the in-process PDF reader.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * The en_US dictionary (`dictionary-en`) of the OCR reader's spelling check, copied to dist/dictionary-en/ with its
 * license: no node_modules ships with the bundles, and one copy read when first needed
 * (src/core/parse/text/english-data.ts) costs every bundle and every worker thread less than its 640 KB of text
 * inlined into each (a folder check's peak memory counts every thread's copy of its script).
 */
function copyEnglishDictionary() {
  const dir = path.dirname(createRequire(import.meta.url).resolve('dictionary-en'));
  mkdirSync('dist/dictionary-en', { recursive: true });
  for (const name of ['index.aff', 'index.dic', 'license'])
    copyFileSync(path.join(dir, name), path.join('dist/dictionary-en', name));
}

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'linked',
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', '@napi-rs/canvas', 'dictionary-en'],
  },
  {
    ...common,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/canvas', 'dictionary-en'],
    banner: { js: '#!/usr/bin/env node' },
    define: { FORM4_VERSION: JSON.stringify(pkg.version) },
  },
  {
    // The readers' worker thread (src/core/worker/client.ts looks for it beside the bundle that calls it).
    ...common,
    entryPoints: ['src/core/worker/entry.ts'],
    outfile: 'dist/reader-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/canvas', 'dictionary-en'],
  },
  {
    // The workspace scan's worker threads (src/extension/scanJob.ts).
    ...common,
    entryPoints: ['src/extension/scanWorker.ts'],
    outfile: 'dist/scan-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['dictionary-en'],
  },
  {
    ...common,
    entryPoints: ['src/webview/preview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['src/webview/timeline/main.ts'],
    outfile: 'dist/timeline.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
].filter((b) => existsSync(b.entryPoints[0]));

copyEnglishDictionary();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
