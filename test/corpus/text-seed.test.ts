/**
 * The OCR seed (../shared/seed/000_82a85f6565519174.txt): a Form 4 extracted from a PDF with merged columns,
 * broken words and LaTeX-like escapes. It is detected as text; everything the model must recover from it, and the
 * uncertainty it must admit (never a silent guess), with spans that point at the source text; and its summary says
 * what the same filing's EDGAR XML says.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SEED_FILE as SEED, sharedOrSkip } from '../helpers/shared';
import { detectKind } from '../../src/core/detect';
import { summarize } from '../../src/core/summary';
import { parseText } from '../../src/core/parse/index';
import { parseFormText } from '../../src/core/parse/text';
import { toJson } from '../../src/core/json';
import type { Filing } from '../../src/core/model';
import { textSpanProblems } from '../helpers/html-spans';

function load(file: string): Filing {
  const out = parseText(fs.readFileSync(file, 'utf8'), file);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

describe('text: the OCR seed of a Form 4 (Alto Ingredients)', function () {
  let text = '';
  let filing: Filing;

  before(function () {
    sharedOrSkip(this, SEED);
    text = fs.readFileSync(SEED, 'utf8');
    const r = parseText(text, SEED);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    filing = r.filing;
  });

  it('is detected as text and read as source "text"', function () {
    assert.equal(detectKind(text).kind, 'text');
    assert.equal(filing.source, 'text');
    assert.equal(filing.text, text);
  });

  it('reads the header boxes: form type, period, issuer', function () {
    assert.equal(filing.documentType.value, '4');
    assert.equal(filing.periodOfReport.value, '2024-04-01');
    assert.equal(filing.issuer.name.value, 'Alto Ingredients, Inc.');
    assert.equal(filing.issuer.tradingSymbol.value, 'ALTO');
    assert.equal(filing.dateOfOriginalSubmission.value, null);
    assert.equal(filing.notSubjectToSection16.value, false);
    assert.equal(filing.aff10b5One.value, false);
  });

  it('keeps the owner name as written and flags the OCR-suspect initial against the signature', function () {
    assert.equal(filing.reportingOwners.length, 1);
    const o = filing.reportingOwners[0];
    assert.equal(o.name.value, 'Benton Todd I');
    assert.equal(o.name.uncertain, true);
    const f = filing.findings.find((x) => x.rule === 'extraction-uncertain' && /middle initial "I"/.test(x.message));
    assert.ok(f, 'an extraction-uncertain finding on the name');
    assert.equal(f.severity, 'info');
    assert.equal(text.slice(f.span!.start, f.span!.end), 'Benton Todd I');
  });

  it('reads the address: street (flagged: merged with the column labels), city, state, ZIP', function () {
    const o = filing.reportingOwners[0];
    assert.match(o.street1.value!, /^1300 SOUTH SE/);
    assert.equal(o.street1.uncertain, true);
    assert.equal(o.city.value, 'PEKIN');
    assert.equal(o.state.value, 'IL');
    assert.equal(o.zipCode.value, '61554');
  });

  it('reads the relationship: officer with title, nothing else checked', function () {
    const o = filing.reportingOwners[0];
    assert.equal(o.isOfficer.value, true);
    assert.equal(o.officerTitle.value, 'Chief Operating Officer');
    assert.equal(o.isDirector.value, false);
    assert.equal(o.isOther.value, false);
    // "10% Owner" is not in the text at all: read as unchecked, and said so.
    assert.ok(filing.findings.some((x) => x.rule === 'extraction-uncertain' && /10% Owner/.test(x.message)));
  });

  it('reads exactly one Table I row and no Table II rows', function () {
    assert.equal(filing.nonDerivative.length, 1);
    assert.equal(filing.derivative.length, 0);
    const r = filing.nonDerivative[0];
    assert.equal(r.kind, 'transaction');
    assert.equal(r.securityTitle.value, 'Common Stock');
    assert.equal(r.transactionDate.value, '2024-04-01');
    assert.equal(r.deemedExecutionDate.value, null);
    assert.equal(r.transactionCode.value, 'F');
    assert.equal(r.transactionShares.value, '7402');
    assert.deepEqual(
      r.transactionShares.footnotes.map((x) => x.id),
      ['F1'],
    );
    assert.equal(r.transactionAcquiredDisposedCode.value, 'D');
    assert.equal(r.transactionPricePerShare.value, '2.29');
    assert.equal(r.sharesOwnedFollowingTransaction.value, '133612');
    assert.equal(r.directOrIndirectOwnership.value, 'D');
    assert.equal(r.natureOfOwnership.value, null);
    // Spans land on the source text: "\$2.29" in the file, "7,402" before "(1)".
    assert.equal(text.slice(r.transactionPricePerShare.span!.start, r.transactionPricePerShare.span!.end), '\\$2.29');
    assert.equal(text.slice(r.transactionShares.span!.start, r.transactionShares.span!.end), '7,402');
    const ref = r.transactionShares.footnotes[0];
    assert.equal(text.slice(ref.span!.start, ref.span!.end), '(1)');
  });

  it('reads footnote F1 through the LaTeX escapes, and the signature', function () {
    assert.equal(filing.footnotes.length, 1);
    assert.equal(filing.footnotes[0].id.value, 'F1');
    assert.equal(
      filing.footnotes[0].text.value,
      'Amount represents shares withheld upon vesting of restricted stock to cover withholding taxes.',
    );
    assert.equal(filing.signatures.length, 1);
    assert.equal(filing.signatures[0].name.value, '/s/ Todd E. Benton');
    assert.equal(filing.signatures[0].date.value, '2024-04-02');
    const s = filing.signatures[0].name.span!;
    assert.equal(text.slice(s.start, s.end), '/s/ Todd E. Benton');
    assert.equal(filing.remarks.value, null);
  });

  it('has exact spans everywhere and only info findings', function () {
    assert.deepEqual(textSpanProblems(filing), []);
    for (const f of filing.findings) {
      assert.equal(f.rule, 'extraction-uncertain');
      assert.equal(f.severity, 'info');
    }
    // Every uncertain field has a finding at its span.
    const o = filing.reportingOwners[0];
    for (const fld of [o.name, o.street1])
      assert.ok(
        filing.findings.some(
          (x) => x.span && fld.span && x.span.start === fld.span.start && x.span.end === fld.span.end,
        ),
      );
  });

  it('gives the JSON model of docs/JSON-MODEL.md', function () {
    const j = toJson(filing);
    assert.equal(j.source, 'text');
    assert.deepEqual(j.issuer, { cik: null, name: 'Alto Ingredients, Inc.', tradingSymbol: 'ALTO' });
    assert.deepEqual(j.nonDerivative[0].footnoteIds, ['F1']);
    assert.deepEqual(j.signatures, [{ name: '/s/ Todd E. Benton', date: '2024-04-02' }]);
    assert.deepEqual(j.footnotes, [
      {
        id: 'F1',
        text: 'Amount represents shares withheld upon vesting of restricted stock to cover withholding taxes.',
      },
    ]);
  });

  it('reads the same through parseFormText directly', function () {
    const r = parseFormText(text, 'seed.txt');
    assert.ok(r.ok);
    assert.deepEqual({ ...toJson(r.filing), file: '' }, { ...toJson(filing), file: '' });
  });

  it('gives the summary sentence of the same filing read from EDGAR XML, with its own values', function () {
    const f = load(SEED);
    assert.equal(f.source, 'text');
    assert.equal(f.reportingOwners[0].name.value, 'Benton Todd I', 'the OCR reading of the name (E read as I)');
    assert.deepEqual(summarize(f), [
      'Todd E. Benton (Chief Operating Officer) had 7,402 shares of Common Stock withheld at $2.29 ($16,950.58) to pay taxes on vesting (code F) on Apr 1, 2024, and holds 133,612 shares directly afterwards.',
    ]);
    // The same filing as EDGAR XML says the same.
    assert.deepEqual(summarize(load(path.join(REPO_ROOT, 'examples', 'alto-ingredients-form4.xml'))), summarize(f));
  });
});
