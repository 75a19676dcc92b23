/** The engine and the running tally on filings built directly from the model (no parser involved). */
import * as assert from 'node:assert/strict';
import {
  emptyFiling,
  emptyOwner,
  emptyRow,
  type Field,
  type Filing,
  type Finding,
  type Row,
} from '../../../src/core/model';
import { applySeverities, RULES, runRules } from '../../../src/core/rules';
import { tallyFiling } from '../../../src/core/tally';
import { priceRanges } from '../../../src/core/rules/amounts';

let pos = 0;
/** A present field; each gets its own span so findings can be located. */
function v<T = string>(value: T, raw = String(value), footnotes: string[] = []): Field<T> {
  const span = { start: pos, end: pos + raw.length };
  pos += raw.length + 1;
  return { raw, value, present: true, span, footnotes: footnotes.map((id) => ({ id, span: null })) };
}

interface Tx {
  title?: string;
  date: string;
  code?: string;
  shares: string | null;
  ad: 'A' | 'D';
  owned: string | null;
  di?: 'D' | 'I';
  nature?: string;
  natureFn?: string[];
  ownedFn?: string[];
  price?: string;
  expiration?: string;
}

function row(table: 'nonDerivative' | 'derivative', index: number, t: Tx): Row {
  const r =
    table === 'derivative'
      ? emptyRow('derivative', 'transaction', index)
      : emptyRow('nonDerivative', 'transaction', index);
  r.securityTitle = v(t.title ?? 'Common Stock');
  r.transactionDate = v(t.date);
  r.transactionFormType = v('4');
  r.transactionCode = v(t.code ?? (t.ad === 'A' ? 'P' : 'S'));
  r.transactionShares =
    t.shares === null
      ? { ...v<string>(null as unknown as string, ''), value: null, raw: null, footnotes: [{ id: 'F9', span: null }] }
      : v(t.shares);
  r.transactionPricePerShare = v('10');
  r.transactionAcquiredDisposedCode = v(t.ad);
  r.sharesOwnedFollowingTransaction =
    t.owned === null
      ? { raw: null, value: null, present: true, span: null, footnotes: [{ id: 'F9', span: null }] }
      : v(t.owned, t.owned, t.ownedFn ?? []);
  r.directOrIndirectOwnership = v(t.di ?? 'D');
  if (t.nature !== undefined || t.natureFn) r.natureOfOwnership = v(t.nature ?? '', t.nature ?? '', t.natureFn ?? []);
  if (r.table === 'derivative') {
    r.conversionOrExercisePrice = v(t.price ?? '10');
    r.expirationDate = v(t.expiration ?? '2030-01-01');
    r.exerciseDate = v('2020-01-01');
    r.underlyingSecurityTitle = v('Common Stock');
    r.underlyingSecurityShares = t.shares === null ? v('0') : v(t.shares);
  }
  return r;
}

function filing(nd: Tx[], d: Tx[] = [], source: Filing['source'] = 'xml'): Filing {
  const f = emptyFiling('test.xml', source, 'x'.repeat(100000));
  f.documentType = v('4');
  f.periodOfReport = v([...nd, ...d].map((t) => t.date).sort()[0] ?? '2024-03-01');
  f.issuer.cik = v('0001234567');
  const o = emptyOwner();
  o.cik = v('0007654321');
  o.isDirector = v(true, '1');
  f.reportingOwners = [o];
  f.nonDerivative = nd.map((t, i) => row('nonDerivative', i, t) as never);
  f.derivative = d.map((t, i) => row('derivative', i, t) as never);
  f.footnotes = [{ id: v('F9'), text: v('Explained.'), span: null }];
  return f;
}

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('rule catalogue', () => {
  it('has unique kebab-case ids and valid severities; heuristics are never errors', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(['error', 'warning', 'info'].includes(r.severity));
      assert.ok(r.title && r.description && r.source, r.id);
      if (r.source.startsWith('H')) assert.notEqual(r.severity, 'error', r.id);
    }
    for (const id of [
      'xml-malformed',
      'schema-version-unknown',
      'extraction-uncertain',
      'holdings-reconcile',
      'holdings-reconcile-cross',
      'internal-error',
    ])
      assert.ok(ids.includes(id), id);
  });
});

