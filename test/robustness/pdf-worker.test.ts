/**
 * The PDF reader under stress, on the hand-made Form 4 of test/fixtures/pdf: mutated bytes (never a throw, always an
 * answer), and its worker thread: the same filing as in-process, bad input as a reason, a read stopped at its time
 * limit with the thread replaced, an idle thread stopped, and the bundled worker running where @napi-rs/canvas
 * cannot be found (the universal .vsix).
 */
import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { parsePdf } from '../../src/core/pdf/index';
import { parsePdfInWorker, PdfWorkerClient } from '../../src/core/pdf/worker-client';
import { toJson } from '../../src/core/json';
import { REPO_ROOT } from '../helpers/shared';
import { readPdfFixture, syntheticPdfFiling } from '../helpers/pdf';

const read = readPdfFixture;
const synthetic = syntheticPdfFiling;

describe('PDF reader: mutation fuzz over the hand-made Form 4', function () {
  this.timeout(120_000);
  it('never throws and always answers, with a filing or a one-line reason, whatever bytes are changed, cut or inserted', async () => {
    const base = read('form4-synthetic.pdf');
    let seed = 20240105;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let ok = 0;
    for (let i = 0; i < 60; i++) {
      let bytes: Uint8Array;
      const kind = i % 3;
      if (kind === 0) {
        bytes = new Uint8Array(base);
        for (let k = 0; k < 1 + rnd(20); k++) bytes[rnd(bytes.length)] = rnd(256);
      } else if (kind === 1) {
        bytes = base.subarray(0, 16 + rnd(base.length - 16));
      } else {
        const at = rnd(base.length);
        const junk = Uint8Array.from({ length: 1 + rnd(200) }, () => rnd(256));
        bytes = new Uint8Array([...base.subarray(0, at), ...junk, ...base.subarray(at)]);
      }
      const r = await parsePdf(bytes, `fuzz-${i}.pdf`, { timeoutMs: 5000 });
      if (r.ok) {
        ok++;
        assert.equal(r.filing.source, 'pdf');
      } else {
        assert.ok(r.reason.length > 0 && !r.reason.includes('\n'), `case ${i}: ${r.reason}`);
      }
    }
    // Most single-byte changes leave a readable form: the reader does not give up on a damaged file it can read.
    assert.ok(ok > 0);
  });
});

describe('PDF reader in a worker thread', function () {
  this.timeout(60_000);

  it('gives the same filing as in-process', async () => {
    const inProcess = await synthetic();
    const r = await parsePdfInWorker(read('form4-synthetic.pdf'), 'form4-synthetic.pdf');
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepEqual(toJson(r.filing), toJson(inProcess));
  });

  it('reports bad input from the worker as a reason', async () => {
    const r = await parsePdfInWorker(read('password.pdf'), 'password.pdf');
    assert.deepEqual(r, { ok: false, reason: 'the PDF is protected by a password', findings: [] });
  });

  it('stops a read that takes longer than the timeout', async () => {
    const client = new PdfWorkerClient();
    try {
      const r = await client.parse(read('form4-synthetic.pdf'), 'slow.pdf', { timeoutMs: 1 });
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, /took longer than/);
      // The client recovers: the next PDF is read by a fresh thread.
      const again = await client.parse(read('form4-synthetic.pdf'), 'again.pdf');
      assert.ok(again.ok);
    } finally {
      await client.dispose();
    }
  });

  it('with idleMs, stops its thread after that long without work and starts a new one for the next PDF', async () => {
    const client = new PdfWorkerClient({ idleMs: 100 });
    const thread = () => (client as unknown as { reader: { worker: Worker | null } }).reader.worker;
    try {
      const r = await client.parse(read('form4-synthetic.pdf'), 'first.pdf');
      assert.ok(r.ok, r.ok ? '' : r.reason);
      const first = thread();
      assert.ok(first, 'the thread is kept right after a read');
      // The thread ends by itself once idle: wait for its exit (the bound only keeps a broken idle timer from
      // hanging the test, and keeps the process alive while the thread and its timer are unref'd).
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        once(first, 'exit'),
        new Promise((_, reject) => {
          bound = setTimeout(() => reject(new Error('the idle thread was not stopped within 20 s')), 20_000);
        }),
      ]).finally(() => clearTimeout(bound));
      assert.equal(thread(), null, 'the idle thread was stopped');
      const again = await client.parse(read('form4-synthetic.pdf'), 'second.pdf');
      assert.ok(again.ok, again.ok ? '' : again.reason);
    } finally {
      await client.dispose();
    }
  });

  it('the esbuild bundle of the worker reads a PDF where @napi-rs/canvas cannot be found', async () => {
    const esbuild = await import('esbuild');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-pdf-worker-'));
    try {
      const out = path.join(dir, 'reader-worker.js');
      await esbuild.build({
        entryPoints: [path.join(REPO_ROOT, 'src', 'core', 'worker', 'entry.ts')],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['@napi-rs/canvas'],
        logLevel: 'silent',
      });
      // Outside the repository no node_modules is above the bundle: require('@napi-rs/canvas') must fail there.
      assert.throws(() => require.resolve('@napi-rs/canvas', { paths: [dir] }));
      const r = await parsePdfInWorker(read('form4-synthetic.pdf'), 'form4-synthetic.pdf', { workerPath: out });
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.equal(r.filing.nonDerivative[0].transactionShares.value, '7402');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
