/**
 * Short-swing profit matching (Section 16(b)), lowest-in, highest-out: each worked example is a fixture folder of
 * test/fixtures/section16/short-swing/ with its arithmetic written here. The six-month window itself: the dates
 * tests at the end.
 */
import * as assert from 'node:assert/strict';
import Big from 'big.js';
import { addMonths, lessThanSixMonthsApart } from '../../src/core/dates';
import { matchLowestInHighestOut, type Trade } from '../../src/core/section16/liho';
import { shortSwingCsv, shortSwingText } from '../../src/core/section16/renderShortSwing';
import { shortSwing, shortSwingJson, type ShortSwingReport } from '../../src/core/section16/shortSwing';
import { csvCell } from '../../src/core/csv';
import { loadFolder } from './section16-fixtures';

function report(folder: string, codes?: string[]): ShortSwingReport {
  return shortSwing(loadFolder(`short-swing/${folder}`), { additionalCodes: codes });
}

describe('section16 short-swing: worked examples', () => {
  it('a purchase and a sale five months and thirty days apart match', () => {
    // Bought 2024-02-01 1,000 at $10.00; sold 2024-07-31 1,000 at $12.00. Six months after 02-01 is 08-01, and
    // 07-31 is before it. Profit 1,000 x (12.00 - 10.00) = 2,000.00.
    const r = report('five-months-thirty-days');
    assert.equal(r.groups.length, 1);
    const g = r.groups[0];
    assert.equal(g.owner.cik, '1900011');
    assert.equal(g.pairs.length, 1);
    assert.equal(g.pairs[0].purchase.date, '2024-02-01');
    assert.equal(g.pairs[0].sale.date, '2024-07-31');
    assert.equal(g.pairs[0].shares, '1000');
    assert.equal(g.pairs[0].difference, '2');
    assert.equal(g.profit, '2000');
    assert.equal(r.profit, '2000');
  });

  it('owners filing jointly each get the pair; the total counts it once', () => {
    // A parent and its subsidiary report together: sold 2024-03-01 500 at $30.00, bought 2024-05-15 500 at $25.00.
    // Each owner's group has the pair (500 x $5.00 = $2,500.00); the trades allow $2,500.00 once.
    const r = report('joint-filers');
    assert.deepEqual(
      r.groups.map((g) => [g.owner.cik, g.profit]),
      [
        ['1900031', '2500'],
        ['1900032', '2500'],
      ],
    );
    assert.equal(r.profit, '2500');
    assert.equal(r.pairsCountedOnce, 1);
    assert.match(
      shortSwingText(r),
      /Total: \$2,500\.00 over 2 owner\/issuer\/class groups with a match \(1 pair that owners filing jointly both report counted once\)\.\n$/,
    );
  });

  it('a purchase and a sale six months apart do not match', () => {
    // Bought 2024-02-01 at $10.00; sold 2024-08-01 at $12.00: 08-01 is not before 2024-02-01 + 6 months = 08-01.
    const r = report('six-months');
    assert.equal(r.groups.length, 0);
    assert.equal(r.profit, '0');
  });

  it('a sale before a purchase matches (either order)', () => {
    // Sold 2024-03-01 500 at $30.00, bought 2024-05-15 500 at $25.00: 500 x (30.00 - 25.00) = 2,500.00.
    const r = report('sale-before-purchase');
    assert.equal(r.groups.length, 1);
    const [p] = r.groups[0].pairs;
    assert.equal(p.sale.date, '2024-03-01');
    assert.equal(p.purchase.date, '2024-05-15');
    assert.equal(p.shares, '500');
    assert.equal(p.profit, '2500');
  });

  it('lowest-in, highest-out recovers more than first-in, first-out', () => {
    // Bought 01-10 100 at $20.00 and 02-12 100 at $10.00; sold 03-11 100 at $22.00 and 04-10 100 at $12.00.
    // Lowest-in, highest-out: the greatest difference first, 02-12 $10.00 against 03-11 $22.00: 100 x 12 = 1,200.00;
    // what is left (01-10 $20.00 against 04-10 $12.00) is a loss, not matched. Total 1,200.00.
    // First-in, first-out would give 100 x (22 - 20) + 100 x (12 - 10) = 200 + 200 = 400.00.
    const r = report('lowest-in-highest-out');
    assert.equal(r.groups.length, 1);
    const g = r.groups[0];
    assert.deepEqual(
      g.pairs.map((p) => [p.purchase.date, p.sale.date, p.shares, p.profit]),
      [['2024-02-12', '2024-03-11', '100', '1200']],
    );
    assert.equal(g.profit, '1200');
    assert.ok(new Big(g.profit).gt(400));
  });

  it('a partial match takes the smaller remaining share count, the footnoted range beside a weighted average', () => {
    // Bought 06-03 1,000 at $8.50 and 06-10 200 at $8.00; sold 06-20 700 at $9.25 (weighted average, F1: $9.10 to
    // $9.40). First 06-10 (difference 1.25): min(200, 700) = 200 shares, 200 x 1.25 = 250.00; then 06-03
    // (difference 0.75): min(1,000, 500 left) = 500 shares, 500 x 0.75 = 375.00. Total 625.00; 500 bought shares
    // of 06-03 stay unmatched.
    const r = report('partial');
    const g = r.groups[0];
    assert.deepEqual(
      g.pairs.map((p) => [p.purchase.date, p.shares, p.difference, p.profit]),
      [
        ['2024-06-10', '200', '1.25', '250'],
        ['2024-06-03', '500', '0.75', '375'],
      ],
    );
    assert.equal(g.profit, '625');
    assert.deepEqual(g.pairs[0].sale.priceRange, { low: '9.10', high: '9.40', footnote: 'F1' });
    assert.equal(g.pairs[0].sale.weightedAverage, true);
    const json = shortSwingJson(r);
    assert.deepEqual(json[0].pairs[0].sale, {
      file: g.pairs[0].sale.file,
      date: '2024-06-20',
      price: '9.25',
      row: 1,
      priceRange: { low: '9.10', high: '9.40', footnote: 'F1' },
    });
  });

  it('losses only: nothing to match, profit 0', () => {
    // Bought 03-01 at a higher price than sold 04-01: the difference is negative, so no pair.
    const r = report('losses-only');
    assert.equal(r.groups.length, 0);
    assert.equal(r.profit, '0');
  });

  it('a row without a price, or with a price only in a footnote, is unmatched with the reason', () => {
    const r = report('missing-price');
    assert.equal(r.groups.length, 1);
    const g = r.groups[0];
    assert.equal(g.pairs.length, 0);
    assert.equal(g.profit, '0');
    assert.deepEqual(
      g.unmatched.map((u) => [u.trade.row, u.reason]),
      [
        [1, 'the price is given only in a footnote (F1), not as a number'],
        [2, 'no price'],
      ],
    );
  });

  it('the JSON has the shape the issue names, numbers as strings', () => {
    const [g] = shortSwingJson(report('sale-before-purchase'));
    assert.deepEqual(Object.keys(g), [
      'owner',
      'ownerCik',
      'issuer',
      'issuerCik',
      'security',
      'pairs',
      'profit',
      'unmatched',
    ]);
    assert.deepEqual(Object.keys(g.pairs[0]), ['purchase', 'sale', 'shares', 'profit']);
    assert.deepEqual(Object.keys(g.pairs[0].purchase), ['file', 'date', 'price', 'row']);
    assert.equal(typeof g.profit, 'string');
  });
});