describe('engine', () => {
  it('never throws: a rule that throws becomes an internal-error info finding naming the rule', () => {
    const f = filing([{ date: '2024-03-01', shares: '1', ad: 'A', owned: '1' }]);
    (f.reportingOwners as unknown[]).push(null);
    const out = runRules(f);
    const internal = only(out, 'internal-error');
    assert.ok(internal.length > 0);
    assert.equal(internal[0].severity, 'info');
    assert.match(internal[0].message, /^Rule [a-z0-9-]+ failed on this filing: /);
  });
  it('severities: a rule can be turned off or given another severity; parser findings too', () => {
    const f = filing([
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' },
      { date: '2024-03-02', shares: '100', ad: 'A', owned: '1300' },
    ]);
    assert.equal(only(runRules(f), 'holdings-reconcile')[0].severity, 'error');
    assert.equal(
      only(runRules(f, { severities: { 'holdings-reconcile': 'warning' } }), 'holdings-reconcile')[0].severity,
      'warning',
    );
    assert.deepEqual(only(runRules(f, { severities: { 'holdings-reconcile': 'off' } }), 'holdings-reconcile'), []);
    const parsed: Finding[] = [
      { rule: 'xml-malformed', severity: 'error', message: 'm', span: null },
      { rule: 'schema-version-unknown', severity: 'info', message: 's', span: null },
    ];
    const out = applySeverities(parsed, {
      severities: { 'xml-malformed': 'warning', 'schema-version-unknown': 'off' },
    });
    assert.deepEqual(
      out.map((x) => `${x.rule}:${x.severity}`),
      ['xml-malformed:warning'],
    );
    assert.equal(applySeverities(parsed), parsed);
  });
  it('values read from a PDF give warnings, not errors, unless the caller says otherwise', () => {
    const txs: Tx[] = [
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' },
      { date: '2024-03-02', shares: '100', ad: 'A', owned: '1300' },
    ];
    assert.equal(only(runRules(filing(txs, [], 'pdf')), 'holdings-reconcile')[0].severity, 'warning');
    assert.equal(
      only(runRules(filing(txs, [], 'pdf'), { severities: { 'holdings-reconcile': 'error' } }), 'holdings-reconcile')[0]
        .severity,
      'error',
    );
  });
});

describe('value formats (raw text as EDGAR validates it)', () => {
  it('accepts zone-suffixed dates and 1/0 booleans; rejects commas, signs, $ and non-digit CIKs', () => {
    const f = filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }]);
    const r = f.nonDerivative[0];
    r.transactionDate = v('2024-03-01', '2024-03-01-05:00');
    f.reportingOwners[0].isDirector = v(true, '1');
    assert.deepEqual(only(runRules(f), 'value-format'), []);
    r.transactionShares = v('1000', '1,000');
    r.transactionPricePerShare = v('10', '$10');
    r.transactionDate = v('2024-02-30', '2024-02-30');
    f.issuer.cik = v('0001234567X');
    const msgs = only(runRules(f), 'value-format').map((x) => x.message);
    assert.deepEqual(msgs, [
      'issuerCik: "0001234567X" is not a CIK (1 to 10 digits)',
      'Table I row 1, Transaction Date (column 2, <transactionDate>): "2024-02-30" is not a real calendar date',
      'Table I row 1, Amount (column 4, <transactionShares>): "1,000" is not a plain decimal (only digits and one period; no commas, sign, $ or parentheses)',
      'Table I row 1, Price (column 4, <transactionPricePerShare>): "$10" is not a plain decimal (only digits and one period; no commas, sign, $ or parentheses)',
    ]);
    // a PDF's "1,000" is how the form prints it: not a format error there
    const p = filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }], [], 'pdf');
    p.nonDerivative[0].transactionShares = v('1000', '1,000');
    assert.deepEqual(only(runRules(p), 'value-format'), []);
  });
});

describe('header agreement', () => {
  it('names the issuer, owner and period differences between the submission header and the document', () => {
    const f = filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }]);
    f.submission = {
      conformedSubmissionType: v('4'),
      issuerCik: v('1234567'),
      reportingOwnerCiks: [v('0007654321'), v('0009999999')],
      periodOfReport: v('2024-03-02', '20240302'),
      filedAsOf: v('2024-03-04'),
    } as unknown as Filing['submission'];
    assert.deepEqual(
      only(runRules(f), 'header-mismatch').map((x) => x.message),
      [
        'The header names reporting owner CIK 0009999999, which the document does not list',
        'periodOfReport is 2024-03-01, but the submission header says CONFORMED PERIOD OF REPORT 2024-03-02',
      ],
    );
  });
});

