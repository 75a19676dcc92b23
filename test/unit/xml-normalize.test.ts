/** Value normalization of ownership XML: decimals, dates, booleans, codes, white space. */
import * as assert from 'node:assert/strict';
import { collapseWs, normBool, normCode, normDate, normDecimal } from '../../src/core/xml/normalize';

describe('xml value normalization', () => {
  it('decimals: separators, $ and spaces removed, digits as written, anything else null', () => {
    const cases: [string, string | null][] = [
      ['2.2900', '2.2900'],
      ['1,234,567', '1234567'],
      ['$ 12.50', '12.50'],
      ['1\u00a0000', '1000'],
      ['0', '0'],
      ['.5', '.5'],
      ['5.', '5.'],
      ['007', '007'],
      ['-5', null],
      ['+5', null],
      ['1.2.3', null],
      ['1e3', null],
      ['12.50 USD', null],
      ['$', null],
      ['', null],
    ];
    for (const [raw, want] of cases) assert.equal(normDecimal(raw), want, raw);
  });

  it('dates: YYYY-MM-DD with an optional zone suffix dropped; real calendar dates only', () => {
    const cases: [string, string | null][] = [
      ['2021-10-26', '2021-10-26'],
      ['2021-10-26-05:00', '2021-10-26'],
      ['2021-10-26+01:00', '2021-10-26'],
      ['2021-10-26Z', '2021-10-26'],
      ['2024-02-29', '2024-02-29'],
      ['2000-02-29', '2000-02-29'],
      ['1900-02-29', null],
      ['2023-02-29', null],
      ['2021-04-31', null],
      ['2021-13-01', null],
      ['2021-00-10', null],
      ['2021-10-00', null],
      ['2021-10-26T00:00:00', null],
      ['10/26/2021', null],
      ['2021-1-5', null],
      ['2021-10-26-5:00', null],
    ];
    for (const [raw, want] of cases) assert.equal(normDate(raw), want, raw);
  });

  it('booleans: 1/0/true/false in any case; anything else null', () => {
    const cases: [string, boolean | null][] = [
      ['1', true],
      ['0', false],
      ['true', true],
      ['TRUE', true],
      ['False', false],
      ['yes', null],
      ['Y', null],
      ['01', null],
      ['', null],
    ];
    for (const [raw, want] of cases) assert.equal(normBool(raw), want, raw);
  });

  it('codes upper-cased; white space collapsed to single spaces', () => {
    assert.equal(normCode('s'), 'S');
    assert.equal(normCode('4/a'), '4/A');
    assert.equal(collapseWs('  a \n\t b  c '), 'a b c');
    assert.equal(collapseWs('a b'), 'a b');
    assert.equal(collapseWs(' a\u00a0 b '), 'a b');
  });
});
