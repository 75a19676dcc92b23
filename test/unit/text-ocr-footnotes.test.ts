/**
 * Footnotes and their markers as Tesseract writes them: numbers misread or out of order, markers garbled, the
 * heading misspelt. Each case in a hand-made fixture (test/fixtures/text-ocr/*.txt, written for these tests, not
 * copied from the corpus): read right, or flagged at its place.
 */
import * as assert from 'node:assert/strict';
import type { Field, Filing } from '../../src/core/model';
import { readOcrText } from '../helpers/ocr-text';
import { assertFlagged } from '../helpers/findings';

const read = readOcrText;

/** A value whose garbled marker was read as footnote F1: it cites F1 alone, and a finding at its place says `says`. */
function assertReadAsF1(filing: Filing, f: Field<unknown>, says: string): void {
  assert.deepEqual(
    f.footnotes.map((r) => r.id),
    ['F1'],
  );
  assertFlagged(filing, f, says);
}

describe('text: footnote numbers out of order', function () {
  it('marks a footnote numbered out of the 1, 2, 3 order (a 3 read as 8), its number and its text', function () {
    const { filing } = read('form4-tesseract-footnote-number.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, !!f.id.uncertain, !!f.text.uncertain]),
      [
        ['F1', false, false],
        ['F2', false, false],
        ['F8', true, true],
      ],
    );
    assertFlagged(filing, filing.footnotes[2].id, 'numbered 8 where footnote 3 comes next');
  });
});

describe('text: footnotes OCR put out of order ("5." before "4."), the next one with its number misread ("6, The")', function () {
  it('starts a footnote at the number after the highest read, not only after the last', function () {
    const { filing } = read('form4-tesseract-footnotes-out-of-order.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, (f.text.value ?? '').replace(/^.*?(?= \$\d)/, '')]),
      [
        ['F1', 'The sales were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person.'],
        ['F2', ' $10.01 to $10.50, inclusive.'],
        ['F3', ' $11.01 to $11.50, inclusive.'],
        ['F5', ' $13.01 to $13.50, inclusive.'],
        ['F4', ' $12.01 to $12.50, inclusive.'],
        ['F6', ' $14.01 to $14.50, inclusive.'],
      ],
    );
    // Out of order, each is flagged: the footnotes around it may have been lost or merged.
    assertFlagged(filing, filing.footnotes[5].id, 'numbered 6 where footnote 5 comes next');
  });
});

describe('text: footnote numbers whose punctuation OCR misreads', function () {
  it('starts the next footnote at "2, The" (flagged) and "3.The", and never at a continuation line', function () {
    const { filing } = read('form4-tesseract-footnote-punctuation.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, !!f.id.uncertain, (f.text.value ?? '').slice(0, 20)]),
      [
        ['F1', false, 'The shares were sold'],
        ['F2', true, 'The shares were sold'],
        ['F3', false, 'The shares are held '],
        ['F4', false, 'The reporting person'],
      ],
    );
    // "2, and the plan" and "4.5% of them" continue the footnote above them.
    assert.ok(
      filing.footnotes[0].text.value!.endsWith(
        'under the plan of 2, and the plan of 2023 adopted by the reporting person.',
      ),
    );
    assert.ok(filing.footnotes[2].text.value!.endsWith('of the shares, 4.5% of them were given to the trust in 2022.'));
    assertFlagged(filing, filing.footnotes[1].id, 'followed by a comma, as OCR reads a period');
  });
});

describe('text: footnote numbers with a speck read as a second period', function () {
  it('starts footnotes at "2.. The" and "(3). The"', function () {
    const { filing } = read('form4-tesseract-footnote-doubled-period.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, f.text.value]),
      [
        ['F1', 'Represents a bona fide gift of shares to a charitable entity.'],
        ['F2', 'The shares are held by the Ferreira Family Trust.'],
        ['F3', "The shares are held by the Reporting Person's spouse."],
      ],
    );
  });
});

