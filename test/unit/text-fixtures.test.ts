/**
 * Hand-made text of forms in other shapes than the seed: a Form 4 with two Table I transactions, a holding and
 * a Table II option exercise (tab-separated columns); a Form 3 with holdings only; a noisy OCR Form 4 whose
 * columns are lost (space-separated), with O/0 confusions and escapes. Each value, each footnote citation
 * and the uncertainty the reader admits.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../src/core/parse/index';
import { parseFormText } from '../../src/core/parse/text';
import { detectKind } from '../../src/core/detect';
import { toJson } from '../../src/core/json';
import type { DerivativeRow, Filing } from '../../src/core/model';
import { textSpanProblems } from '../helpers/html-spans';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'text');

function read(name: string): { text: string; filing: Filing } {
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  assert.equal(detectKind(text).kind, 'text', `${name} is detected as text`);
  const r = parseText(text, name);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.deepEqual(textSpanProblems(r.filing), [], `${name}: spans`);
  return { text, filing: r.filing };
}

const at = (text: string, s: { start: number; end: number } | null | undefined) =>
  s ? text.slice(s.start, s.end) : null;
const slice = (text: string, s: { start: number; end: number } | null | undefined) =>
  s ? text.slice(s.start, s.end) : null;

describe('text: Form 4 with two transactions, a holding and an option exercise (tab-separated)', function () {
  const { text, filing } = read('form4-two-rows-option-exercise.txt');

  it('reads the header: type, period, issuer, boxes', function () {
    assert.equal(filing.documentType.value, '4');
    assert.equal(filing.periodOfReport.value, '2024-03-14');
    assert.equal(filing.issuer.name.value, 'Example Widgets Corp');
    assert.equal(filing.issuer.tradingSymbol.value, 'EXWG');
    assert.equal(filing.notSubjectToSection16.value, false);
    assert.equal(filing.aff10b5One.value, true, 'the 10b5-1 box is checked (X before its label)');
  });

  it('reads the owner: name, two-line layout address, director and officer with title', function () {
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'Rivera Maria L');
    assert.equal(o.name.uncertain, undefined, 'the initial agrees with the signature');
    assert.equal(o.street1.value, '250 MARKET STREET, SUITE 900');
    assert.equal(o.city.value, 'SAN FRANCISCO');
    assert.equal(o.state.value, 'CA');
    assert.equal(o.zipCode.value, '94105');
    assert.equal(o.isDirector.value, true);
    assert.equal(o.isOfficer.value, true);
    assert.equal(o.officerTitle.value, 'Chief Financial Officer');
    assert.equal(o.isTenPercentOwner.value, false);
    assert.equal(o.isOther.value, false);
  });

  it('reads Table I: M then S (code footnote, weighted price footnote) then an indirect holding', function () {
    const [m, s, h] = filing.nonDerivative;
    assert.equal(filing.nonDerivative.length, 3);
    assert.deepEqual(
      [
        m.kind,
        m.transactionCode.value,
        m.transactionShares.value,
        m.transactionAcquiredDisposedCode.value,
        m.transactionPricePerShare.value,
        m.sharesOwnedFollowingTransaction.value,
      ],
      ['transaction', 'M', '10000', 'A', '12.50', '35000'],
    );
    assert.equal(s.transactionCode.value, 'S');
    assert.deepEqual(
      s.codingFootnotes.map((r) => r.id),
      ['F1'],
      'a marker after the code cites the coding',
    );
    assert.equal(s.transactionPricePerShare.value, '48.1234');
    assert.deepEqual(
      s.transactionPricePerShare.footnotes.map((r) => r.id),
      ['F2'],
    );
    assert.equal(slice(text, s.transactionPricePerShare.footnotes[0].span), '(2)');
    assert.equal(h.kind, 'holding');
    assert.equal(h.transactionDate.value, null);
    assert.equal(h.sharesOwnedFollowingTransaction.value, '5000');
    assert.equal(h.directOrIndirectOwnership.value, 'I');
    assert.equal(h.natureOfOwnership.value, 'By Family Trust');
    assert.deepEqual(
      h.natureOfOwnership.footnotes.map((r) => r.id),
      ['F3'],
    );
  });

  it('reads Table II: the option exercise with every column, a footnote-only date exercisable', function () {
    assert.equal(filing.derivative.length, 1);
    const d = filing.derivative[0] as DerivativeRow;
    assert.equal(d.kind, 'transaction');
    assert.equal(d.securityTitle.value, 'Stock Option (right to buy)');
    assert.equal(d.conversionOrExercisePrice.value, '12.50');
    assert.equal(d.transactionDate.value, '2024-03-14');
    assert.equal(d.transactionCode.value, 'M');
    assert.equal(d.transactionShares.value, '10000');
    assert.equal(d.transactionAcquiredDisposedCode.value, 'D', 'the amount stands in the (D) column');
    assert.equal(d.exerciseDate.value, null);
    assert.equal(d.exerciseDate.present, true);
    assert.deepEqual(
      d.exerciseDate.footnotes.map((r) => r.id),
      ['F4'],
    );
    assert.equal(d.expirationDate.value, '2031-02-01');
    assert.equal(d.underlyingSecurityTitle.value, 'Common Stock');
    assert.equal(d.underlyingSecurityShares.value, '10000');
    assert.equal(d.transactionPricePerShare.value, '0');
    assert.equal(d.sharesOwnedFollowingTransaction.value, '20000');
    assert.equal(d.directOrIndirectOwnership.value, 'D');
  });

  it('reads four footnotes, the remarks and the signature; nothing is uncertain', function () {
    assert.deepEqual(
      filing.footnotes.map((f) => f.id.value),
      ['F1', 'F2', 'F3', 'F4'],
    );
    assert.match(filing.footnotes[1].text.value!, /^The price reported is a weighted average price\..*inclusive\.$/);
    assert.equal(filing.remarks.value, 'Exhibit 24 - Power of Attorney on file.');
    assert.deepEqual(toJson(filing).signatures, [{ name: '/s/ Maria L. Rivera', date: '2024-03-15' }]);
    assert.deepEqual(
      filing.findings.map((f) => f.message),
      [],
    );
  });
});

describe('text: Form 3 with holdings only', function () {
  const { filing } = read('form3-holdings-only.txt');

  it('reads the Form 3 boxes: date of event, issuer in box 3, director', function () {
    assert.equal(filing.documentType.value, '3');
    assert.equal(filing.periodOfReport.value, '2024-06-03');
    assert.equal(filing.issuer.name.value, 'Northwind Analytics, Inc.');
    assert.equal(filing.issuer.tradingSymbol.value, 'NWA');
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'Okafor Chinedu');
    assert.equal(o.street1.value, 'C/O NORTHWIND ANALYTICS, INC.');
    assert.equal(o.street2.value, '1 HARBOR WAY');
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['BOSTON', 'MA', '02110']);
    assert.equal(o.isDirector.value, true);
    assert.equal(o.isOfficer.value, false);
    assert.equal(filing.notSubjectToSection16.present, false, 'a Form 3 has no Section 16 box');
  });

  it('reads every row as a holding with the Form 3 columns', function () {
    assert.deepEqual(
      filing.nonDerivative.map((r) => [
        r.kind,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
        r.natureOfOwnership.value,
      ]),
      [
        ['holding', '12500', 'D', null],
        ['holding', '3000', 'I', 'By Spouse'],
      ],
    );
    const d = filing.derivative[0] as DerivativeRow;
    assert.equal(filing.derivative.length, 1);
    assert.equal(d.kind, 'holding');
    assert.deepEqual(
      [
        d.exerciseDate.value,
        d.expirationDate.value,
        d.underlyingSecurityTitle.value,
        d.underlyingSecurityShares.value,
        d.conversionOrExercisePrice.value,
        d.directOrIndirectOwnership.value,
      ],
      [null, '2034-05-31', 'Common Stock', '8000', '21.40', 'D'],
    );
    assert.deepEqual(
      d.exerciseDate.footnotes.map((r) => r.id),
      ['F2'],
    );
    assert.equal(filing.footnotes.length, 2);
    assert.equal(filing.signatures[0].date.value, '2024-06-05');
  });
});

describe('text: noisy OCR of a Form 4 (columns lost, O for 0, escapes, wrapped footnote)', function () {
  const { text, filing } = read('form4-noisy-ocr.txt');
  const messages = () => filing.findings.map((f) => f.message);

  it('repairs the OCR date of the period box and says so', function () {
    assert.equal(filing.periodOfReport.value, '2024-05-20');
    assert.equal(filing.periodOfReport.raw, 'O5/2O/2024');
    assert.equal(filing.periodOfReport.uncertain, true);
    assert.ok(messages().some((m) => /Period of report: letters read as digits/.test(m)));
  });

  it('keeps an OCR-suspect street number as written, flagged', function () {
    const o = filing.reportingOwners[0];
    assert.equal(o.street1.value, '4OO INDUSTRIAL PKWY');
    assert.equal(o.street1.uncertain, true);
    assert.equal(o.isDirector.value, true);
  });

  it('reads rows without column separators by the kind of each value, flagging the inferred boxes', function () {
    assert.equal(filing.nonDerivative.length, 2);
    const [a, b] = filing.nonDerivative;
    assert.deepEqual(
      [
        a.transactionDate.value,
        a.transactionCode.value,
        a.transactionShares.value,
        a.transactionAcquiredDisposedCode.value,
        a.transactionPricePerShare.value,
        a.sharesOwnedFollowingTransaction.value,
        a.directOrIndirectOwnership.value,
      ],
      ['2024-05-20', 'P', '2500', 'A', '18.75', '41200', 'D'],
    );
    assert.equal(a.transactionShares.raw, '2,5OO');
    assert.equal(a.transactionShares.uncertain, true);
    assert.deepEqual(
      a.transactionPricePerShare.footnotes.map((r) => r.id),
      ['F1'],
    );
    assert.equal(slice(text, a.transactionPricePerShare.span), '\\$18.75');
    assert.equal(a.transactionPricePerShare.uncertain, true);
    assert.equal(a.transactionCode.uncertain, undefined, 'a code letter is plain even without columns');
    assert.equal(b.transactionPricePerShare.value, '19.10');
    assert.ok(messages().some((m) => /Table I row 1: the columns are not separated/.test(m)));
    assert.equal(filing.derivative.length, 0);
  });

  it('joins a footnote wrapped over two lines and reads a signature in <u> tags', function () {
    assert.equal(filing.footnotes.length, 1);
    assert.equal(
      filing.footnotes[0].text.value,
      'The price reported is a weighted average price. The shares were bought in multiple transactions at prices ranging from $18.60 to $18.90, inclusive.',
    );
    assert.deepEqual(toJson(filing).signatures, [{ name: '/s/ Erik J. Lindqvist', date: '2024-05-22' }]);
  });

  it('marks every uncertain field with an info finding at its span', function () {
    const fields = [
      filing.periodOfReport,
      filing.reportingOwners[0].street1,
      ...filing.nonDerivative.flatMap((r) => [
        r.transactionShares,
        r.transactionPricePerShare,
        r.sharesOwnedFollowingTransaction,
      ]),
    ];
    for (const f of fields) {
      assert.equal(f.uncertain, true);
      assert.ok(
        filing.findings.some(
          (x) =>
            x.rule === 'extraction-uncertain' &&
            x.severity === 'info' &&
            x.span?.start === f.span?.start &&
            x.span?.end === f.span?.end,
        ),
        `finding for ${f.raw}`,
      );
    }
  });
});

describe('text: shapes beyond the fixtures', function () {
  it('reads a Form 5 (fiscal year end box, no V column) and an amendment', function () {
    const t = [
      'FORM 5',
      'ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
      'Form 3 Holdings Reported.',
      'X Form 4 Transactions Reported.',
      '1. Name and Address of Reporting Person* Tanaka Hiro',
      '2. Issuer Name and Ticker or Trading Symbol Acme Corp [ACME]',
      "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year) 12/31/2023",
      '4. If Amendment, Date of Original Filed (Month/Day/Year) 02/10/2024',
      'X Director\t10% Owner\tOfficer (give title below)\tOther (specify below)',
      'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      'Common Stock\t11/02/2023\t\tG\t500\tD\t$0\t9,500\tD\t',
      'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      'Explanation of Responses:',
      '/s/ Hiro Tanaka\t02/12/2024',
    ].join('\n');
    const r = parseFormText(t, 'f5.txt');
    assert.ok(r.ok);
    const f = r.filing;
    assert.equal(f.documentType.value, '5/A');
    assert.equal(f.periodOfReport.value, '2023-12-31');
    assert.equal(f.dateOfOriginalSubmission.value, '2024-02-10');
    assert.equal(f.form3HoldingsReported.value, false);
    assert.equal(f.form4TransactionsReported.value, true);
    const row = f.nonDerivative[0];
    assert.deepEqual(
      [
        row.transactionCode.value,
        row.transactionShares.value,
        row.transactionAcquiredDisposedCode.value,
        row.transactionPricePerShare.value,
        row.sharesOwnedFollowingTransaction.value,
      ],
      ['G', '500', 'D', '0', '9500'],
    );
    assert.deepEqual(textSpanProblems(f), []);
  });

  it('skips the price when a row without columns has one amount too few (a gift), and says so', function () {
    const t = [
      'FORM 4',
      'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
      '1. Name and Address of Reporting Person* Doe Jane',
      '2. Issuer Name and Ticker or Trading Symbol Acme Corp [ACME]',
      '3. Date of Earliest Transaction (Month/Day/Year) 01/05/2024',
      'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      'Common Stock 01/05/2024 G 1,000 D 24,000 I By Trust (1)',
      'Explanation of Responses:',
      '1. Held in a family trust.',
    ].join('\n');
    const r = parseFormText(t, 'gift.txt');
    assert.ok(r.ok);
    const row = r.filing.nonDerivative[0];
    assert.equal(row.transactionPricePerShare.value, null);
    assert.equal(row.transactionShares.value, '1000');
    assert.equal(row.sharesOwnedFollowingTransaction.value, '24000');
    assert.equal(row.directOrIndirectOwnership.value, 'I');
    assert.equal(row.natureOfOwnership.value, 'By Trust');
    assert.deepEqual(
      row.natureOfOwnership.footnotes.map((x) => x.id),
      ['F1'],
    );
    assert.ok(r.filing.findings.some((x) => /columns are not separated/.test(x.message)));
  });

  it('says so when box 6 claims more than one reporting person but one was read', function () {
    const t = fs
      .readFileSync(path.join(DIR, 'form4-two-rows-option-exercise.txt'), 'utf8')
      .replace(
        'X Form filed by One Reporting Person',
        'Form filed by One Reporting Person X Form filed by More than One Reporting Person',
      );
    const r = parseFormText(t, 'joint.txt');
    assert.ok(r.ok);
    assert.ok(
      r.filing.findings.some(
        (x) =>
          x.rule === 'extraction-uncertain' &&
          /box 6 says .* more than one reporting person, but 1 was read/.test(x.message),
      ),
    );
  });

  it('says ok:false with a reason for text that is not a form', function () {
    const r = parseFormText('Dear shareholder,\nour annual meeting is on May 5.\n', 'letter.txt');
    assert.equal(r.ok, false);
    assert.ok(!r.ok && /not the text of a Form 3, 4 or 5/.test(r.reason));
  });
});

describe('text: a Form 4 filed as text before 2003 ("|" table, wrapped cells, labels above values)', function () {
  const { text, filing } = read('form4-pre2003-pipe-table.txt');

  it('reads the boxes printed below their labels, with a month-name date', function () {
    assert.equal(filing.documentType.value, '4');
    assert.equal(filing.periodOfReport.value, '2001-03-31');
    assert.equal(filing.issuer.name.value, 'Harbor Instruments Inc.');
    assert.equal(filing.issuer.tradingSymbol.value, 'HRBI');
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'Whitfield, Ada M.');
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.city.value, o.state.value, o.zipCode.value],
      ['c/o Harbor Instruments Inc.', '77 Ocean Drive', 'Portland', 'ME', '04101'],
    );
    assert.deepEqual(
      [o.isDirector.value, o.isOfficer.value, o.officerTitle.value],
      [false, true, 'Vice President, Sales'],
    );
    assert.equal(filing.notSubjectToSection16.value, false);
  });

  it('reads the "|" table without the deemed-date column, joining cells wrapped onto the next line', function () {
    const [t, h] = filing.nonDerivative;
    assert.equal(filing.nonDerivative.length, 2);
    assert.deepEqual(
      [
        t.kind,
        t.transactionDate.value,
        t.transactionCode.value,
        t.transactionShares.value,
        t.transactionAcquiredDisposedCode.value,
        t.transactionPricePerShare.value,
        t.sharesOwnedFollowingTransaction.value,
      ],
      ['transaction', '2001-03-12', 'S', '2000', 'D', '14.25', '18500'],
    );
    // "3/12/0" + "1" on the next line: raw and span stay the first part, the value is the joined date, flagged.
    assert.equal(t.transactionDate.raw, '3/12/0');
    assert.equal(at(text, t.transactionDate.span), '3/12/0');
    assert.equal(t.transactionDate.uncertain, true);
    assert.equal(h.kind, 'holding');
    assert.equal(h.natureOfOwnership.value, 'By 401(k) Plan');
    assert.equal(h.natureOfOwnership.raw, 'By 401(k)');
    assert.ok(filing.findings.some((f) => /continues on the next line/.test(f.message)));
  });

  it('reads the signature and the date printed below "DATE"', function () {
    assert.deepEqual(toJson(filing).signatures, [{ name: '/s/ Ada M. Whitfield', date: '2001-04-09' }]);
  });
});

describe("text: a Form 4 copied from a browser's page of EDGAR's rendering (tab-separated cells)", function () {
  const { filing } = read('form4-browser-copy.txt');

  it("reads the issuer on the line below its label, before the next box's label in the same line", function () {
    assert.deepEqual(
      [filing.issuer.name.value, filing.issuer.tradingSymbol.value],
      ['Pinecrest Software Inc.', 'PNSW'],
    );
  });

  it('reads the owner, the relationship, the row and the signature', function () {
    const o = filing.reportingOwners[0];
    assert.deepEqual(
      [o.name.value, o.city.value, o.state.value, o.zipCode.value, o.isOfficer.value, o.officerTitle.value],
      ['Moreau Elise', 'LONG BEACH', 'CA', '90808', true, 'Chief Financial Officer'],
    );
    const r = filing.nonDerivative[0];
    assert.deepEqual(
      [
        r.transactionCode.value,
        r.transactionShares.value,
        r.transactionPricePerShare.value,
        r.sharesOwnedFollowingTransaction.value,
      ],
      ['S', '900', '18.20', '12100'],
    );
    assert.deepEqual(
      r.transactionShares.footnotes.map((x) => x.id),
      ['F1'],
    );
    assert.equal(filing.signatures[0].date.value, '2025-03-05');
  });
});
