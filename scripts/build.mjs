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
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * The en_US dictionary (`dictionary-en`) of the OCR reader's spelling check, inlined: run from the sources,
 * src/core/parse/text/english-data.ts reads the package's files, but no node_modules ships with the bundles. Its
 * license goes with it as a legal comment (into dist/*.LEGAL.txt).
 */
const inlineEnglishDictionary = {
  name: 'inline-english-dictionary',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]parse[\\/]text[\\/]english-data\.ts$/ }, () => {
      const dir = path.dirname(createRequire(import.meta.url).resolve('dictionary-en'));
      const file = (name) => path.join(dir, name);
      const text = (name) => JSON.stringify(readFileSync(file(name), 'utf8'));
      const license = readFileSync(file('license'), 'utf8').replaceAll('*/', '* /');
      return {
        contents: `/*! dictionary-en (en_US Hunspell dictionary, SCOWL):\n${license} */
export function englishDictionaryFiles() {
  return { aff: ${text('index.aff')}, dic: ${text('index.dic')} };
}
`,
        loader: 'js',
        watchFiles: [file('index.aff'), file('index.dic'), file('license')],
      };
    });
  },
};

const common = {
  bundle: true,
  plugins: [inlineEnglishDictionary],
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
    external: ['vscode', '@napi-rs/canvas'],
  },
  {
    ...common,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/canvas'],
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
    external: ['@napi-rs/canvas'],
  },
  {
    // The workspace scan's worker threads (src/extension/scanJob.ts).
    ...common,
    entryPoints: ['src/extension/scanWorker.ts'],
    outfile: 'dist/scan-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
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

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
