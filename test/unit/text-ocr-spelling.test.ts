/**
 * The spelling check of OCR prose (src/core/parse/text/prose.ts): a footnote, the remarks or a signature holding a
 * word that is not English, nor a name, number or abbreviation, is flagged at its place naming the word; names,
 * terms of law and finance, numbers and abbreviations are not. The fixture is hand-made (test/fixtures/text-ocr).
 */
import * as assert from 'node:assert/strict';
import { unknownWord } from '../../src/core/parse/text/prose';
import type { ProseContext } from '../../src/core/parse/text/doc-words';
import { readOcrFiling } from '../helpers/ocr-text';
import { assertFlagged, flagsAt } from '../helpers/findings';

const readFixture = readOcrFiling;

const read = (edit?: (s: string) => string) => readFixture('form4-tesseract-misspelled-words.txt', edit);

/** A text around the field that writes the given words (lower case) once, and no word twice. */
const around = (...seen: string[]): ProseContext => ({
  repeated: () => false,
  seen: (w) => seen.includes(w),
  count: (w) => (seen.includes(w) ? 1 : 0),
  frequent: () => new Map(),
  nearest: { left: 0 },
});

describe('text: OCR prose checked against an English dictionary', function () {
  it('reads back a word OCR misread into the one English word it can be, flagged at its place, and not the clean footnotes', function () {
    const f = read();
    const [n1, n2, n3, n4, n5] = f.footnotes;
    assert.match(n2.text.value ?? '', /multiple transactions at/);
    assert.match(n2.text.raw ?? '', /multiple transacticns at/);
    assertFlagged(f, n2.text, 'read "transacticns" as "transactions"');
    assert.match(n5.text.value ?? '', /^The price reported in Column 4 /);
    assertFlagged(f, n5.text, '"Colurnn" as "Column"');
    for (const n of [n1, n3, n4]) assert.ok(!n.text.uncertain, `${n.id.value} has names, terms and numbers only`);
    assert.ok(!f.remarks.uncertain);
    // "Attorne Fact": the phrase with its "y-in-" lost, read back whole.
    assert.equal(f.signatures[0].name.value, '/s/ Marcus Bessemer, Attorney-in-Fact');
    assertFlagged(f, f.signatures[0].name, '"Attorne Fact" read as "Attorney-in-Fact"');
  });

  it('reads the word hyphenated at the end of a line as one word', function () {
    const f = read((s) => s.replace('exer-\ncisable', 'exer-\ncisablc'));
    assertFlagged(f, f.footnotes[3].text, '"exer" is not an English word');
  });

  it('checks OCR text only: text with tabs (extracted from a PDF) keeps its words as read', function () {
    const f = read((s) => s.replace('Table I - Non', 'Table I -\tNon'));
    assert.ok(!f.footnotes[1].text.uncertain);
  });

  it('finds the misreadings OCR makes of ordinary words', function () {
    const cases: [string, string, string | null][] = [
      ['Class A Common Stock wasissued upon the conversion', 'wasissued', null],
      ['upon the conversigin of one share', 'conversigin', null],
      ['upon the conversion of Gne share', 'Gne', 'One'],
      ['one shite of Class B', 'shite', null],
      ['as reported in Tabie II', 'Tabie', 'Table'],
      ['the shaies were sold', 'shaies', null],
      ['prices canging from $1 to $2', 'canging', null],
      ['on behalf of the tssuer', 'tssuer', null],
      ['of the jssuer', 'jssuer', null],
      ['at the election of the holder, at the electi', 'electi', null],
      ['partners of KV V ina pro rata distribution', 'ina', null],
      ['/s/ Arjun Kampaini', 'Kampaini', 'Kampani'],
    ];
    for (const [text, word, of] of cases) assert.deepEqual(unknownWord(text, around('kampani')), { word, of }, text);
  });

  it('takes names, terms of law and finance, numbers, abbreviations and compounds for what they are', function () {
    for (const text of [
      'Held by the Bessemer Trust FBO Jane Roe U/T/D 12/1/2001, of which the Reporting Person is a co-trustee.',
      'Shares held by Abalone Cove LLLP and Greylock XIV L.P.; voting and dispositive power is shared.',
      'The RSUs vest in four equal annual installments and are exercisable upon vesting, subject to pro rata',
      'adjustment for recapitalizations. Sales under a Rule 10b5-1 plan at $12.50-$13.10; see www.sec.gov.',
      "The Issuer's nonqualified options, unvested PSUs and the transferee's shares were cancelled (iii) bona fide.",
      "Held by the trustees' accounts of Carlos del Rio and Jan van der Berg, Attorney-in-Fact, pre- and post-closing.",
    ])
      assert.equal(unknownWord(text, around()), null, text);
  });
});

