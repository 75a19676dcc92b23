// The preview's view model and the tree's plain-data model, in plain Node (no VS Code): exact derived values,
// column choice, findings attached to the value they point at, footnote citations both ways, and filing text
// carried as data (never markup).
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectText } from '../../src/core/inspect';
import type { Filing } from '../../src/core/model';
import { exactProduct, netChanges, pathAt, pathLabel, toViewFailure, toViewModel } from '../../src/extension/viewModel';
import { filingTree, rowDescription } from '../../src/extension/treeModel';
import { RULES } from '../../src/core/rules';

const ROOT = join(__dirname, '..', '..');

function filing(rel: string): Filing {
  const file = join(ROOT, rel);
  const out = inspectText(readFileSync(file, 'utf8'), file);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

describe('preview view model', () => {
  it("starts with the plain-language summary, also in the tree's filing tooltip", () => {
    const f = filing('examples/alto-ingredients-form4.xml');
    const expected =
      'Todd E. Benton (Chief Operating Officer) had 7,402 shares of Common Stock withheld at $2.29 ($16,950.58) to pay taxes on vesting (code F) on Apr 1, 2024, and holds 133,612 shares directly afterwards.';
    assert.deepStrictEqual(toViewModel(f).summary, [expected]);
    const tip = filingTree(f).tooltip ?? '';
    assert.ok(tip.startsWith(expected), tip);
  });

  it('multiplies shares by price exactly', () => {
    assert.strictEqual(exactProduct('7402', '2.29'), '16950.58');
    assert.strictEqual(exactProduct('0.1', '0.2'), '0.02');
    assert.strictEqual(exactProduct('1234.5678', '98.7654321'), '121932.62222374638');
    assert.strictEqual(exactProduct('10', null), null);
    assert.strictEqual(exactProduct('1,000', '2'), null);
  });

  it('shows the value of each transaction and the net change per security', () => {
    const f = filing('examples/holdings-mismatch-form4.xml');
    const vm = toViewModel(f);
    const [t1] = vm.tables;
    assert.deepStrictEqual(
      t1.rows.map((r) => r.cells.transactionPricePerShare.secondary),
      ['= $125,000.00', '= $312,046.00', '= $63,220.00'],
    );
    assert.deepStrictEqual(t1.netChanges, [
      { security: 'Common Stock', ownership: 'Direct', net: '-2,000', acquired: '10,000', disposed: '12,000', rows: 3 },
    ]);
    assert.deepStrictEqual(netChanges([]), []);
    // indirect holdings with the same nature text but different footnotes are different securities
    const q = toViewModel(filing('examples/quillfeather-form4-submission.txt'));
    assert.deepStrictEqual(
      q.tables[0].netChanges.map((n) => n.ownership),
      ['Indirect, See Footnote (2)'],
    );
    const two = filing('examples/quillfeather-form4-submission.txt');
    const copy = {
      ...two.nonDerivative[0],
      index: 9,
      natureOfOwnership: { ...two.nonDerivative[0].natureOfOwnership, footnotes: [{ id: 'F3', span: null }] },
    };
    assert.deepStrictEqual(
      netChanges([two.nonDerivative[0], copy]).map((n) => [n.ownership, n.net]),
      [
        ['Indirect, See Footnote (2)', '+250,000'],
        ['Indirect, See Footnote (3)', '+250,000'],
      ],
    );
  });

  it('shows the form\u2019s columns, and optional ones only when a row fills them', () => {
    const vm = toViewModel(filing('examples/alto-ingredients-form4.xml'));
    const keys = vm.tables[0].columns.map((c) => c.key);
    assert.deepStrictEqual(keys, [
      'securityTitle',
      'transactionDate',
      'deemedExecutionDate',
      'transactionCode',
      'transactionTimeliness',
      'transactionShares',
      'transactionAcquiredDisposedCode',
      'transactionPricePerShare',
      'sharesOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ]);
    const t2 = toViewModel(filing('examples/holdings-mismatch-form4.xml')).tables[1];
    assert.deepStrictEqual(t2.columns.map((c) => `${c.number}. ${c.key}`).slice(0, 4), [
      '1. securityTitle',
      '2. conversionOrExercisePrice',
      '3. transactionDate',
      '3A. deemedExecutionDate',
    ]);
    assert.ok(t2.columns.some((c) => c.key === 'underlyingSecurityShares' && c.number === '7'));
    assert.ok(t2.columns.some((c) => c.key === 'transactionPricePerShare' && c.number === '8'));
  });

  it('lays out a Form 3 with its own columns (holdings only, no transaction boxes)', () => {
    const vm = toViewModel(filing('examples/initial-statement-form3.xml'));
    assert.deepStrictEqual(
      vm.tables[0].columns.map((c) => `${c.number}:${c.key}`),
      ['1:securityTitle', '2:sharesOwnedFollowingTransaction', '3:directOrIndirectOwnership', '4:natureOfOwnership'],
    );
    assert.deepStrictEqual(vm.tables[1].columns.map((c) => c.number).filter(Boolean), [
      '1',
      '2',
      '2',
      '3',
      '3',
      '4',
      '5',
      '6',
    ]);
    assert.ok(!vm.tables[1].columns.some((c) => c.key === 'transactionCode' || c.key === 'transactionDate'));
  });

  it('attaches a finding to the value it points at, and to its row', () => {
    const f = filing('examples/holdings-mismatch-form4.xml');
    const vm = toViewModel(f);
    const i = vm.findings.findIndex((x) => x.rule === 'holdings-reconcile');
    assert.ok(i >= 0);
    assert.strictEqual(vm.findings[i].path, 'nonDerivative[2].sharesOwnedFollowingTransaction');
    assert.strictEqual(vm.findings[i].rowPath, 'nonDerivative[2]');
    assert.deepStrictEqual(vm.tables[0].rows[2].cells.sharesOwnedFollowingTransaction.findings, [i]);
    assert.deepStrictEqual(vm.tables[0].rows[1].cells.sharesOwnedFollowingTransaction.findings, []);
  });

  it('lists for each footnote the values that cite it, and marks undefined references', () => {
    const f = filing('examples/initial-statement-form3.xml');
    const vm = toViewModel(f);
    for (const fn of vm.footnotes) assert.ok(fn.citedBy.length > 0, `${fn.id} is cited`);
    const f1 = vm.footnotes.find((x) => x.id === 'F1')!;
    assert.ok(f1.citedBy.every((c) => c.span !== null && f.text.slice(c.span.start, c.span.end) === 'F1'));
    // a reference to a footnote the filing does not define
    f.footnotes = f.footnotes.filter((x) => x.id.value !== 'F1');
    const vm2 = toViewModel(f);
    const refs = vm2.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => c.footnotes)));
    assert.ok(refs.some((r) => r.id === 'F1' && !r.defined));
    assert.ok(refs.some((r) => r.id !== 'F1' && r.defined));
  });

  it('carries filing text that holds markup as plain data', () => {
    const vm = toViewModel(filing('test/fixtures/preview/markup-in-text-form4.xml'));
    assert.strictEqual(vm.issuer.name.text, 'Markup & Co <i>Inc</i>');
    assert.match(
      vm.footnotes[0].text.text ?? '',
      /<script>document\.body\.dataset\.pwned = "script"<\/script><img src="x" onerror=/,
    );
    // structured-clone safe: survives JSON unchanged (no functions, no Maps, no cycles)
    assert.deepStrictEqual(JSON.parse(JSON.stringify(vm)), vm);
  });

  it('finds the value under a text offset (the preview follows the editor\u2019s caret)', () => {
    const f = filing('examples/holdings-mismatch-form4.xml');
    const at = f.text.indexOf('47000');
    assert.strictEqual(pathAt(f, at + 2), 'nonDerivative[2].sharesOwnedFollowingTransaction');
    const rowStart = f.nonDerivative[1].span!.start;
    assert.strictEqual(pathAt(f, rowStart + 1), 'nonDerivative[1]');
    assert.strictEqual(pathAt(f, f.text.indexOf('<footnote id="F1"') + 20), 'footnotes[0].text');
    assert.strictEqual(pathAt(f, f.text.indexOf('NWBX') + 1), 'issuer.tradingSymbol');
    assert.strictEqual(pathAt(f, 0), null);
  });

  it('labels citation paths for people', () => {
    assert.strictEqual(pathLabel('nonDerivative[2].transactionShares'), 'Table I row 3 \u00b7 Amount');
    assert.strictEqual(pathLabel('derivative[0].transactionCoding'), 'Table II row 1 \u00b7 Transaction coding');
    assert.strictEqual(pathLabel('nonDerivative[0].transactionPricePerShare'), 'Table I row 1 \u00b7 Price');
    assert.strictEqual(pathLabel('periodOfReport'), 'Period of report');
    assert.strictEqual(pathLabel('derivative[1]'), 'Table II row 2');
  });

  it('describes a file that is not a filing', () => {
    const v = toViewFailure('file:///w/notes%20a.xml', 'no <ownershipDocument> element', []);
    assert.strictEqual(v.fileName, 'notes a.xml');
    assert.strictEqual(v.reason, 'no <ownershipDocument> element');
  });
});

