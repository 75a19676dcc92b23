/** Cross-filing reconciliation on hand-written fixtures (the rules over the whole corpus: test/corpus/rules-corpus.test.ts). */
import * as assert from 'node:assert/strict';
import { reconcileFilings } from '../../../src/core/reconcile';
import { LineIndex } from '../../../src/core/positions';
import type { Filing } from '../../../src/core/model';
import { load } from './helpers';

const pos = (f: Filing, offset: number) => {
  const p = new LineIndex(f.text).position(offset);
  return `${p.line}:${p.column}`;
};

describe('cross-filing reconciliation (holdings-reconcile-cross)', () => {
  const base = () => load('base.xml');
  it('is silent when the next filing follows from the last amount of the previous one', () => {
    assert.deepEqual(reconcileFilings([load('holdings-reconcile-cross/next-ok.xml'), base()]), []);
  });
  it('reports on the later filing, naming both files and rows, whatever order the files come in', () => {
    for (const order of [0, 1]) {
      const next = load('holdings-reconcile-cross/next-bad.xml');
      const list = order ? [next, base()] : [base(), next];
      const out = reconcileFilings(list);
      assert.equal(out.length, 1);
      const [c] = out;
      assert.equal(c.file, next.file);
      assert.equal(c.finding.rule, 'holdings-reconcile-cross');
      assert.equal(c.finding.severity, 'warning');
      assert.equal(pos(next, c.finding.span!.start), '37:57');
      assert.equal(next.text.slice(c.finding.span!.start, c.finding.span!.end), '11900');
      assert.match(
        c.finding.message,
        /^Table I row 1 \(Common Stock, direct\): base\.xml ended with 12,500 \(Table I row 2\); 12,500 - 500 disposed = 12,000, but this filing states 11,900 \(off by 100;/,
      );
      const r = c.finding.related![0];
      assert.match(r.file!, /base\.xml$/);
      const b = list.find((f) => f.file === r.file)!;
      assert.equal(b.text.slice(r.span!.start, r.span!.end), '12500');
    }
  });
  it('a holding that differs is an info note, not a warning; an equal holding is silent', () => {
    const h = load('holdings-reconcile-cross/holding-changed.xml');
    const out = reconcileFilings([base(), h]);
    assert.deepEqual(
      out.map((c) => `${c.finding.rule}:${c.finding.severity}:${pos(h, c.finding.span!.start)}`),
      ['holdings-changed-cross:info:26:57'],
    );
    assert.match(
      out[0].finding.message,
      /holds 12,400, but base\.xml ended with 12,500 \(Table I row 2\); the difference is -100/,
    );
  });
  it('counts the same filing given twice once, and honours severities', () => {
    const next = load('holdings-reconcile-cross/next-bad.xml');
    assert.equal(reconcileFilings([base(), base(), next, load('holdings-reconcile-cross/next-bad.xml')]).length, 1);
    assert.deepEqual(reconcileFilings([base(), next], { severities: { 'holdings-reconcile-cross': 'off' } }), []);
    assert.equal(
      reconcileFilings([base(), next], { severities: { 'holdings-reconcile-cross': 'error' } })[0].finding.severity,
      'error',
    );
  });
  it('says when a stock split between the filings would explain the difference', () => {
    const next = load('holdings-reconcile-cross/next-bad.xml');
    const owned = next.nonDerivative[0].sharesOwnedFollowingTransaction;
    owned.value = '24500'; // 12,500 x 2 - 500
    const [c] = reconcileFilings([base(), next]);
    assert.match(
      c.finding.message,
      /but this filing states 24,500 \(off by 12,500; consistent with a 2-for-1 split between the filings\)/,
    );
  });
  it('does not chain different owners or issuers', () => {
    const next = load('holdings-reconcile-cross/next-bad.xml');
    next.reportingOwners[0].cik = { ...next.reportingOwners[0].cik, value: '0001111111' };
    assert.deepEqual(reconcileFilings([base(), next]), []);
  });
});
