/**
 * The rows of Tables I and II in Tesseract output: titles, wrapped lines and footnote markers, each case in a
 * hand-made fixture (test/fixtures/text-ocr/*.txt, written for these tests, not copied from the corpus): read right,
 * or flagged at its place.
 */
import * as assert from 'node:assert/strict';
import type { Field } from '../../src/core/model';
import { readOcrFiling } from '../helpers/ocr-text';
import { assertFlagged } from '../helpers/findings';

const read = readOcrFiling;

describe('text: OCR table titles', function () {
  it("keeps a title's closing parenthesis, its opening one earlier in the title, and still reads a garbled marker", function () {
    const f = read('form4-tesseract-title-paren.txt');
    const [a, b] = f.nonDerivative;
    assert.equal(a.securityTitle.value, 'Common Stock (restricted stock units)');
    assert.deepEqual(
      a.securityTitle.footnotes.map((r) => r.id),
      [],
    );
    assert.equal(b.securityTitle.value, 'Common Stock');
    assert.deepEqual(
      b.securityTitle.footnotes.map((r) => r.id),
      ['F1'],
    );
  });

  it('keeps a par value written in the title as the title\'s, not the price ("par value $0.0001 per share")', function () {
    const r = read('form4-tesseract-par-value-title.txt').nonDerivative[0];
    assert.deepEqual(
      [r.securityTitle.value, r.transactionCode.value, r.transactionShares.value, r.transactionPricePerShare.value],
      ['Class A Common Stock, par value $0.0001 per share', 'P', '500', '7.125'],
    );
  });
});

describe('text: a Table I row that text laid out by columns wraps over three lines', function () {
  it('reads the title with its marker, the values below it and the amount owned below those as one row', function () {
    const f = read('form4-pdftotext-layout-row-wrapped.txt');
    assert.equal(f.nonDerivative.length, 3);
    const r = f.nonDerivative[1];
    assert.deepEqual(
      [
        r.securityTitle.value,
        r.transactionCode.value,
        r.transactionShares.value,
        r.transactionPricePerShare.value,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
      ],
      ['Common Stock', 'S', '1664', '18.5', '10436', 'D'],
    );
    assert.deepEqual(
      [r.securityTitle.footnotes.map((x) => x.id), r.transactionPricePerShare.footnotes.map((x) => x.id)],
      [['F1'], ['F3']],
    );
  });
});

describe("text: a Table I row whose A or D starts its second line (pdftotext's drawing order)", function () {
  it('reads the price, the amount owned and the ownership form from the line below', function () {
    const r = read('form4-pdftotext-raw-row-two-lines.txt').nonDerivative[0];
    assert.deepEqual(
      [
        r.transactionCode.value,
        r.transactionShares.value,
        r.transactionAcquiredDisposedCode.value,
        r.transactionPricePerShare.value,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
      ],
      ['A', '5000', 'A', '0', '17100', 'D'],
    );
  });

  it("takes the amount owned from the line below when the row ends with its A and the price's marker", function () {
    const r = read('form4-pdftotext-raw-owned-next-line.txt').nonDerivative[0];
    assert.deepEqual(
      [
        r.transactionShares.value,
        r.transactionAcquiredDisposedCode.value,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
      ],
      ['724772', 'A', '905485', 'D'],
    );
    assert.deepEqual(
      r.sharesOwnedFollowingTransaction.footnotes.map((x) => x.id),
      ['F3'],
    );
  });

  it('reads the ownership form alone on the last line of a row ("1,000 D $0 16,100(4)" / "D")', function () {
    const r = read('form4-pdftotext-raw-row-two-lines.txt').nonDerivative[2];
    assert.deepEqual(
      [
        r.transactionCode.value,
        r.transactionShares.value,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
      ],
      ['G', '1000', '16100', 'D'],
    );
  });

  it('reads "0 D" on the line below as the amount owned and its form, no footnote marker', function () {
    const r = read('form4-pdftotext-raw-row-two-lines.txt').nonDerivative[1];
    assert.deepEqual(
      [
        r.transactionShares.value,
        r.transactionPricePerShare.value,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
      ],
      ['17100', '19.50', '0', 'D'],
    );
  });
});