describe('text: OCR slips in prose undone by the dictionary', function () {
  const f = readFixture('form4-tesseract-prose-slips.txt');

  it('reads marks glued between words, a misread letter, an accent, run-together words and a closing colon back', function () {
    const n1 = f.footnotes[0].text;
    assert.equal(
      n1.value,
      'The price reported in Column 4 is a weighted average price. The shares were sold in multiple transactions at ' +
        'prices ranging from $22.05 to $22.31, inclusive. Full information regarding the number of shares sold at ' +
        'each price is on request.',
    );
    assert.match(n1.raw ?? '', /The price\.reported in Column\.4 is a wéighted/);
    assert.equal(n1.uncertain, true);
    const said = flagsAt(f, n1).join('\n');
    for (const change of ['"price.reported" as "price reported"', '"soid" as "sold"', '"from’$22.05" as "from $22.05"'])
      assert.ok(said.includes(change), change);
  });

  it('leaves names, internet names and a word the text writes twice as read', function () {
    const n2 = f.footnotes[1].text;
    assert.equal(
      n2.value,
      'Filed on behalf of Ms. Oyelaran by Kampaini Adeyemi; see www.sec.gov for the plan. Kampaini signed it.',
    );
    assert.ok(!n2.uncertain);
  });
});

describe('text: OCR slips in the numbers and split words of prose', function () {
  const f = readFixture('form4-tesseract-prose-slips-numbers.txt');

  it("reads a cents point read as a colon or comma, a rule's 1 read as a letter, and a number glued to a word back", function () {
    assert.equal(
      f.footnotes[0].text.value,
      'The price reported in Column 4 is a weighted average price. The shares were sold from $653.10 to $653.97, ' +
        'inclusive, one day after the initial grant.',
    );
    assert.equal(
      f.footnotes[1].text.value,
      'The shares were sold at prices ranging from $4.14 to $4.52 under a plan meeting Rule 16a-9.',
    );
    const said = flagsAt(f, f.footnotes[0].text).join('\n');
    for (const change of [
      '"froii" as "from"',
      '"$653:97," as "$653.97,"',
      '"ene" as "one"',
      '"initiat" as "initial"',
      'the "-" after its last sentence left out',
    ])
      assert.ok(said.includes(change), change);
    assert.ok(flagsAt(f, f.footnotes[1].text).join('\n').includes('"I6a-9." as "16a-9."'));
  });

  it('joins a last letter OCR set apart from its word', function () {
    assert.equal(f.remarks.value, 'The sales were reported on additional Forms 4.');
    assertFlagged(f, f.remarks, '"reporte d" as "reported"');
  });
});

describe("text: a name's Roman numeral a stroke off the one the text writes again", function () {
  it('marks "Heron VI" uncertain beside two "Heron VIII", and not "Fund VI" beside "Fund IV"', function () {
    const f = readFixture('form4-tesseract-prose-numeral-strokes.txt');
    const [n1, n2, n3] = f.footnotes;
    assertFlagged(f, n2.text, '"Heron VI" where the text writes "Heron VIII" 2 times');
    assert.equal(
      n2.text.value,
      'Heron VI GP Ltd. disclaims beneficial ownership except to the extent of its pecuniary interest.',
    );
    assert.ok(!n1.text.uncertain && !n3.text.uncertain);
  });
});

describe('text: a lower-case letter standing alone between words of OCR prose', function () {
  it('flags "with t the Securities" (words lost around it), not "(b)" or "a"', function () {
    const f = readFixture('form4-tesseract-prose-lone-letter.txt');
    const [n1, n2] = f.footnotes;
    assertFlagged(f, n1.text, '"t" stands alone between words');
    assert.ok(!n2.text.uncertain, JSON.stringify(flagsAt(f, n2.text)));
  });
});

