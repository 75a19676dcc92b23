/** The holdings timeline over the corpus: every filing read is drawn or said to be skipped, points in date order. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Filing } from '../../src/core/model';
import { inspectBytes } from '../../src/core/inspect';
import { buildTimeline } from '../../src/core/timeline';
import { corpusOrSkip, corpusFiles } from '../helpers/shared';

describe('timeline over the corpus', () => {
  it('every filing read is drawn or said to be skipped, points are in date order (its speed: npm run bench)', async function () {
    corpusOrSkip(this);
    this.timeout(120000);
    const filings: Filing[] = [];
    for (const f of [...corpusFiles('xml'), ...corpusFiles('txt')]) {
      const out = await inspectBytes(fs.readFileSync(f), f, {});
      if (out.ok) filings.push(out.filing);
    }
    assert.ok(filings.length > 400, `${filings.length} filings`);
    const data = buildTimeline(filings);
    assert.equal(data.filings.length + data.skipped.length, filings.length);
    for (const g of data.groups)
      for (const s of g.series) {
        const dates = s.points.map((p) => p.date ?? '9999-99-99');
        assert.deepEqual(dates, [...dates].sort(), `${g.owner.name} / ${s.label}`);
      }
    assert.ok(data.counts.breaks > 0);
  });
});
