/** Business days between two dates (src/core/dates.ts), counted by weeks and holidays, held to a day-by-day count. */
import * as assert from 'node:assert/strict';
import { addDays, businessDaysBetween, dayNumber, isBusinessDay } from '../../src/core/dates';
import { random } from '../../bench/ocr/degrade';

/** Business days after `from` up to and including `to`, one day at a time. */
function dayByDay(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); dayNumber(d)! <= dayNumber(to)!; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
  return count;
}

describe('businessDaysBetween', () => {
  it('counts the business days after the first date up to the second, holidays and weekends left out', () => {
    // Friday 2024-12-20 to Thursday 2025-01-02: Christmas (Wednesday) and New Year's Day (Wednesday) are holidays.
    assert.equal(businessDaysBetween('2024-12-20', '2025-01-02'), 7);
    // New Year's Day 2022 fell on a Saturday and was observed on Friday 2021-12-31.
    assert.equal(businessDaysBetween('2021-12-30', '2022-01-03'), 1);
    assert.equal(businessDaysBetween('2024-06-07', '2024-06-07'), 0);
    assert.equal(businessDaysBetween('2024-06-10', '2024-06-07'), 0);
    assert.equal(businessDaysBetween('not a date', '2024-06-07'), 0);
  });

  it('agrees with a day-by-day count on 400 random spans of up to six years', () => {
    const next = random(20261207);
    for (let i = 0; i < 400; i++) {
      const from = addDays('1995-01-01', Math.floor(next() * 12_000));
      const to = addDays(from, Math.floor(next() * (i % 4 === 0 ? 2_200 : 40)));
      assert.equal(businessDaysBetween(from, to), dayByDay(from, to), `${from} to ${to}`);
    }
  });
});
