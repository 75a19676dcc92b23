/**
 * The noise Tesseract really writes, each class in a hand-made fixture (test/fixtures/text-ocr/*.txt,
 * written for these tests, not copied from the corpus): read right, or flagged at its place.
 */
import * as assert from 'node:assert/strict';
import { readOcrText } from '../helpers/ocr-text';
import { assertFlagged, flagsAt } from '../helpers/findings';

const read = readOcrText;

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

describe('text: an owners table whose border OCR read on some lines and let eat the C of others', function () {
  it('takes "IMoreau Holdings LLC" as "Moreau Holdings LLC" where "/O" lines show the border too', function () {
    const { filing } = read('form4-tesseract-owners-table-border-some-lines.txt');
    assert.deepEqual(
      filing.reportingOwners.map((o) => o.name.value),
      ['Moreau Elise', 'Moreau Family Trust', 'Moreau Holdings LLC'],
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

describe('text: "Attorney-in-Fact" with its "in" lost in a signature', function () {
  it('reads "Attorney Fact" as "Attorney-in-Fact", flagged', function () {
    const { filing } = read('form4-tesseract-signature-attorney-fact.txt');
    const [s] = filing.signatures;
    assert.equal(s.name.value, '/s/ Adam Ruiz, as Attorney-in-Fact for Lena Ostrowski');
    assertFlagged(filing, s.name, 'OCR lost the phrase\'s "in"');
  });
});

describe('text: "Attorney-in-Fact" wrapped around its date with another column\'s word between', function () {
  it('reads "Attorney-in-" / "YORE 04/15/2022" / "Fact" as "Attorney-in-Fact", the word left out, flagged', function () {
    const { filing } = read('form4-tesseract-signature-phrase-split.txt');
    const [s] = filing.signatures;
    assert.deepEqual([s.name.value, s.date.value], ['/s/ Adam Ruiz, Attorney-in-Fact', '2022-04-15']);
    assertFlagged(filing, s.name, '"YORE" inside "Attorney-in-Fact" left out');
  });
});

describe('text: "Attorney-in-Fact" with its "rn" read as an m and "for" glued to it', function () {
  it('reads "Attomey-in-FactforLena" as "Attorney-in-Fact for Lena", flagged', function () {
    const { filing } = read('form4-tesseract-signature-attorney-misread.txt');
    const [s] = filing.signatures;
    assert.equal(s.name.value, '/s/ Adam Ruiz, as Attorney-in-Fact for Lena Ostrowski');
    assertFlagged(filing, s.name, 'the standard phrase, misread');
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
