/**
 * Derived figures: exact row values and signed changes, per-holding flows, before/after in the tally's order,
 * rounded quotients that say so, and null (never a guess) where the filing leaves a number out.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { emptyFiling } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { derive, type DerivedFlow } from '../../src/core/derived';
import { toJson } from '../../src/core/json';
import { REPO_ROOT } from '../helpers/shared';

const FIX = path.join(__dirname, '..', 'fixtures', 'summary');

function load(file: string): Filing {
  const full = path.isAbsolute(file) ? file : path.join(FIX, file);
  const out = parseText(fs.readFileSync(full, 'utf8'), full);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

const NONE: DerivedFlow = { shares: '0', value: '0', averagePrice: null, rows: 0, unpricedRows: 0 };

describe('derived: figures computed from the filing', () => {
  it('exercise and same-day sale: row values exact, flows per holding, net zero, options down 40%', () => {
    const d = derive(load('m-s-same-day.xml'));
    assert.deepEqual(d.nonDerivative, [
      { value: '16000', change: '10000' },
      { value: '251234', change: '-10000' },
    ]);
    assert.deepEqual(d.derivative, [{ value: '0', change: '-10000' }]);
    assert.equal(d.holdings.length, 2);
    const [stock, option] = d.holdings;
    assert.deepEqual(stock, {
      table: 'nonDerivative',
      securityTitle: 'Common Stock',
      directOrIndirectOwnership: 'D',
      natureOfOwnership: null,
      conversionOrExercisePrice: null,
      expirationDate: null,
      rows: [0, 1],
      netChange: '0',
      acquired: { shares: '10000', value: '16000', averagePrice: '1.6000', rows: 1, unpricedRows: 0 },
      disposed: { shares: '10000', value: '251234', averagePrice: '25.1234', rows: 1, unpricedRows: 0 },
      bought: NONE,
      sold: { shares: '10000', value: '251234', averagePrice: '25.1234', rows: 1, unpricedRows: 0 },
      before: '25000',
      after: '25000',
      percentChange: '0.00',
    });
    assert.equal(option.table, 'derivative');
    assert.equal(option.conversionOrExercisePrice, '1.60');
    assert.equal(option.expirationDate, '2028-06-03');
    assert.deepEqual(
      [option.before, option.after, option.netChange, option.percentChange],
      ['25000', '15000', '-10000', '-40.00'],
    );
  });

  it('same-day withholdings: totals and a weighted average over both rows', () => {
    const [h] = derive(load('f-withholding.xml')).holdings;
    assert.deepEqual(h.disposed, { shares: '1500', value: '15075', averagePrice: '10.0500', rows: 2, unpricedRows: 0 });
    assert.deepEqual([h.before, h.after, h.netChange, h.percentChange], ['50000', '48500', '-1500', '-3.00']);
  });

  it('a broken tally shows as after != before + net (no figure is adjusted); the average of two prices is rounded to 4 places', () => {
    const [h] = derive(load(path.join(REPO_ROOT, 'examples', 'holdings-mismatch-form4.xml'))).holdings;
    assert.deepEqual([h.before, h.after, h.netChange, h.percentChange], ['50000', '47000', '-2000', '-6.00']);
    // 10,000 x 31.2046 + 2,000 x 31.61 = 375,266; / 12,000 = 31.272166... -> 31.2722
    assert.deepEqual(h.sold, { shares: '12000', value: '375266', averagePrice: '31.2722', rows: 2, unpricedRows: 0 });
  });

  it('missing price and amount owned: value, average, before and after are null; the unpriced row is counted', () => {
    const d = derive(load('missing-values.xml'));
    assert.deepEqual(d.nonDerivative, [{ value: null, change: '-800' }]);
    const [h] = d.holdings;
    assert.deepEqual(h.disposed, { shares: '800', value: '0', averagePrice: null, rows: 1, unpricedRows: 1 });
    assert.deepEqual([h.before, h.after, h.netChange, h.percentChange], [null, null, '-800', null]);
  });

  it('holdings only: no flows; gifts at $0 are valued at 0', () => {
    const d = derive(load('holdings-only.xml'));
    assert.deepEqual(d.nonDerivative, [
      { value: null, change: null },
      { value: null, change: null },
    ]);
    assert.deepEqual(d.holdings, []);
    const g = derive(load('g-gift.xml'));
    assert.deepEqual(g.nonDerivative, [{ value: '0', change: '-2000' }]);
    assert.equal(g.holdings[0].natureOfOwnership, 'By Surace/Rogers Family Trust');
    assert.deepEqual(
      [g.holdings[0].before, g.holdings[0].after, g.holdings[0].percentChange],
      ['50000', '48000', '-4.00'],
    );
  });

  it('is the last key of the JSON model; an empty filing derives empty lists', () => {
    const j = toJson(load('a-grant.xml'));
    assert.equal(Object.keys(j).at(-1), 'derived');
    assert.deepEqual(j.derived.nonDerivative, [{ value: '0', change: '3000' }]);
    assert.deepEqual(derive(emptyFiling('x.xml', 'xml', '')), { nonDerivative: [], derivative: [], holdings: [] });
  });
});
