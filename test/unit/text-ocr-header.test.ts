/**
 * The header boxes of Tesseract output read by where the printed form puts them, each case in a hand-made fixture
 * (test/fixtures/text-ocr/*.txt, written for these tests, not copied from the corpus): read right, or flagged at
 * its place.
 */
import * as assert from 'node:assert/strict';
import { readOcrFiling } from '../helpers/ocr-text';
import { assertFlagged, flagsAt } from '../helpers/findings';

const read = readOcrFiling;

describe('text: OCR header boxes by their place on the form', function () {
  it('takes no street line from a line the left box leaves empty (a date, "Line)") nor the officer title beside it', function () {
    const f = read('form4-tesseract-address-other-boxes.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.officerTitle.value, 'Senior VP - Manufacturing');
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.city.value, o.state.value, o.zipCode.value],
      ['C/O NORTHWIND ROBOTICS INC', '12 HARBOR ROAD', 'PORTLAND', 'ME', '04101'],
    );
    assert.ok(!o.street1.uncertain, 'the "C/O" line ends where its line ends');
  });

  it('splits a "C/O" line wrapped at the box edge after the company suffix, without the rule marks, and says so', function () {
    const f = read('form4-tesseract-address-care-of.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value],
      ['C/O NORTHWIND ROBOTICS CORPORATION', 'ONE HARBOR PLAZA, SUITE 400'],
    );
    for (const s of [o.street1, o.street2]) {
      assert.equal(s.uncertain, true);
      assertFlagged(f, s, 'joined and split again');
    }
  });

  it('reads the city wrapped onto the next line before the remains of another label, flagged', function () {
    const f = read('form4-tesseract-city-wrap.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['SOUTH PORTLAND', 'ME', '04106']);
    assertFlagged(f, o.city, 'the city continues on the next line');
  });

  it('keeps the issuer whole when the owner has a line of their own below it', function () {
    const f = read('form4-tesseract-owner-below-issuer.txt');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.equal(f.reportingOwners[0].name.value, 'Lindqvist Tove');
    assert.equal(f.reportingOwners.length, 1);
  });

  it("splits the owner's and the issuer's names on one line where the text writes the issuer's name again", function () {
    const f = read('form4-tesseract-owner-issuer-line.txt');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.equal(f.reportingOwners[0].name.value, 'Lindqvist Tove');
    assert.equal(f.reportingOwners[0].name.uncertain, true, 'still a split of one line: said');
  });

  it('reads a symbol after a tick OCR made of the bracket\'s corner ("[’kbmi ]"), in capitals, flagged', function () {
    const f = read('form4-tesseract-issuer-symbol-tick.txt');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assertFlagged(f, f.issuer.tradingSymbol, '"kbmi" read as "KBMI"');
    assert.equal(f.issuer.tradingSymbol.value, 'KBMI');
    assert.equal(f.reportingOwners[0].name.value, 'Lindqvist Tove');
  });

  it('says nothing of a missing issuer box once the box is read under a misread label ("arid" for "and")', function () {
    const f = read('form4-tesseract-issuer-symbol-tick.txt', (s) => s.replace('Name and Ticker', 'Name arid Ticker'));
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.ok(!f.findings.some((x) => /box was found/.test(x.message)), 'no stale finding');
  });

  it("reads the city, state and ZIP code when OCR wrote the box's rule after the city as a bracket", function () {
    const o = read('form4-tesseract-city-rule-bracket.txt').reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['ANNAPOLIS', 'MD', '21401']);
  });

  it('reads the city, state and ZIP code with a tilde before the state and a period after it ("ANNAPOLIS ~ MD.")', function () {
    const o = read('form4-tesseract-city-state-specks.txt').reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['ANNAPOLIS', 'MD', '21401']);
  });

  it('finds the street box under its label garbled ("(GSureet)")', function () {
    const o = read('form4-tesseract-street-label-garbled.txt').reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.city.value],
      ['C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY, SUITE 200', 'LONG BEACH'],
    );
  });

  it('reads a street line after the border read as "(", and no street of the title\'s "See Remark:"', function () {
    const o = read('form4-tesseract-street-border-paren.txt').reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value],
      ['C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY, SUITE 200'],
    );
  });

  it('splits a "care of" line whose C/O OCR wrote "/O0" after the company, and reads it as "C/O"', function () {
    const f = read('form4-tesseract-care-of-doubled.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value],
      ['C/O PINECREST SOFTWARE CORPORATION', '100 HARBOR PARKWAY, SUITE 200'],
    );
    assertFlagged(f, o.street1, 'an address line starts so only with "C/O"');
  });

  it('ends the street lines at the state and ZIP code when the "(Street)" label is lost, and flags them', function () {
    const f = read('form3-tesseract-street-label-lost.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.state.value, o.zipCode.value],
      ['C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY', 'CA', '90808'],
    );
    assertFlagged(f, o.street1, 'no "(Street)" label was read');
  });

  it('reads the address under "(Last)" and "(Street)" both garbled, by box 3\'s label and the amendment box\'s', function () {
    const o = read('form4-tesseract-address-labels-garbled.txt').reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.city.value, o.state.value, o.zipCode.value],
      ['C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY, SUITE 200', 'LONG BEACH', 'CA', '90808'],
    );
  });

  it('starts the address at its "C/O" line, a garbled title above it being another box\'s', function () {
    const o = read('form4-tesseract-street-title-above-care-of.txt').reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value],
      ['C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY, SUITE 200'],
    );
  });

  it("reads the owner's name without the box's border read as a parenthesis never closed", function () {
    assert.equal(read('form4-tesseract-owner-paren-border.txt').reportingOwners[0].name.value, 'Moreau Elise');
  });

  it('reads a city with the box\'s rule after it as a colon, wrapped above a label misread ("Forni filed")', function () {
    const f = read('form4-tesseract-city-colon-wrapped.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['MOUNTAIN VIEW', 'CA', '94043']);
    assertFlagged(f, o.city, 'the city continues on the next line');
  });

  it('ends the street before the amendment box\'s number, misread ("4-11 Amendment")', function () {
    const o = read('form4-tesseract-address-amendment-label.txt').reportingOwners[0];
    assert.deepEqual([o.street1.value, o.street2.value], ['C/O KESTREL BAY MARINE INC.', '400 QUAY STREET']);
  });

  it('reads a symbol after a dash OCR made of the bracket ("[-KBMI |")', function () {
    const f = read('form4-tesseract-issuer-symbol-dash.txt');
    assert.deepEqual(
      [f.issuer.name.value, f.issuer.tradingSymbol.value, f.reportingOwners[0].name.value],
      ['Kestrel Bay Marine Inc.', 'KBMI', 'Lindqvist Tove'],
    );
  });

  it('leaves out of the issuer\'s name a mark read as letters and a colon before it ("ni: Kestrel"), flagged', function () {
    const f = read('form4-tesseract-issuer-mark-letters.txt');
    assertFlagged(f, f.issuer.name, '"ni:" before the name is no part of it');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
  });

  it('finds the name box under its label with a hyphen OCR made of a space ("Name-and Address")', function () {
    const f = read('form4-tesseract-owner-label-hyphen.txt');
    assert.equal(f.reportingOwners.length, 1);
    assert.deepEqual(
      [f.reportingOwners[0].name.value, f.issuer.name.value],
      ['Moreau Elise', 'Pinecrest Software Inc.'],
    );
  });

  it("reads the owner's name after the box's left border read as a bracket, not the garbled label below", function () {
    const f = read('form4-tesseract-owner-left-border.txt');
    assert.equal(f.reportingOwners[0].name.value, 'Moreau Elise');
    assert.equal(f.issuer.tradingSymbol.value, 'PNSW');
  });

  it("takes the owner's address from the owners table when OCR lost the name box's", function () {
    const f = read('form4-tesseract-address-from-owners-table.txt');
    assert.equal(f.reportingOwners.length, 1, 'one person, read twice');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.name.value, o.street1.value, o.street2.value, o.city.value, o.state.value, o.zipCode.value],
      ['Moreau Elise', 'C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY, SUITE 200', 'LONG BEACH', 'CA', '90808'],
    );
  });

  it('keeps the first "I" of a name and a city in capitals (ICAHN, IRVING): a border only where the word needs it', function () {
    const o = read('form4-tesseract-capital-i-words.txt').reportingOwners[0];
    assert.deepEqual([o.name.value, o.city.value, o.state.value], ['ICAHN CARL C', 'IRVING', 'TX']);
  });

  it('reads a period OCR put between address words ("LAB.USA", "LONG. BEACH") as a space, flagged', function () {
    const f = read('form4-tesseract-address-period-specks.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.street1.value, o.city.value], ['C/O PINE LAB USA, INC.', 'LONG BEACH']);
    assertFlagged(f, o.street1, '"C/O PINE LAB.USA, INC." read as');
    assertFlagged(f, o.city, 'a period after a whole word');
  });

  it('finds the "(Last)" line garbled with a speck before it ("ry (Firs)"), and the title beside the date', function () {
    const f = read('form4-tesseract-last-label-garbled.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.isOfficer.value, o.officerTitle.value, o.street1.value, o.street2.value],
      [true, 'Chief Financial Officer', 'C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY'],
    );
    assertFlagged(f, o.isOfficer, "an officer's title");
  });

  it('tells a last name of several words from the issuer by the signature ("VAN DER BERG PIETER")', function () {
    const f = read('form4-tesseract-surname-of-words.txt');
    assert.deepEqual(
      [f.reportingOwners[0].name.value, f.issuer.name.value],
      ['VAN DER BERG PIETER', 'Pinecrest Software Inc.'],
    );
  });

  it('gives a "The" between the names to the issuer ("Quincey James The Pinecrest Company")', function () {
    const f = read('form4-tesseract-issuer-the.txt');
    assert.deepEqual(
      [f.reportingOwners[0].name.value, f.issuer.name.value],
      ['Quincey James', 'The Pinecrest Company'],
    );
  });

  it('reads no form label as a value ("OMB APPROVAL", "(Check all applicable)" where the street is), and says so', function () {
    const f = read('form4-layout-labels-in-address.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.street1.value, o.street2.value, o.city.value], [null, null, 'LONG BEACH']);
    assertFlagged(f, o.street1, '"OMB APPROVAL" is a label printed on the form, not a value');
    assertFlagged(f, o.street2, '"(Check all applicable)" is a label printed on the form');
  });

  it('reads the city, state and ZIP code laid out in columns far apart ("MORRISVILLE NC      27560")', function () {
    const o = read('form4-pdftotext-layout-city-columns.txt').reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['MORRISVILLE', 'NC', '27560']);
  });

  it('reads a city of two words wrapped above the state and ZIP code, or around them, flagged', function () {
    for (const name of ['form4-pdftotext-raw-city-two-lines.txt', 'form4-pdftotext-layout-city-around-state.txt']) {
      const f = read(name);
      const o = f.reportingOwners[0];
      assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['MOUNTAIN VIEW', 'CA', '94043'], name);
      assertFlagged(f, o.city, 'read as "MOUNTAIN VIEW"');
    }
  });

  it('reads a check mark on the line below a wrapped label, and the title far right of the date, laid out by columns', function () {
    const f = read('form4-pdftotext-layout-mark-below-label.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.isDirector.value, o.isOfficer.value, o.isTenPercentOwner.value, o.officerTitle.value],
      [true, true, false, 'Co-Founder'],
    );
    assertFlagged(f, o.isOfficer, 'the check mark stands on the line below the label');
  });

  it('reads "X Officer" with its label scattered over lines, and the title\'s words far right as no street', function () {
    const o = read('form4-pdftotext-layout-officer-label-scattered.txt').reportingOwners[0];
    assert.deepEqual(
      [o.isOfficer.value, o.officerTitle.value, o.street1.value, o.street2.value],
      [true, 'Chief Technology Officer', 'C/O PINECREST SOFTWARE INC.', '100 HARBOR PARKWAY'],
    );
  });

  it("reads the issuer's whole name on the line under its own label, the owner's name above it", function () {
    const f = read('form3-pdftotext-raw-issuer-line.txt');
    assert.deepEqual(
      [f.reportingOwners[0].name.value, f.issuer.name.value, f.issuer.tradingSymbol.value],
      ['Moreau Elise', 'Kestrel Bay Marine, Inc.', 'KBMI'],
    );
  });

  it("takes the owner's name that a signature confirms on the issuer's line, not the label's noise above it", function () {
    const f = read('form4-tesseract-owner-label-noise.txt');
    assert.equal(f.reportingOwners[0].name.value, 'Lindqvist Tove Marta');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
  });

  it('reads a period of report dated after the signature as the earliest transaction date one digit from it', function () {
    const f = read('form4-tesseract-period-year-misread.txt');
    assertFlagged(f, f.periodOfReport, '"02/11/2035" read as 2025-02-11, the earliest transaction date');
    assert.equal(f.periodOfReport.value, '2025-02-11');
    // A date before the signature may be the filer's own: it stays as written, for the rules to report.
    const g = read('form4-tesseract-period-year-misread.txt', (s) => s.replace('02/11/2035', '02/10/2025'));
    assert.equal(g.periodOfReport.value, '2025-02-10');
  });

  it('splits the issuer\'s line when the line below holds OCR\'s lower-case remains, no name ("lindqvist_tve")', function () {
    const f = read('form4-tesseract-owner-line-lowercase-below.txt');
    assert.deepEqual(
      [f.issuer.name.value, f.reportingOwners[0].name.value],
      ['Kestrel Bay Marine Inc.', 'Lindqvist Tove'],
    );
  });

  it("splits the owner's and the issuer's names where the words after hold the symbol's letters, when the text writes no name again", function () {
    const f = read('form4-tesseract-issuer-split-by-symbol.txt');
    assert.deepEqual(
      [f.issuer.name.value, f.reportingOwners[0].name.value],
      ['Kestrel Bay Marine Inc.', 'Lindqvist Tove'],
    );
    assert.equal(f.issuer.name.uncertain, true, 'a split of one line: said');
  });

  it("splits the owner's name from the issuer's at the boxes' border read as a colon", function () {
    const f = read('form4-tesseract-owner-issuer-colon.txt');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.equal(f.issuer.tradingSymbol.value, 'KBMI');
    assert.equal(f.reportingOwners[0].name.value, 'Tove Lindqvist');
  });

  it('reads a symbol whose letters OCR wrote as digits ("K8M1"), and an issuer\'s "INC:" as "INC.", flagged', function () {
    const f = read('form4-tesseract-issuer-symbol-digits.txt');
    assert.equal(f.issuer.tradingSymbol.value, 'KBMI');
    assertFlagged(f, f.issuer.tradingSymbol, '"K8M1" read as "KBMI": a symbol is letters');
    assert.equal(f.issuer.name.value, 'KESTREL BAY MARINE INC.');
    assertFlagged(f, f.issuer.name, 'no name ends in ":"');
    assert.equal(f.reportingOwners[0].name.value, 'Tove Lindqvist');
  });

  it("keeps a middle name the signature leaves out with the owner's, not the issuer's", function () {
    const f = read('form4-tesseract-owner-middle-name.txt');
    assert.equal(f.issuer.name.value, '88Tide Inc.');
    assert.equal(f.reportingOwners[0].name.value, 'Varga Ilona Margit');
  });

  it("reads a name without a smear after it and the issuer's without a speck before it, flagged", function () {
    const f = read('form4-tesseract-name-edges-junk.txt');
    assert.equal(f.issuer.name.value, 'Lakeshore Fabrics Corp');
    assertFlagged(f, f.issuer.name, '"a" is a speck');
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Okafor Chidi Emeka');
    assertFlagged(f, o.name, '"aaencec" ends no name');
  });

  it("reads a name without the lower-case words another box's garbled labels left after it, flagged", function () {
    const f = read('form4-tesseract-name-trailing-words.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Okafor Chidi Emeka');
    assertFlagged(f, o.name, '"showlla nice sisomner" ends no name');
  });

  it('flags an issuer name with a word running capitals into small letters that the text writes nowhere else', function () {
    const f = read('form4-tesseract-issuer-capitals.txt');
    assert.equal(f.issuer.name.value, 'SNOrebird Labs Inc.');
    assertFlagged(f, f.issuer.name, '"SNOrebird" runs capitals into small letters');
    assert.ok(!flagsAt(f, f.reportingOwners[0].name).some((m) => m.includes('capitals')));
  });

  it("reads a name's last initial written with a comma as the initial's period, flagged", function () {
    const f = read('form4-tesseract-name-initial-comma.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Okafor Chidi E.');
    assertFlagged(f, o.name, "an initial's period, not a comma");
  });

  it('flags an issuer name whose first word is a word of the text without its first letter, not a lower-case name', function () {
    const f = read('form4-tesseract-issuer-first-letter.txt');
    assert.equal(f.issuer.name.value, 'ector Fabrics Corp');
    assertFlagged(f, f.issuer.name, '"ector" is "VECTOR" elsewhere in the text');
    const named = read('form4-tesseract-issuer-first-letter.txt', (s) =>
      s.replace('C/O VECTOR FABRICS', 'C/O ECTOR FABRICS'),
    );
    assert.ok(!flagsAt(named, named.issuer.name).some((m) => m.includes('without its first letter')));
  });

  it("takes the issuer's name after another box's date on its line", function () {
    const f = read('form3-tesseract-issuer-after-date.txt');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.equal(f.issuer.tradingSymbol.value, 'KBMI');
  });

  it('flags an issuer name with a word of digits and letters written nowhere else, not one the text repeats', function () {
    const f = read('form4-tesseract-issuer-garbled.txt');
    assert.equal(f.issuer.name.value, '8l1strel Bay Marine Inc.');
    assertFlagged(f, f.issuer.name, '"8l1strel" mixes digits and letters');
    const g = read('form4-tesseract-issuer-garbled.txt', (s) =>
      s.replace('8l1strel Bay Marine', '4Kestrel Marine').replace('KESTREL BAY MARINE', '4KESTREL MARINE'),
    );
    assert.equal(g.issuer.name.value, '4Kestrel Marine Inc.');
    assert.ok(!g.issuer.name.uncertain);
  });

  it("takes the symbol from its closed bracket, the issuer box's left border being no symbol", function () {
    const f = read('form4-tesseract-issuer-box-border.txt');
    assert.equal(f.issuer.tradingSymbol.value, 'KBMI');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.equal(f.reportingOwners[0].name.value, 'Tern Capital Fund II L.P.');
    assert.equal(f.reportingOwners[0].isTenPercentOwner.value, true);
  });

  it('lists an owner of the "Reporting Owners" table once, its border letter and lower-case mark aside', function () {
    const f = read('form3-tesseract-owners-table-marks.txt');
    assert.deepEqual(
      f.reportingOwners.map((o) => [o.name.value, o.street1.value]),
      [
        ['Lindqvist Tove', 'C/O KESTREL BAY MARINE INC.'],
        ['Ekberg Nils', 'C/O KESTREL BAY MARINE INC.'],
      ],
    );
  });

  it("takes an entity's one bare mark in the owners table as 10% Owner, flagged; a person's or a worded mark stays unread", function () {
    const f = read('form4-tesseract-owners-table-entity-marks.txt');
    const by = new Map(f.reportingOwners.map((o) => [o.name.value, o]));
    const fund = by.get('Tern Capital Partners II, Ltd.')!;
    assert.equal(fund.isTenPercentOwner.value, true);
    assert.equal(fund.isTenPercentOwner.uncertain, true);
    assertFlagged(f, fund.isTenPercentOwner, 'taken as 10% Owner');
    for (const name of ['Askeland Jonas', 'Tern Capital Management LLC']) {
      const o = by.get(name)!;
      assert.deepEqual([o.isDirector.value, o.isTenPercentOwner.value, o.isOther.value], [null, null, null], name);
    }
  });

  it("takes the owner's name up to the issuer box's border, read as a backslash", function () {
    const f = read('form4-tesseract-issuer-backslash.txt');
    assert.equal(f.issuer.name.value, 'Kestrel Bay Marine Inc.');
    assert.equal(f.reportingOwners[0].name.value, 'Tern Capital Fund II L.P.');
  });

  it('reads a city whose first word OCR put on the line above, and a state in small letters, flagged', function () {
    const f = read('form4-tesseract-city-above.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['SAINT MICHAELS', 'MD', '21663']);
    assertFlagged(f, o.city, 'the city starts on the line above');
    assertFlagged(f, o.state, '"md" read as "MD"');
  });

  it('reads a city line OCR wrote without its state', function () {
    const f = read('form4-tesseract-amendment-dates.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.city.value, o.state.value, o.zipCode.value], ['ANNAPOLIS', null, '21401']);
  });
});

