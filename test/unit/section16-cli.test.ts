/**
 * `form4 short-swing | late-report | diff` as the CLI runs them (src/cli/section16.ts), with the reading loop lent by
 * cli.ts replaced by one that reads the hand-made fixtures; the reports themselves are tested in the other section16
 * tests.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { runSection16, type Section16Deps } from '../../src/cli/section16';
import { loadFiling, SECTION16_DIR } from './section16-fixtures';

class Usage extends Error {}

function files(p: string): string[] {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((n) => files(path.join(p, n)));
}

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const deps: Section16Deps<string> = {
    async readEach(paths, _options, visit: (f: Filing) => void) {
      for (const p of paths) for (const f of files(p)) visit(loadFiling(f));
      return { unreadable: [], missing: [] };
    },
    reportUnreadable: () => false,
    write: (s) => (out += `${s}\n`),
    usage: (m) => new Usage(m),
    options: { noRules: true },
  };
  const code = await runSection16(argv, deps);
  return { code, out };
}

const at = (rel: string) => path.join(SECTION16_DIR, rel);

describe('section16 CLI', () => {
  it('short-swing --format json prints the groups, numbers as strings', async () => {
    const r = await run('short-swing', at('short-swing/lowest-in-highest-out'), '--format', 'json');
    assert.equal(r.code, 0);
    const groups = JSON.parse(r.out);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].profit, '1200');
    assert.equal(groups[0].pairs[0].shares, '100');
  });

  it('late-report --fiscal-year picks the year; --format markdown prints the proxy table', async () => {
    const r = await run('late-report', at('late-filings'), '--fiscal-year=2024', '--format', 'markdown');
    assert.equal(r.code, 0);
    assert.match(
      r.out,
      /\| Reporting person \| Number of late reports \| Number of transactions not reported on time \|/,
    );
    assert.match(r.out, /\| Renner Tobias \| 1 \| 3 \|/);
  });

  it('diff finds the original beside the amendment and lists what changed', async () => {
    const r = await run('diff', at('amendments/2024-03-22-mbeki-form4a.txt'));
    assert.equal(r.code, 0);
    assert.match(r.out, /Rows: 1 added, 0 removed, 2 changed, 0 unchanged\./);
    assert.match(r.out, /\nTable I row 1: changed\n.*Amount: 2,000 -> 2,500/);
    assert.match(r.out, /\nTable I row 3 \(added\)\n/);
  });

  it('diff exits 1 and says so when the original is not in the set', async () => {
    const r = await run('diff', at('amendments/ashby-form4a-original-not-here.xml'));
    assert.equal(r.code, 1);
    assert.match(r.out, /is not in the set/);
  });

  it('wrong options are usage errors', async () => {
    await assert.rejects(run('short-swing', at('short-swing'), '--format', 'xml'), Usage);
    await assert.rejects(run('short-swing', at('short-swing'), '--add-codes', 'MM'), Usage);
    await assert.rejects(run('late-report', at('late-filings'), '--fiscal-year', '24'), Usage);
    await assert.rejects(run('late-report'), Usage);
    await assert.rejects(run('diff'), Usage);
  });
});
