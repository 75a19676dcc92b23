/**
 * OCR prose read back by the words the filing itself repeats (src/core/parse/text/doc-words.ts): a non-word a few
 * slips from a word the text writes far more often, and a word of a footnote written from a template that other
 * footnotes write otherwise at that place. Each reading changes the value, keeps OCR's text as the raw text, and is
 * flagged at its place; what a template legitimately varies is left alone. The fixture is hand-made
 * (test/fixtures/text-ocr).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormText } from '../../src/core/parse/text';
import { nearestFrequent, templateSlips, type ProseContext } from '../../src/core/parse/text/doc-words';
import type { Filing } from '../../src/core/model';
import { readOcrFiling, OCR_TEXT_DIR } from '../helpers/ocr-text';
import { assertFlagged, flagsAt } from '../helpers/findings';

function read(): Filing {
  return readOcrFiling('form4-tesseract-template-footnotes.txt');
}

/** A text writing each word of `words` as often as it says. */
function context(words: Record<string, number>): ProseContext {
  const counts = new Map(Object.entries(words));
  return {
    count: (w) => counts.get(w) ?? 0,
    repeated: (w) => (counts.get(w) ?? 0) > 1,
    seen: (w) => counts.has(w),
    frequent: () => new Map([...counts].filter(([w, n]) => n >= 2 && w.length >= 4)),
    nearest: { left: 100 },
  };
}

const SALE = (price: string, word = 'shares', place = 'in') =>
  `The ${word} were sold ${place} multiple transactions at prices ranging from ${price}, inclusive.`;