describe('text: the end of a footnote OCR read after "Remarks:"', function () {
  it('joins text after the label that starts in lower case to the one footnote that breaks off, flagged at both', function () {
    const { filing } = read('form4-tesseract-footnote-end-after-remarks.txt');
    const n1 = filing.footnotes[0].text;
    assert.equal(
      n1.value,
      "The shares are held by the Lindqvist Irrevocable Trust, of which the Reporting Person's children are the beneficiaries.",
    );
    assertFlagged(filing, n1, 'its end is taken from the words OCR read after "Remarks:"');
    assert.equal(filing.remarks.value, null);
    assert.ok(
      filing.findings.some(
        (x) =>
          x.rule === 'extraction-uncertain' &&
          x.message.startsWith('Remarks: the text after "Remarks:" starts in lower case') &&
          x.span &&
          filing.text.slice(x.span.start, x.span.end) === 'the beneficiaries.',
      ),
    );
    assert.equal(
      filing.footnotes[1].text.value,
      "Includes 500 shares acquired under the Issuer's employee stock purchase plan.",
    );
  });
});

describe('text: a footnote 1 that OCR reads as a letter', function () {
  it('takes "t. Each share" for footnote 1, flagged, and leaves "I. Okafor" in the footnote above it', function () {
    const { filing } = read('form4-tesseract-footnote-one-as-letter.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, !!f.id.uncertain, (f.text.value ?? '').slice(0, 20)]),
      [
        ['F1', true, 'Each share of Class '],
        ['F2', false, 'The shares were sold'],
        ['F3', false, 'The reporting person'],
      ],
    );
    assert.ok(filing.footnotes[2].text.value!.endsWith('he and I. Okafor, his spouse, are the trustees.'));
    assertFlagged(filing, filing.footnotes[0].id, 'reads "t", as OCR misreads a 1');
  });
});

describe('text: footnote numbers OCR writes with a digit too many, as a letter, or without a period', function () {
  it('takes "43:", "A." and "5 The" for footnotes 3, 4 and 5, flagged, and leaves "A. Smith" in the footnote above', function () {
    const { filing } = read('form4-tesseract-footnote-number-shapes.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, !!f.id.uncertain, (f.text.value ?? '').slice(0, 20)]),
      [
        ['F1', false, 'Includes 300 shares '],
        ['F2', false, 'The sales were made '],
        ['F3', true, 'The shares were sold'],
        ['F4', true, 'The shares were sold'],
        ['F5', true, 'The shares were sold'],
      ],
    );
    assert.ok(filing.footnotes[1].text.value!.endsWith("on A. Smith's advice in March 2024."));
    assertFlagged(filing, filing.footnotes[2].id, 'reads "43", a digit or a mark too many');
    assertFlagged(filing, filing.footnotes[3].id, 'reads "A", as OCR misreads a 4');
    assertFlagged(filing, filing.footnotes[4].id, 'has no period after it');
  });
});

describe('text: parenthesized footnote numbers with a mark after them, and a reference wrapped before its number', function () {
  it('starts footnotes at "(3)_", "(A)," (a 4, flagged) and "(5),", and keeps "Tabie" / "1. The" in its footnote', function () {
    const { filing } = read('form4-tesseract-footnote-parenthesized-marks.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [f.id.value, !!f.id.uncertain, (f.text.value ?? '').slice(0, 20)]),
      [
        ['F1', false, 'Represents the settl'],
        ['F2', false, 'The shares are held '],
        ['F3', false, 'Includes 300 shares '],
        ['F4', true, 'These shares are hel'],
        ['F5', true, 'Represents a bona fi'],
      ],
    );
    assert.ok(filing.footnotes[0].text.value!.endsWith('reported in Table 1. The units vested on March 1, 2025.'));
    assertFlagged(filing, filing.footnotes[3].id, 'reads "A", as OCR misreads a 4');
    assertFlagged(filing, filing.footnotes[4].id, 'followed by a comma, as OCR reads a period');
  });
});

describe('text: a footnote number one past the next, in a misread form, where OCR moved a footnote down', function () {
  it('starts footnote 4 at "4, The" after footnote 2 (flagged), and footnote 3 after it', function () {
    const { filing } = read('form4-tesseract-footnote-number-skipped.txt');
    assert.deepEqual(
      filing.footnotes.map((f) => [
        f.id.value,
        !!f.id.uncertain,
        /\$[\d.]+ to \$[\d.]+|March 3/.exec(f.text.value ?? '')?.[0],
      ]),
      [
        ['F1', false, 'March 3'],
        ['F2', false, '$21.10 to $21.20'],
        ['F4', true, '$21.50 to $21.60'],
        ['F3', true, '$21.30 to $21.40'],
      ],
    );
    assertFlagged(filing, filing.footnotes[2].id, 'numbered 4 where footnote 3 comes next');
  });
});