describe('filing tree model', () => {
  it('builds filing > owners, Table I, Table II, footnotes with citations, findings', () => {
    const f = filing('examples/holdings-mismatch-form4.xml');
    const root = filingTree(f);
    assert.strictEqual(root.label, 'Form 4 \u2014 Northwind Biosciences, Inc. (NWBX)');
    assert.deepStrictEqual(
      root.children!.map((c) => `${c.id}:${c.children?.length ?? 0}`),
      ['owners:1', 'table1:3', 'table2:1', 'footnotes:2', 'findings:1'],
    );
    const rows = root.children![1].children!;
    assert.deepStrictEqual(
      rows.map((r) => r.description),
      [
        'M  +10,000  @ $12.50  \u2192 60,000',
        'S  -10,000  @ $31.2046  \u2192 50,000',
        'S  -2,000  @ $31.61  \u2192 47,000',
      ],
    );
    // the row with the broken tally carries the finding and an error-colored icon
    assert.strictEqual(rows[2].iconColor, 'problemsErrorIcon.foreground');
    assert.strictEqual(rows[2].children?.[0].description, 'holdings-reconcile');
    assert.strictEqual(root.children![4].description, '1 error');
    for (const fn of root.children![3].children!)
      for (const c of fn.children!) assert.ok(c.span && f.text.slice(c.span.start, c.span.end) === fn.label);
  });

  it("names a footnote's citing cells as the form does, with the row's security beside them", () => {
    const f = filing('examples/holdings-mismatch-form4.xml');
    const notes = filingTree(f).children!.find((c) => c.id === 'footnotes')!.children!;
    const cites = notes.flatMap((n) => n.children!.map((c) => [c.label, c.description]));
    assert.ok(cites.length > 0);
    for (const [label, description] of cites) {
      assert.match(String(label), /^Table (I|II) row \d+ \u00b7 [A-Z][a-z]/, `label ${label}`);
      assert.doesNotMatch(String(label) + String(description), /\[|\]|\.[a-z]+[A-Z]/, 'no model path');
      assert.ok(description, `the row's security beside ${label}`);
    }
  });

  it('gives each citing cell of a footnote its row and its column, for one labelled back-link each', () => {
    const v = toViewModel(filing('examples/multiple-owners-indirect-form4.xml'));
    const f1 = v.footnotes.find((n) => n.id === 'F1')!;
    assert.ok(f1.citedBy.length > 0);
    for (const c of f1.citedBy) {
      assert.match(c.row ?? '', /^Table (I|II) row \d+$/);
      assert.ok(c.field && c.label === `${c.row} \u00b7 ${c.field}`, JSON.stringify(c));
    }
  });

  it('describes holdings', () => {
    const f = filing('examples/initial-statement-form3.xml');
    assert.ok(f.nonDerivative.length > 0);
    assert.match(rowDescription(f.nonDerivative[0]), /^holding [\d,]+ [DI]$/);
  });
});

describe('extension manifest', () => {
  it('offers every rule id (and only those) in the form4Inspector.rules setting', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['form4Inspector.rules'];
    assert.deepStrictEqual(Object.keys(setting.properties).sort(), RULES.map((r) => r.id).sort());
    for (const r of RULES)
      assert.ok(setting.properties[r.id].markdownDescription.includes(`default: ${r.severity}`), r.id);
  });
});