describe('text: Table II rows whose values line stops after the dates (pdftotext -raw)', function () {
  it("reads the underlying title, the amounts, the D or I and the nature from the lines below, and a title with its date boxes' markers as the values line", function () {
    const rows = read('form3-pdftotext-raw-table2.txt').derivative.map((r) => [
      r.securityTitle.value,
      r.expirationDate.value,
      r.underlyingSecurityTitle.value,
      r.underlyingSecurityShares.value,
      r.conversionOrExercisePrice.value,
      r.directOrIndirectOwnership.value,
      r.natureOfOwnership.value,
    ]);
    assert.deepEqual(rows, [
      ['Series E Preferred Stock', null, 'Class B Common Stock', '134018', null, 'I', 'Limited Partnership'],
      ['Stock Option (Right to Buy)', '2028-04-14', 'Class B Common Stock', '383594', '3.74', 'D', null],
      ['Stock Option (Right to Buy)', '2028-04-14', 'Class B Common Stock', '95898', '3.74', 'I', 'Trust'],
    ]);
  });
});

describe('text: Table I laid out by columns, a nature wrapped above and below its row', function () {
  it('gives the nature column\'s words above and below a row to it, and a "By" below one row to the next', function () {
    const rows = read('form3-pdftotext-layout-nature-around-row.txt').nonDerivative.map((r) => [
      r.sharesOwnedFollowingTransaction.value,
      r.directOrIndirectOwnership.value,
      r.natureOfOwnership.value,
      r.natureOfOwnership.footnotes.map((x) => x.id),
    ]);
    assert.deepEqual(rows, [
      ['634675', 'I', 'By Harbor Cove LLLP', ['F2']],
      ['156361', 'I', 'By Trust', ['F3']],
      ['119889', 'D', null, []],
    ]);
  });
});

describe("text: Table II rows written cell by cell, each cell's words on lines of their own (pdftotext -raw)", function () {
  it('reads the title above the values, the underlying title and the amounts below, and the nature after the I', function () {
    const rows = read('form4-pdftotext-raw-table2-cells.txt').derivative.map((r) => [
      r.securityTitle.value,
      r.conversionOrExercisePrice.value,
      r.underlyingSecurityTitle.value,
      r.underlyingSecurityShares.value,
      r.sharesOwnedFollowingTransaction.value,
      r.directOrIndirectOwnership.value,
      r.natureOfOwnership.value,
    ]);
    assert.deepEqual(rows, [
      ['Class B Common Stock', '0.00', 'Class A Common Stock', '18509', '18509', 'D', null],
      ['Class B Common Stock', '0.00', 'Class A Common Stock', '8635', '8635', 'I', 'Harbor 2020 Family Trust'],
    ]);
  });
});

describe('text: Table II rows laid out by columns, their titles and nature wrapped above and below', function () {
  it('gives each wrapped word to the box whose column it stands in, and the words below a row to that row', function () {
    const f = read('form3-pdftotext-layout-table2.txt');
    assert.equal(f.derivative.length, 2);
    const [a, b] = f.derivative;
    assert.deepEqual(
      [
        a.securityTitle.value,
        a.underlyingSecurityTitle.value,
        a.natureOfOwnership.value,
        a.underlyingSecurityShares.value,
      ],
      ['Series E Preferred Stock', 'Class B Common Stock', 'Limited Partnership', '134018'],
    );
    assert.deepEqual(
      [b.securityTitle.value, b.underlyingSecurityTitle.value, b.natureOfOwnership.value, b.expirationDate.value],
      ['Stock Option (Right to Buy)', 'Class B Common Stock', null, '2028-04-14'],
    );
    assert.deepEqual(
      [a.underlyingSecurityTitle.footnotes.map((x) => x.id), a.natureOfOwnership.footnotes.map((x) => x.id)],
      [['F2', 'F3'], ['F4']],
    );
  });
});