describe('text: OCR prose read back by the words the filing repeats', function () {
  it('reads back non-words a few slips from a word the text writes far more often, flagged with that word', function () {
    const f = read();
    const [, n2, n3] = f.footnotes;
    assert.equal(
      n2.text.value,
      'The shares were sold in multiple transactions at prices ranging from $21.10 to $21.95, inclusive.',
    );
    assert.match(n2.text.raw ?? '', /The shages were/);
    assertFlagged(f, n2.text, /"shages" as "shares" \(a word the text writes \d+ times\)/);
    assert.match(n3.text.value ?? '', /multiple transactions at/);
    assertFlagged(f, n3.text, '"tfansactions" as "transactions"');
  });

  it('reads back a word that other footnotes of the same template write otherwise at that place, English or not', function () {
    const f = read();
    const n4 = f.footnotes[3];
    const n5 = f.footnotes[4];
    assert.match(n4.text.value ?? '', /^The shares were sold/);
    assertFlagged(f, n4.text, '"shores" as "shares" (4 other footnotes write "shares" between "The" and "were")');
    assert.match(n5.text.value ?? '', /sold in multiple/);
    assertFlagged(f, n5.text, '"itr" as "in"');
    // Its lost period too: four other footnotes end in "inclusive.".
    assert.match(n5.text.value ?? '', /\$24\.99, inclusive\.$/);
  });

  it('leaves a clean footnote of the template, and what the template varies (years, months), as read', function () {
    const f = read();
    const [n1, , , , , n6, n7, n8] = f.footnotes;
    for (const n of [n1, n6, n7, n8]) {
      assert.equal(n.text.uncertain, undefined, n.text.value ?? '');
      assert.deepEqual(flagsAt(f, n.text), []);
    }
    assert.match(n7.text.value ?? '', /2019 Family Trust.*vests on June 1\.$/);
    assert.match(n8.text.value ?? '', /2021 Family Trust.*vests on July 1\.$/);
  });

  it('templateSlips: needs two other texts agreeing, one letter off for an English word, and a word written once', function () {
    const isWord = (w: string) => ['shares', 'shores', 'sold', 'held', 'class'].includes(w);
    const ctx = context({ shores: 1, shares: 2, sold: 3, held: 1 });
    // One other text writing "shares" there is no template.
    assert.deepEqual(templateSlips([SALE('$1 to $2', 'shores'), SALE('$3 to $4')], ctx, isWord), [[], []]);
    const three = templateSlips([SALE('$1 to $2', 'shores'), SALE('$3 to $4'), SALE('$5 to $6')], ctx, isWord);
    assert.deepEqual(
      three[0].map((s) => [s.read, s.as, s.others]),
      [['shores', 'shares', 2]],
    );
    // "held" where others write "sold" is two letters off: what a template varies, not a slip.
    const held = [0, 1, 2].map((i) => `The shares were ${i ? 'sold' : 'held'} by the Trust ${i}.`);
    assert.deepEqual(templateSlips(held, ctx, isWord), [[], [], []]);
    // A word of two or three letters ("it" for "in", a word the text writes everywhere) wants three other texts.
    const it = (n: number) =>
      templateSlips(
        [SALE('$1 to $2', 'shares', 'it'), ...Array.from({ length: n }, (_, i) => SALE(`$${i} to $${i + 1}`))],
        context({ it: 9, in: 20, shares: 9 }),
        (w) => ['it', 'in', 'shares'].includes(w),
      )[0].map((s) => [s.read, s.as]);
    assert.deepEqual(it(2), []);
    assert.deepEqual(it(3), [['it', 'in']]);
    // Names of one template differ by a letter: a capitalized non-word is read back as an English word only.
    const trusts = ['Mary', 'Mark', 'Mark'].map((n) => `Held by the ${n} Okafor Trust, of which he is trustee.`);
    const names = (w: string) => ['held', 'trust', 'which', 'trustee', 'mark'].includes(w);
    assert.deepEqual(templateSlips(trusts, context({ mary: 1, mark: 2 }), names), [[], [], []]);
    const marc = ['Mark', 'Marc', 'Marc'].map((n) => `Held by the ${n} Okafor Trust, of which he is trustee.`);
    assert.deepEqual(templateSlips(marc, context({ mark: 1, marc: 2 }), names), [[], [], []]);
    const the = ['Thie', 'The', 'The'].map((w, i) => `${w} shares were sold at $${i}.`);
    assert.deepEqual(
      templateSlips(the, context({ thie: 1, the: 2 }), (w) => w === 'the')[0].map((s) => s.as),
      ['The'],
    );
    // A word the text writes elsewhere too is no misreading ("shores" twice).
    const twice = context({ shores: 2, shares: 2 });
    assert.deepEqual(
      templateSlips([SALE('$1 to $2', 'shores'), SALE('$3 to $4'), SALE('$5 to $6')], twice, isWord)[0],
      [],
    );
  });

  it('nearestFrequent: the one frequent word a slip or two away, never a choice between two, names by one slip', function () {
    const english = () => true;
    const ctx = context({ shages: 1, shares: 6, shapes: 6, transactions: 4, person: 5 });
    assert.equal(nearestFrequent('tfansactions', ctx, false, english), 'transactions');
    // "shages" is one slip from both "shares" and "shapes": no way to choose.
    assert.equal(nearestFrequent('shages', ctx, false, english), null);
    assert.equal(nearestFrequent('peison', ctx, true, english), 'person');
    // A name's word two slips off is left (names differ by letters), and so is a word the text writes as often.
    assert.equal(nearestFrequent('pexsxn', ctx, true, english), null);
    assert.equal(nearestFrequent('shapes', context({ shapes: 3, shares: 6 }), false, english), null);
    // Only words `accept` takes.
    assert.equal(
      nearestFrequent('tfansactions', ctx, false, () => false),
      null,
    );
    // Two slips from both: the one of the same length; else one written three times as often as the other.
    const two = context({ transactions: 12, transaction: 5 });
    assert.equal(nearestFrequent('trahsactione', two, false, english), 'transactions');
    assert.equal(nearestFrequent('abcdefgh', context({ abcdefg: 9, abcdefghi: 3 }), false, english), 'abcdefg');
    assert.equal(nearestFrequent('abcdefgh', context({ abcdefg: 6, abcdefghi: 3 }), false, english), null);
  });

  it('flags a footnote cut short (no period, where the others end in one) even when its last word is English', function () {
    const name = 'form4-tesseract-footnote-cut-short.txt';
    const r = parseFormText(fs.readFileSync(path.join(OCR_TEXT_DIR, name), 'utf8'), name);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const [n1, n2, n3, n4] = r.filing.footnotes;
    assert.match(n3.text.value ?? '', /were sold in tn$/);
    assertFlagged(r.filing, n3.text, 'it ends with "tn" without a period');
    // Ending in a closing parenthesis or quote is ending a sentence.
    for (const n of [n1, n2, n4]) assert.deepEqual(flagsAt(r.filing, n.text), []);
  });

  it('reads back a word English only by derivation ("colimn" as co + limn) a letter off a word the text repeats', function () {
    const name = 'form4-tesseract-derived-words.txt';
    const text = fs.readFileSync(path.join(OCR_TEXT_DIR, name), 'utf8');
    const read = (t: string) => {
      const r = parseFormText(t, name);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      return r.filing;
    };
    const f = read(text);
    const [, n2, n3] = f.footnotes;
    assert.match(n2.text.value ?? '', /^The price reported in column 4 /);
    assertFlagged(f, n2.text, '"colimn" as "column" (a word the text writes 3 times)');
    assert.match(n3.text.value ?? '', /the Reporting Person invested/);
    assertFlagged(f, n3.text, '"Reparting" as "Reporting"');
    // A prefix stands: "Unvested" stays, though the text writes "invested", a letter off, three times as often.
    const g = read(text.replace('invested in no other units.', 'invested in no other units, invested, invested.'));
    assert.match(g.footnotes[2].text.value ?? '', /^Unvested restricted/);
  });
});
