/**
 * Table headings, titles and cells as Tesseract writes them: headings garbled, titles misread on one row, prices
 * and dates with a character misread. Each case in a hand-made fixture (test/fixtures/text-ocr/*.txt, written for
 * these tests, not copied from the corpus): read right, or flagged at its place.
 */
import * as assert from 'node:assert/strict';
import { readOcrText } from '../helpers/ocr-text';
import { assertFlagged, flagsAt } from '../helpers/findings';
import { runRules } from '../../src/core/rules';

const read = readOcrText;

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
  it('is read as the title the table writes clean, flagged, and "B2" or "2nd" are words of a title', function () {
    const { filing } = read('form4-tesseract-title-junk-word.txt');
    const [r1, r2, r3] = filing.nonDerivative;
    assert.equal(r2.securityTitle.value, 'Class A Common Stock');
    assertFlagged(filing, r2.securityTitle, "the rest is OCR's junk");
    // Where no row writes the title clean, the junk stays, flagged at its place.
    const g = read('form4-tesseract-title-junk-word.txt', (s) =>
      s.replace('Class A Common Stock 04/22', 'Class A Shares 04/22'),
    );
    assert.equal(g.filing.nonDerivative[1].securityTitle.value, 'Class A Common Stock omnis');
    assertFlagged(g.filing, g.filing.nonDerivative[1].securityTitle, '"omnis" is no word of a title');
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

describe('text: the border read as a brace before a price', function () {
  it('reads "}-$18.20" as the price $18.20', function () {
    const { filing } = read('form4-tesseract-price-brace-speck.txt');
    assert.equal(filing.nonDerivative[0].transactionPricePerShare.value, '18.20');
  });
});

describe('text: a speck read as a quote before a price', function () {
  it('reads "‘$18.20" as the price $18.20', function () {
    const { filing } = read('form4-tesseract-price-quote-speck.txt');
    assert.equal(filing.nonDerivative[0].transactionPricePerShare.value, '18.20');
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

describe("text: a line of the headings OCR garbled past their words, above the headings' last line", function () {
  it('reads "(ayor (0 nse" above "Code |v [Asicunt}" as heading text, not a row', function () {
    const { filing } = read('form4-tesseract-heading-line-garbled.txt');
    assert.deepEqual(
      filing.nonDerivative.map((r) => [r.securityTitle.value, r.sharesOwnedFollowingTransaction.value]),
      [['Common Stock', '12100']],
    );
  });
});

describe('text: a transaction code S that OCR read as an 8', function () {
  it('reads "8" before the shares as the code S, flagged, and the shares after it', function () {
    const { filing } = read('form4-tesseract-code-s-as-8.txt');
    const r = filing.nonDerivative[0];
    assert.deepEqual([r.transactionCode.value, r.transactionShares.value], ['S', '900']);
    assertFlagged(filing, r.transactionCode, '"8" read as the code "S"');
  });
});

describe('text: a transaction date whose slashes OCR read as a digit or lost', function () {
  it('reads "031042025" as 03/04/2025, the date the text writes elsewhere, flagged', function () {
    const { filing } = read('form4-tesseract-date-slashes-lost.txt');
    const r = filing.nonDerivative[0];
    assert.deepEqual(
      [r.kind, r.transactionDate.value, r.transactionShares.value],
      ['transaction', '2025-03-04', '900'],
    );
    assertFlagged(filing, r.transactionDate, '"031042025" read as 03/04/2025');
    // A run of digits that fits no date the text writes stays an amount.
    const g = read('form4-tesseract-date-slashes-lost.txt', (s) => s.replace('031042025', '031062025'));
    assert.equal(g.filing.nonDerivative[0].transactionDate.value, null);
  });
});

describe('text: a transaction code S that OCR read as a dollar sign, and (D) with specks after it', function () {
  it('reads "$ 900 D.- $18.20" as the code S, 900 shares disposed of and the price $18.20', function () {
    const { filing } = read('form4-tesseract-code-s-as-dollar.txt');
    const r = filing.nonDerivative[0];
    assert.deepEqual(
      [
        r.transactionCode.value,
        r.transactionShares.value,
        r.transactionAcquiredDisposedCode.value,
        r.transactionPricePerShare.value,
      ],
      ['S', '900', 'D', '18.20'],
    );
    assertFlagged(filing, r.transactionCode, '"$" read as the code "S"');
  });
});

describe('text: a transaction code C that OCR read as a cent sign', function () {
  it('reads "¢" before the shares as the code C, flagged', function () {
    const { filing } = read('form4-tesseract-code-c-as-cent.txt');
    const r = filing.nonDerivative[0];
    assert.deepEqual([r.transactionCode.value, r.transactionShares.value], ['C', '900']);
    assertFlagged(filing, r.transactionCode, '"¢" read as the code "C"');
  });
});

describe("text: an OCR row with the table's rules read as bars", function () {
  it('reads "Common Stock 03/04/2025 Ss | 900 | D $18.20 12,100 | D |" by its tokens, not as a piped text table', function () {
    const { filing } = read('form4-tesseract-row-rules-as-bars.txt');
    const r = filing.nonDerivative[0];
    assert.deepEqual(
      [r.securityTitle.value, r.transactionDate.value, r.transactionCode.value, r.transactionShares.value],
      ['Common Stock', '2025-03-04', 'S', '900'],
    );
    assert.deepEqual(
      [r.transactionPricePerShare.value, r.sharesOwnedFollowingTransaction.value, r.directOrIndirectOwnership.value],
      ['18.20', '12100', 'D'],
    );
  });
});

describe("text: a row's nature wrapped below it with a two-digit marker", function () {
  it('reads "footnotes 20)" below a row as the rest of its nature, not as a row of its own', function () {
    const { filing } = read('form4-tesseract-row-words-below.txt');
    assert.equal(filing.nonDerivative.length, 1);
    assert.equal(filing.nonDerivative[0].natureOfOwnership.value, 'See footnotes');
  });
});

describe("text: a title with OCR's junk after it, the table writing it clean on another row", function () {
  it('reads "Common Stock” iowzanis « s" as "Common Stock", flagged', function () {
    const { filing } = read('form4-tesseract-title-junk-after.txt');
    const t = filing.nonDerivative[1].securityTitle;
    assert.equal(t.value, 'Common Stock');
    assertFlagged(filing, t, "a title the filing writes elsewhere: the rest is OCR's junk");
    // An English word after the title keeps it whole ("Common Stock units" is not read as "Common Stock").
    const g = read('form4-tesseract-title-junk-after.txt', (s) => s.replace('iowzanis « s', 'units'));
    assert.equal(g.filing.nonDerivative[1].securityTitle.value, 'Common Stock units');
  });
});

describe('text: an amount owned whose thousands comma OCR read as a point', function () {
  it('reads "8.635" as 8,635 where the row writes 8,635 beside it, flagged', function () {
    const { filing } = read('form4-tesseract-amount-point-for-comma.txt');
    const owned = filing.nonDerivative[0].sharesOwnedFollowingTransaction;
    assert.equal(owned.value, '8635');
    assertFlagged(filing, owned, 'OCR reads a thousands comma as a point');
    // Without the row's own 8,635, a fraction of a share stays as written.
    const g = read('form4-tesseract-amount-point-for-comma.txt', (s) => s.replace('P 8,635 A', 'P 8,600 A'));
    assert.equal(g.filing.nonDerivative[0].sharesOwnedFollowingTransaction.value, '8.635');
  });
});