describe('text: Table II laid out by columns, the amount under its (A) or (D) header', function () {
  it('reads (A) or (D) from the column the amount stands in, a code that goes either way (J) saying nothing', function () {
    const rows = read('form4-pdftotext-layout-ad-columns.txt').derivative.map((r) => [
      r.transactionCode.value,
      r.transactionShares.value,
      r.transactionAcquiredDisposedCode.value,
    ]);
    assert.deepEqual(rows, [
      ['J', '625000', 'D'],
      ['J', '5000', 'A'],
    ]);
  });
});

describe("text: Table II in a PDF's drawing order, the titles' last word alone on a line", function () {
  it('reads "Shares" after a title\'s first line as the title\'s, not as a column header', function () {
    const r = read('form4-pdftotext-raw-title-shares.txt').derivative[0];
    assert.deepEqual(
      [
        r.securityTitle.value,
        r.underlyingSecurityTitle.value,
        r.transactionShares.value,
        r.underlyingSecurityShares.value,
        r.sharesOwnedFollowingTransaction.value,
        r.directOrIndirectOwnership.value,
      ],
      ['Class B Ordinary Shares', 'Class A Ordinary Shares', '625000', '625000', '7950000', 'D'],
    );
  });
});

describe("text: Table II laid out by columns, the titles' last words alone below the row", function () {
  it('reads "Shares" below the title and below the underlying\'s title as theirs, not as a column header', function () {
    const r = read('form4-pdftotext-layout-title-last-word.txt').derivative[0];
    assert.deepEqual(
      [
        r.securityTitle.value,
        r.underlyingSecurityTitle.value,
        r.transactionShares.value,
        r.sharesOwnedFollowingTransaction.value,
      ],
      ['Class B Ordinary Shares', 'Class A Ordinary Shares', '625000', '7950000'],
    );
  });
});

describe("text: Table II rows laid out by columns, a trust's year wrapped into the nature", function () {
  it('reads a line of words holding a year as words, and ends a row at the blank line before the next', function () {
    const f = read('form4-pdftotext-layout-trust-year.txt');
    assert.deepEqual(
      f.derivative.map((r) => [r.securityTitle.value, r.underlyingSecurityTitle.value, r.natureOfOwnership.value]),
      [
        ['Class B Common Stock', 'Class A Common Stock', null],
        ['Class B Common Stock', 'Class A Common Stock', 'Harbor 2020 Family Trust'],
      ],
    );
  });
});

describe("text: OCR's Table II date boxes holding a footnote in place of a date", function () {
  it('gives markers standing after the amount to the date boxes no date fills ("5,000 (3) (4) Common Stock")', function () {
    const r = read('form4-tesseract-table2-date-markers.txt').derivative[0];
    const ids = (f: Field<unknown>) => f.footnotes.map((x) => x.id);
    assert.deepEqual(
      [ids(r.transactionShares), ids(r.exerciseDate), ids(r.expirationDate), ids(r.conversionOrExercisePrice)],
      [[], ['F3'], ['F4'], ['F2']],
    );
    assert.deepEqual([r.transactionShares.value, r.underlyingSecurityTitle.value], ['5000', 'Common Stock']);
  });
});

describe("text: OCR's Table II rows wrapped over lines", function () {
  it("gives the words above a row's values and the markers' line to that row, and a marker glued to a word", function () {
    const f = read('form3-tesseract-table2-wrapped.txt');
    assert.equal(f.derivative.length, 2);
    const [a, b] = f.derivative;
    for (const r of [a, b]) {
      assert.equal(r.securityTitle.value, 'Stock Option (Right to Buy)');
      assert.equal(r.underlyingSecurityTitle.value, 'Class A Common Stock');
    }
    assert.equal(b.natureOfOwnership.value, 'Trust');
    const refs = new Set(
      Object.values(b).flatMap((v) =>
        v && typeof v === 'object' && 'footnotes' in v ? (v as Field<unknown>).footnotes.map((r) => r.id) : [],
      ),
    );
    assert.ok(refs.has('F3'), 'the marker line "i i (3)" cites footnote 3');
    assert.ok(
      f.findings.some((x) => /Table II row 2 footnote: the footnote marker "22\)" is garbled/.test(x.message)),
      'Stock22) is the title word "Stock" and a garbled marker',
    );
  });
});

