/**
 * One hand-written fixture per rule (test/fixtures/rules/<rule>/fires.*): the rule fires at the exact line
 * and column of the offending value, and no other rule fires; on silent.* (or the clean base.xml) it stays silent.
 */
import * as assert from 'node:assert/strict';
import { runRules, RULES } from '../../../src/core/rules';
import { LineIndex } from '../../../src/core/positions';
import type { Filing, Finding } from '../../../src/core/model';

import { load } from './helpers';

const NOW = new Date('2025-01-01T00:00:00Z');

function check(filing: Filing): Finding[] {
  return [...filing.findings, ...runRules(filing, { now: NOW })];
}

function at(filing: Filing, f: Finding): string {
  assert.ok(f.span, `${f.rule} has no span`);
  const p = new LineIndex(filing.text).position(f.span.start);
  return `${p.line}:${p.column}`;
}

/** rule -> [fixture, "line:column" of the first finding, the value text at that span, words the message must contain] */
const FIRES: [string, string, string, string, string[]][] = [
  ['document-type', 'document-type/fires.xml', '5:19', '6', ['"6"']],
  ['value-format', 'value-format/fires.xml', '18:25', 'N', ['isDirector', '"N"', 'not a boolean']],
  [
    'length-limit',
    'length-limit/fires.xml',
    '22:27',
    'Executive Vice President, Global Operations',
    ['43 characters', 'limit is 30'],
  ],
  ['count-limit', 'count-limit/fires.xml', '52:9', '<nonDerivativeHolding>', ['31 rows in Table I', 'at most 30']],
  [
    'owner-cik-repeated',
    'owner-cik-repeated/fires.xml',
    '27:26',
    '7654321',
    ['Reporting owner 2', 'reporting owner 1'],
  ],
  ['relationship-missing', 'relationship-missing/fires.xml', '18:25', '0', ['Doe Jane', 'no relationship']],
  ['officer-title-missing', 'officer-title-missing/fires.xml', '19:24', '1', ['officer', 'title']],
  ['other-text-missing', 'other-text-missing/fires.xml', '21:22', '1', ['Other']],
  ['nature-of-ownership', 'nature-of-ownership/fires.xml', '74:51', 'I', ['Table I row 3', 'indirect (I)']],
  [
    'exactly-one-of',
    'exactly-one-of/fires.xml',
    '72:56',
    '80000',
    ['Table I row 3', 'sharesOwnedFollowingTransaction (2000)', 'valueOwnedFollowingTransaction (80000)'],
  ],
  [
    'value-or-footnote',
    'value-or-footnote/fires.xml',
    '82:13',
    '<conversionOrExercisePrice></conversionOrExercisePrice>',
    [
      'Table II row 1, Conversion or Exercise Price of Derivative Security (column 2) has neither a value nor a footnote',
    ],
  ],
  ['footnote-id-format', 'footnote-id-format/fires.xml', '111:23', 'F03', ['"F03"', 'F1..F99']],
  ['footnote-defined-twice', 'footnote-defined-twice/fires.xml', '113:23', 'F4', ['F4 is defined twice']],
  [
    'footnote-undefined',
    'footnote-undefined/fires.xml',
    '71:85',
    'F5',
    [
      'Table I row 3, Amount of Securities Beneficially Owned Following Reported Transaction(s) (column 5) cites footnote F5',
    ],
  ],
  ['footnote-unused', 'footnote-unused/fires.xml', '113:23', 'F5', ['F5', 'never cited']],
  [
    'footnote-cited-twice',
    'footnote-cited-twice/fires.xml',
    '58:100',
    'F2',
    ['Table I row 2, Price (column 4) cites footnote F2 twice'],
  ],
  ['transaction-code', 'transaction-code/fires.xml', '52:34', 'K', ['Table I row 2', '"K"', 'equitySwapInvolved']],
  ['transaction-form-type', 'transaction-form-type/fires.xml', '35:43', 'L', ['Table I row 1', '"L"']],
  ['code-j-footnote', 'code-j-footnote/fires.xml', '32:34', 'J', ['Table I row 1', 'coded J']],
  [
    'code-acquired-disposed',
    'code-acquired-disposed/fires.xml',
    '38:57',
    'A',
    ['code F', 'disposed of (D)', 'acquired (A)'],
  ],
  [
    'exercise-pairing',
    'exercise-pairing/fires.xml',
    '66:34',
    'M',
    ['Table II row 1', 'exercise (M) of 1,000 Stock Option (right to buy) on 2024-03-01'],
  ],
  [
    'holdings-reconcile',
    'holdings-reconcile/fires.xml',
    '62:57',
    '12600',
    [
      'Table I row 2 (Common Stock, direct): 13,000 owned before - 500 disposed = 12,500, but the filing states 12,600 (off by 100)',
    ],
  ],
  [
    'holdings-reconcile-rounding',
    'holdings-reconcile-rounding/fires.xml',
    '62:57',
    '12500.334',
    ['13,000.333 owned before - 500 disposed = 12,500.333, but the filing states 12,500.334', 'rounding'],
  ],
  ['weighted-price-range', 'weighted-price-range/fires.xml', '58:50', '42.20', ['$42.20', '$40.90 to $41.60 (F2)']],
  [
    'weighted-price-range-width',
    'weighted-price-range-width/fires.xml',
    '58:50',
    '41.20',
    ['$40.90 to $42.10', 'a range of $1.20'],
  ],
  ['price-missing', 'price-missing/fires.xml', '58:50', '0', ['Table I row 2', 'sale (S)', '$0']],
  ['price-outlier', 'price-outlier/fires.xml', '79:50', '4120.00', ['Table I row 3', '$4,120.00', '$41.20']],
  [
    'underlying-shares-differ',
    'underlying-shares-differ/fires.xml',
    '98:50',
    '2000',
    ['1,000 derivative securities', '2,000 underlying shares'],
  ],
  [
    'exercise-after-expiration',
    'exercise-after-expiration/fires.xml',
    '94:34',
    '2031-01-15',
    ['2031-01-15', '2030-01-15'],
  ],
  [
    'period-of-report',
    'period-of-report/fires.xml',
    '6:21',
    '2024-02-28',
    ['2024-02-28', 'earliest transaction is dated 2024-03-01 (Table I row 1)'],
  ],
  [
    'date-order',
    'date-order/fires.xml',
    '29:37',
    '2024-03-01',
    ['Table I row 1', 'after the signature date 2024-02-27'],
  ],
  ['date-implausible', 'date-implausible/fires.xml', '116:24', '2204-03-04', ['2204', 'implausible']],
  [
    'late-filing',
    'late-filing/fires.txt',
    '57:37',
    '2024-06-17',
    [
      'transaction 2024-06-17 (Monday)',
      'due by 2024-06-20 (Thursday)',
      'filed 2024-06-21 (Friday): 1 business day late',
    ],
  ],
  [
    'form5-late',
    'form5-late/fires.txt',
    '35:21',
    '2023-12-31',
    ['due by 2024-02-14 (Wednesday)', 'filed 2024-02-16 (Friday)'],
  ],
  ['amendment-original-date', 'amendment-original-date/fires.xml', '5:19', '4/A', ['amendment (4/A)']],
  ['no-transactions', 'no-transactions/fires.xml', '7:28', '0', ['no transactions and no holdings']],
  ['rule-10b5-1-footnote', 'rule-10b5-1-footnote/fires.xml', '25:17', '1', ['footnote F1', 'no date of adoption']],
  ['rule-10b5-1-box', 'rule-10b5-1-box/fires.xml', '25:17', '0', ['Footnote F1', 'not checked']],
  ['header-document-type', 'header-document-type/fires.txt', '33:19', '4', ['CONFORMED SUBMISSION TYPE 4/A']],
  ['header-mismatch', 'header-mismatch/fires.txt', '36:20', '0001234567', ['issuer CIK 0001234568']],
];

