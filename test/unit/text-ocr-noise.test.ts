/**
 * The noise Tesseract really writes, each class in a hand-made fixture (test/fixtures/text-ocr/*.txt,
 * written for these tests, not copied from the corpus): read right, or flagged at its place.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormText } from '../../src/core/parse/text';
import type { Field, Filing } from '../../src/core/model';
import { assertFlagged, flagsAt } from '../helpers/findings';
import { runRules } from '../../src/core/rules';

// Apart from fixtures/text: a garbled marker (“)) is resolved to a footnote but its ref has no span that reads the
// marker, which the span checks of every fixtures/text file require.
const DIR = path.resolve(__dirname, '..', 'fixtures', 'text-ocr');

function read(name: string, edit: (s: string) => string = (s) => s): { text: string; filing: Filing } {
  const text = edit(fs.readFileSync(path.join(DIR, name), 'utf8'));
  const r = parseFormText(text, name);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return { text, filing: r.filing };
}

/** A value whose garbled marker was read as footnote F1: it cites F1 alone, and a finding at its place says `says`. */
function assertReadAsF1(filing: Filing, f: Field<unknown>, says: string): void {
  assert.deepEqual(
    f.footnotes.map((r) => r.id),
    ['F1'],
  );
  assertFlagged(filing, f, says);
}

describe('text: the noise classes of Tesseract output', function () {
  const { text, filing } = read('form4-tesseract-noise.txt');

  it('finds Table I under the heading OCR writes as "Table |", its rows ending at "Table Il"', function () {
    assert.equal(filing.nonDerivative.length, 2);
    assert.equal(filing.derivative.length, 0);
  });

  it('takes the owner name from where it is, never the label asterisk OCR wrote as a quote', function () {
    assert.equal(filing.reportingOwners.length, 1);
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'Halvorsen Maren K');
    assert.equal(o.isDirector.value, true);
    for (const f of [o.street1, o.street2])
      assert.equal(text.slice(f.span!.start, f.span!.end), f.raw, 'a street line');
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.city.value, o.state.value, o.zipCode.value],
      ['C/O NORTHWIND ROBOTICS INC', '12 HARBOR ROAD', 'PORTLAND', 'ME', '04101'],
    );
  });

  it('reads the issuer and its symbol from a line shared with the relationship box, the bracket written "[ NWRB |"', function () {
    assert.equal(filing.issuer.name.value, 'Northwind Robotics Inc');
    assert.equal(filing.issuer.tradingSymbol.value, 'NWRB');
  });

  it('reads code cells written "Ss" and "Cc", each flagged at its cell', function () {
    const [a, b] = filing.nonDerivative;
    assert.deepEqual(
      [
        a.transactionCode.value,
        a.transactionShares.value,
        a.transactionPricePerShare.value,
        a.sharesOwnedFollowingTransaction.value,
      ],
      ['S', '1200', '42.15', '18300'],
    );
    assert.equal(text.slice(a.transactionCode.span!.start, a.transactionCode.span!.end), 'Ss');
    assertFlagged(filing, a.transactionCode, /"Ss" read as "S"/);
    assert.equal(b.transactionCode.value, 'C');
    assertFlagged(filing, b.transactionCode, /"Cc" read as "C"/);
    assert.equal(b.directOrIndirectOwnership.value, 'D');
  });

  it('resolves a footnote marker OCR garbled to “) and says so at the row', function () {
    const b = filing.nonDerivative[1];
    assert.equal(b.securityTitle.value, 'Common Stock');
    assert.deepEqual(
      b.securityTitle.footnotes.map((r) => [r.id, r.span]),
      [['F1', null]],
      'the ref has no span: the garbled text does not read (1)',
    );
    assert.ok(
      filing.findings.some((x) =>
        /Table I row 2 footnote: the footnote marker "“\)" is garbled; read as \(1\)/.test(x.message),
      ),
    );
  });

  it('marks the amounts it assigned by order, without column separators, as uncertain', function () {
    const a = filing.nonDerivative[0];
    for (const f of [a.transactionShares, a.transactionPricePerShare, a.sharesOwnedFollowingTransaction])
      assert.equal(f.uncertain, true);
  });
});

describe('text: a Tesseract row that cannot be read is never silent', function () {
  const { filing } = read('form4-tesseract-unreadable-row.txt');

  it('keeps the row, says the code could not be read and what could not be assigned, at the row', function () {
    assert.equal(filing.nonDerivative.length, 1);
    const r = filing.nonDerivative[0];
    assert.equal(r.transactionCode.value, null);
    assertFlagged(filing, r.transactionCode, /"jh" where the transaction code is printed could not be read/);
    assert.equal(r.transactionDate.value, '2024-06-03');
    assert.equal(r.transactionDate.uncertain, true);
    assert.ok(
      filing.findings.some((x) => /Table I row 1: "%%" could not be assigned to a box of the row/.test(x.message)),
    );
    assert.equal(r.transactionShares.uncertain, true, 'one amount for three boxes is a guess');
  });
});

