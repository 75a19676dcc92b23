/**
 * How values are shown (src/core/format.ts): one rule for the preview, the tree, the summary, the CLI and the
 * rules' messages. Amounts and prices keep the digits written; totals are dollars and cents.
 */
import { strict as assert } from 'node:assert';
import Big from 'big.js';
import { dec } from '../../src/core/decimal';
import {
  baseName,
  fmtAmount,
  fmtDate,
  fmtMarkers,
  fmtMoney,
  fmtPrice,
  groupDigits,
  MONTHS,
} from '../../src/core/format';

describe('format', () => {
  it('amounts: every digit written, grouped by thousands', () => {
    assert.equal(fmtAmount('13500'), '13,500');
    assert.equal(fmtAmount('1234567.8900'), '1,234,567.8900');
    assert.equal(fmtAmount('2.2900'), '2.2900');
    assert.equal(fmtAmount('999'), '999');
    assert.equal(fmtAmount('-7402'), '-7,402');
    assert.equal(fmtAmount('+7402'), '7,402');
    assert.equal(fmtAmount('.5'), '0.5');
    assert.equal(fmtAmount('5.'), '5');
    assert.equal(fmtAmount(dec('-1611188')!), '-1,611,188');
    assert.equal(fmtAmount(dec('0.001')!), '0.001');
    assert.equal(fmtAmount(new Big('1e21')), '1,000,000,000,000,000,000,000');
  });

  it('amounts: text that is not a number is left as it is; null gives the placeholder', () => {
    assert.equal(fmtAmount('12a'), '12a');
    assert.equal(fmtAmount('1,000'), '1,000');
    assert.equal(fmtAmount(''), '');
    assert.equal(fmtAmount('.'), '.');
    assert.equal(fmtAmount('-'), '-');
    assert.equal(fmtAmount(null), '');
    assert.equal(fmtAmount(undefined, '?'), '?');
  });

  it('prices as written, with a dollar sign and the zeros the filer wrote', () => {
    assert.equal(fmtPrice('197.70'), '$197.70');
    assert.equal(fmtPrice('2.2900'), '$2.2900');
    assert.equal(fmtPrice('2.29'), '$2.29');
    assert.equal(fmtPrice('12'), '$12');
    assert.equal(fmtPrice('1234.5'), '$1,234.5');
    assert.equal(fmtPrice('0'), '$0');
    assert.equal(fmtPrice('-5'), '-$5');
    assert.equal(fmtPrice('see footnote'), 'see footnote');
    assert.equal(fmtPrice(null, 'not given'), 'not given');
  });

  it('computed prices keep all their digits, with at least two decimals', () => {
    assert.equal(fmtPrice(dec('1.2')!), '$1.20');
    assert.equal(fmtPrice(dec('1.2345')!), '$1.2345');
    assert.equal(fmtPrice(dec('41.2')!.minus(dec('40.1')!)), '$1.10');
    assert.equal(fmtPrice(dec('1500')!), '$1,500.00');
  });

  it('totals in dollars and cents, rounded half-up', () => {
    assert.equal(fmtMoney(dec('595007252.941')!), '$595,007,252.94');
    assert.equal(fmtMoney(dec('17004.0486')!), '$17,004.05');
    assert.equal(fmtMoney(dec('7402')!.times(dec('2.29')!)), '$16,950.58');
    assert.equal(fmtMoney(dec('3')!.times(dec('41.8765')!)), '$125.63');
    assert.equal(fmtMoney(dec('16000')!), '$16,000.00');
    assert.equal(fmtMoney(dec('0.005')!), '$0.01');
    assert.equal(fmtMoney(dec('0.0049')!), '$0.00');
    assert.equal(fmtMoney(dec('-2.345')!), '-$2.35');
    assert.equal(fmtMoney(dec('-0.001')!), '$0.00');
    assert.equal(fmtMoney('121932.62222374638'), '$121,932.62');
    assert.equal(fmtMoney('not a number'), 'not a number');
    assert.equal(fmtMoney(null, '-'), '-');
  });

  it('digits are grouped in linear time, also for a hostile length', () => {
    assert.equal(groupDigits('1234567'), '1,234,567');
    const long = fmtAmount('9'.repeat(1_000_000) + '.5');
    assert.equal(long.length, 1_000_000 + 333_333 + 2);
    assert.equal(fmtMoney('9'.repeat(100_000)), '9'.repeat(100_000));
  });

  it('dates for prose', () => {
    assert.equal(fmtDate('2024-04-01'), 'Apr 1, 2024');
    assert.equal(fmtDate('2024-12-31'), 'Dec 31, 2024');
    assert.equal(fmtDate('2024-04-01T00:00:00'), 'Apr 1, 2024');
    assert.equal(fmtDate('2024-13-01'), '2024-13-01');
    assert.equal(fmtDate('04/01/2024'), '04/01/2024');
    assert.equal(fmtDate(null, 'a date not given'), 'a date not given');
    assert.equal(MONTHS.length, 12);
  });

  it('footnote markers as the form prints them', () => {
    assert.equal(fmtMarkers(['F1', 'F12']), '(1)(12)');
    assert.equal(fmtMarkers([]), '');
  });

  it('file names from paths and URIs', () => {
    assert.equal(baseName('/a/b/form4.xml'), 'form4.xml');
    assert.equal(baseName('C:\\filings\\form4.xml'), 'form4.xml');
    assert.equal(baseName('form4.xml'), 'form4.xml');
    assert.equal(baseName('/a/form#4 100%.xml'), 'form#4 100%.xml');
    assert.equal(baseName('file:///a/b/x%20y.xml'), 'x y.xml');
    assert.equal(baseName('file:///a/b/x.xml?query#frag'), 'x.xml');
    assert.equal(baseName('vscode-test-web://mount/f/bad%E0%A4%A.xml'), 'bad%E0%A4%A.xml');
    assert.equal(baseName('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(baseName('/a/b/'), '/a/b/');
  });
});
