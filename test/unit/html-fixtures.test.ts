/**
 * EDGAR rendered HTML: a hand-written Form 4/A page (joint filers in a "Reporting Owners" table, the V column,
 * a value-based holding, a footnote-only box, entities, script and style that look like tables), markers written as
 * plain text, and pages that are not ownership forms. (Corpus pages: test/corpus/html-corpus.test.ts; hostile
 * markup: test/robustness/html-hostile.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEdgarHtml } from '../../src/core/parse/html';
import { parseText } from '../../src/core/parse/index';
import { toJson } from '../../src/core/json';
import type { DerivativeRow } from '../../src/core/model';
import { htmlSpanProblems, readHtmlChecked } from '../helpers/html-spans';
import { parseHtml, elements } from '../../src/core/parse/form/htmltree';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'html');

const read = readHtmlChecked;

const at = (text: string, s: { start: number; end: number } | null | undefined) =>
  s ? text.slice(s.start, s.end) : null;

describe('html: hand-written Form 4/A with joint filers', function () {
  const { text, filing } = read(path.join(DIR, 'form4a-joint-filers.html'));

  it('is detected as html and reads the header boxes', function () {
    const r = parseText(text, 'x.html');
    assert.ok(r.ok && r.filing.source === 'html');
    assert.equal(filing.documentType.value, '4/A');
    assert.equal(filing.periodOfReport.value, '2024-07-01');
    assert.equal(filing.dateOfOriginalSubmission.value, '2024-07-03');
    assert.equal(filing.notSubjectToSection16.value, false);
    assert.equal(filing.aff10b5One.value, true);
    assert.equal(filing.issuer.cik.value, '0000222222');
    assert.equal(at(text, filing.issuer.cik.span), '0000222222');
    assert.equal(filing.issuer.name.value, 'Widget & Gadget Holdings');
    assert.equal(at(text, filing.issuer.name.span), 'Widget &amp; Gadget Holdings');
    assert.equal(filing.issuer.tradingSymbol.value, 'WGH');
  });

  it('reads both owners from the "Reporting Owners" table, keeping the box address of the first', function () {
    assert.equal(filing.reportingOwners.length, 2);
    const [a, b] = filing.reportingOwners;
    assert.equal(a.name.value, "O'Neil Pat & Co");
    assert.equal(a.cik.value, '0001111111');
    assert.deepEqual(
      [a.street1.value, a.city.value, a.state.value, a.zipCode.value],
      ['1 MAIN ST', 'SPRINGFIELD', 'IL', '62701'],
    );
    assert.equal(a.city.uncertain, undefined, 'from the name-and-address box');
    assert.deepEqual(
      [a.isDirector.value, a.isTenPercentOwner.value, a.isOfficer.value, a.isOther.value],
      [false, true, false, true],
    );
    assert.equal(a.otherText.value, 'Member of 13(d) group');
    assert.equal(b.name.value, "Pat O'Neil");
    assert.equal(b.cik.value, '0003333333');
    assert.deepEqual(
      [b.street1.value, b.street2.value, b.city.value, b.state.value, b.zipCode.value],
      ['1 MAIN ST', 'SUITE 2', 'SPRINGFIELD', 'IL', '62701'],
    );
    assert.equal(b.city.uncertain, true);
    assert.deepEqual(
      [b.isDirector.value, b.isOfficer.value, b.officerTitle.value],
      [true, true, 'Chief Executive Officer'],
    );
  });

  it('maps every Table I column, the V column, several markers in one cell, and a value-based holding', function () {
    const [t, h] = filing.nonDerivative;
    assert.equal(t.kind, 'transaction');
    assert.equal(t.deemedExecutionDate.value, '2024-06-28');
    assert.deepEqual(
      t.deemedExecutionDate.footnotes.map((r) => r.id),
      ['F1'],
    );
    assert.equal(t.transactionTimeliness.value, 'E', 'V = voluntarily reported early');
    assert.equal(t.transactionShares.value, '1250.5');
    assert.equal(t.transactionPricePerShare.value, '10.00');
    assert.equal(at(text, t.transactionPricePerShare.span), '10.00');
    assert.deepEqual(
      t.transactionPricePerShare.footnotes.map((r) => [r.id, at(text, r.span)]),
      [
        ['F2', '(2)'],
        ['F3', '(3)'],
      ],
    );
    assert.equal(t.sharesOwnedFollowingTransaction.value, '51250.5');
    assert.equal(t.natureOfOwnership.value, 'By LLC');
    assert.equal(h.kind, 'holding');
    assert.equal(h.sharesOwnedFollowingTransaction.value, null);
    assert.equal(h.valueOwnedFollowingTransaction.value, '250000', 'a "$" before the amount owned means a value');
    assert.equal(h.transactionDate.present, false, 'an empty box is not a value');
    assert.ok(h.transactionDate.span, '...but keeps its place');
  });

  it('maps Table II: (D) column, footnote-only date exercisable, underlying, price, owned', function () {
    const d = filing.derivative[0] as DerivativeRow;
    assert.deepEqual(
      [
        d.kind,
        d.conversionOrExercisePrice.value,
        d.transactionCode.value,
        d.transactionShares.value,
        d.transactionAcquiredDisposedCode.value,
      ],
      ['transaction', '11.50', 'X', '400', 'D'],
    );
    assert.equal(d.exerciseDate.value, null);
    assert.equal(d.exerciseDate.present, true);
    assert.deepEqual(
      d.exerciseDate.footnotes.map((r) => r.id),
      ['F4'],
    );
    assert.deepEqual(
      [
        d.expirationDate.value,
        d.underlyingSecurityTitle.value,
        d.underlyingSecurityShares.value,
        d.transactionPricePerShare.value,
        d.sharesOwnedFollowingTransaction.value,
      ],
      ['2029-07-01', 'Common Stock', '400', '0', '1600'],
    );
    assert.equal(toJson(filing).derivative[0].footnoteIds.join(), 'F4');
  });

  it('reads footnotes (entities decoded), two remarks lines and two signatures; ignores script and style', function () {
    assert.deepEqual(
      filing.footnotes.map((f) => f.id.value),
      ['F1', 'F2', 'F3', 'F4'],
    );
    assert.match(filing.footnotes[0].text.value!, /beneficial ownership <except> to the extent/);
    assert.equal(at(text, filing.footnotes[3].id.span), '4');
    assert.equal(filing.remarks.value, 'Amended to add the deemed execution date. Second remarks line.');
    assert.deepEqual(toJson(filing).signatures, [
      { name: "/s/ Pat O'Neil, for Pat & Co", date: '2024-07-05' },
      { name: "/s/ Pat O'Neil", date: '2024-07-05' },
    ]);
    assert.equal(filing.nonDerivative.length, 2, 'the table inside <script> is not read');
  });
});

describe('html: markers written as plain text', function () {
  it('takes "(1)" after a value as a footnote citation, not as part of the value', function () {
    const page = [
      '<html><head><title>SEC FORM 4</title></head><body><table><tr><td class="FormName">FORM 4</td></tr></table>',
      '<table border="1"><tr><td><span class="MedSmallFormText">1. Name and Address of Reporting Person</span><table><tr><td><a href="x?CIK=0000000042">Doe Jane</a></td></tr></table></td>',
      '<td><span class="MedSmallFormText">3. Date of Earliest Transaction (Month/Day/Year)</span><br><span class="FormData">01/02/2024</span></td></tr></table>',
      '<table><thead><tr><th colspan="11">Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned</th></tr>',
      '<tr><th rowspan="2">1. Title of Security (Instr. 3)</th><th rowspan="2">2. Transaction Date (Month/Day/Year)</th><th rowspan="2">2A. Deemed Execution Date, if any (Month/Day/Year)</th><th colspan="2">3. Transaction Code (Instr. 8)</th><th colspan="3">4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)</th><th rowspan="2">5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)</th><th rowspan="2">6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)</th><th rowspan="2">7. Nature of Indirect Beneficial Ownership (Instr. 4)</th></tr>',
      '<tr><th>Code</th><th>V</th><th>Amount</th><th>(A) or (D)</th><th>Price</th></tr></thead>',
      '<tbody><tr><td>Common Stock</td><td>01/02/2024</td><td></td><td>F</td><td></td><td>7,402(1)</td><td>D</td><td>$2.29 (2)(3)</td><td>133,612</td><td>D</td><td></td></tr></tbody></table>',
      '</body></html>',
    ].join('\n');
    const r = parseEdgarHtml(page, 'plain.html');
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const row = r.filing.nonDerivative[0];
    assert.equal(row.transactionShares.value, '7402');
    assert.equal(at(page, row.transactionShares.span), '7,402');
    assert.deepEqual(
      row.transactionShares.footnotes.map((x) => [x.id, at(page, x.span)]),
      [['F1', '(1)']],
    );
    assert.equal(row.transactionPricePerShare.value, '2.29');
    assert.deepEqual(
      row.transactionPricePerShare.footnotes.map((x) => x.id),
      ['F2', 'F3'],
    );
    assert.equal(r.filing.reportingOwners[0].cik.value, '0000000042');
    assert.deepEqual(htmlSpanProblems(r.filing), []);
  });
});

describe('html: not an ownership form, and markup of other pages', function () {
  it('gives ok:false with a reason for another HTML page', function () {
    const r = parseEdgarHtml(fs.readFileSync(path.join(DIR, 'not-an-ownership-form.html'), 'utf8'), 'q.html');
    assert.equal(r.ok, false);
    assert.ok(!r.ok && /not an EDGAR Form 3\/4\/5 page/.test(r.reason));
    for (const s of ['', '<', '<html', '\u0000\u0001\u0002', '<!--', '<td>', '&#xFFFFFFFF;&#0;&bogus;']) {
      const x = parseEdgarHtml(s, 'x.html');
      assert.equal(x.ok, false, JSON.stringify(s));
    }
  });

  it('builds a tree with implied end tags and decoded entities', function () {
    const root = parseHtml('<table><tr><td>a<td>b&amp;c<tr><td>d</table><p>x<p>y');
    const tds = elements(root, (e) => e.name === 'td');
    assert.equal(tds.length, 3);
    assert.deepEqual(
      tds.map((td) => td.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')),
      ['a', 'b&c', 'd'],
    );
    assert.equal(elements(root, (e) => e.name === 'tr').length, 2);
    assert.equal(elements(root, (e) => e.name === 'p').length, 2);
  });
});
