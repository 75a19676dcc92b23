/**
 * The reading worker (src/core/worker/client.ts), which reads every input off the caller's thread: the same outcome
 * as in-process, an input stopped at its time limit with a reason and a read-limit finding, a cancelled input, and
 * the next input read by a fresh thread after either.
 */
import * as assert from 'node:assert/strict';
import { inspectText } from '../../src/core/inspect';
import { ReadingWorker } from '../../src/core/worker/client';
import { toJson } from '../../src/core/json';
import { baseForm4 } from '../fuzz/redos';

describe('reading worker', function () {
  this.timeout(120_000);
  const big = (): string =>
    baseForm4().replace('</footnotes>', `<footnote id="F9">${'x '.repeat(2_000_000)}</footnote></footnotes>`);

  it('reads text as in-process, and tells a non-filing from a filing', async () => {
    const worker = new ReadingWorker();
    try {
      const r = await worker.inspectText(baseForm4(), 'base.xml');
      const local = inspectText(baseForm4(), 'base.xml');
      assert.ok(r.outcome.ok && local.ok);
      if (r.outcome.ok && local.ok) assert.deepEqual(toJson(r.outcome.filing), toJson(local.filing));
      assert.equal(r.isFiling, true);
      const plain = await worker.inspectText('<config><a>1</a></config>', 'config.xml');
      assert.equal(plain.isFiling, false);
      const bytes = await worker.inspectBytes(Buffer.from(baseForm4()), 'base.xml');
      assert.ok(bytes.outcome.ok);
    } finally {
      await worker.dispose();
    }
  });

  it('stops a text input at its time limit with a read-limit finding, then reads the next on a fresh thread', async () => {
    const worker = new ReadingWorker({ textTimeoutMs: 1 });
    try {
      const r = await worker.inspectText(big(), 'big.xml');
      assert.equal(r.outcome.ok, false);
      if (!r.outcome.ok) {
        assert.match(r.outcome.reason, /took longer than .*; stopped/);
        assert.deepEqual(
          r.outcome.findings.map((f) => f.rule),
          ['read-limit'],
        );
      }
      assert.equal(r.isFiling, true, 'a filing the reader could not finish is still shown as one');
    } finally {
      await worker.dispose();
    }
    const again = new ReadingWorker();
    try {
      assert.ok((await again.inspectText(baseForm4(), 'again.xml')).outcome.ok);
    } finally {
      await again.dispose();
    }
  });

  it('cancels an input under way or queued, and reads the next one', async () => {
    const worker = new ReadingWorker();
    try {
      const running = new AbortController();
      const queued = new AbortController();
      const first = worker.inspectBytes(Buffer.from(big()), 'first.xml', {}, running.signal);
      const second = worker.inspectBytes(Buffer.from(baseForm4()), 'second.xml', {}, queued.signal);
      queued.abort();
      // once the first is sent to the thread (its job starts on a later turn of the event loop)
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok((worker as unknown as { pending: unknown }).pending, 'the first input is under way');
      running.abort();
      const [a, b] = await Promise.all([first, second]);
      assert.deepEqual([a.outcome.ok, b.outcome.ok], [false, false]);
      if (!a.outcome.ok && !b.outcome.ok)
        assert.deepEqual([a.outcome.reason, b.outcome.reason], ['cancelled', 'cancelled']);
      assert.ok((await worker.inspectBytes(Buffer.from(baseForm4()), 'third.xml')).outcome.ok);
    } finally {
      await worker.dispose();
    }
  });
});
