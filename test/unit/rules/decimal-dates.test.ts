import * as assert from 'node:assert/strict';
import { canonical, dec, decEquals, scaleOf, unit } from '../../../src/core/decimal';
import {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  dayNumber,
  dayOfNextMonth,
  federalHoliday,
  form4Deadline,
  isBusinessDay,
  isIsoDate,
  onOrNextBusinessDay,
  weekday,
} from '../../../src/core/dates';

describe('decimal helpers', () => {
  it('parse plain decimals exactly and reject anything else', () => {
    assert.equal(dec('2.2900')!.toFixed(), '2.29');
    assert.equal(dec('.5')!.toFixed(), '0.5');
    assert.equal(dec('12.')!.toFixed(), '12');
    for (const bad of ['1,000', '$5', '', ' ', 'abc', '1e5', '1.2.3', null, undefined])
      assert.equal(dec(bad as string), null, String(bad));
  });
  it('add without binary floating point error', () => {
    assert.equal(dec('0.1')!.plus(dec('0.2')!).toFixed(), '0.3');
    assert.equal(dec('14242.084')!.plus(dec('28.593')!).toFixed(), '14270.677');
    assert.ok(decEquals('1.50', '1.5'));
    assert.equal(decEquals('1.5', 'x'), null);
  });
  it('scale, unit and canonical text', () => {
    assert.equal(scaleOf('2.2900'), 4);
    assert.equal(scaleOf('12000'), 0);
    assert.equal(unit(3).toFixed(), '0.001');
    assert.equal(unit(0).toFixed(), '1');
    assert.equal(canonical('012.50'), '12.5');
    assert.equal(canonical(' n/a '), 'n/a');
  });
});

describe('business days (US federal holidays from @18f/us-federal-holidays)', () => {
  it('reads only real YYYY-MM-DD dates, ignoring a zone suffix', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('2024-13-01'));
    assert.ok(!isIsoDate('03/01/2024'));
    assert.equal(dayNumber('2021-10-26-05:00'), dayNumber('2021-10-26'));
    assert.equal(dayNumber('1970-01-01'), 0);
  });
  it('weekdays and calendar arithmetic across month and leap-year ends', () => {
    assert.equal(weekday('2024-06-17'), 1); // Monday
    assert.equal(weekday('1970-01-01'), 4); // Thursday
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-12-31', 45), '2024-02-14');
  });
  it('knows Juneteenth (from 2021), Thanksgiving, and holidays observed on a Friday or Monday', () => {
    assert.equal(federalHoliday('2024-06-19'), 'Juneteenth National Independence Day');
    assert.equal(federalHoliday('2020-06-19'), null); // not yet a federal holiday
    assert.equal(federalHoliday('2021-06-18'), 'Juneteenth National Independence Day'); // Saturday, observed Friday
    assert.equal(federalHoliday('2024-11-28'), 'Thanksgiving Day');
    assert.equal(federalHoliday('2021-12-31'), "New Year's Day"); // 2022-01-01 was a Saturday
    assert.equal(federalHoliday('2023-01-02'), "New Year's Day"); // 2023-01-01 was a Sunday
    assert.equal(federalHoliday('2024-11-29'), null); // the day after Thanksgiving is a business day
    assert.ok(!isBusinessDay('2024-06-19'));
    assert.ok(!isBusinessDay('2024-06-22')); // Saturday
    assert.ok(isBusinessDay('2024-06-20'));
  });
  it('the Form 4 deadline is two business days later, skipping weekends and holidays', () => {
    assert.equal(form4Deadline('2024-06-17'), '2024-06-20'); // Mon -> Thu: Juneteenth skipped
    assert.equal(form4Deadline('2024-11-27'), '2024-12-02'); // Wed -> Mon: Thanksgiving and the weekend skipped
    assert.equal(form4Deadline('2024-03-01'), '2024-03-05'); // Fri -> Tue: weekend rollover
    assert.equal(form4Deadline('2024-03-02'), '2024-03-05'); // a Saturday trade counts from the next business days
    assert.equal(form4Deadline('2021-12-30'), '2022-01-04'); // Thu -> Tue: Dec 31 observed New Year's Day
    assert.equal(addBusinessDays('2024-06-19', 0), '2024-06-19');
  });
  it('finds a day of the next month (the monthly Form 4 deadline before 2002-08-29)', () => {
    assert.equal(dayOfNextMonth('2000-02-07', 10), '2000-03-10');
    assert.equal(dayOfNextMonth('1999-12-31', 10), '2000-01-10');
  });
  it('rolls a due date to the next business day and counts business days late', () => {
    assert.equal(onOrNextBusinessDay('2024-02-14'), '2024-02-14');
    assert.equal(onOrNextBusinessDay('2023-02-18'), '2023-02-21'); // Sat -> Tue (Washington's Birthday Monday)
    assert.equal(businessDaysBetween('2024-06-18', '2024-06-21'), 2); // 20th, 21st (19th is a holiday)
    assert.equal(businessDaysBetween('2024-06-21', '2024-06-18'), 0);
  });
});
