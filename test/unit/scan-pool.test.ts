import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { runPool, type Job } from '../../src/cli/scan/pool';
import type { FileOutcome } from '../../src/cli/scan/file';

const WORKER = path.join(__dirname, '..', 'fixtures', 'pool', 'worker.cjs');

/** Runs `paths` through the pool with the test worker; the outcome of each path, and how often each was answered. */
async function pool(paths: string[], opts: { threads?: number; batch?: number; timeLimitMs: number }) {
  const jobs: Job[] = paths.map((p, index) => ({ index, path: p }));
  const outcomes = new Map<string, FileOutcome>();
  const answers = new Map<string, number>();
  await runPool(jobs[Symbol.iterator](), {
    script: WORKER,
    workerData: { form4ScanWorker: true, severities: {} },
    threads: opts.threads ?? 1,
    batch: opts.batch,
    timeLimitMs: opts.timeLimitMs,
    onResult: (index, outcome) => {
      const p = paths[index];
      outcomes.set(p, outcome);
      answers.set(p, (answers.get(p) ?? 0) + 1);
    },
  });
  return { outcomes, answers };
}

describe('scan pool', () => {
  it('answers every job once, a batch per message, across threads', async () => {
    const paths = Array.from({ length: 50 }, (_, i) => `f${i}.xml`);
    const { outcomes, answers } = await pool(paths, { threads: 2, batch: 4, timeLimitMs: 30_000 });
    assert.equal(outcomes.size, 50);
    for (const p of paths) {
      assert.equal(answers.get(p), 1, p);
      assert.deepEqual(outcomes.get(p), { ok: false, reason: `read ${p}` });
    }
  });

  it('stops the file that overruns (not the first of its batch), and reads the rest of the batch again', async () => {
    const paths = ['a.xml', 'b.xml', 'hang.xml', 'c.xml', 'd.xml'];
    const { outcomes, answers } = await pool(paths, { batch: 8, timeLimitMs: 300 });
    const hang = outcomes.get('hang.xml');
    assert.ok(hang && !hang.ok && 'stopped' in hang && /took longer than 0\.3 s; stopped/.test(hang.reason));
    for (const p of ['a.xml', 'b.xml', 'c.xml', 'd.xml']) {
      assert.deepEqual(outcomes.get(p), { ok: false, reason: `read ${p}` }, p);
      assert.equal(answers.get(p), 1, p);
    }
  });

  it('times each file from its own start: a batch longer than the limit, of files each far below it, is read whole', async () => {
    // 12 files of 100 ms in one batch: 1.2 s for the batch against a limit of 1 s per file.
    const paths = Array.from({ length: 12 }, (_, i) => `wait-100-${i}.xml`);
    const { outcomes } = await pool(paths, { batch: 12, timeLimitMs: 1000 });
    for (const p of paths) assert.deepEqual(outcomes.get(p), { ok: false, reason: `read ${p}` }, p);
  });
});