describe("text: OCR's Table II row whose top line holds markers but no date", function () {
  it('reads the top line as the titles above the row with dates, not as a row of its own', function () {
    const f = read('form4-tesseract-table2-row-top-line.txt');
    assert.equal(f.derivative.length, 1);
    const r = f.derivative[0];
    assert.equal(r.securityTitle.value, 'Restricted Stock Units');
    assert.equal(r.underlyingSecurityTitle.value, 'Common Stock');
    assert.equal(r.transactionDate.value, '2022-09-06');
    assert.equal(r.transactionCode.value, 'M');
    assert.equal(r.transactionShares.value, '12000');
    assert.equal(r.underlyingSecurityShares.value, '12000');
    assert.equal(r.sharesOwnedFollowingTransaction.value, '0');
    assert.equal(r.directOrIndirectOwnership.value, 'D');
  });
});

describe("text: OCR's Table II row with its titles and nature wrapped side by side", function () {
  it("shares each wrapped line among the security's title, the underlying's and the nature, by the titles' shape", function () {
    const f = read('form4-tesseract-table2-three-wrapped.txt');
    assert.deepEqual(
      f.derivative.map((r) => [r.securityTitle.value, r.underlyingSecurityTitle.value, r.natureOfOwnership.value]),
      [
        ['Class B Common Stock', 'Class A Common Stock', null],
        ['Class B Common Stock', 'Class A Common Stock', 'Tern Harbor Family Trust'],
      ],
    );
  });
});

describe("text: OCR's Table II titles wrapped side by side, a class and its letter joined by a speck", function () {
  it('reads "Class-B Class A" above the values as "Class B" and "Class A", one for each title', function () {
    const f = read('form4-tesseract-table2-three-wrapped.txt', (s) =>
      s.replace('Class B Class A\nCommon', 'Class-B Class A\nCommon'),
    );
    assert.deepEqual(
      [f.derivative[0].securityTitle.value, f.derivative[0].underlyingSecurityTitle.value],
      ['Class B Common Stock', 'Class A Common Stock'],
    );
  });
});

describe("text: OCR's Table II row with a trust's year on a line of its own behind a speck", function () {
  it('reads ". 2021" as words of the wrapped titles, not as the row\'s values', function () {
    const f = read('form4-tesseract-table2-number-speck.txt');
    assert.equal(f.derivative.length, 2);
    const r = f.derivative[1];
    assert.deepEqual(
      [r.securityTitle.value, r.underlyingSecurityShares.value, r.sharesOwnedFollowingTransaction.value],
      ['Class B Common Stock', '2500', '2500'],
    );
    assert.equal(r.directOrIndirectOwnership.value, 'I');
    assert.match(r.natureOfOwnership.value ?? '', /2021 Family Trust$/);
  });
});

describe("text: OCR's Table II underlying title wrapped below a whole title", function () {
  it('gives the line below to the underlying when the title closes its parenthesis on the values line', function () {
    const f = read('form4-tesseract-table2-under-below.txt');
    const [r] = f.derivative;
    assert.deepEqual(
      [r.securityTitle.value, r.underlyingSecurityTitle.value],
      ['Stock Option (Right to Buy)', 'Class A Common Stock'],
    );
  });
});

