/**
 * The classes of false alarm found on real filings the rules were not tuned on, each as a pair of hand-made fixtures
 * (test/fixtures/rules/<rule>/...): one the form's instructions allow, which raises no error, and one that is really
 * wrong, which still does. Plus the running tally's blame (the misstated row, not the next one) and the conversion
 * ratio that explains a derivative's underlying amount.
 */
import * as assert from 'node:assert/strict';
import { runRules } from '../../../src/core/rules';
import { LineIndex } from '../../../src/core/positions';
import type { Filing, Finding, Severity } from '../../../src/core/model';
import { load } from './helpers';

const NOW = new Date('2025-01-01T00:00:00Z');

function check(filing: Filing): Finding[] {
  return [...filing.findings, ...runRules(filing, { now: NOW })];
}

const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule}: ${f.message}`).join('\n');

function line(filing: Filing, f: Finding): number {
  assert.ok(f.span, `${f.rule} has no span`);
  return new LineIndex(filing.text).position(f.span.start).line;
}

/** The findings of one fixture at a severity. */
function at(rel: string, severity: Severity): { filing: Filing; found: Finding[]; all: Finding[] } {
  const filing = load(rel);
  const all = check(filing);
  return { filing, found: all.filter((f) => f.severity === severity), all };
}

function noError(rel: string): Finding[] {
  const { found, all } = at(rel, 'error');
  assert.deepEqual(found, [], show(all));
  return all;
}

describe('false alarms on real filings, by class: the lawful case raises no error, the wrong one still does', () => {
  describe('1. Form 5 amounts: the amount owned at the end of the fiscal year', () => {
    it('rows that each state the year-end amount: nothing at all', () => {
      assert.deepEqual(noError('holdings-reconcile/form5-year-end-ok.xml'), []);
    });
    it('gifts marked disposed while the amount rises by exactly the shares: an error on each such row', () => {
      const { filing, found, all } = at('holdings-reconcile/form5-reversed-wrong.xml', 'error');
      assert.deepEqual(
        found.map((f) => `${f.rule}@${line(filing, f)}`),
        ['holdings-reconcile@62', 'holdings-reconcile@82'],
        show(all),
      );
      assert.match(
        found[0].message,
        /the amount rises by exactly the 500 shares, as an acquisition would, though the row says disposed of \(D\)/,
      );
    });
    it('two holdings described alike (one nature text) whose interleaved rows each add up: separate, no finding', () => {
      assert.deepEqual(noError('holdings-reconcile/shared-nature-ok.xml'), []);
    });
    it('the same two holdings with one amount wrong: an error', () => {
      const { found, all } = at('holdings-reconcile/shared-nature-wrong.xml', 'error');
      assert.equal(found.length, 1, show(all));
      assert.equal(found[0].rule, 'holdings-reconcile');
    });
  });

  describe('2. A footnote on the ownership form (D/I) is part of the holding', () => {
    it('an I footnoted "IRA" and the plain I rows each add up: no finding', () => {
      assert.deepEqual(noError('holdings-reconcile/di-footnote-ok.xml'), []);
    });
    it('the IRA rows themselves do not add up: an error on the IRA row', () => {
      const { filing, found, all } = at('holdings-reconcile/di-footnote-wrong.xml', 'error');
      assert.deepEqual(
        found.map((f) => `${f.rule}@${line(filing, f)}`),
        ['holdings-reconcile@104'],
        show(all),
      );
      assert.match(found[0].message, /Table I row 4 \(Common Stock, indirect F1 \(By Reporting Person\)\)/);
    });
  });

  describe('3. A gap a footnote on the amounts explains', () => {
    it('is a note that quotes the footnote when the shares it counts make up the gap exactly', () => {
      const all = noError('holdings-reconcile/footnote-gap-ok.xml');
      assert.equal(all.length, 1, show(all));
      assert.equal(all[0].severity, 'info');
      assert.match(
        all[0].message,
        /off by 1,147\); footnote F1 on the amounts accounts for exactly these 1,147 shares: "Includes 1,147 shares acquired under the Issuer's employee stock purchase plan/,
      );
    });
    it('is a note when the shares it counts make up the gap together (two purchases under a plan)', () => {
      const all = noError('holdings-reconcile/footnote-gap-two-counts-ok.xml');
      assert.deepEqual(
        all.map((f) => `${f.severity} ${f.rule}`),
        ['info holdings-reconcile'],
        show(all),
      );
      assert.match(all[0].message, /accounts for exactly these 1,147 shares: "Includes 1,000 shares acquired/);
    });
    it('is a warning that quotes the footnote when it counts no shares that make up the gap', () => {
      const all = noError('holdings-reconcile/footnote-gap-uncounted-ok.xml');
      assert.equal(all.length, 1, show(all));
      assert.equal(all[0].severity, 'warning');
      assert.match(
        all[0].message,
        /off by 1,147\); footnote F1 on the amounts says "Includes shares acquired under the Issuer's employee stock purchase plan/,
      );
    });
    it('the same gap with no footnote is an error', () => {
      const { found } = at('holdings-reconcile/footnote-gap-wrong.xml', 'error');
      assert.deepEqual(
        found.map((f) => f.rule),
        ['holdings-reconcile'],
      );
    });
  });

  describe('4. Weighted-average prices rounded to the cent', () => {
    it('$5.14 against trades of $5.1386 to $5.1390 is within half a cent: no finding', () => {
      assert.deepEqual(noError('weighted-price-range/rounded-ok.xml'), []);
    });
    it('$5.15 is outside: an error', () => {
      const { found } = at('weighted-price-range/rounded-wrong.xml', 'error');
      assert.deepEqual(
        found.map((f) => f.rule),
        ['weighted-price-range'],
      );
    });
  });

  describe('5. Code J described in the remarks', () => {
    it('remarks that say what the transaction was ("3 for 2 stock split") describe it: no finding', () => {
      assert.deepEqual(noError('code-j-footnote/remarks-ok.xml'), []);
    });
    it('a footnote that only says whose holding it is ("IRA") does not: an error', () => {
      const { found, all } = at('code-j-footnote/ira-only-wrong.xml', 'error');
      assert.deepEqual(
        found.map((f) => f.rule),
        ['code-j-footnote'],
        show(all),
      );
      assert.match(found[0].message, /footnote F1 of the row does not say what it was/);
    });
    it("a transfer reported as two J rows is described by the receiving row's footnote: no finding", () => {
      assert.deepEqual(noError('code-j-footnote/transfer-other-side-ok.xml'), []);
    });
    it("the other row's footnote saying only who manages the holding does not describe it: an error", () => {
      const { found, all } = at('code-j-footnote/other-side-undescribed-wrong.xml', 'error');
      assert.deepEqual(
        found.map((f) => [f.rule, f.message.slice(0, 11)]),
        [['code-j-footnote', 'Table I row']],
        show(all),
      );
      assert.match(found[0].message, /^Table I row 1 /);
    });
  });

  describe("6. The Form 5 deadline from the issuer's fiscal year end", () => {
    it('a period of report that is a transaction date does not move the deadline (FISCAL YEAR END 1231): on time', () => {
      assert.deepEqual(noError('form5-late/fye-header-ok.txt'), []);
    });
    it('filed on the deadline day: on time', () => {
      assert.deepEqual(noError('form5-late/deadline-day-ok.txt'), []);
    });
    it('filed after the deadline: the warning gives the right due date', () => {
      const { found, all } = at('form5-late/fye-header-late.txt', 'warning');
      assert.equal(found.length, 1, show(all));
      assert.match(
        found[0].message,
        /fiscal year ended 2023-12-31, so the Form 5 was due by 2024-02-14 \(Wednesday\), but it was filed 2024-02-20 \(Tuesday\): 6 days late/,
      );
    });
  });

  describe("7. X0609's elements are known", () => {
    it('issuerForeignTradingSymbol and the non-US address of the owner: no finding', () => {
      assert.deepEqual(check(load('xml-unknown-element/x0609-ok.xml')), []);
    });
    it('an element no schema defines is still noted', () => {
      assert.deepEqual(
        check(load('xml-unknown-element/x0609-unknown.xml')).map((f) => f.rule),
        ['xml-unknown-element'],
      );
    });
  });

  describe('A report split over several forms (the 30-row limit)', () => {
    it('the later form carrying the period of the whole report is a warning that says so', () => {
      const all = noError('period-of-report/split-report.xml');
      assert.deepEqual(
        all.map((f) => `${f.severity} ${f.rule}`),
        ['warning period-of-report'],
      );
      assert.match(all[0].message, /one of several for the same report/);
    });
  });
});

describe('the running tally blames the row whose amount does not fit', () => {
  it('row 2 states 61,416 where 60,416 reconciles and row 3 follows from 60,416: row 2 is flagged, row 3 is not', () => {
    const { filing, found, all } = at('holdings-reconcile/misstated-row-wrong.xml', 'error');
    assert.deepEqual(
      all.map((f) => `${f.rule}@${line(filing, f)}`),
      ['holdings-reconcile@62'],
      show(all),
    );
    assert.match(
      found[0].message,
      /Table I row 2 .*78,667 owned before - 18,251 disposed = 60,416, but the filing states 61,416 \(off by 1,000\); Table I row 3 follows from 60,416, so it is this row's amount owned that does not fit: 60,416 would reconcile/,
    );
    assert.deepEqual(
      found[0].related?.map((r) => filing.text.slice(r.span!.start, r.span!.end)),
      ['78667', '19600'],
    );
  });
  it('as written, the rows add up', () => {
    assert.deepEqual(check(load('holdings-reconcile/misstated-row-ok.xml')), []);
  });
});

describe('the running tally names shares written with a point grouping thousands', () => {
  it('row 2 disposes of "18.251" shares where 18,251 reconciles: the finding stands on the shares and says so', () => {
    const { filing, found, all } = at('holdings-reconcile/point-grouped-shares-wrong.xml', 'error');
    assert.deepEqual(
      all.map((f) => `${f.rule}@${line(filing, f)}`),
      ['holdings-reconcile@57'],
      show(all),
    );
    assert.equal(filing.text.slice(found[0].span!.start, found[0].span!.end), '18.251');
    assert.match(
      found[0].message,
      /78,667 owned before - 18\.251 disposed = 78,648\.749, but the filing states 60,416 .*the shares written "18\.251" are 18,251 if the point groups thousands, and then the row adds up; the form.s amounts take no grouping marks, so as filed the shares are 18\.251$/,
    );
  });
});

describe('a conversion ratio stated in a footnote explains the underlying amount', () => {
  it('says which footnote and stays a note', () => {
    const all = check(load('underlying-shares-differ/ratio-footnote.xml'));
    assert.deepEqual(
      all.map((f) => `${f.severity} ${f.rule}`),
      ['info underlying-shares-differ'],
    );
    assert.match(
      all[0].message,
      /footnote F5 states the conversion ratio \("2-for-1"\), which explains the difference/,
    );
  });
  it('is a note even when the rule is raised to warning', () => {
    const f = runRules(load('underlying-shares-differ/ratio-footnote.xml'), {
      now: NOW,
      severities: { 'underlying-shares-differ': 'warning' },
    });
    assert.deepEqual(
      f.map((x) => x.severity),
      ['info'],
    );
  });
  it('without a ratio the note says none is stated', () => {
    const all = check(load('underlying-shares-differ/fires.xml'));
    assert.match(all[0].message, /no footnote of the row states a conversion ratio/);
  });
  it('put or call contracts on 100 shares each: the note says so, even raised to warning; 50 a contract is not explained', () => {
    const f = runRules(load('underlying-shares-differ/listed-options.xml'), {
      now: NOW,
      severities: { 'underlying-shares-differ': 'warning' },
    });
    assert.deepEqual(
      f.map((x) => [x.severity, x.message.slice(0, 13)]),
      [
        ['info', 'Table II row '],
        ['warning', 'Table II row '],
      ],
    );
    assert.match(f[0].message, /^Table II row 1: .*: 100 shares a contract, the standard unit of a listed put or call/);
    assert.match(f[1].message, /^Table II row 2: .*no footnote of the row states a conversion ratio/);
  });
});

describe('a written option takes the other flag for P and S', () => {
  it('a written call bought back (P, D) and a written put sold (S, A) fit; a held call coded P and disposed of does not', () => {
    const { filing, found, all } = at('code-acquired-disposed/written-options.xml', 'warning');
    assert.deepEqual(
      found.map((f) => `${f.rule}@${line(filing, f)}`),
      ['code-acquired-disposed@95'],
      show(all),
    );
    assert.match(found[0].message, /^Table II row 3: code P \(purchase\)/);
  });
});
