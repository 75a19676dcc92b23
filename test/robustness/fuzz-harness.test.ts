/**
 * The fuzz harness itself (test/fuzz/fuzz.ts): its inputs are the same for the same seed, its mutators keep to what
 * they claim, its span check catches a span outside the text, its budget counts CPU time and not the clock, and a
 * run catches an exception and a hang (`--self-test` puts one of each first) while the inputs after them still run.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCases, type FuzzOptions } from '../fuzz/cases';
import { ENCODINGS, MUTATORS, elementRanges, tagBoundaries } from '../fuzz/mutators';
import { Rng, caseSeed } from '../fuzz/rng';
import { checkSpans, runCase } from '../fuzz/run';
import { CORPUS_DIR, corpusOrSkip, REPO_ROOT } from '../helpers/shared';
import { fuzzFixture } from '../fuzz/cli-path';

const opts = (seed: number): FuzzOptions => ({
  seed,
  iterations: 50,
  ci: true,
  corpusDir: CORPUS_DIR,
  canaryPath: '/nonexistent/canary',
  canaryText: 'CANARY',
  httpPort: 9,
});

describe('fuzz harness', function () {
  this.timeout(120_000);

  it('the generator is seeded: same seed, same numbers; another seed, others', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 20 }, () => a.u32());
    assert.deepEqual(
      Array.from({ length: 20 }, () => b.u32()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 20 }, () => c.u32()),
      xs,
    );
    assert.notEqual(caseSeed(1, 0), caseSeed(1, 1));
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(10);
      assert.ok(n >= 0 && n < 10);
    }
  });

  it('builds the same inputs for the same seed, byte for byte, and different random ones for another', function () {
    corpusOrSkip(this);
    const one = buildCases(opts(3));
    const two = buildCases(opts(3));
    const other = buildCases(opts(4));
    assert.deepEqual(
      one.map((c) => c.name),
      two.map((c) => c.name),
    );
    const random = one.map((c, i) => [c, i] as const).filter(([c]) => c.family === 'random');
    assert.equal(random.length, 50);
    for (const [c, i] of random.slice(0, 15)) assert.ok(c.build().equals(two[i].build()), c.name);
    const differs = random
      .slice(0, 15)
      .filter(([c, i]) => other[i].name !== c.name || !other[i].build().equals(c.build()));
    assert.ok(differs.length > 10, 'another seed gives other inputs');
    for (const fam of ['hostile', 'corpus', 'pdf', 'truncate', 'encoding', 'random'])
      assert.ok(
        one.some((c) => c.family === fam),
        fam,
      );
  });

  it('the mutators are deterministic, and the structural ones cut at tags and elements', () => {
    const base = Buffer.from(fuzzFixture('form4-base.xml'), 'latin1');
    for (const m of MUTATORS) {
      const x = m.apply(base, new Rng(11));
      const y = m.apply(base, new Rng(11));
      assert.ok(x.equals(y), m.name);
    }
    const s = base.toString('latin1');
    for (const b of tagBoundaries(s)) assert.ok(s[b] === '<' || s[b - 1] === '>', `boundary ${b}`);
    const els = elementRanges(s);
    const doc = els.find((e) => e.name === 'ownershipDocument');
    assert.ok(
      doc &&
        s.slice(doc.start, doc.end).startsWith('<ownershipDocument>') &&
        s.slice(doc.start, doc.end).endsWith('</ownershipDocument>'),
    );
    assert.ok(els.filter((e) => e.leaf).every((e) => !s.slice(e.contentStart, e.contentEnd).includes('<')));
    const enc = Object.fromEntries(ENCODINGS.map((e) => [e.name, e.apply(base)]));
    assert.deepEqual([...enc['utf16le-no-bom'].subarray(0, 4)], [0x3c, 0, 0x3f, 0]);
    assert.deepEqual([...enc['utf16be-bom'].subarray(0, 4)], [0xfe, 0xff, 0, 0x3c]);
    assert.match(
      enc['utf8-bom-latin1-declared'].subarray(3, 60).toString('latin1'),
      /^<\?xml version="1.0" encoding="ISO-8859-1"\?>/,
    );
  });

  it('the span check finds a span outside the text or reversed', () => {
    assert.equal(checkSpans({ a: { span: { start: 0, end: 5 } }, text: 'x'.repeat(99) }, 5), null);
    assert.match(checkSpans({ a: [{ span: { start: 2, end: 6 } }] }, 5) ?? '', /a\[0\]\.span = \[2, 6\)/);
    assert.match(checkSpans({ b: { start: 4, end: 3 } }, 5) ?? '', /b = \[4, 3\)/);
  });

  it('the budget is CPU time: waiting costs nothing, computing is counted', async () => {
    const c = { name: 'budget', family: 'hostile' as const, build: () => Buffer.from('x') };
    const notAFiling = { ok: false as const, reason: 'not a filing', findings: [] };
    // A wait of half a second by the clock, as on a machine whose cores are busy with other work: no CPU time.
    const waits = await runCase(0, c, Buffer.from('x'), 100, async () => {
      await new Promise((r) => setTimeout(r, 500));
      return notAFiling;
    });
    assert.equal(waits.failure, undefined, JSON.stringify(waits.failure));
    assert.ok(waits.ms >= 400 && waits.cpuMs < 100, `wall ${waits.ms} ms, CPU ${waits.cpuMs} ms`);
    // Half a second of computation is over a 100 ms budget however fast the clock runs.
    const computes = await runCase(0, c, Buffer.from('x'), 100, async () => {
      const cpu0 = process.cpuUsage();
      while (process.cpuUsage(cpu0).user < 500_000);
      return notAFiling;
    });
    assert.equal(computes.failure?.kind, 'slow');
    assert.match(computes.failure?.message ?? '', /ms of CPU time .* over the 100 ms budget/);
  });

  it('a run reports an exception and a hang (worker stopped, input saved), and goes on with the next input', function () {
    corpusOrSkip(this);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-fuzz-self-'));
    try {
      const r = spawnSync(
        process.execPath,
        [
          '--require',
          require.resolve('tsx/cjs'),
          path.join(REPO_ROOT, 'test', 'fuzz', 'fuzz.ts'),
          '--self-test',
          '--ci',
          '--only',
          '0,1,2,3',
          '--hang-cpu-ms',
          '1500',
          '--save-dir',
          dir,
        ],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 100_000 },
      );
      const out = r.stdout + r.stderr;
      assert.equal(r.status, 1, out);
      assert.match(out, /FAIL #0 self-test-crash: crash: inspectBytes threw: Error: self-test/);
      assert.match(out, /FAIL #1 self-test-hang: hang: still running after 1500 ms of CPU time/);
      assert.match(out, /fuzz: 4 inputs in/);
      assert.match(out, /crashes 1, time-outs \(> 15000 ms of CPU time\) 0, hangs 1, leaks 0 \(requests 0\)/);
      const saved = fs.readdirSync(path.join(dir, 'seed-1-ci')).sort();
      assert.deepEqual(
        saved.filter((f) => f.endsWith('.bin')),
        ['0-self-test-crash.bin', '1-self-test-hang.bin'],
      );
      assert.match(
        fs.readFileSync(path.join(dir, 'seed-1-ci', '1-self-test-hang.txt'), 'utf8'),
        /rerun: npx tsx test\/fuzz\/fuzz.ts --seed 1 --ci --iterations 700 --only 1 --self-test/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