describe('text: a garbled footnote marker on a form with one note', function () {
  it('reads it as that note, though an earlier row cites it already, flagged', function () {
    const { filing } = read('form4-tesseract-only-note.txt');
    assertReadAsF1(filing, filing.derivative[0].transactionShares, "the form's only note");
  });
});

describe('text: footnote markers OCR writes as a quote and a question mark, or a cent sign', function () {
  it('takes "‘?" off the title "Common Stock‘?" as a garbled marker, resolved to the only note and flagged', function () {
    const { filing } = read('form4-tesseract-question-marker.txt');
    const t = filing.nonDerivative[0].securityTitle;
    assert.equal(t.value, 'Common Stock');
    assertReadAsF1(filing, t, 'the footnote marker "‘?" is garbled');
  });

  it('takes "¢" off the price "$4.10¢" likewise', function () {
    const { filing } = read('form4-tesseract-question-marker.txt');
    const p = filing.derivative[0].conversionOrExercisePrice;
    assert.equal(p.value, '4.10');
    assertReadAsF1(filing, p, 'the footnote marker "¢" is garbled');
  });
});

describe('text: a footnote marker whose opening parenthesis OCR lost ("3)")', function () {
  it('reads it as a marker on the dates, flagged, not as an amount that shifts the row', function () {
    const { filing } = read('form4-tesseract-marker-paren-lost.txt');
    const [r] = filing.derivative;
    assert.deepEqual(
      [r.underlyingSecurityShares.value, r.sharesOwnedFollowingTransaction.value, r.transactionPricePerShare.value],
      ['40000', '40000', null],
    );
    for (const f of [r.exerciseDate, r.expirationDate]) {
      assert.deepEqual(
        f.footnotes.map((x) => x.id),
        ['F3'],
      );
      assertFlagged(filing, f, '"3)" is garbled; read as (3), as its digit says');
    }
  });
});

describe('text: the footnotes\' heading with an accent OCR put on a letter ("Explanation of R\u00e9sponses:")', function () {
  it('reads the footnotes as footnotes, not as Table II rows', function () {
    const { filing } = read('form4-tesseract-explanation-accent.txt');
    assert.equal(filing.derivative.length, 0);
    assert.deepEqual(
      filing.footnotes.map((n) => n.id.value),
      ['F1'],
    );
    assert.deepEqual(
      filing.nonDerivative[0].transactionPricePerShare.footnotes.map((r) => r.id),
      ['F1'],
    );
  });
});

describe('text: the footnotes\' heading with its last letter read as a quote ("Explanation of Response\u2019:")', function () {
  it('reads the footnotes as footnotes, not as Table II rows', function () {
    const { filing } = read('form4-tesseract-explanation-last-letter.txt');
    assert.equal(filing.derivative.length, 0);
    assert.deepEqual(
      filing.footnotes.map((n) => n.id.value),
      ['F1'],
    );
  });
});

describe('text: a price\'s garbled marker read by a footnote\'s range whose "from" OCR misread', function () {
  it('cites the note whose "prices ranging trim $18.01 to $18.50" holds the price, not the first note not cited', function () {
    const { filing } = read('form4-tesseract-marker-range-from-misread.txt');
    assert.deepEqual(
      filing.nonDerivative[0].transactionPricePerShare.footnotes.map((r) => r.id),
      ['F2'],
    );
  });
});

describe('text: a price whose garbled marker left digits behind it', function () {
  it('reads "$18.501509)" as $18.5015 where the table writes its prices with four decimals, flagged', function () {
    const { filing } = read('form4-tesseract-price-marker-digits.txt');
    const p = filing.nonDerivative[3].transactionPricePerShare;
    assert.equal(p.value, '18.5015');
    assertFlagged(filing, p, '"09" after it is its footnote marker, garbled');
    assert.equal(
      filing.nonDerivative[1].transactionPricePerShare.value,
      '18.3120',
      'a price with no garbled marker stays',
    );
  });
});