describe('period of report on an amendment', () => {
  it('a 4/A whose period is its own signature date: said so, the error kept', () => {
    const f = filing([{ date: '2011-12-31', shares: '100', ad: 'A', owned: '1100' }]);
    f.documentType = v('4/A');
    f.dateOfOriginalSubmission = v('2012-01-04');
    f.periodOfReport = v('2012-04-27');
    f.signatures = [{ name: v('/s/ Jane Doe'), date: v('2012-04-27'), span: null }];
    const found = only(runRules(f), 'period-of-report');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(
      found[0].message,
      /^periodOfReport is 2012-04-27, but the earliest transaction is dated 2011-12-31 \(Table I row 1\); this amendment gives its own signature date as its period, but box 3 of an amendment keeps the original's earliest transaction$/,
    );
    // The same period on a Form 4 is the plain error, without the amendment's words.
    f.documentType = v('4');
    f.dateOfOriginalSubmission = v(null as unknown as string);
    assert.doesNotMatch(only(runRules(f), 'period-of-report')[0].message, /amendment/);
  });
});

describe('Form 4 deadlines by era', () => {
  const withFiled = (f: Filing, date: string) => {
    f.submission = { filedAsOf: v(date) } as unknown as Filing['submission'];
    return f;
  };
  it('before 2002-08-29 a Form 4 was a monthly statement: due the tenth of the next month, period = the month', () => {
    const f = withFiled(filing([{ date: '2000-02-07', shares: '100', ad: 'A', owned: '1100' }]), '2000-03-14');
    f.periodOfReport = v('2000-02-29');
    const out = runRules(f);
    assert.deepEqual(only(out, 'period-of-report'), []);
    assert.match(
      only(out, 'late-filing')[0].message,
      /due by 2000-03-10 \(Friday\) \(the tenth day after the month, as Form 4 was due before 2002-08-29\), but it was filed 2000-03-14 \(Tuesday\): 2 business days late/,
    );
    assert.deepEqual(only(runRules(withFiled(f, '2000-03-10')), 'late-filing'), []);
  });
  it('from 2002-08-29: two business days; gifts before 2023-02-27 and Form 5 transactions reported early are exempt', () => {
    const f = withFiled(filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }]), '2024-03-06');
    assert.match(
      only(runRules(f), 'late-filing')[0].message,
      /due by 2024-03-05 \(Tuesday\), but it was filed 2024-03-06 \(Wednesday\): 1 business day late/,
    );
    const g = withFiled(
      filing([{ date: '2022-03-01', code: 'G', shares: '100', ad: 'D', owned: '900' }]),
      '2022-06-01',
    );
    assert.deepEqual(only(runRules(g), 'late-filing'), []);
    // A small acquisition is due on Form 5 (Rule 16a-6(a)): reported on a Form 4 weeks later, it is not late.
    const l = withFiled(
      filing([{ date: '2024-03-01', code: 'L', shares: '10', ad: 'A', owned: '1010' }]),
      '2024-04-01',
    );
    assert.deepEqual(only(runRules(l), 'late-filing'), []);
    const h = withFiled(filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }]), '2024-06-01');
    h.nonDerivative[0].transactionFormType = v('5');
    assert.deepEqual(only(runRules(h), 'late-filing'), []);
    const d = withFiled(filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }]), '2024-03-11');
    d.nonDerivative[0].deemedExecutionDate = v('2024-03-06');
    assert.match(
      only(runRules(d), 'late-filing')[0].message,
      /deemed executed 2024-03-06 \(Wednesday\), so the Form 4 was due by 2024-03-08 \(Friday\), but it was filed 2024-03-11 \(Monday\): 1 business day late/,
    );
    assert.equal(only(runRules(withFiled(d, '2024-03-08')), 'late-filing').length, 0);
  });
  it('without a filing date (an ownership XML file), a Form 4 signed after the due date was filed late', () => {
    const signedOn = (...dates: string[]) => {
      const f = filing([{ date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' }]);
      f.signatures = dates.map((d) => ({ name: v('/s/ Jane Doe'), date: v(d), span: null }));
      return only(runRules(f, { now: new Date('2025-01-01T00:00:00Z') }), 'late-filing');
    };
    const late = signedOn('2024-03-07');
    assert.equal(late.length, 1);
    assert.match(
      late[0].message,
      /due by 2024-03-05 \(Tuesday\), but it was signed 2024-03-07 \(Thursday\): a filing is signed no later than it is filed \(Regulation S-T Rule 302\(b\)\), so it was filed at least 2 business days late/,
    );
    assert.equal(late[0].severity, 'warning');
    // Signed by the due date: nothing can be told; the earliest signature counts; a date after today is a slip.
    assert.deepEqual(signedOn('2024-03-05'), []);
    assert.deepEqual(signedOn('2024-03-08', '2024-03-04'), []);
    assert.deepEqual(signedOn('2204-03-07'), []);
  });
});

describe('running tally', () => {
  it('names the values, exactly, with thousands separators', () => {
    const f = filing([
      { date: '2024-03-01', shares: '1000', ad: 'A', owned: '12000' },
      { date: '2024-03-02', shares: '1000', ad: 'A', owned: '13500' },
    ]);
    const [m] = only(runRules(f), 'holdings-reconcile');
    assert.equal(
      m.message,
      'Table I row 2 (Common Stock, direct): 12,000 owned before + 1,000 acquired = 13,000, but the filing states 13,500 (off by 500)',
    );
    assert.deepEqual(m.span, f.nonDerivative[1].sharesOwnedFollowingTransaction.span);
    assert.deepEqual(m.related![0].span, f.nonDerivative[0].sharesOwnedFollowingTransaction.span);
  });
  it('orders by transaction date, not by row order', () => {
    const f = filing([
      { date: '2024-03-05', shares: '100', ad: 'D', owned: '900' },
      { date: '2024-03-01', shares: '500', ad: 'A', owned: '1000' },
    ]);
    assert.deepEqual(only(runRules(f), 'holdings-reconcile'), []);
  });
  it('searches an order of same-date rows that reconciles', () => {
    // the order that reconciles is row 2 (1,200), row 3 (-200: 1,000), row 1 (-300: 700), row 4 (+100: 800)
    const f = filing([
      { date: '2024-03-01', shares: '300', ad: 'D', owned: '700' },
      { date: '2024-03-01', shares: '200', ad: 'A', owned: '1200' },
      { date: '2024-03-01', shares: '200', ad: 'D', owned: '1000' },
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '800' },
    ]);
    assert.deepEqual(
      only(runRules(f), 'holdings-reconcile').map((x) => x.message),
      [],
    );
    const g = tallyFiling(f)[0];
    assert.deepEqual(
      g.ordered.map((i) => i.row.index),
      [1, 2, 0, 3],
    );
  });
  it('keeps the tally of a filing once, out of its JSON, keys and clones', () => {
    const f = filing([
      { date: '2024-03-01', shares: '500', ad: 'A', owned: '1000' },
      { date: '2024-03-05', shares: '100', ad: 'D', owned: '900' },
    ]);
    const json = JSON.stringify(f);
    const keys = Reflect.ownKeys(f).filter((k) => typeof k === 'string');
    const first = tallyFiling(f);
    assert.equal(tallyFiling(f), first);
    assert.equal(JSON.stringify(f), json);
    assert.deepEqual(
      Reflect.ownKeys(f).filter((k) => typeof k === 'string'),
      keys,
    );
    assert.deepEqual(structuredClone(f), JSON.parse(json));
  });
  it('still reports when no order of the same-date rows reconciles, at the fewest places', () => {
    const f = filing([
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' },
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1250' },
      { date: '2024-03-01', shares: '50', ad: 'D', owned: '1200' },
    ]);
    const m = only(runRules(f), 'holdings-reconcile');
    assert.equal(m.length, 1);
    assert.match(m[0].message, /1,100 owned before \+ 100 acquired = 1,200, but the filing states 1,250 \(off by 50\)/);
  });
  it('falls back to a greedy order beyond eight rows of one date and stays exact', () => {
    const txs: Tx[] = [];
    let owned = 10000;
    for (let i = 0; i < 12; i++) {
      owned -= 10 + i;
      txs.push({ date: '2024-03-01', shares: String(10 + i), ad: 'D', owned: String(owned) });
    }
    txs.reverse();
    assert.deepEqual(only(runRules(filing(txs)), 'holdings-reconcile'), []);
    txs[0].owned = String(Number(txs[0].owned) + 1);
    assert.equal(only(runRules(filing(txs)), 'holdings-reconcile').length, 1);
  });
  it('treats a difference below the precision the filer used as rounding (info), never in integer filings', () => {
    const f = filing([
      { date: '2024-03-01', shares: '10.5', ad: 'A', owned: '100.5' },
      { date: '2024-03-02', shares: '10', ad: 'A', owned: '110' },
    ]);
    const out = runRules(f);
    assert.deepEqual(only(out, 'holdings-reconcile'), []);
    assert.equal(only(out, 'holdings-reconcile-rounding').length, 1);
    const g = filing([
      { date: '2024-03-01', shares: '10', ad: 'A', owned: '100' },
      { date: '2024-03-02', shares: '10', ad: 'A', owned: '111' },
    ]);
    assert.equal(only(runRules(g), 'holdings-reconcile').length, 1);
  });
  it('skips holdings and rows whose amounts are footnote-only, breaking the chain there', () => {
    const f = filing([
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' },
      { date: '2024-03-02', shares: '100', ad: 'A', owned: null },
      { date: '2024-03-03', shares: '100', ad: 'A', owned: '5000' },
    ]);
    assert.deepEqual(only(runRules(f), 'holdings-reconcile'), []);
    const g = filing([
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' },
      { date: '2024-03-02', shares: null, ad: 'A', owned: '1200' },
      { date: '2024-03-03', shares: '100', ad: 'A', owned: '5000' },
    ]);
    assert.deepEqual(only(runRules(g), 'holdings-reconcile'), []);
  });
  it('keys holders by the footnotes of the nature of ownership ("See footnote" F1 vs F2)', () => {
    const f = filing([
      { date: '2024-03-01', shares: '100', ad: 'D', owned: '900', di: 'I', nature: 'See footnote', natureFn: ['F1'] },
      { date: '2024-03-01', shares: '100', ad: 'D', owned: '4900', di: 'I', nature: 'See footnote', natureFn: ['F2'] },
      { date: '2024-03-02', shares: '100', ad: 'D', owned: '800', di: 'I', nature: 'See footnote', natureFn: ['F1'] },
      { date: '2024-03-02', shares: '100', ad: 'D', owned: '4800', di: 'I', nature: 'See footnote', natureFn: ['F2'] },
    ]);
    assert.deepEqual(only(runRules(f), 'holdings-reconcile'), []);
  });
  it('keys Table II by exercise price and expiration; a row stating its own lot is a separate grant', () => {
    const f = filing(
      [],
      [
        { title: 'Stock Option', date: '2024-03-01', code: 'A', shares: '1000', ad: 'A', owned: '1000', price: '10' },
        { title: 'Stock Option', date: '2024-03-02', code: 'A', shares: '500', ad: 'A', owned: '500', price: '12' },
        { title: 'Stock Option', date: '2024-03-03', code: 'A', shares: '200', ad: 'A', owned: '200', price: '12' },
      ],
    );
    assert.deepEqual(only(runRules(f), 'holdings-reconcile'), []);
    const g = filing(
      [],
      [
        { title: 'Stock Option', date: '2024-03-01', code: 'A', shares: '1000', ad: 'A', owned: '1000' },
        { title: 'Stock Option', date: '2024-03-02', code: 'M', shares: '300', ad: 'D', owned: '600' },
      ],
    );
    assert.match(
      only(runRules(g), 'holdings-reconcile')[0].message,
      /Table II row 2 \(Stock Option at \$10 expiring 2030-01-01, direct\): 1,000 owned before - 300 disposed = 700, but the filing states 600/,
    );
  });
  it('quotes a footnote on the amounts, and is then a warning', () => {
    const f = filing([
      { date: '2024-03-01', shares: '100', ad: 'A', owned: '1100' },
      { date: '2024-03-02', shares: '100', ad: 'A', owned: '1300', ownedFn: ['F9'] },
    ]);
    const [finding] = only(runRules(f), 'holdings-reconcile');
    assert.match(finding.message, /footnote F9 on the amounts says "Explained\."/);
    assert.equal(finding.severity, 'warning');
  });
});

describe('price ranges in footnotes', () => {
  it('reads the usual phrasings and ignores what is not a price range', () => {
    const r = (t: string) => priceRanges(t).map((x) => `${x.lowText}-${x.highText}`);
    assert.deepEqual(r('sold in multiple transactions at prices ranging from $40.03 to $42.75, inclusive'), [
      '40.03-42.75',
    ]);
    assert.deepEqual(r('at prices between $10.00 and $10.50'), ['10.00-10.50']);
    assert.deepEqual(r('prices ranged from 1,139.92 to 1,140.89'), ['1139.92-1140.89']);
    assert.deepEqual(r('(i) $5.10 - $5.90 for row 1 and (ii) $6.00 to $6.80 for row 2'), ['5.10-5.90', '6.00-6.80']);
    assert.deepEqual(r('ranging from $1,139.920 to $1,1140.890'), []); // malformed high end: no range read
    assert.deepEqual(r('$5 and 10,000 shares'), []);
    assert.deepEqual(r('vesting in 2023 to 2025'), []);
  });
});