describe('section16 short-swing: matching', () => {
  const t = (side: 'purchase' | 'sale', date: string, shares: number, price: string, order: number): Trade<number> => ({
    side,
    date,
    shares: new Big(shares),
    price: new Big(price),
    order,
    ref: order,
  });

  it('ties on the difference go to the earlier purchase, then the earlier sale', () => {
    // Two purchases at $10 and two sales at $12, 100 each: every pair differs by $2; the earlier purchase takes the
    // earlier sale first.
    const m = matchLowestInHighestOut([
      t('sale', '2024-03-02', 100, '12', 0),
      t('purchase', '2024-03-01', 100, '10', 1),
      t('sale', '2024-03-03', 100, '12', 2),
      t('purchase', '2024-02-01', 100, '10', 3),
    ]);
    assert.deepEqual(
      m.pairs.map((p) => [p.purchase.ref, p.sale.ref]),
      [
        [3, 0],
        [1, 2],
      ],
    );
    assert.equal(m.profit.toFixed(), '400');
  });

  it('added codes are upper-cased single letters besides P and S, and the report names them', () => {
    const r = report('sale-before-purchase', ['m', 'F', 'P', 'xx']);
    assert.deepEqual(r.additionalCodes, ['F', 'M']);
    assert.equal(r.profit, '2500');
  });

  it('the CSV quotes a cell a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(csvCell('+cmd|x'), `'+cmd|x`);
    assert.equal(csvCell('-1500'), '-1500', 'a plain number stays a number');
    assert.equal(csvCell('@SUM(A1)'), `'@SUM(A1)`);
    assert.equal(csvCell('\tx'), `'\tx`);
    assert.equal(csvCell('Common Stock'), 'Common Stock');
    const csv = shortSwingCsv(report('partial'));
    const lines = csv.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1], /^pair,Sorensen Elm,1900015,"Larkspur Robotics, Inc\.",1900100,Common Stock,/);
    assert.match(lines[1], /,200,250,$/);
  });
});

describe('section16 short-swing: the six-month window', () => {
  it('the same day six calendar months later; a month without that day gives its last day', () => {
    assert.equal(addMonths('2024-01-15', 6), '2024-07-15');
    assert.equal(addMonths('2024-08-31', 6), '2025-02-28');
    assert.equal(addMonths('2023-08-31', 6), '2024-02-29');
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
  });

  it('a January 15 purchase matches sales up to July 14', () => {
    assert.equal(lessThanSixMonthsApart('2024-01-15', '2024-07-14'), true);
    assert.equal(lessThanSixMonthsApart('2024-01-15', '2024-07-15'), false);
    assert.equal(lessThanSixMonthsApart('2024-07-14', '2024-01-15'), true);
    assert.equal(lessThanSixMonthsApart('2024-01-15', '2024-01-15'), true);
    assert.equal(lessThanSixMonthsApart('2023-08-31', '2024-02-28'), true);
    assert.equal(lessThanSixMonthsApart('2023-08-31', '2024-02-29'), false);
  });
});