describe('text: a short word hyphenated to a name in OCR prose', function () {
  it('flags "Inst ind-Fund II" (a space read as a hyphen), not "pre-IPO" or "mid-Atlantic"', function () {
    const f = readFixture('form4-tesseract-prose-hyphen-speck.txt');
    const [n1, n2] = f.footnotes;
    assertFlagged(f, n1.text, '"ind-Fund" joins "ind" to a name with a hyphen');
    assert.equal(flagsAt(f, n1.text).length, 1);
    assert.ok(!n2.text.uncertain);
    const g = readFixture('form4-tesseract-prose-hyphen-speck.txt', (s) => s.replace('ind-Fund', 'and Fund'));
    assert.ok(!g.footnotes[0].text.uncertain, JSON.stringify(flagsAt(g, g.footnotes[0].text)));
  });
});

describe("text: OCR's marks in prose: a price range's word, a date's semicolon, specks as quotes", function () {
  const f = readFixture('form4-tesseract-prose-slips-marks.txt');

  it('reads back "ranging trim $", "March 31; 2025", an unclosed opening quote and marks glued between words', function () {
    const n1 = f.footnotes[0].text;
    assert.equal(
      n1.value,
      'The shares were sold on March 31, 2025 at prices ranging from $12.10 to $12.75, inclusive. The Reporting ' +
        'Person undertakes to provide full information to the Issuer upon request.',
    );
    const said = flagsAt(f, n1).join('\n');
    for (const change of [
      '"ranging trim" as "ranging from"',
      '"March 31;" as "March 31,"',
      '"“The" as "The"',
      `"undertakes'to" as "undertakes to"`,
      `"the'Issuer" as "the Issuer"`,
      '"Reporting:Person" as "Reporting Person"',
    ])
      assert.ok(said.includes(change), `${change} in ${said}`);
  });

  it('reads a speck after a comma as no hyphen ("1934,-as amended")', function () {
    const n3 = f.footnotes[2].text;
    assert.equal(
      n3.value,
      'The plan was adopted under Rule 10b5-1 of the Securities Exchange Act of 1934, as amended.',
    );
    assertFlagged(f, n3, '"1934,-as" as "1934, as"');
  });

  it("keeps a possessive's and a name's apostrophe", function () {
    const n2 = f.footnotes[1].text;
    assert.equal(
      n2.value,
      "The shares were sold under the Issuer's plan, adopted by the O'Brien Trust, at prices ranging from $12.80 to $13.00.",
    );
    assert.ok(!n2.uncertain, flagsAt(f, n2).join('\n'));
  });
});

describe('text: an OCR line cut at the page edge', function () {
  it('flags a signature ending in the start of a word the text writes whole ("Exhil" beside "Exhibit 99.1")', function () {
    const f = readFixture('form4-tesseract-signature-cut.txt');
    const name = f.signatures[0].name;
    assert.equal(name.value, '/s/ See signatures included in Exhil');
    assertFlagged(f, name, 'it ends with "Exhil", the start of "Exhibit"');
  });

  it('leaves a name the text writes elsewhere whole, and one the text writes nowhere else', function () {
    for (const [signer, word] of [
      ['Siobhan Brennan', 'Brennan'],
      ['Siobhan Brennaq', 'Brennaq'],
    ]) {
      const f = readFixture('form4-tesseract-signature-cut.txt', (s) =>
        s.replace('See signatures included in Exhil', signer),
      );
      assert.ok(!flagsAt(f, f.signatures[0].name).some((m) => m.includes(`ends with "${word}"`)));
    }
  });
});

describe("text: an officer's title with a hyphen where OCR read a space", function () {
  it('flags "General-Counsel" in the remarks, not "Vice-President" or "Co-Founder"', function () {
    const f = readFixture('form4-tesseract-remarks-title-hyphen.txt');
    assert.equal(f.remarks.value, 'Senior Vice President, General-Counsel and Corporate Secretary');
    assertFlagged(f, f.remarks, '"General-Counsel" joins two words of an officer\'s title with a hyphen');
    for (const title of ['Senior Vice-President and Corporate Secretary', 'Co-Founder and Chief Executive Officer']) {
      const g = readFixture('form4-tesseract-remarks-title-hyphen.txt', (s) =>
        s.replace('Senior Vice President, General-Counsel and Corporate Secretary', title),
      );
      assert.equal(g.remarks.value, title);
      assert.ok(!flagsAt(g, g.remarks).some((m) => m.includes("officer's title")), title);
    }
  });
});