describe('text: footnote markers OCR glued to a code or an amount', function () {
  it('reads "Go" as the code G with a marker, and "1000{).1" as the amount 1000 with a marker, each said', function () {
    const f = read('form4-tesseract-glued-markers.txt');
    const [a, b] = f.nonDerivative;
    assert.equal(a.transactionCode.value, 'G');
    assertFlagged(f, a.transactionCode, '"Go" read as the code "G" and a footnote marker');
    assert.deepEqual(
      [b.transactionShares.value, b.transactionAcquiredDisposedCode.value, b.transactionPricePerShare.value],
      ['1000', 'D', '18.40'],
    );
    assert.equal(b.sharesOwnedFollowingTransaction.value, '39250');
    assertFlagged(f, b.transactionShares, '"{).1"');
  });
});

describe('text: a line of title words and footnote markers above the values', function () {
  it('reads "Class B Ordinary 2 2 1 1 Class A 1 3" as the titles and markers of the row below, and says so when no row follows', function () {
    const f = read('form4-tesseract-marker-line-title.txt');
    assert.equal(f.derivative.length, 1);
    const r = f.derivative[0];
    assert.equal(r.securityTitle.value, 'Class B Ordinary Shares');
    assert.equal(r.underlyingSecurityTitle.value, 'Class A Ordinary');
    assert.deepEqual(
      [
        r.transactionDate.value,
        r.transactionShares.value,
        r.underlyingSecurityShares.value,
        r.sharesOwnedFollowingTransaction.value,
      ],
      ['2025-02-11', '40000', '40000', '510000'],
    );
    assert.equal(f.nonDerivative.length, 0);
    assert.ok(
      f.findings.some((x) => x.message.startsWith('Table I: a line of words and small numbers ("Common Stock 1 2")')),
      f.findings.map((x) => x.message).join('\n'),
    );
  });
});

describe("text: a title's word OCR misread, read by the words the text writes again", function () {
  it('reads "Conimon Stock" as "Common Stock", flagged, where the notes write "Common" three times', function () {
    const f = read('form4-tesseract-title-word-misread.txt');
    const t = f.nonDerivative[0].securityTitle;
    assert.equal(t.value, 'Common Stock');
    assertFlagged(f, t, 'read "Conimon" as "Common"');
    // Written as often as the word it is near, it is no slip: it stays as read.
    const g = read('form4-tesseract-title-word-misread.txt', (s) => s.replace(/of Common Stock/g, 'of Conimon Stock'));
    assert.equal(g.nonDerivative[0].securityTitle.value, 'Conimon Stock');
  });
});

describe("text: OCR's Form 3 Table II", function () {
  it('starts a new row at a line with the same security title, where the I read as "1" left the row looking unfinished', function () {
    const f = read('form3-tesseract-table2-same-title.txt');
    assert.equal(f.derivative.length, 2);
    const [a, b] = f.derivative;
    assert.equal(a.directOrIndirectOwnership.value, 'I');
    assert.equal(a.natureOfOwnership.value, 'Trust');
    assert.equal(a.underlyingSecurityShares.value, '7500');
    assert.equal(b.underlyingSecurityShares.value, '2500');
    assert.equal(b.expirationDate.value, '2031-06-30');
    assert.equal(b.directOrIndirectOwnership.value, 'D');
  });

  it("reads a bare one-digit number before the dates as the date box's garbled footnote marker, not as an amount", function () {
    const f = read('form3-tesseract-table2-marker-digit.txt');
    const [r] = f.derivative;
    assert.equal(r.exerciseDate.value, null);
    assert.equal(r.expirationDate.value, '2031-06-30');
    assert.equal(r.underlyingSecurityTitle.value, 'Common Stock');
    assert.equal(r.underlyingSecurityShares.value, '7500');
    assert.equal(r.conversionOrExercisePrice.value, '2.15');
    assert.ok(
      f.findings.some((x) => /Table II row 1 .*footnote marker "6"/.test(x.message)),
      f.findings.map((x) => x.message).join('\n'),
    );
  });

  it('reads a price with a double quote before its "$" (a speck)', function () {
    const f = read('form3-tesseract-table2-quote-price.txt');
    assert.equal(f.derivative[0].conversionOrExercisePrice.value, '2.15');
  });

  it('reads an expiration date written with letters for its slashes and a digit ("o6n302031"), flagged', function () {
    const f = read('form3-tesseract-table2-date-letters.txt');
    const r = f.derivative[1];
    assert.equal(r.exerciseDate.value, null);
    assert.equal(r.expirationDate.value, '2031-06-30');
    assertFlagged(f, r.expirationDate, 'its slashes misread or lost');
  });
});

