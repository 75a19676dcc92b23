/** The running tally's link between two rows: whole amounts (computed in doubles) agree with exact decimals. */
import * as assert from 'node:assert/strict';
import { dec } from '../../../src/core/decimal';
import { link, linkDecimal, type LinkTarget } from '../../../src/core/tally-link';
// mulberry32, seeded, so a failure names a case that can be run again.
import { random } from '../../../bench/ocr/degrade';

describe('tally link', () => {
  it('whole amounts link with the same status, expected amount and reversal as exact decimals', () => {
    const next = random(20261206);
    // Small amounts make every status common (exact, lot, repeated, reversed); large ones test the 15-digit edge.
    const amount = () => {
      const r = next();
      if (r < 0.5) return String(Math.floor(next() * 6));
      if (r < 0.9) return String(Math.floor(next() * 1e6));
      return '9'.repeat(15);
    };
    for (let i = 0; i < 20000; i++) {
      const ownedText = amount();
      const sharesText = amount();
      const toOwnedText = next() < 0.3 ? ownedText : amount();
      const from = { owned: dec(ownedText)!, ownedText, deferred: next() < 0.2 };
      const to: LinkTarget = {
        shares: dec(sharesText)!,
        sharesText,
        owned: dec(toOwnedText)!,
        ownedText: toOwnedText,
        sign: next() < 0.5 ? 1 : -1,
        row: { table: next() < 0.5 ? 'derivative' : 'nonDerivative' },
        deferred: next() < 0.2,
      };
      const fast = link(from, to);
      const exact = linkDecimal(from, to);
      const what = `case ${i}: ${JSON.stringify({ ownedText, sharesText, toOwnedText, sign: to.sign, table: to.row.table })}`;
      assert.equal(fast.status, exact.status, what);
      assert.equal(fast.reversed, exact.reversed, what);
      assert.equal(fast.expected.toFixed(), exact.expected.toFixed(), what);
    }
  });

  it('amounts with decimals or more than 15 digits take the exact path', () => {
    const from = { owned: dec('1000000000000000')!, ownedText: '1000000000000000' };
    const to: LinkTarget = {
      shares: dec('1')!,
      sharesText: '1',
      owned: dec('1000000000000001')!,
      ownedText: '1000000000000001',
      sign: 1,
      row: { table: 'nonDerivative' },
    };
    assert.equal(link(from, to).status, 'exact');
    const half = {
      ...to,
      shares: dec('0.5')!,
      sharesText: '0.5',
      owned: dec('1000000000000000.5')!,
      ownedText: '1000000000000000.5',
    };
    assert.equal(link(from, half).expected.toFixed(), '1000000000000000.5');
  });
});
