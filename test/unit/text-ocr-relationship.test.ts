/**
 * The relationship boxes of Tesseract output (box 5: Director, Officer, 10% Owner, Other, and the officer's title),
 * read by where the printed form puts them, each case in a hand-made fixture (test/fixtures/text-ocr/*.txt, written
 * for these tests, not copied from the corpus): read right, or flagged at its place.
 */
import * as assert from 'node:assert/strict';
import { readOcrFiling } from '../helpers/ocr-text';
import { assertFlagged } from '../helpers/findings';

const read = readOcrFiling;

describe('text: OCR relationship boxes (box 5): marks and labels misread', function () {
  it("reads Officer as checked when no box is, under an officer's title beside the date box; else flags the boxes", function () {
    const f = read('form4-tesseract-relationship-mark-lost.txt');
    const o = f.reportingOwners[0];
    assertFlagged(f, o.isOfficer, 'an officer\'s title ("Chief Financial Officer") is written where the form puts it');
    assert.deepEqual(
      [o.isOfficer.value, o.officerTitle.value, o.isDirector.value],
      [true, 'Chief Financial Officer', false],
    );
    // Without the title, no box says which: each is flagged, by one finding.
    const g = read('form4-tesseract-relationship-mark-lost.txt', (s) => s.replace(' (Chief Financial Officer', ''));
    const p = g.reportingOwners[0];
    assert.deepEqual(
      [p.isDirector, p.isOfficer, p.isTenPercentOwner, p.isOther].map((b) => [b.value === true, b.uncertain]),
      [
        [false, true],
        [false, true],
        [false, true],
        [false, true],
      ],
    );
    assert.equal(g.findings.filter((x) => /no box was read as checked/.test(x.message)).length, 1);
  });

  it('takes no officer title from the Other box\'s label misread ("Qther (spe")', function () {
    const o = read('form4-tesseract-other-label-misread.txt').reportingOwners[0];
    assert.deepEqual([o.isOfficer.value, o.officerTitle.value], [true, 'Chief Financial Officer']);
  });

  it('finds the relationship labels OCR misread ("Piector", "X10 Ownee") and the mark glued to one', function () {
    const o = read('form4-tesseract-relationship-labels-misread.txt').reportingOwners[0];
    assert.deepEqual([o.isDirector.value, o.isTenPercentOwner.value, o.isOfficer.value], [false, true, false]);
  });

  it('finds the officer box by its "(give title below)" when OCR misread "Officer" ("Pfticer")', function () {
    const o = read('form4-tesseract-officer-label-misread.txt').reportingOwners[0];
    assert.deepEqual(
      [o.isDirector.value, o.isOfficer.value, o.officerTitle.value],
      [false, true, 'Chief Financial Officer'],
    );
  });

  it('reads a check mark OCR doubled ("xX Officer") as checked, flagged', function () {
    const f = read('form4-tesseract-doubled-mark.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.isOfficer.value, true);
    assert.equal(o.officerTitle.value, 'Treasurer');
    assertFlagged(f, o.isOfficer, 'the check mark is written "xX"');
  });
});

describe("text: a relationship box's mark with the box's border read beside it", function () {
  it('reads "Xx | Officer" as Officer checked, and the title beside the date box', function () {
    const f = read('form4-tesseract-officer-mark-border.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.isDirector.value, o.isTenPercentOwner.value, o.isOfficer.value, o.isOther.value],
      [false, false, true, false],
    );
    assertFlagged(f, o.isOfficer, 'the check mark is written "Xx"');
    assert.equal(o.officerTitle.value, 'Chief Financial Officer');
  });

  it('reads "X - Director" as Director checked: a dash between the mark and the label is the box\'s edge', function () {
    const o = read('form4-tesseract-director-mark-dash.txt').reportingOwners[0];
    assert.deepEqual([o.isDirector.value, o.isTenPercentOwner.value], [true, false]);
  });

  it('says a "*" in the 10% Owner box may be its X, leaving the box unchecked', function () {
    const f = read('form4-tesseract-box-asterisk.txt');
    const o = f.reportingOwners[0];
    assert.deepEqual([o.isDirector.value, o.isTenPercentOwner.value], [true, false]);
    assertFlagged(f, o.isTenPercentOwner, 'OCR may have read its X as "*"');
    assert.ok(!o.isDirector.uncertain);
  });
});

describe('text: the relationship title where OCR puts it', function () {
  it('reads the title beside the date box, wrapped over lines between the street lines, flagged', function () {
    const f = read('form4-tesseract-title-beside-date.txt');
    const o = f.reportingOwners[0];
    assert.equal(o.officerTitle.value, 'Chief Navigation Officer');
    assertFlagged(f, o.officerTitle, 'read beside the date box');
    assert.deepEqual([o.street1.value, o.street2.value], ['C/O KESTREL BAY MARINE INC.', '400 QUAY STREET']);
    assert.ok(!f.findings.some((x) => x.message.includes('Officer is checked but no title was found')));
  });

  it('reads the title after a comma OCR put after the date ("03/04/2025, Co-Founder")', function () {
    const f = read('form4-tesseract-title-after-comma.txt');
    assert.equal(f.reportingOwners[0].officerTitle.value, 'Co-Founder');
    // The box's edge read as a bracket there ("[General Counsel") too.
    const g = read('form4-tesseract-title-after-comma.txt', (s) => s.replace('2025, Co-Founder', '2025 [Co-Founder'));
    assert.equal(g.reportingOwners[0].officerTitle.value, 'Co-Founder');
  });
});

describe("text: the relationship boxes in a PDF's reading order (pdftotext without -layout)", function () {
  it("reads the boxes' marks written before box 5's own label", function () {
    const o = read('form4-pdftotext-reading-order-amendment.txt').reportingOwners[0];
    assert.deepEqual(
      [o.isDirector.value, o.isTenPercentOwner.value, o.isOfficer.value, o.isOther.value],
      [false, false, true, false],
    );
  });

  it('takes no label before box 5\'s label without a box drawn before it ("Director" alone), and says it was not found', function () {
    const f = read('form4-pdftotext-reading-order-amendment.txt', (s) => s.replace('_____ Director', 'Director'));
    const o = f.reportingOwners[0];
    assert.deepEqual([o.isDirector.value, o.isOfficer.value], [null, true]);
    assert.ok(f.findings.some((x) => /the box Director could not be found/.test(x.message)));
  });
});
