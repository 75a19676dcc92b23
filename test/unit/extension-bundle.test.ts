/**
 * What the extension host's bundle holds: no reader of filings. Every input is parsed in the reading worker
 * (src/core/worker), under its time limit and off the extension host's thread, so the host's bundle (the first thing
 * VS Code loads on activation) carries none of the parsers: bundled here as scripts/build.mjs bundles it.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the extension host bundle', function () {
  this.timeout(60_000);

  it('holds no parser of filings, nor the in-thread reading of an input', async () => {
    const r = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/extension/extension.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', '@napi-rs/canvas', 'dictionary-en'],
      write: false,
      metafile: true,
      outfile: 'out/extension-bundle-test.js',
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    assert.ok(inputs.includes('src/extension/extension.ts'), 'the bundle was read');
    // A submission header's items are read again from the text a filing holds (the Section 16 desk's filing
    // dates); that is no reading of an input.
    const readers = inputs.filter((f) =>
      /^src\/core\/(?:parse\/(?!submission-header\.ts)|pdf\/(?!reader\.ts|limits\.ts|worker-client\.ts)|inspect\.ts|worker\/read\.ts|edgar\/read\.ts)/.test(
        f,
      ),
    );
    assert.deepEqual(readers, []);
  });
});
