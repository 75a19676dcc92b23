/**
 * The form's type, its dates and its signatures in Tesseract output, each case in a hand-made fixture
 * (test/fixtures/text-ocr/*.txt, written for these tests, not copied from the corpus): read right, or flagged at
 * its place.
 */
import * as assert from 'node:assert/strict';
import { readOcrFiling } from '../helpers/ocr-text';
import { assertFlagged, flagsAt, spanText } from '../helpers/findings';

const read = readOcrFiling;

describe('text: the form type and dates of the OCR header', function () {
  it('leaves out of a signature the date column\'s date read into it ("Attorney-in03/05/2025 Fact"), flagged', function () {
    const f = readOcrFiling('form4-tesseract-signature-date-inside.txt');
    const sig = f.signatures[0];
    assert.equal(sig.name.value, '/s/ Jane Roe, Attorney-in-Fact');
    assertFlagged(f, sig.name, 'the date "03/05/2025" inside the name left out');
  });

  it('reads the "FORM 4" box OCR keeps on the title\'s line, its word split ("FO RM")', function () {
    const f = read('form4-tesseract-form-box.txt');
    assert.equal(f.documentType.value, '4');
    assert.ok(!f.documentType.uncertain);
  });

  it('reads the "FORM 4" box on the approval box\'s line behind a border ("| FO R M 4 . , OMB APPROVAL"), and the 10b5-1 box whose "to" lost its "t"', function () {
    const f = read('form4-tesseract-form-box-approval.txt');
    assert.equal(f.documentType.value, '4');
    assert.equal(spanText(f, f.documentType.span), 'FO R M 4');
    assert.equal(f.aff10b5One.value, false);
  });

  it('reads the "FORM 4" box behind a rule and a bar, before the approval box\'s "OMB" ("_|FORM 4 “OMB Name")', function () {
    const f = read('form4-tesseract-form-box-rule.txt');
    assert.equal(f.documentType.value, '4');
    assert.equal(spanText(f, f.documentType.span), 'FORM 4');
  });

  it("reads the period below the relationship box's lines and the amendment date among other boxes, flagged", function () {
    const f = read('form4-tesseract-amendment-dates.txt');
    assert.equal(f.periodOfReport.value, '2025-02-11');
    assert.equal(f.dateOfOriginalSubmission.value, '2025-02-14');
    assert.equal(f.documentType.value, '4/A');
    assertFlagged(f, f.dateOfOriginalSubmission, "read from the line below its label, among other boxes' text");
  });
});

describe('text: signatures as OCR wraps them', function () {
  it('joins the lines below a signature without a date up to its label', function () {
    const f = read('form4-tesseract-signature-no-date.txt');
    assert.equal(f.signatures.length, 1);
    assert.equal(f.signatures[0].name.value, '/s/ Nils Ekberg, Attorney-in-Fact');
    assert.equal(f.signatures[0].date.value, null);
  });

  it('joins a name over a blank line to the line with its date', function () {
    const f = read('form4-tesseract-signature-blank-line.txt');
    assert.equal(
      f.signatures[0].name.value,
      '/s/ Nils Ekberg, Managing Member of Tern Holdings LLC, the General Partner of Tern Capital Fund II L.P.',
    );
    assert.equal(f.signatures[0].date.value, '2025-02-13');
  });

  it('flags a name read from both sides of its date: the order, or a scribble, may be wrong', function () {
    const f = read('form4-tesseract-signature-scribble.txt');
    const s = f.signatures[0];
    assert.equal(s.date.value, '2025-02-13');
    assert.equal(s.name.uncertain, true);
    assertFlagged(f, s.name, 'the name wraps around the date');
  });
});

describe("text: a signature's date one digit off the others'", function () {
  it('marks it uncertain with the date the other signatures give, and leaves dates that differ more alone', function () {
    const odd = read('form4-tesseract-signature-specks.txt', (s) =>
      s.replace('/s/-Mara Quill 3/7/2022', '/s/-Mara Quill 9/7/2022'),
    );
    const dates = odd.signatures.map((x) => x.date);
    assert.deepEqual(
      dates.map((d) => d.value),
      ['2022-03-07', '2022-03-07', '2022-09-07'],
    );
    assertFlagged(odd, dates[2], '2022-09-07 is one digit off 2022-03-07');
    const apart = read('form4-tesseract-signature-specks.txt', (s) =>
      s.replace('/s/-Mara Quill 3/7/2022', '/s/-Mara Quill 9/8/2022'),
    );
    assert.ok(!flagsAt(apart, apart.signatures[2].date).some((m) => m.includes('one digit off')));
  });
});

describe('text: Form 3 with no securities owned', function () {
  it('reads the line "No securities are beneficially owned." as the box, not as remarks', function () {
    const f = read('form3-tesseract-no-securities.txt');
    assert.equal(f.noSecuritiesOwned.value, true);
    assert.equal(f.remarks.value, 'Chief Compliance Officer of the Issuer');
  });

  it('reads the line with an accent OCR put on an e ("aré") as the box too', function () {
    const f = read('form3-tesseract-no-securities.txt', (s) => s.replace('are beneficially', 'aré beneficially'));
    assert.equal(f.noSecuritiesOwned.value, true);
    assert.equal(f.remarks.value, 'Chief Compliance Officer of the Issuer');
  });
});