/** Rules whose silent case needs its own fixture; the others are silent on base.xml. */
const SILENT: Record<string, string> = {
  'holdings-reconcile': 'holdings-reconcile/silent.xml',
  'amendment-original-date': 'amendment-original-date/silent.xml',
  'rule-10b5-1-box': 'rule-10b5-1-box/silent.xml',
  'late-filing': 'late-filing/silent.txt',
  'form5-late': 'form5-late/silent.txt',
  'header-document-type': 'header-document-type/silent.txt',
  'no-transactions': 'no-transactions/silent.xml',
  'count-limit': 'count-limit/silent.xml',
};

describe('rules on hand-written fixtures', () => {
  it('base.xml is clean: no rule fires', () => {
    assert.deepEqual(
      check(load('base.xml')).map((f) => `${f.rule}: ${f.message}`),
      [],
    );
  });

  it('every checking rule has a fixture', () => {
    const covered = new Set(FIRES.map(([r]) => r));
    const parserOrCross = new Set(['internal-error', 'holdings-reconcile-cross', 'holdings-changed-cross']);
    const missing = RULES.filter((r) => r.source !== 'parser' && !parserOrCross.has(r.id) && !covered.has(r.id)).map(
      (r) => r.id,
    );
    assert.deepEqual(missing, []);
  });

  for (const [rule, fixture, pos, valueText, words] of FIRES) {
    describe(rule, () => {
      it(`fires at ${pos} of ${fixture}, and nothing else fires`, () => {
        const filing = load(fixture);
        const all = check(filing);
        assert.deepEqual(
          [...new Set(all.map((f) => f.rule))],
          [rule],
          all.map((f) => `${f.rule}: ${f.message}`).join('\n'),
        );
        const f = all[0];
        assert.equal(at(filing, f), pos);
        assert.equal(
          filing.text.slice(f.span!.start, f.span!.end).startsWith(valueText),
          true,
          filing.text.slice(f.span!.start, f.span!.end),
        );
        for (const w of words) assert.ok(f.message.includes(w), `message "${f.message}" lacks "${w}"`);
        assert.equal(f.severity, RULES.find((r) => r.id === rule)!.severity);
      });
      it(`stays silent on ${SILENT[rule] ?? 'base.xml'}`, () => {
        const filing = load(SILENT[rule] ?? 'base.xml');
        assert.deepEqual(
          check(filing)
            .filter((f) => f.rule === rule)
            .map((f) => f.message),
          [],
        );
      });
    });
  }

  it('related information points at the other value (tally: the previous row states the amount)', () => {
    const filing = load('holdings-reconcile/fires.xml');
    const f = runRules(filing).find((x) => x.rule === 'holdings-reconcile')!;
    assert.equal(f.related?.length, 1);
    assert.equal(filing.text.slice(f.related![0].span!.start, f.related![0].span!.end), '13000');
    assert.match(f.related![0].message, /Table I row 1 states 13,000 owned after its transaction on 2024-03-01/);
  });

  it('the weighted-average range finding cites the footnote text', () => {
    const filing = load('weighted-price-range/fires.xml');
    const f = runRules(filing).find((x) => x.rule === 'weighted-price-range')!;
    const relText = filing.text.slice(f.related![0].span!.start, f.related![0].span!.end);
    assert.match(relText, /ranging from \$40\.90 to \$41\.60/);
  });
});
