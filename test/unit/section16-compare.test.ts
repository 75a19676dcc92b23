/**
 * An amendment compared with its original (test/fixtures/section16/amendments/): Mbeki's 4/A of 2024-03-22 restates
 * the shares sold on 2024-03-15 (2,000 -> 2,500), the amounts owned after, the footnoted price range, and adds a sale
 * of 2024-03-18 the original left out; Ashby's 4/A has no original in the set.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findOriginal, givenOriginal, pairAmendments } from '../../src/core/section16/amendments';
import { compareFilings } from '../../src/core/section16/compare';
import { loadFiling, loadFolder, SECTION16_DIR } from './section16-fixtures';

const DIR = path.join(SECTION16_DIR, 'amendments');

describe('section16 amendment comparison', () => {
  const original = loadFiling(path.join(DIR, '2024-03-19-mbeki-form4.txt'));
  const amendment = loadFiling(path.join(DIR, '2024-03-22-mbeki-form4a.txt'));

  it('pairs a 4/A with the original filed on its date of original submission', () => {
    const p = findOriginal(amendment, loadFolder('amendments'));
    assert.equal(p.original?.file, original.file);
    assert.equal(p.by, 'date-of-original-submission');
    assert.match(p.note, /accession 0001900007-24-000005/);
  });

  it('says when the original is not in the set', () => {
    const pairings = pairAmendments(loadFolder('amendments'));
    const ashby = pairings.find((p) => path.basename(p.amendment.file).startsWith('ashby'));
    assert.ok(ashby);
    assert.equal(ashby.original, null);
    assert.match(ashby.note, /is not in the set/);
  });

  it('lists rows added and changed field by field, footnotes and remarks changed', () => {
    const cmp = compareFilings(original, amendment);
    assert.deepEqual(cmp.counts, { added: 1, removed: 0, changed: 2, unchanged: 0 });
    const [row1, row2, row3] = cmp.rows;
    assert.equal(row1.status, 'changed');
    assert.deepEqual(
      row1.changes.map((c) => [c.label, c.before, c.after]),
      [
        ['Amount', '2,000', '2,500'],
        ['Amount owned following', '18,000', '17,500'],
      ],
    );
    assert.deepEqual(
      row2.changes.map((c) => [c.label, c.before, c.after]),
      [['Amount owned following', '17,000', '16,500']],
    );
    assert.equal(row3.status, 'added');
    assert.equal(row3.before, null);
    assert.ok(
      row3.changes.some((c) => c.label === 'Transaction Date' && c.before === null && c.after === '2024-03-18'),
    );
    assert.deepEqual(
      cmp.footnotes.map((c) => c.label),
      ['Footnote F1'],
    );
    assert.match(cmp.footnotes[0].before ?? '', /\$41\.00 to \$41\.45/);
    assert.match(cmp.footnotes[0].after ?? '', /\$40\.95 to \$41\.45/);
    assert.equal(cmp.remarks?.before, null);
    assert.match(cmp.remarks?.after ?? '', /corrects the number of shares/);
    // Each change points at its place in the amendment.
    assert.ok(row1.changes.every((c) => c.afterLoc !== null && c.beforeLoc !== null));
  });

  it('a filing compared with itself differs in nothing', () => {
    const cmp = compareFilings(original, original);
    assert.deepEqual(cmp.counts, { added: 0, removed: 0, changed: 0, unchanged: 2 });
    assert.deepEqual(cmp.document, []);
    assert.deepEqual(cmp.footnotes, []);
    assert.equal(cmp.remarks, null);
  });

  it('the rows the amendment removes are listed as removed', () => {
    // Compared the other way round, the added sale is a row the "amendment" removed.
    const cmp = compareFilings(amendment, original);
    assert.equal(cmp.counts.removed, 1);
    const removed = cmp.rows.find((r) => r.status === 'removed');
    assert.equal(removed?.after, null);
  });

  it('an original given by hand that does not fit is compared, with the misfit said', () => {
    const p = givenOriginal(amendment, amendment);
    assert.match(p.note, /is itself an amendment/);
  });
});