describe('text: a Form 3 date box whose label OCR garbled', function () {
  it("finds the box by the label's surviving end and takes the date before the amendment box's label, flagged", function () {
    const f = read('form3-tesseract-event-label-garbled.txt');
    assert.equal(f.periodOfReport.value, '2025-02-11');
    assertFlagged(f, f.periodOfReport, 'read from the line below its label');
    assert.equal(f.dateOfOriginalSubmission.value, null);
  });
});

describe('text: a thin letter OCR added to a signature name', function () {
  it('reads "Brennain" as "Brennan", which the boxes and a footnote write, flagged', function () {
    const f = readOcrFiling('form4-tesseract-signature-thin-letter.txt');
    const name = f.signatures[0].name;
    assert.equal(name.value, '/s/ Siobhan Brennan');
    assertFlagged(f, name, '"Brennain" read as "Brennan", which the text writes 2 times');
  });

  it('leaves it where the text writes the other spelling only once', function () {
    const f = readOcrFiling('form4-tesseract-signature-thin-letter.txt', (s) => s.replace('Ms. Brennan', 'the owner'));
    assert.equal(f.signatures[0].name.value, '/s/ Siobhan Brennain');
  });
});

describe("text: the header's dates in a PDF's reading order (pdftotext without -layout)", function () {
  const fixture = 'form4-pdftotext-reading-order-amendment.txt';

  it('reads box 3 and box 4 written below the labels, as the earliest transaction date and a 4/A, flagged', function () {
    const f = read(fixture);
    assert.deepEqual(
      [f.periodOfReport.value, f.dateOfOriginalSubmission.value, f.documentType.value],
      ['2025-02-03', '2025-02-05', '4/A'],
    );
    assertFlagged(f, f.periodOfReport, 'the earliest transaction date of the tables');
    assertFlagged(f, f.dateOfOriginalSubmission, 'the one date of the header that no other box holds');
    assertFlagged(f, f.documentType, "an amendment by box 4's date");
    assert.ok(!f.findings.some((x) => x.message.includes('no date found in the date box')));
  });

  it("reads an original filing when box 4 holds no date, a browser's print date above the labels aside", function () {
    const f = read(fixture, (s) => '3/15/2025, 10:22 AM\n' + s.replace('2/5/2025\n', ''));
    assert.deepEqual(
      [f.periodOfReport.value, f.dateOfOriginalSubmission.value, f.documentType.value],
      ['2025-02-03', null, '4'],
    );
    assert.ok(!f.documentType.uncertain);
  });

  it("reads the signatures' dates from the date column written after them, in their order, flagged", function () {
    const sigs = (tail: string) =>
      read(fixture, (s) => s.slice(0, s.indexOf('/s/ Ingrid Halvorsen')) + tail).signatures.map((x) => [
        x.name.value,
        x.date.value,
        x.date.uncertain,
      ]);
    // One signature, its date after the form's reminder.
    assert.deepEqual(
      sigs(
        '/s/ Ingrid Halvorsen\n** Signature of Reporting\nPerson\nReminder: Report on a separate line for each class of securities.\n\n02/06/2025\nDate\n',
      ),
      [['/s/ Ingrid Halvorsen', '2025-02-06', true]],
    );
    // Joint filers: the names, then a date above each "Date" label.
    assert.deepEqual(
      sigs(
        'Signatures\n/s/ Ingrid Halvorsen\n**Signature of Reporting Person\n\n/s/ Tomas Lindqvist, Attorney-in-Fact for Kestrel Bay Holdings LLC\n**Signature of Reporting Person\n\n2/6/2025\nDate\n\n2/7/2025\nDate\n',
      ),
      [
        ['/s/ Ingrid Halvorsen', '2025-02-06', true],
        ['/s/ Tomas Lindqvist, Attorney-in-Fact for Kestrel Bay Holdings LLC', '2025-02-07', true],
      ],
    );
    // One date for two signatures: which is whose, the text does not say.
    assert.deepEqual(
      sigs(
        'Signatures\n/s/ Ingrid Halvorsen\n**Signature of Reporting Person\n\n/s/ Tomas Lindqvist\n**Signature of Reporting Person\n\nReminder: Report on a separate line.\n\n2/6/2025\nDate\n',
      ).map((x) => x[1]),
      [null, null],
    );
  });

  it("reads a Form 5's fiscal year end from the one date of the header that no box took, flagged", function () {
    const f = read('form5-pdftotext-reading-order-state-zip.txt');
    assert.deepEqual([f.documentType.value, f.periodOfReport.value], ['5', '2024-12-31']);
    assertFlagged(f, f.periodOfReport, 'the one date of the header that no box took');
  });

  it('says whether it is an amendment is not known when the header holds two dates no box took', function () {
    const f = read(fixture, (s) => s.replace('2/5/2025\n', '2/5/2025\n\n2/4/2025\n'));
    assert.deepEqual([f.dateOfOriginalSubmission.value, f.documentType.value], [null, '4']);
    assertFlagged(f, f.documentType, 'whether it is an amendment is not known');
    assertFlagged(f, f.documentType, '(2/5/2025, 2/4/2025)');
  });
});
