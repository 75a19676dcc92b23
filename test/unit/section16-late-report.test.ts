/**
 * The late-filing report (Item 405 of Regulation S-K) over test/fixtures/section16/late-filings/: Larkspur Robotics,
 * fiscal year ending September 30 (from the submission header), and a Tamarind Foods Form 4 with no filing date.
 * Each deadline is worked out in the test that checks it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { calendarDaysDeadline, filingDateOfAcceptance, form4DueDate } from '../../src/core/dates';
import { lateReport, type IssuerYear, type JudgedFiling, type LateReport } from '../../src/core/section16/lateReport';
import { lateMarkdown } from '../../src/core/section16/renderLate';
import { loadFolder, SECTION16_DIR } from './section16-fixtures';
import { parseText } from '../../src/core/parse';

let report: LateReport;

function year(issuerCik: string): IssuerYear {
  const y = report.years.find((x) => x.issuer.cik === issuerCik);
  assert.ok(y, `no fiscal year for issuer ${issuerCik}`);
  return y;
}

function filing(y: IssuerYear, name: string): JudgedFiling | undefined {
  for (const p of y.persons) for (const f of p.filings) if (path.basename(f.file) === name) return f;
  return undefined;
}

describe('section16 late-filing report (Item 405)', () => {
  before(() => {
    report = lateReport(loadFolder('late-filings'));
  });

  it('takes the fiscal year ending in September from the submission header', () => {
    const y = year('1900100');
    assert.equal(y.fiscalYear.year, 2024);
    assert.equal(y.fiscalYear.start, '2023-10-01');
    assert.equal(y.fiscalYear.end, '2024-09-30');
    assert.equal(y.calendar.source, 'header');
    assert.equal(y.judged, 7);
  });

  it('a Form 4 due on a Friday and filed on Monday is late by one business day', () => {
    // Sale on Wednesday 2024-03-13; two business days later is Friday 03-15; filed Monday 03-18.
    const f = filing(year('1900100'), '2024-03-18-quince-form4.txt');
    assert.ok(f);
    assert.equal(f.status, 'late');
    assert.equal(f.due, '2024-03-15');
    assert.equal(f.filed?.date, '2024-03-18');
    assert.match(f.reason, /1 business day late/);
    assert.deepEqual(
      f.transactions.map((t) => [t.label, t.due, t.filed, t.why]),
      [['Table I row 1', '2024-03-15', '2024-03-18', 'filed-late']],
    );
  });

  it('a Form 4 due before a federal holiday: due the Friday before Memorial Day, filed the Tuesday after', () => {
    // Purchase on Wednesday 2024-05-22: due Friday 05-24; Monday 05-27 is Memorial Day, so Tuesday 05-28 is one
    // business day late.
    const f = filing(year('1900100'), '2024-05-28-quince-form4.txt');
    assert.ok(f);
    assert.equal(f.status, 'late');
    assert.equal(f.due, '2024-05-24');
    assert.match(f.reason, /1 business day late/);
  });

  it('a federal holiday inside the two business days moves the due date: on time', () => {
    // Sale on Wednesday 2024-07-03; Thursday 07-04 is Independence Day, so the two business days are Friday 07-05
    // and Monday 07-08; filed 07-08.
    assert.equal(form4DueDate('2024-07-03'), '2024-07-08');
    assert.equal(filing(year('1900100'), '2024-07-08-quince-form4.txt'), undefined);
  });

  it('a Form 3 filed on day 10 is on time, on day 11 late', () => {
    // Event 2024-02-05 (Monday); ten days later is Thursday 02-15.
    assert.equal(calendarDaysDeadline('2024-02-05', 10), '2024-02-15');
    const y = year('1900100');
    assert.equal(filing(y, '2024-02-15-adebayo-form3.txt'), undefined);
    const late = filing(y, '2024-02-16-oduya-form3.txt');
    assert.ok(late);
    assert.equal(late.status, 'late');
    assert.equal(late.due, '2024-02-15');
    assert.match(late.reason, /1 day late/);
  });

  it('a Form 5 filed on day 45 is on time, on day 46 late, with the transactions it did not report on time', () => {
    // Fiscal year end 2024-09-30; 45 days later is Thursday 2024-11-14.
    assert.equal(calendarDaysDeadline('2024-09-30', 45), '2024-11-14');
    const y = year('1900100');
    assert.equal(filing(y, '2024-11-14-varga-form5.txt'), undefined);
    const late = filing(y, '2024-11-15-renner-form5.txt');
    assert.ok(late);
    assert.equal(late.status, 'late');
    assert.equal(late.due, '2024-11-14');
    assert.deepEqual(
      late.transactions.map((t) => [t.row, t.due, t.why]),
      [
        // Marked late by the filer (transactionTimeliness L): no due date is given by the rule.
        [1, null, 'marked-late'],
        // A sale of 2024-04-10 (form type 4) belonged on a Form 4 due two business days later.
        [2, '2024-04-12', 'belonged-on-form-4'],
        // A Form 5 transaction, reported on a Form 5 filed after its due date.
        [3, '2024-11-14', 'on-late-form-5'],
      ],
    );
  });

  it('counts per person: late reports and transactions not reported on time', () => {
    const y = year('1900100');
    assert.deepEqual(
      y.persons.map((p) => [p.owner.name, p.lateReports, p.lateTransactions]),
      [
        ['Oduya Felix', 1, 0],
        ['Quince Harold B', 2, 2],
        ['Renner Tobias', 1, 3],
      ],
    );
  });

  it('a filing with no known filing date is listed as unknown, never guessed; the calendar year is assumed', () => {
    const y = year('1900200');
    assert.equal(y.calendar.source, 'calendar');
    assert.equal(y.judged, 0);
    assert.equal(y.unknown, 1);
    const f = filing(y, 'tamarind-foods-form4-no-filing-date.xml');
    assert.ok(f);
    assert.equal(f.status, 'unknown');
    assert.equal(f.filed, null);
  });

  it('without a filing date, a Form 4 signed after its due date is late; a small acquisition (L) is not due on it', () => {
    const xml = fs.readFileSync(
      path.join(SECTION16_DIR, 'late-filings', 'tamarind-foods-form4-no-filing-date.xml'),
      'utf8',
    );
    const judge = (text: string) => {
      const out = parseText(text, 'tamarind-signed.xml');
      assert.ok(out.ok);
      const r = lateReport([out.filing], { now: new Date('2025-01-01T00:00:00Z') });
      return r.years.flatMap((y) => y.persons.flatMap((p) => p.filings))[0];
    };
    // Sale on Tuesday 2024-04-02: due Thursday 04-04; signed Tuesday 04-09, three business days later.
    const signedLate = xml.replace(
      '<signatureDate>2024-04-02</signatureDate>',
      '<signatureDate>2024-04-09</signatureDate>',
    );
    const f = judge(signedLate);
    assert.equal(f.status, 'late');
    assert.equal(f.filed, null);
    assert.match(
      f.reason,
      /signed 2024-04-09, so filed at least 3 business days late \(the filing date is not known\)/,
    );
    assert.deepEqual(
      f.transactions.map((t) => [t.label, t.due, t.filed, t.why]),
      [['Table I row 1', '2024-04-04', null, 'signed-late']],
    );
    // The same form reporting a small acquisition: due on Form 5, so nothing on it is late.
    const small = signedLate
      .replace('<transactionCode>S</transactionCode>', '<transactionCode>L</transactionCode>')
      .replace(/<transactionAcquiredDisposedCode><value>D</g, '<transactionAcquiredDisposedCode><value>A<');
    assert.notEqual(judge(small)?.status, 'late');
  });

  it('--fiscal-year keeps one year; the Markdown table is ready to paste', () => {
    const only = lateReport(loadFolder('late-filings'), { fiscalYear: 2023 });
    assert.equal(only.years.length, 0);
    const md = lateMarkdown(report);
    assert.match(md, /\| Quince Harold B \| 2 \| 2 \|/);
  });

  it('an acceptance after 10 p.m. or on a holiday is filed the next business day', () => {
    assert.equal(filingDateOfAcceptance('2024-03-15T21:59:59'), '2024-03-15');
    assert.equal(filingDateOfAcceptance('2024-03-15T22:00:01'), '2024-03-18');
    assert.equal(filingDateOfAcceptance('2024-07-04T10:00:00'), '2024-07-05');
    assert.equal(filingDateOfAcceptance('not a time'), null);
  });
});