describe('text: a signature wrapped around its date', function () {
  it('joins the name line below the date, up to the signature label', function () {
    const { filing } = read('form4-tesseract-signature-wrap.txt');
    assert.equal(filing.signatures.length, 1);
    assert.equal(filing.signatures[0].name.value, '/s/ Jordan Ellis Pratt, as Attorney-in-Fact for Maren K. Halvorsen');
    assert.equal(filing.signatures[0].date.value, '2024-06-05');
  });

  it('leaves out a mark standing alone after the name, flagged', function () {
    const { filing } = read('form4-tesseract-signature-asterisk.txt');
    const [sig] = filing.signatures;
    assert.equal(sig.name.value, '/s/ Bisi Oyelaran');
    assert.equal(sig.date.value, '2025-05-22');
    assertFlagged(filing, sig.name, 'the "*" after the name left out');
  });

  it('leaves out a closing quote standing alone after the name, which opened none, flagged', function () {
    const { filing } = read('form4-tesseract-signature-closing-quote.txt');
    const [sig] = filing.signatures;
    assert.equal(sig.name.value, '/s/ Bisi Oyelaran as Attorney-in-Fact for Kofi R. Mensah');
    assertFlagged(filing, sig.name, 'the "”" after the name left out');
  });

  it('finds a signature whose "/s/" OCR wrote "4s/", and reads it as "/s/", flagged', function () {
    const { filing } = read('form4-tesseract-signature-slash-digit.txt');
    assert.equal(filing.signatures.length, 1);
    const [sig] = filing.signatures;
    assert.equal(sig.name.value, '/s/ Valentina Okoro, as attorney-in-fact for Bisi Oyelaran');
    assert.equal(sig.date.value, '2025-05-22');
    assertFlagged(filing, sig.name, '"4s/" read as "/s/"');
  });
});

describe('text: arithmetic as a second reader', function () {
  const { filing } = read('form4-tesseract-misread-amount.txt');
  const rows = filing.nonDerivative;

  it('marks an amount owned the running tally contradicts, with the amount the next row follows from', function () {
    const owned = rows[1].sharesOwnedFollowingTransaction;
    assert.equal(owned.value, '19900');
    assert.equal(owned.uncertain, true);
    assertFlagged(
      filing,
      owned,
      'reads 19,900, but the running tally gives 19,500 - 500 = 19,000, from which the next row follows',
    );
    // The rows around it add up: nothing said of them.
    for (const i of [0, 2])
      assert.ok(!flagsAt(filing, rows[i].sharesOwnedFollowingTransaction).some((m) => m.includes('running tally')));
  });

  it('marks both the shares and the amount owned of a last row that does not add up, either of which may be misread', function () {
    const last = rows[3];
    assertFlagged(
      filing,
      last.sharesOwnedFollowingTransaction,
      'gives 18,000 - 400 = 17,600: this amount (17,600) or the shares (1,000) may have been misread',
    );
    assertFlagged(filing, last.transactionShares, '1,000 would');
  });
});

describe('text: shares read again by the amounts owned around them', function () {
  it('reads shares one digit from the difference of the amounts as that difference, where the next row follows', function () {
    const { filing } = read('form4-tesseract-misread-shares.txt');
    const row = filing.nonDerivative[1];
    assert.equal(row.transactionShares.value, '1010');
    assertFlagged(filing, row.transactionShares, '"4010" read as 1,010');
    assert.ok(
      !flagsAt(filing, row.sharesOwnedFollowingTransaction).some((m) => m.includes('running tally')),
      'the next row confirms the amount owned',
    );
    assert.equal(filing.nonDerivative[2].transactionShares.value, '490');
  });
});

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

describe('text: the "Reporting Owners" table of a converted PDF as OCR writes it', function () {
  it('skips its heading lines, takes the border letter off every line, and lists each owner once', function () {
    const { filing } = read('form4-tesseract-owners-table.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => [
        o.name.value,
        o.street1.value,
        o.street2.value,
        o.city.value,
        o.zipCode.value,
      ]),
      [
        ['Halvorsen Maren K', 'C/O NORTHWIND ROBOTICS INC', '12 HARBOR ROAD', 'PORTLAND', '04101'],
        ['Halvorsen Family Trust', 'C/O NORTHWIND ROBOTICS INC', null, 'PORTLAND', '04101'],
      ],
    );
  });
});

describe('text: a "care of" line whose C/O OCR misread', function () {
  it('reads "/O", "(C/O" and "C/Q" at the start of an address line as "C/O", flagged', function () {
    const { filing } = read('form4-tesseract-care-of-misread.txt');
    const streets = filing.reportingOwners.map((o) => o.street1);
    assert.deepEqual(
      streets.map((f) => [f.value, !!f.uncertain]),
      filing.reportingOwners.map(() => ['C/O HARBOR LIGHT BIOTECH INC', true]),
    );
    assert.ok(streets.length >= 1);
    assertFlagged(filing, streets[0], 'an address line starts so only with "C/O"');
  });

  it('leaves a street that only looks like it alone', function () {
    const { filing } = read('form4-tesseract-owners-table.txt');
    assert.ok(
      filing.reportingOwners.every((o) => o.street1.value === 'C/O NORTHWIND ROBOTICS INC' && !o.street1.uncertain),
    );
  });
});