describe('text: OCR marks at the edges of titles and boxes', function () {
  it("takes the relationship title without an unclosed parenthesis or a lone mark, and a row's titles without specks", function () {
    const f = read('form4-tesseract-title-marks.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.officerTitle.value, 'Chief Marine Officer');
    assertFlagged(f, o.officerTitle, 'read as "Chief Marine Officer"');
    assert.equal(f.nonDerivative[0].natureOfOwnership.value, 'y > Trust');
    assert.equal(f.derivative[0].underlyingSecurityTitle.value, 'Common Stock');
  });

  it('reads two capitals alone before the ZIP code as the state, the city wrapped around them', function () {
    const f = read('form3-tesseract-state-alone.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.city.value, o.state.value, o.zipCode.value],
      ['C/O KESTREL BAY MARINE INC.', '400 QUAY STREET', 'SAINT MICHAELS', 'MD', '21663'],
    );
  });
});

describe('text: specks OCR reads in the header boxes', function () {
  it('reads the owner below "(Check ali applicable)" beside its label, and a city with a hyphen before its ZIP code', function () {
    const f = read('form4-tesseract-header-box-specks.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.name.value, o.city.value, o.state.value, o.zipCode.value],
      ['Tern Capital Fund II L.P.', 'PORTLAND', 'ME', '04101'],
    );
  });

  it('reads the owner beside the issuer without the bracket of the box\'s edge, below "(Check ali applicable)"', function () {
    const f = read('form4-tesseract-header-box-specks-beside.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.name.value, o.city.value, o.state.value, o.zipCode.value],
      ['Kittiwake Capital Fund II L.P.', 'PORTLAND', 'ME', '04101'],
    );
    assert.equal(f.issuer.name.value, 'Northwind Robotics Inc');
  });
});

describe("text: the border between the owner's and the issuer's boxes read as a lone period", function () {
  it('parts the two names there, the period in neither', function () {
    const f = read('form4-tesseract-owner-issuer-period.txt');
    assert.equal(f.issuer.name.value, 'Northwind Robotics Inc');
    assert.deepEqual(
      f.reportingOwners.map((o) => o.name.value),
      ['Maren K Halvorsen'],
    );
  });
});

describe("text: a period OCR read after the last word of an owner's name", function () {
  it('reads the name without it, flagged, and keeps the period of an initial or an abbreviation', function () {
    const f = read('form4-tesseract-name-word-period.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Moreau Elise Jeanne');
    assertFlagged(f, o.name, 'a name ends in a period only after an initial or an abbreviation');
    for (const name of ['Moreau Elise J.', 'Moreau Holdings Inc.']) {
      const g = read('form4-tesseract-name-word-period.txt', (s) => s.replace('Moreau Elise Jeanne.', name));
      assert.equal(g.reportingOwners[0].name.value, name);
    }
  });
});

describe("text: an owner's name with one letter OCR confuses", function () {
  it('reads "Veetor" as "Vector", the word the address and the note write, flagged', function () {
    const f = read('form4-tesseract-name-confused-letter.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Vector Capital Fund II L.P.');
    assertFlagged(f, o.name, 'read "Veetor" as "Vector": the text writes this word elsewhere');
  });

  it('leaves a name word that no other word of the text is one confusion away from', function () {
    const f = read('form4-tesseract-name-confused-letter.txt', (s) => s.replace(/VECTOR|Vector/g, 'Harbor'));
    const o = f.reportingOwners[0];
    assert.equal(o.name.value, 'Veetor Capital Fund II L.P.');
    assert.ok(!flagsAt(f, o.name).some((m) => m.includes('the text writes this word elsewhere')));
  });
});

describe('text: OCR misreadings said where they are', function () {
  it('marks a footnote, the remarks or a signature holding a word in a shape OCR makes of unread letters', function () {
    const f = read('form4-tesseract-prose-noise.txt');
    const [a, b, c] = f.footnotes;
    assertFlagged(f, a.text, '"B.Comioni" holds a period glued before a word');
    assertFlagged(f, b.text, '"séld" holds an accented letter');
    assert.ok(!c.text.uncertain, 'a footnote without such a word stays as read');
    assert.equal(f.remarks.value, 'Exhibit 24 - Power of Attorney dated March 1, 2024');
    assertFlagged(f, f.remarks, 'read "dated:March" as "dated March"');
    assert.ok(!f.signatures[0].name.uncertain);
  });

  it("marks names holding a mark no name has, and takes no title from the Other box's misread label", function () {
    const f = read('form4-tesseract-stray-marks.txt');
    const o = f.reportingOwners[0];
    // "Lindqvist Tove . Kestrel Bay Marine Inc,": the lone period is the border between the two boxes.
    assert.equal(o.name.value, 'Lindqvist Tove');
    assertFlagged(f, f.issuer.name, 'holds ",", no part of a name');
    // "Otter (specify below)" after the Officer label is the Other box's label, misread: no title, and no line below
    // (the address's "C/O" line) stands in for one.
    assert.equal(o.officerTitle.value, null);
    assert.equal(o.street1.value, 'C/O KESTREL BAY MARINE INC.');
  });
});

describe("text: the issuer's box in a PDF's reading order (pdftotext without -layout)", function () {
  it("reads the issuer's line whole when the owner's name stands on a line of its own above it", function () {
    const f = read('form4-pdftotext-reading-order-amendment.txt');
    assert.deepEqual(
      [f.reportingOwners[0].name.value, f.issuer.name.value, f.issuer.tradingSymbol.value],
      ['Halvorsen Ingrid', 'Kestrel Bay Marine, Inc.', 'KBMI'],
    );
    assert.ok(!f.findings.some((x) => x.message.includes("holds the owner's and the issuer's names")));
  });

  it('reads the city, state and ZIP code just above "(City)", on one line or two, and never as a street line', function () {
    const place = (edit: (s: string) => string) => {
      const o = read('form4-pdftotext-reading-order-amendment.txt', edit).reportingOwners[0];
      return [o.city.value, o.state.value, o.zipCode.value];
    };
    assert.deepEqual(
      place((s) => s),
      ['ANNAPOLIS', null, '21401'],
    );
    assert.deepEqual(
      place((s) => s.replace('ANNAPOLIS 21401', 'ANNAPOLIS, MD 21401')),
      ['ANNAPOLIS', 'MD', '21401'],
    );
    assert.deepEqual(
      place((s) => s.replace('ANNAPOLIS 21401', 'SAN MATEO MD\n\n21401')),
      ['SAN MATEO', 'MD', '21401'],
    );
    // A Form 5 whose text writes the state and the ZIP code alone on their lines, after the street's: neither joins
    // the street.
    const o = read('form5-pdftotext-reading-order-state-zip.txt').reportingOwners[0];
    assert.deepEqual(
      [o.street1.value, o.street2.value, o.state.value, o.zipCode.value],
      ['C/O KESTREL BAY MARINE INC.', '400 QUAY STREET, SUITE 2B', 'MD', '21401'],
    );
    // Two capitals alone before the ZIP code are the state; the line above them is another box's, no city.
    assert.deepEqual(
      place((s) => s.replace('ANNAPOLIS 21401', 'MD\n\n21401')),
      [null, 'MD', '21401'],
    );
  });
});
