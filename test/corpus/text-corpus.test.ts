/**
 * The text reader on corpus filings that have no XML counterpart to be compared with: every value of a Form 4 filed as
 * text in 2000, read from the EDGAR submission it came in. (Text extracted from the corpus PDFs, compared with the
 * XML: text-pdf-corpus.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../src/core/parse/index';
import { toJson } from '../../src/core/json';
import type { DerivativeRow } from '../../src/core/model';
import { textSpanProblems } from '../helpers/html-spans';
import { CORPUS_DIR, corpusOrSkip } from '../helpers/shared';

describe('text: the corpus Form 4 filed as text in 2000 (EDGAR submission without XML)', function () {
  before(function () {
    corpusOrSkip(this);
  });

  it('reads owner, issuer, period, the option grant of Table II and the signature', function () {
    const file = path.join(CORPUS_DIR, 'txt', 'edgartools__sgml__0001094891-00-000193.txt');
    const t = fs.readFileSync(file, 'utf8');
    const r = parseText(t, file);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const f = r.filing;
    assert.equal(f.source, 'text');
    assert.deepEqual(textSpanProblems(f), []);
    assert.equal(f.periodOfReport.value, '2000-02-29');
    assert.deepEqual([f.issuer.name.value, f.issuer.tradingSymbol.value], ['Productivity Technologies Corp.', 'PRAC']);
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.name.value, o.city.value, o.state.value, o.zipCode.value, o.isDirector.value],
      ['Foster, Alan H.', 'New York', 'NY', '10022', true],
    );
    assert.equal(f.nonDerivative.length, 0);
    assert.equal(f.derivative.length, 1);
    const d = f.derivative[0] as DerivativeRow;
    assert.deepEqual(
      [
        d.securityTitle.value,
        d.conversionOrExercisePrice.value,
        d.transactionDate.value,
        d.transactionCode.value,
        d.transactionShares.value,
        d.exerciseDate.value,
        d.expirationDate.value,
        d.underlyingSecurityTitle.value,
        d.underlyingSecurityShares.value,
        d.sharesOwnedFollowingTransaction.value,
        d.directOrIndirectOwnership.value,
      ],
      [
        'Options to Purchase Common Stock',
        '1.375',
        '2000-02-07',
        'A',
        '12000',
        '2000-02-07',
        '2005-02-07',
        'Common Stock',
        '12000',
        '12000',
        'D',
      ],
    );
    // "A,D" in the A/D column is not read as either, and said so.
    assert.equal(d.transactionAcquiredDisposedCode.value, null);
    assert.ok(f.findings.some((x) => /"A,D" is not A or D/.test(x.message)));
    assert.deepEqual(toJson(f).signatures, [{ name: '/s/ Alan H. Foster', date: '2000-03-13' }]);
  });
});
