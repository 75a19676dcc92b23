/** Day numbers of YYYY-MM-DD dates (src/core/dates.ts), read digit by digit, held to what the Date API says. */
import * as assert from 'node:assert/strict';
import { dayNumber, fromDayNumber } from '../../src/core/dates';
import { random } from '../../bench/ocr/degrade';

/** The Date API's answer for the same text: a real calendar date from year 100 on, else null. */
function byDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim().slice(0, 10));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86400000);
}

describe('dayNumber', () => {
  it('numbers days from 1970-01-01 and reads a zone suffix or white space around a date', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1969-12-31'), -1);
    assert.equal(dayNumber(' 2024-02-29-05:00 '), dayNumber('2024-02-29'));
    assert.equal(fromDayNumber(dayNumber('2000-02-29')!), '2000-02-29');
    for (const s of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '２０２４-01-01',
      '0099-01-01',
    ])
      assert.equal(dayNumber(s), null, s);
  });

  it('agrees with the Date API on 20,000 random texts shaped like dates', () => {
    const next = random(20260107);
    const pick = (n: number) => Math.floor(next() * n);
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let i = 0; i < 20_000; i++) {
      const y = [pick(10_000), 1900 + pick(200), 2000 + pick(30)][pick(3)];
      const s = `${pad(y, 4)}-${pad(pick(14), 2)}-${pad(pick(33), 2)}${['', 'Z', '-05:00', 'x', ''][pick(5)]}`;
      const text = [s, ` ${s}`, `${s}\n`, s.slice(0, 9), s.replace('-', '/')][pick(5)];
      assert.equal(dayNumber(text), byDate(text), text);
    }
  });
});