describe('text: an address line ending in a period OCR read', function () {
  it('flags "500 HARBOR PARKWAY." and leaves the abbreviation of "C/O PINECREST SOFTWARE INC." alone', function () {
    const { filing } = read('form4-tesseract-street-period.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.street1.value, 'C/O PINECREST SOFTWARE INC.');
    assert.ok(!o.street1.uncertain);
    assert.equal(o.street2.value, '500 HARBOR PARKWAY');
    assertFlagged(filing, o.street2, 'ends in a period after a whole word or a number');
  });
});

describe('text: an address line in capitals with the marks and words OCR adds', function () {
  it("reads off a neighbouring box's words and marks, specks as colons, periods and hyphens, a border's I", function () {
    const { filing } = read('form4-tesseract-address-slips.txt');
    const [o, trust] = filing.reportingOwners;
    assert.equal(o.street1.value, 'C/O PINECREST SOFTWARE INC.');
    assertFlagged(filing, o.street1, '"echnology" is no part of an address written in capitals');
    assertFlagged(filing, o.street1, 'a mark after "C/O"; a colon, semicolon or ending comma');
    assert.equal(o.street2.value, '100 HARBOR PARKWAY, SUITE 200');
    assertFlagged(filing, o.street2, '"|__X" is no part of an address');
    assertFlagged(filing, o.street2, 'a period after the house number; a speck joining two words');
    assert.equal(trust.city.value, 'LONG BEACH');
    assertFlagged(filing, trust.city, 'its "I" is the box\'s border');
  });
  it("reads an officer title's word off the end of a street line in capitals", function () {
    const { filing } = read('form4-tesseract-address-title-word.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.street2.value, '500 HARBOR PARKWAY, SUITE 200');
    assertFlagged(filing, o.street2, '"Technology" is no part of an address written in capitals');
  });

  it("keeps a place name's hyphen and reads a number's hyphen after it as a space", function () {
    const { filing } = read('form4-tesseract-address-hyphen-kept.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.street2.value, 'WILKES-BARRE PLAZA, 40 MAIN STREET');
    assertFlagged(
      filing,
      o.street2,
      '"WILKES-BARRE PLAZA, 40-MAIN STREET" read as "WILKES-BARRE PLAZA, 40 MAIN STREET": a speck joining two words',
    );
  });

  it('leaves an address written in small letters as it is, only flagging its colon', function () {
    const { filing } = read('form4-tesseract-address-small-letters.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.street1.value, 'C/O Pinecrest Software Inc.');
    assert.ok(!o.street1.uncertain);
    assert.equal(o.street2.value, '500 Harbor-Parkway, Suite: 200 ee');
    assertFlagged(filing, o.street2, 'holds ":", which no address line has');
    assert.equal(o.city.value, 'Long Beach');
  });
});

describe('text: a table heading OCR garbled past recognition', function () {
  it('says that Table II was not found, after Table I, instead of showing a filing without it', function () {
    const { filing } = read('form4-tesseract-lost-heading.txt');
    assert.equal(filing.derivative.length, 0);
    const said = filing.findings.filter((f) => f.rule === 'extraction-uncertain' && f.message.startsWith('Table II:'));
    assert.equal(said.length, 1, filing.findings.map((f) => f.message).join('\n'));
    assert.match(said[0].message, /no "Table II - Derivative Securities" heading was found in the text/);
    const tableIRow = filing.nonDerivative[filing.nonDerivative.length - 1];
    assert.ok(said[0].span && tableIRow.span && said[0].span.start >= tableIRow.span.end, 'placed after Table I');
  });
});

describe('text: (A) or (D) OCR left unread', function () {
  it('infers it from a code whose direction the form fixes, flagged; a code that goes either way leaves it unread', function () {
    const { filing } = read('form4-tesseract-ad-by-code.txt');
    const [exercised] = filing.nonDerivative;
    const [option, other] = filing.derivative;
    assert.deepEqual(
      [exercised.transactionAcquiredDisposedCode.value, option.transactionAcquiredDisposedCode.value],
      ['A', 'D'],
    );
    for (const f of [exercised.transactionAcquiredDisposedCode, option.transactionAcquiredDisposedCode]) {
      assert.equal(f.uncertain, true);
      assertFlagged(filing, f, 'inferred from transaction code M');
    }
    assert.equal(other.transactionCode.value, 'J');
    assert.equal(other.transactionAcquiredDisposedCode.value, null);
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

describe('text: the form labels OCR misreads', function () {
  it('finds the "Name and Address" box written "Addréss" and Table I written "Noii-Derivative Sécurities"', function () {
    const { filing } = read('form4-tesseract-labels-misread.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => o.name.value),
      ['Okonkwo Adaeze'],
    );
    assert.deepEqual(
      filing.nonDerivative.map((r) => [
        r.transactionCode.value,
        r.transactionShares.value,
        r.sharesOwnedFollowingTransaction.value,
      ]),
      [['S', '2000', '41000']],
    );
  });
});

describe('text: punctuation and capitals no form has', function () {
  it('flags an owner name starting in lower case, reads back a mark after "C/O" and a colon in an address, and a footnote ending on a colon', function () {
    const { filing } = read('form4-tesseract-punctuation-misread.txt');
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'oddard Pell');
    assert.equal(o.street1.value, 'C/O WHITCOMBE INSTRUMENTS CORP.');
    for (const f of [o.name, o.street1, filing.footnotes[0].text]) assert.equal(f.uncertain, true, String(f.value));
    assert.match(flagsAt(filing, o.name).join('\n'), /starts in lower case/);
    assert.match(flagsAt(filing, o.street1).join('\n'), /a mark after "C\/O"; a colon, semicolon or ending comma/);
    // The colon ending the footnote is read as the period it stands for, and said.
    assert.match(filing.footnotes[0].text.value ?? '', /\.$/);
    assert.match(flagsAt(filing, filing.footnotes[0].text).join('\n'), /read the ":" ending it as "\."/);
  });

  it('leaves a name starting with its particle, "C/O" followed by a name and a footnote ending on a period', function () {
    const { filing } = read('form4-tesseract-punctuation-clean.txt');
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'de Vries Pell');
    assert.equal(o.street1.value, 'C/O WHITCOMBE INSTRUMENTS CORP.');
    for (const f of [o.name, o.street1, filing.footnotes[0].text]) assert.notEqual(f.uncertain, true, String(f.value));
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

describe('text: a security title OCR misread on one row of a table that repeats it', function () {
  const { filing } = read('form4-tesseract-title-misread-once.txt');
  const rows = filing.nonDerivative;

  it('is read as the title the table repeats, flagged, so the running tally keeps the row in its holding', function () {
    assert.equal(rows[1].securityTitle.value, 'Class A Common Stock');
    assert.equal(rows[1].securityTitle.raw, 'Class A Common Steck');
    assertFlagged(filing, rows[1].securityTitle, '"Class A Common Steck" read as');
    // 9,500 after row 1, 9,000 after the misread row 2, 8,000 after row 3: one holding that adds up.
    assert.deepEqual(
      runRules(filing).filter((f) => f.rule === 'holdings-reconcile'),
      [],
    );
  });

  it('leaves a title that differs by its class letter alone', function () {
    assert.equal(rows[3].securityTitle.value, 'Class B Common Stock');
    assert.ok(!rows[3].securityTitle.uncertain);
  });
});

describe('text: an underlying title with words of the cells beside it ("Common te Stock")', function () {
  it('is read as the title the filing writes elsewhere, flagged', function () {
    const { filing } = read('form4-tesseract-underlying-title-noise.txt');
    const u = filing.derivative[1].underlyingSecurityTitle;
    assert.equal(u.value, 'Common Stock');
    assertFlagged(filing, u, '"Common te Stock" read as "Common Stock", a title the filing writes elsewhere');
  });

  it('keeps a title whose other words name a security ("Common Preferred Stock")', function () {
    const { filing } = read('form4-tesseract-underlying-title-noise.txt', (s) =>
      s.replace('Common te Stock', 'Common Preferred Stock'),
    );
    assert.equal(filing.derivative[1].underlyingSecurityTitle.value, 'Common Preferred Stock');
  });
});

describe('text: a security title holding a word of no title ("Class A Common Stock omnis")', function () {
  it('is flagged at its place, and "B2" or "2nd" are words of a title', function () {
    const { filing } = read('form4-tesseract-title-junk-word.txt');
    const [r1, r2, r3] = filing.nonDerivative;
    assertFlagged(filing, r2.securityTitle, '"omnis" is no word of a title');
    assert.ok(!r1.securityTitle.uncertain);
    assert.equal(r3.securityTitle.value, 'Series B2 Preferred Stock 2nd Tranche');
    assert.ok(!r3.securityTitle.uncertain, JSON.stringify(flagsAt(filing, r3.securityTitle)));
  });
});

describe('text: a security title OCR misread into another English word on one row ("Common Stack")', function () {
  it('is read as the title the table repeats, flagged, where the text writes the word far more often', function () {
    const { filing } = read('form4-tesseract-title-english-word.txt');
    const t = filing.nonDerivative[1].securityTitle;
    assert.equal(t.value, 'Class A Common Stock');
    assert.equal(t.raw, 'Class A Common Stack');
    assertFlagged(filing, t, '"Class A Common Stack" read as "Class A Common Stock"');
  });

  it('is kept where the text writes the word often itself (a name: "Stack Holdings LLC")', function () {
    const { filing } = read('form4-tesseract-title-english-word.txt', (s) =>
      s.replace(
        '/s/ Ove Lindgren',
        'Remarks: Held by Stack Holdings LLC, Stack Partners and Stack Capital.\n/s/ Ove Lindgren',
      ),
    );
    const t = filing.nonDerivative[1].securityTitle;
    assert.equal(t.value, 'Class A Common Stack');
    assert.ok(!t.uncertain);
  });
});

describe('text: the owners table heading with its first letters lost ("irector]1 0% OwnerOfficer her")', function () {
  it('is a heading, not an owner', function () {
    const { filing } = read('form4-tesseract-owners-heading-garbled.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => o.name.value),
      ['Halvorsen Maren K', 'Halvorsen Family Trust'],
    );
  });
});

describe('text: the owners table heading with its m read as "ni" ("Reporting Owner Nanie / Address")', function () {
  it('is a heading, not an owner, and the owner below it keeps its address', function () {
    const { filing } = read('form4-tesseract-owners-heading-name-misread.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => [o.name.value, o.street1.value]),
      [
        ['Halvorsen Maren K', 'C/O NORTHWIND ROBOTICS INC'],
        ['Halvorsen Family Trust', 'C/O NORTHWIND ROBOTICS INC'],
      ],
    );
  });
});

describe('text: Table II heading written "Table It", its column line "Cade | V | (A) | (0)"', function () {
  it('reads the row under them as a Table II row, and the column line as no row', function () {
    const { filing } = read('form4-tesseract-table2-heading-it.txt');
    assert.deepEqual(
      filing.nonDerivative.map((r) => r.securityTitle.value),
      ['Common Stock'],
    );
    assert.deepEqual(
      filing.derivative.map((r) => [
        r.securityTitle.value,
        r.underlyingSecurityShares.value,
        r.sharesOwnedFollowingTransaction.value,
      ]),
      [['Class B Common Stock', '1200', '4800']],
    );
  });
});

describe('text: Table II heading with a speck after its numeral ("Table Il\'- Derivative")', function () {
  it('reads the row under it as a Table II row, not as a row of Table I', function () {
    const { filing } = read('form4-tesseract-table2-heading-speck.txt');
    assert.equal(filing.nonDerivative.length, 1);
    assert.deepEqual(
      filing.derivative.map((r) => [r.securityTitle.value, r.sharesOwnedFollowingTransaction.value]),
      [['Class B Common Stock', '4800']],
    );
  });
});

describe('text: Table II heading written "Tabie I!"', function () {
  it('reads the rows under it as Table II rows, not as more of Table I', function () {
    const { filing } = read('form3-tesseract-table2-heading-misread.txt');
    assert.deepEqual(
      filing.nonDerivative.map((r) => r.securityTitle.value),
      ['Common Stock'],
    );
    assert.deepEqual(
      filing.derivative.map((r) => r.securityTitle.value),
      ['Stock Option (Right to Buy)'],
    );
  });
});

describe("text: first letters OCR lost at a box's edge", function () {
  it("restores them from the text's more frequent spelling and drops the table's copy of the header's owner", function () {
    const { filing } = read('form4-tesseract-owners-table-lost-letters.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => [o.name.value, o.street2.value, o.city.value]),
      [
        ['Kestrel Harbor Partners IV L.P.', '220 QUINCY AVENUE, SUITE 5', 'LARCHMONT'],
        ['Kestrel Harbor Partners IV Institutional L.P.', '220 QUINCY AVENUE, SUITE 5', 'LARCHMONT'],
      ],
    );
    assert.equal(filing.issuer.name.value, 'Saltmarsh Biologics Inc');
    const [header, table] = filing.reportingOwners;
    assertFlagged(filing, header.street2, 'read "UITE" as "SUITE"');
    assertFlagged(filing, header.city, '"ARCHMONT" read as "LARCHMONT"');
    assertFlagged(filing, table.name, 'read "estrel" as "Kestrel"');
  });

  it('reads a first letter OCR doubled at the edge once, where the text writes the word so more often', function () {
    const { filing } = read('form4-tesseract-address-doubled-letter.txt');
    const o = filing.reportingOwners[0];
    assert.equal(o.street2.value, '12 MARLOWE ROAD');
    assertFlagged(filing, o.street2, 'read "MMARLOWE" as "MARLOWE"');
    // Written as often with the letter doubled: no evidence, left as read.
    const once = read('form4-tesseract-address-doubled-letter.txt', (s) => s.replace(' on Marlowe Road', '')).filing;
    assert.equal(once.reportingOwners[0].street2.value, '12 MMARLOWE ROAD');
  });

  it("reads an owners table's line between its borders as another owner's, where one writes it without them", function () {
    const { filing } = read('form4-tesseract-owners-table-borders.txt');
    const [, table] = filing.reportingOwners;
    assert.deepEqual(
      [table.street2.value, table.city.value],
      ['ONE HARBOR ST., STEUART BUILDING, 9TH FLOOR', 'SAN DIEGO'],
    );
    assertFlagged(filing, table.street2, "the marks around it are the table's borders");
    assertFlagged(filing, table.city, '"ISAN DIEGO" read as "SAN DIEGO"');
  });

  it('reads the issuer box whose symbol sits between rules, and an address another owner writes whole', function () {
    const { filing } = read('form4-tesseract-issuer-box-piped.txt');
    assert.equal(filing.issuer.name.value, 'Osprey Ridge Corp');
    assert.equal(filing.issuer.tradingSymbol.value, 'ORCQ');
    assert.deepEqual(
      filing.reportingOwners.map((o) => [o.name.value, o.street1.value, o.street2.value, o.city.value]),
      [
        [
          'Osprey Ridge Partners, L.P.',
          'C/O OSPREY RIDGE CORPORATION',
          'ONE HARBOR ST., STEUART BUILDING, 9TH FLOOR',
          'SAN DIEGO',
        ],
        [
          'Osprey Ridge Capital V, Ltd',
          'C/O OSPREY RIDGE CORPORATION',
          'ONE HARBOR ST., STEUART BUILDING, 9TH FLOOR',
          'SAN DIEGO',
        ],
      ],
    );
    const second = filing.reportingOwners[1];
    assertFlagged(filing, second.city, '"AN DIEGO" read as "SAN DIEGO"');
  });
});

describe("text: a price's decimal point OCR read as a comma", function () {
  it('reads "$2,599,5213" and "$2,600,45" as prices with their point, flagged, and "dD" as D', function () {
    const { filing } = read('form4-tesseract-price-comma-point.txt');
    const [, b, c] = filing.nonDerivative;
    assert.equal(b.transactionPricePerShare.value, '2599.5213');
    assert.equal(c.transactionPricePerShare.value, '2600.45');
    assertFlagged(filing, b.transactionPricePerShare, 'is a misread decimal point');
    assert.equal(b.directOrIndirectOwnership.value, 'D');
    assert.equal(b.sharesOwnedFollowingTransaction.value, '1300');
  });
});

describe("text: a price's decimal point OCR read as a thousands comma, read by a footnote's price range", function () {
  it('reads "$646,298" as $646.298 where a range holds it, and leaves prices a range holds as read, or no range holds at all', function () {
    const { filing } = read('form4-tesseract-price-comma-range.txt');
    const prices = filing.nonDerivative.map((r) => r.transactionPricePerShare);
    assert.deepEqual(
      prices.map((p) => p.value),
      ['646.298', '1250', '7125'],
    );
    assertFlagged(filing, prices[0], "a footnote's price range holds $646.298 and none holds $646,298");
    for (const p of prices.slice(1))
      assert.ok(!flagsAt(filing, p).some((m) => m.includes('price range holds')), String(p.value));
  });
});

describe('text: specks OCR glues to a price or an amount', function () {
  it('reads "$634.4608%!", "|.$636.4088"" and "|-$40.25" as prices, "9,000," as an amount, and keeps a title\'s "5%"', function () {
    const { filing } = read('form4-tesseract-price-specks.txt');
    const rows = filing.nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.transactionPricePerShare.value, r.sharesOwnedFollowingTransaction.value]),
      [
        ['634.4608', '9500'],
        ['636.4088', '9200'],
        ['639.6509', '9000'],
        ['40.25', '1900'],
      ],
    );
    // The "%!" is the price's footnote marker, garbled: said, not dropped.
    assert.ok(filing.findings.some((f) => f.message.includes('the footnote marker "%!" is garbled')));
    assert.equal(rows[3].securityTitle.value, 'Series 5% Preferred Stock');
  });
});

describe('text: an officer title OCR reads beside the address', function () {
  it('keeps the title\'s first words out of the street lines, and reads "\u2018dD" as D', function () {
    const { filing } = read('form4-tesseract-title-beside-street.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.officerTitle.value, 'Chief Financial Officer');
    assert.equal(o.street1.value, 'C/O FERNCLIFF DEVICES INC.');
    assert.equal(o.street2.value, '200 LAKESIDE DRIVE');
    assert.equal(filing.nonDerivative[1].directOrIndirectOwnership.value, 'D');
  });
});

describe('text: a transaction date with one digit misread', function () {
  it('reads "10/62/2015" as the date the table writes on its other rows, flagged', function () {
    const { filing } = read('form4-tesseract-date-digit-misread.txt');
    const d = filing.nonDerivative[1].transactionDate;
    assert.equal(d.value, '2015-10-02');
    assertFlagged(filing, d, '"10/62/2015" is no calendar date; read as 2015-10-02');
  });
});

describe('text: specks OCR reads as marks in titles and prose', function () {
  it('reads "Class: B Common Stock" and "Class A Common. Stock" without the marks, and "\u20acommon Stock" with its C, flagged', function () {
    const { filing } = read('form4-tesseract-title-specks.txt');
    const [d] = filing.derivative;
    assert.equal(d.securityTitle.value, 'Class B Common Stock');
    assert.equal(d.underlyingSecurityTitle.value, 'Class A Common Stock');
    assertFlagged(filing, d.securityTitle, 'no word of a title ends in ":"');
    assert.equal(filing.nonDerivative[0].securityTitle.value, 'Common Stock');
  });

  it('reads a title without an opening quote it never closes, and keeps one that a later mark closes', function () {
    const { filing } = read('form4-tesseract-title-quote.txt');
    const [a, c, founders] = filing.nonDerivative.map((r) => r.securityTitle);
    assert.equal(a.value, 'Class A Common Stock');
    assertFlagged(filing, a, '"‘Class" opens a quote the title never closes');
    assert.equal(c.value, 'Class C Capital Stock');
    assertFlagged(filing, c, '"‘Stock" opens a quote the title never closes');
    assert.match(founders.value ?? '', /^‘Founder’s/);
  });

  it('reads a title once written with its m as "rn" as the title the table repeats', function () {
    const { filing } = read('form4-tesseract-title-split-m.txt');
    const titles = filing.nonDerivative.map((r) => r.securityTitle);
    assert.deepEqual(
      titles.map((t) => t.value),
      ['Class A Common Stock', 'Class A Common Stock', 'Class A Common Stock'],
    );
    assertFlagged(
      filing,
      titles[1],
      '"Class A Cornmion Stock" read as "Class A Common Stock", the title the table writes',
    );
  });

  it("reads a speck as a period or a mark between words back, keeps an abbreviation's period, and ends a footnote as the others end", function () {
    const { filing } = read('form4-tesseract-prose-stray-marks.txt');
    const texts = filing.footnotes.map((n) => n.text);
    assert.deepEqual(
      texts.map((t) => t.value),
      [
        'The shares were sold in multiple transactions at prices ranging from $650.72 to $651.71, inclusive.',
        'The price reported in Column 4 is a weighted average price, rounded to approx. four decimal places.',
        'The shares are held by a trust of which the Reporting Person is a trustee.',
        'The sale was made under a Rule 10b5-1 trading plan adopted by the reporting person.',
      ],
    );
    assertFlagged(filing, texts[0], 'read "sold. in" as "sold in"');
    assertFlagged(filing, texts[1], 'read "4\'is" as "4 is"');
    assertFlagged(filing, texts[2], 'read "a:trustee." as "a trustee."');
    assertFlagged(filing, texts[3], '"person" ending it as "person." (the filing\'s other footnotes end in a period)');
  });

  it('reads "40" between a range\'s prices as "to", "ii" between words as "in", and an unclosed quote before a word as a speck', function () {
    const { filing } = read('form4-tesseract-prose-specks.txt');
    assert.equal(
      filing.footnotes[0].text.value,
      'The shares were sold in multiple transactions at prices ranging from $650.72 to $651.71, inclusive.',
    );
    assert.equal(
      filing.footnotes[1].text.value,
      'Each share of Common Stock was issued upon the conversion of one share of Class B Common Stock under clause (ii) of the plan.',
    );
    const said = flagsAt(filing, filing.footnotes[0].text).join('\n');
    assert.ok(said.includes('"ii" as "in"') && said.includes('"40" as "to"'), said);
  });
});

describe("text: the relationship box's label wrapped beside the address", function () {
  it('reads "X \u00a9 Director" as checked and the street before "title below)", not the label\'s line', function () {
    const { filing } = read('form3-tesseract-relationship-label-wrapped.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.isDirector.value, true);
    assert.equal(o.street1.value, 'C/O QUILLFEATHER LABS INC.');
    assert.equal(o.street2.value, '88 SPRUCE AVENUE');
  });
});

describe('text: specks in the boxes', function () {
  it('reads no officer title of rules alone, no address line begun by a lower-case word, no doubled period', function () {
    const { filing } = read('form4-tesseract-box-specks.txt');
    const [o, fund] = filing.reportingOwners;
    assert.equal(o.officerTitle.value, null);
    assert.equal(o.street2.value, '106 EAST BABCOCK STREET, SUITE 3A');
    assertFlagged(filing, o.street2, '"ous" begins no address line');
    assert.equal(fund.name.value, 'Marlowe Capital Fund III L.P.');
    assertFlagged(filing, fund.name, 'a period doubled by a speck');
  });

  it("restores a name's last letter, cut by the box's edge, from the signature", function () {
    const { filing } = read('form4-tesseract-name-cut-by-edge.txt');
    const [o] = filing.reportingOwners;
    assert.equal(o.name.value, 'Vance Harold');
    assertFlagged(filing, o.name, 'read "Harol" as "Harold", as the signature writes it');
  });
});

describe('text: signatures as OCR garbles them', function () {
  it('finds "/si" as "/s/", and leaves out a lone mark after the name and a hyphen after "the" (not in a compound)', function () {
    const { filing } = read('form4-tesseract-signatures-slips.txt');
    assert.deepEqual(
      filing.signatures.map((x) => x.name.value),
      [
        '/s/ Dana Whit, Counsel, Heron Point GP Ltd., the General Partner of Heron Point Partners II L.P.',
        '/s/ Dana Whit, Counsel, Heron Point GP Ltd., the General Partner of Heron Point Partners II L.P.',
        '/s/ Dana Whit, Chief-of-Staff, Heron Point GP Ltd.',
      ],
    );
    assertFlagged(filing, filing.signatures[1].name, '"/si" read as "/s/"');
  });
});

describe('text: specks OCR reads in signatures', function () {
  it('reads "Attorne Fact", marks alone between the name\'s words and a speck after "/s/" back, flagged', function () {
    const { filing } = read('form4-tesseract-signature-specks.txt');
    const names = filing.signatures.map((x) => x.name);
    assert.deepEqual(
      names.map((n) => n.value),
      ['/s/ Dana Whit, Attorney-in-Fact', '/s/ Dana Whit, as attorney-in-fact for Mara Quill', '/s/ Mara Quill'],
    );
    assertFlagged(filing, names[0], '"Attorne Fact" read as "Attorney-in-Fact"');
    assertFlagged(filing, names[1], "between the name's words left out");
    assertFlagged(filing, names[2], '"/s/-" read as "/s/ "');
  });
});

describe("text: a table's column headings garbled by OCR above its first row", function () {
  it('reads no row of heading words with a single digit ("code |v [amount [1\u00b0 [rice Fransacton") or a misread instruction ("(Inst. 49")', function () {
    const { filing } = read('form4-tesseract-headings-garbled.txt');
    assert.deepEqual(
      filing.nonDerivative.map((r) => [
        r.securityTitle.value,
        r.transactionShares.value,
        r.sharesOwnedFollowingTransaction.value,
      ]),
      [
        ['Common Stock', '400', '2310'],
        ['Common Stock', '1010', '1300'],
      ],
    );
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

describe('text: "Attorney-in-Fact" with its "in" lost in a signature', function () {
  it('reads "Attorney Fact" as "Attorney-in-Fact", flagged', function () {
    const { filing } = read('form4-tesseract-signature-attorney-fact.txt');
    const [s] = filing.signatures;
    assert.equal(s.name.value, '/s/ Adam Ruiz, as Attorney-in-Fact for Lena Ostrowski');
    assertFlagged(filing, s.name, 'OCR lost the phrase\'s "in"');
  });
});

describe('text: Table I\'s heading written "Table.I - Noh-Derivative"', function () {
  it('finds the heading and reads the row under it', function () {
    const { filing } = read('form4-tesseract-table1-heading-period.txt');
    assert.deepEqual(
      filing.nonDerivative.map((r) => [r.securityTitle.value, r.sharesOwnedFollowingTransaction.value]),
      [['Common Stock', '2310']],
    );
    assert.ok(!filing.findings.some((x) => x.message.startsWith('Table I: no "Table I')));
  });
});

describe('text: table headings OCR squeezed ("TableI - Noh-Derivative", "Table II ; Derivative")', function () {
  it('finds both headings and reads each row in its table', function () {
    const { filing } = read('form4-tesseract-table-headings-squeezed.txt');
    assert.deepEqual(
      filing.nonDerivative.map((r) => r.securityTitle.value),
      ['Common Stock'],
    );
    assert.deepEqual(
      filing.derivative.map((r) => [r.securityTitle.value, r.sharesOwnedFollowingTransaction.value]),
      [['Stock Option (Right to Buy)', '1000']],
    );
  });
});

describe('text: the relationship box\'s number read as letters beside the issuer\'s label ("Is. Relationship")', function () {
  it('reads the issuer from the line below, not the next label', function () {
    const { filing } = read('form4-tesseract-issuer-label-number-letters.txt');
    assert.equal(filing.issuer.name.value, 'Osprey Ridge Corp');
    assert.equal(filing.issuer.tradingSymbol.value, 'ORCQ');
  });
});

describe('text: the owner\'s and the issuer\'s labels as OCR garbles them ("Namie and Address", "Issuer Name-and Ticker")', function () {
  it('finds both boxes and reads the owner and the issuer', function () {
    const { filing } = read('form4-tesseract-owner-issuer-labels-garbled.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => [o.name.value, o.street1.value, o.city.value]),
      [['Lund Arne', 'C/O HARBOR GLASS INC.', 'DULUTH']],
    );
    assert.equal(filing.issuer.name.value, 'Harbor Glass Inc.');
    assert.equal(filing.issuer.tradingSymbol.value, 'HBGL');
  });
});