describe("text: OCR's Table I rows that look unfinished", function () {
  it('ends a row at a "1" after its last amount (the I of the ownership form), the next line its own row', function () {
    const f = read('form4-tesseract-table1-i-as-one.txt');
    assert.equal(f.nonDerivative.length, 2);
    const [a, b] = f.nonDerivative;
    assert.equal(a.directOrIndirectOwnership.value, 'I');
    assert.equal(a.natureOfOwnership.value, null);
    assert.equal(b.securityTitle.value, 'Class A Common Stock');
    assert.equal(b.sharesOwnedFollowingTransaction.value, '2000');
  });

  it('starts a new row at a line repeating the title after a speck ("‘Common Stock")', function () {
    const f = read('form4-tesseract-table1-title-speck.txt');
    assert.equal(f.nonDerivative.length, 2);
    const b = f.nonDerivative[1];
    assert.equal(b.securityTitle.value, 'Common Stock');
    assert.equal(b.sharesOwnedFollowingTransaction.value, '2000');
    assert.equal(b.directOrIndirectOwnership.value, 'D');
  });
});

describe("text: Table I in a PDF's reading order (pdftotext without -layout)", function () {
  const fixture = 'form4-pdftotext-reading-order-amendment.txt';
  const rows = (edit: (s: string) => string = (s) => s) =>
    read(fixture, edit).nonDerivative.map((r) => [
      r.kind,
      r.securityTitle.value,
      r.transactionCode.value,
      r.transactionShares.value,
      r.transactionAcquiredDisposedCode.value,
      r.transactionPricePerShare.value,
      r.sharesOwnedFollowingTransaction.value,
      r.directOrIndirectOwnership.value,
      r.natureOfOwnership.value,
    ]);

  it("reads a row whose values stand below the columns' labels, each label passed over, the amounts flagged", function () {
    assert.deepEqual(rows(), [['transaction', 'Common Stock', 'M', '1500', 'A', '0', '12500', 'D', null]]);
    const r = read(fixture).nonDerivative[0];
    assert.ok(r.transactionShares.uncertain && r.sharesOwnedFollowingTransaction.uncertain);
  });

  it('ends a holding at its ownership form and nature, the next title starting the next row', function () {
    const holdings = (s: string) =>
      s.replace('4)\nD\n', '4)\n\nD\n\nCommon Stock\n\n25,000\n\nI\n\nBy Trust\n\nCommon Stock\n\n4,000\n\nD\n');
    assert.deepEqual(rows(holdings), [
      ['transaction', 'Common Stock', 'M', '1500', 'A', '0', '12500', 'D', null],
      ['holding', 'Common Stock', null, null, null, null, '25000', 'I', 'By Trust'],
      ['holding', 'Common Stock', null, null, null, null, '4000', 'D', null],
    ]);
    // Holdings alone, the first right after the labels' last piece ("4)", no footnote marker).
    const only = (s: string) =>
      holdings(s)
        .replace('Common Stock\n\n2/3/2025\n', '')
        .replace(/\nV\n\nM\n/, '\n')
        .replace('1,500\n\nA\n\n$0\n\n12,500\n', '')
        .replace('4)\n\nD\n\n', '4)\n\n');
    assert.deepEqual(rows(only), [
      ['holding', 'Common Stock', null, null, null, null, '25000', 'I', 'By Trust'],
      ['holding', 'Common Stock', null, null, null, null, '4000', 'D', null],
    ]);
  });
});
