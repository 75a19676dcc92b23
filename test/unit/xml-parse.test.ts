/**
 * Ownership XML into the model: one hand-written fixture per quirk (test/fixtures/xml), every span checked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOwnershipXml } from '../../src/core/parse/xml';
import type { DerivativeRow, Field, Filing, Span } from '../../src/core/model';
import { rowFootnoteIds } from '../../src/core/model';
import { assertSpans } from '../helpers/span-assert';

const FIX = path.resolve(__dirname, '..', 'fixtures', 'xml');

export function loadFixture(name: string): Filing {
  const text = fs.readFileSync(path.join(FIX, name), 'utf8');
  const out = parseOwnershipXml(text, name);
  assert.ok(out.ok, `${name} not read: ${out.ok ? '' : out.reason}`);
  assertSpans(out.filing);
  return out.filing;
}

function at(f: Filing, s: Span | null | undefined): string {
  assert.ok(s, 'span expected');
  return f.text.slice(s.start, s.end);
}

function ids(field: Field<unknown>): string[] {
  return field.footnotes.map((r) => r.id);
}

function rules(f: Filing): string[] {
  return f.findings.map((x) => x.rule);
}

describe('xml parser: mapping to the model', () => {
  it('keeps every reporting owner, with address, relationship and signatures', () => {
    const f = loadFixture('multi-owner.xml');
    assert.equal(f.reportingOwners.length, 3);
    assert.deepEqual(
      f.reportingOwners.map((o) => [o.cik.value, o.name.value]),
      [
        ['0002000001', 'Fund One LP'],
        ['0002000002', 'Fund One GP LLC'],
        ['0002000003', 'Doe Jane'],
      ],
    );
    const [a, b, c] = f.reportingOwners;
    assert.equal(a.zipCode.value, '02110');
    assert.equal(a.street2.value, 'Suite 100');
    assert.equal(a.stateDescription.present, true);
    assert.equal(a.stateDescription.value, null);
    assert.equal(at(f, a.stateDescription.span), '<rptOwnerStateDescription></rptOwnerStateDescription>');
    assert.equal(a.isTenPercentOwner.value, true);
    assert.equal(a.isDirector.value, false);
    assert.equal(b.ccc.value, 'abc#1234');
    assert.equal(b.isOther.value, true);
    assert.equal(b.otherText.value, 'Member of 13(d) group');
    assert.equal(b.isDirector.present, false);
    assert.equal(b.street1.present, false);
    assert.equal(c.stateDescription.value, 'ITALY');
    assert.equal(c.officerTitle.value, 'Chief Executive Officer');
    assert.equal(at(f, c.span).startsWith('<reportingOwner>'), true);
    assert.equal(f.signatures.length, 3);
    assert.deepEqual(
      f.signatures.map((s) => [s.name.value, s.date.value]),
      [
        ['Fund One LP, by /s/ Jane Doe', '2024-03-04'],
        ['Fund One GP LLC, by /s/ Jane Doe', '2024-03-04'],
        ['/s/ Jane Doe', '2024-03-05'],
      ],
    );
    assert.equal(f.issuer.name.value, 'Example Holdings Inc');
    assert.equal(f.issuer.tradingSymbol.value, 'EXH');
    assert.equal(f.aff10b5One.value, false);
    assert.equal(f.remarks.raw, 'Jane Doe is a managing member\n        of Fund One GP LLC.');
    assert.equal(f.remarks.value, 'Jane Doe is a managing member of Fund One GP LLC.');
    assert.equal(f.documentType.value, '4');
    assert.equal(f.schemaVersion.value, 'X0508');
    assert.ok(!rules(f).includes('schema-version-unknown'));
    assert.equal(f.findings.length, 0, JSON.stringify(f.findings));
    assert.equal(f.source, 'xml');
    assert.ok(
      f.documentSpan &&
        f.documentSpan.start === f.text.indexOf('<ownershipDocument>') &&
        f.documentSpan.end === f.text.trimEnd().length,
    );
  });

  it('keeps holdings beside transactions, interleaved in document order, in both tables', () => {
    const f = loadFixture('holdings-and-transactions.xml');
    assert.deepEqual(
      f.nonDerivative.map((r) => [r.index, r.kind, r.securityTitle.value]),
      [
        [0, 'holding', 'Common Stock'],
        [1, 'transaction', 'Common Stock'],
        [2, 'holding', 'Class B Common Stock'],
        [3, 'transaction', 'Common Stock'],
      ],
    );
    assert.deepEqual(
      f.derivative.map((r) => [r.index, r.kind]),
      [
        [0, 'transaction'],
        [1, 'holding'],
        [2, 'transaction'],
      ],
    );
    const h = f.nonDerivative[0];
    assert.equal(h.transactionCode.present, false);
    assert.equal(h.codingSpan, null);
    assert.equal(h.natureOfOwnership.value, 'By spouse');
    assert.equal(h.directOrIndirectOwnership.value, 'I');
    assert.equal(f.nonDerivative[2].valueOwnedFollowingTransaction.value, '12000');
    assert.equal(f.nonDerivative[2].sharesOwnedFollowingTransaction.present, false);
    const t = f.nonDerivative[3];
    assert.equal(t.transactionShares.value, '50');
    assert.equal(t.sharesOwnedFollowingTransaction.value, '850');
    assert.ok(
      at(f, t.span).startsWith('<nonDerivativeTransaction>') && at(f, t.span).endsWith('</nonDerivativeTransaction>'),
    );
    const d0 = f.derivative[0];
    assert.equal(d0.conversionOrExercisePrice.value, '5.00');
    assert.equal(d0.exerciseDate.value, '2021-05-01');
    assert.equal(d0.expirationDate.value, '2030-05-01');
    assert.equal(d0.underlyingSecurityTitle.value, 'Common Stock');
    assert.equal(d0.underlyingSecurityShares.value, '2000');
    assert.equal(d0.transactionCode.value, 'A');
    const d1 = f.derivative[1];
    assert.equal(d1.underlyingSecurityValue.value, '7500');
    assert.equal(d1.underlyingSecurityShares.present, false);
    const d2 = f.derivative[2];
    assert.equal(d2.transactionTotalValue.value, '150000');
    assert.equal(d2.transactionShares.present, false);
    assert.equal(d2.equitySwapInvolved.value, true);
    assert.equal(d2.valueOwnedFollowingTransaction.value, '150000');
  });

  it('attaches footnotes to values, to transactionCoding and across a whole row, with spans on the ids', () => {
    const f = loadFixture('footnotes.xml');
    const r = f.nonDerivative[0];
    assert.deepEqual(ids(r.securityTitle), ['F1']);
    assert.deepEqual(ids(r.transactionDate), ['F2']);
    assert.deepEqual(ids(r.deemedExecutionDate), ['F2']);
    assert.deepEqual(
      r.codingFootnotes.map((x) => x.id),
      ['F3', 'F4'],
    );
    assert.ok(
      at(f, r.codingSpan).startsWith('<transactionCoding>') && at(f, r.codingSpan).endsWith('</transactionCoding>'),
    );
    assert.deepEqual(ids(r.transactionCode), []);
    // An empty <value/> beside a footnote: present, null, and the footnote kept.
    assert.equal(r.transactionTimeliness.present, true);
    assert.equal(r.transactionTimeliness.value, null);
    assert.deepEqual(ids(r.transactionTimeliness), ['F4']);
    assert.deepEqual(ids(r.transactionPricePerShare), ['F5', 'F6']);
    assert.deepEqual(ids(r.transactionAcquiredDisposedCode), ['F1']);
    assert.deepEqual(ids(r.sharesOwnedFollowingTransaction), ['F6']);
    assert.deepEqual(ids(r.directOrIndirectOwnership), ['F7']);
    assert.deepEqual(ids(r.natureOfOwnership), ['F7']);
    assert.deepEqual(rowFootnoteIds(r), ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7']);
    for (const ref of r.transactionPricePerShare.footnotes) assert.equal(at(f, ref.span), ref.id);
    // Thousands separators and $ removed, digits as written.
    assert.equal(r.transactionShares.raw, '1,250');
    assert.equal(r.transactionShares.value, '1250');
    assert.equal(r.transactionPricePerShare.raw, '$12.3400');
    assert.equal(r.transactionPricePerShare.value, '12.3400');
    // Footnote texts: white space collapsed, entities decoded, mixed content and CDATA read.
    assert.deepEqual(
      f.footnotes.map((x) => x.id.value),
      ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'],
    );
    assert.equal(f.footnotes[0].text.value, 'Shares held in a brokerage account.');
    assert.equal(f.footnotes[0].text.raw, 'Shares held   in a\n            brokerage account.');
    assert.equal(f.footnotes[1].text.value, 'Trade date & settlement date.');
    assert.equal(f.footnotes[2].text.value, 'Sold under a Rule 10b5-1 plan adopted March 1, 2024.');
    assert.equal(f.footnotes[3].text.value, 'Reported late <sic>.');
    assert.equal(at(f, f.footnotes[0].id.span), 'F1');
    assert.ok(at(f, f.footnotes[6].span).startsWith('<footnote id="F7">'));
    assert.equal(f.findings.length, 0, JSON.stringify(f.findings));
  });

  it('drops a zone suffix from dates and rejects what is not a calendar date', () => {
    const f = loadFixture('zone-dates.xml');
    assert.equal(f.periodOfReport.value, '2021-10-26');
    assert.equal(f.periodOfReport.raw, '2021-10-26-05:00');
    assert.equal(at(f, f.periodOfReport.span), '2021-10-26-05:00');
    assert.equal(f.dateOfOriginalSubmission.value, '2021-10-28');
    assert.equal(f.documentType.value, '4/A');
    const r = f.nonDerivative[0];
    assert.equal(r.transactionDate.value, '2021-10-26');
    assert.equal(r.deemedExecutionDate.value, '2021-10-27');
    const d = f.derivative[0];
    assert.equal(d.exerciseDate.value, null);
    assert.equal(d.exerciseDate.raw, '2021-02-30');
    assert.equal(d.expirationDate.value, null);
    assert.equal(d.expirationDate.raw, '10/26/2031');
    assert.equal(f.signatures[0].date.value, '2021-10-28');
  });

  it('reads 1/0 and true/false booleans (any case, trimmed) and upper-cases codes', () => {
    const f = loadFixture('booleans.xml');
    assert.equal(f.notSubjectToSection16.value, false);
    assert.equal(f.form3HoldingsReported.value, true);
    assert.equal(f.form4TransactionsReported.value, false);
    assert.equal(f.form4TransactionsReported.raw, '0');
    assert.equal(f.aff10b5One.present, true);
    assert.equal(f.aff10b5One.value, null);
    assert.equal(f.aff10b5One.raw, 'yes');
    const o = f.reportingOwners[0];
    assert.deepEqual(
      [o.isDirector.value, o.isOfficer.value, o.isTenPercentOwner.value, o.isOther.value],
      [true, true, false, false],
    );
    const r = f.nonDerivative[0];
    assert.equal(r.equitySwapInvolved.value, true);
    assert.equal(r.transactionCode.value, 'G');
    assert.equal(r.transactionCode.raw, 'g');
    assert.equal(r.transactionTimeliness.value, 'L');
    assert.equal(r.transactionAcquiredDisposedCode.value, 'D');
    assert.equal(r.directOrIndirectOwnership.value, 'D');
    assert.equal(at(f, r.directOrIndirectOwnership.span), 'd');
    assert.equal(r.transactionFormType.value, '5');
  });

  it('reads a transaction without transactionCoding and the rows after it', () => {
    const f = loadFixture('no-coding.xml');
    assert.equal(f.nonDerivative.length, 2);
    const [a, b] = f.nonDerivative;
    assert.equal(a.kind, 'transaction');
    assert.equal(a.codingSpan, null);
    assert.equal(a.transactionCode.present, false);
    assert.equal(a.transactionShares.value, '500');
    assert.equal(b.transactionCode.value, 'S');
    assert.equal(b.sharesOwnedFollowingTransaction.value, '1300');
  });

  it('reads an X0202-era Form 3 (derivative holding without postTransactionAmounts)', () => {
    const f = loadFixture('x0202-form3.xml');
    assert.equal(f.schemaVersion.value, 'X0202');
    assert.ok(!rules(f).includes('schema-version-unknown'));
    assert.equal(f.noSecuritiesOwned.value, false);
    assert.equal(f.aff10b5One.present, false);
    assert.equal(f.notSubjectToSection16.present, false);
    assert.equal(f.nonDerivative.length, 1);
    assert.equal(f.nonDerivative[0].kind, 'holding');
    assert.equal(f.nonDerivative[0].sharesOwnedFollowingTransaction.value, '25000');
    const d = f.derivative[0];
    assert.equal(d.kind, 'holding');
    assert.equal(d.sharesOwnedFollowingTransaction.present, false);
    assert.equal(d.underlyingSecurityShares.value, '40000');
    assert.equal(d.natureOfOwnership.value, 'By Trust');
    assert.equal(f.remarks.present, true);
    assert.equal(f.remarks.value, null);
  });

  it('reads X0101 rows written as nonDerivativeSecurity / derivativeSecurity', () => {
    const f = loadFixture('x0101-security-rows.xml');
    assert.equal(f.nonDerivative.length, 1);
    assert.equal(f.nonDerivative[0].kind, 'transaction');
    assert.equal(f.nonDerivative[0].transactionCode.value, 'P');
    assert.equal(f.nonDerivative[0].equitySwapInvolved.present, false);
    assert.equal(f.derivative.length, 1);
    assert.equal(f.derivative[0].kind, 'holding');
    assert.equal(f.derivative[0].conversionOrExercisePrice.value, '12.00');
  });

  it('never reads a value box holding only a footnote as zero', () => {
    const f = loadFixture('footnote-only-values.xml');
    const d: DerivativeRow = f.derivative[0];
    for (const [name, field, fn] of [
      ['conversionOrExercisePrice', d.conversionOrExercisePrice, 'F1'],
      ['transactionPricePerShare', d.transactionPricePerShare, 'F2'],
      ['exerciseDate', d.exerciseDate, 'F3'],
      ['expirationDate', d.expirationDate, 'F3'],
    ] as const) {
      assert.equal(field.present, true, name);
      assert.equal(field.value, null, name);
      assert.equal(field.raw, null, name);
      assert.deepEqual(ids(field), [fn], name);
      assert.deepEqual(field.span, field.elementSpan, name);
      assert.ok(at(f, field.span).startsWith(`<${name}>`), name);
    }
    assert.equal(d.underlyingSecurityShares.value, '3000');
    assert.deepEqual(ids(d.underlyingSecurityShares), ['F1']);
    assert.deepEqual(rowFootnoteIds(d), ['F1', 'F2', 'F3']);
  });

  it('normalizes decimals: separators, $ and spaces removed, digits kept; anything else null', () => {
    const f = loadFixture('decimals.xml');
    const [t, h1, h2] = f.nonDerivative;
    assert.equal(t.transactionShares.value, '1234567.0500');
    assert.equal(t.transactionShares.raw, '1,234,567.0500');
    assert.equal(at(f, t.transactionShares.span), '1,234,567.0500');
    assert.equal(t.transactionPricePerShare.value, '2.2900');
    assert.equal(t.sharesOwnedFollowingTransaction.value, null);
    assert.equal(t.sharesOwnedFollowingTransaction.raw, '-5');
    assert.equal(h1.sharesOwnedFollowingTransaction.value, null);
    assert.equal(h2.sharesOwnedFollowingTransaction.value, '.5');
    // A default namespace changes nothing.
    assert.equal(f.issuer.name.value, 'Numbers Inc');
  });

  it('matches namespace-prefixed names by local name; X0609 is a known schema', () => {
    const f = loadFixture('namespaced.xml');
    assert.equal(f.issuer.cik.value, '0001000015');
    assert.equal(f.reportingOwners[0].name.value, 'Spacey Nam');
    assert.equal(f.footnotes[0].id.value, 'F1');
    assert.equal(f.signatures[0].date.value, '2025-09-02');
    assert.deepEqual(
      f.findings.filter((x) => x.rule === 'schema-version-unknown'),
      [],
    );
  });

  it("reads X0609's foreign trading symbol and non-US address elements as known elements", () => {
    const base = fs
      .readFileSync(path.join(FIX, 'no-coding.xml'), 'utf8')
      .replace('X0306', 'X0609')
      .replace(
        '</issuerTradingSymbol>',
        '</issuerTradingSymbol><issuerForeignTradingSymbol>2330.TW</issuerForeignTradingSymbol>',
      )
      .replace(
        '</reportingOwnerId>',
        '</reportingOwnerId><reportingOwnerAddress><rptOwnerNonUSAddressFlag>true</rptOwnerNonUSAddressFlag><rptOwnerNonUSStateTerritory>Bavaria</rptOwnerNonUSStateTerritory><rptOwnerCountry>DE</rptOwnerCountry></reportingOwnerAddress>',
      );
    assert.match(base, /issuerForeignTradingSymbol/);
    assert.match(base, /rptOwnerCountry/);
    const out = parseOwnershipXml(base, 'x0609.xml');
    assert.ok(out.ok);
    assert.deepEqual(
      out.filing.findings.filter((x) => x.rule === 'xml-unknown-element' || x.rule === 'schema-version-unknown'),
      [],
    );
  });

  it('notes a missing or unknown schema version and still reads the document', () => {
    const base = fs.readFileSync(path.join(FIX, 'no-coding.xml'), 'utf8');
    for (const [text, re] of [
      [base.replace('<schemaVersion>X0306</schemaVersion>', ''), /No schemaVersion/],
      [base.replace('X0306', 'X9999'), /Unknown schema version "X9999"/],
    ] as const) {
      const out = parseOwnershipXml(text, 'x.xml');
      assert.ok(out.ok);
      const note = out.filing.findings.find((x) => x.rule === 'schema-version-unknown');
      assert.ok(note && note.severity === 'info' && re.test(note.message), JSON.stringify(out.filing.findings));
      // On the schemaVersion value, or (absent) on the document's start tag, never the whole file.
      assert.match(text.slice(note.span!.start, note.span!.end), /^(X9999|<ownershipDocument>)$/);
      assert.equal(out.filing.nonDerivative.length, 2);
    }
  });

  it('ignores an injected <script> (never kept as data) and says so', () => {
    const f = loadFixture('script-injected.xml');
    assert.equal(f.issuer.name.value, 'Saved Page Inc');
    const note = f.findings.find((x) => x.rule === 'xml-unknown-element');
    assert.ok(note && note.severity === 'info' && /script/.test(note.message));
    assert.ok(!JSON.stringify({ ...f, text: '', findings: [] }).includes('alert'));
  });

  it('accepts a range inside a larger text: spans index the full text', () => {
    const inner = fs.readFileSync(path.join(FIX, 'footnotes.xml'), 'utf8');
    const text = `<SEC-DOCUMENT>\n<TEXT>\n<XML>\n${inner}</XML>\n</TEXT>\n`;
    const start = text.indexOf('<XML>') + 5;
    const out = parseOwnershipXml(text, 's.txt', {
      range: { start, end: text.indexOf('</XML>') },
      source: 'submission',
    });
    assert.ok(out.ok);
    const f = out.filing;
    assert.equal(f.source, 'submission');
    assert.equal(f.text, text);
    assertSpans(f);
    assert.equal(at(f, f.nonDerivative[0].transactionPricePerShare.span), '$12.3400');
    assert.equal(f.findings.length, 0, JSON.stringify(f.findings));
  });

  it('says plainly when the XML is not an ownership filing', () => {
    const a = parseOwnershipXml('<?xml version="1.0"?>\n<edgarSubmission><x/></edgarSubmission>', 'a.xml');
    assert.equal(a.ok, false);
    assert.equal(!a.ok && a.reason, 'XML, but not an ownership filing (root element <edgarSubmission>)');
    const b = parseOwnershipXml('', 'b.xml');
    assert.equal(b.ok, false);
    const c = parseOwnershipXml('just some words', 'c.xml');
    assert.equal(c.ok, false);
    // A wrapper around an ownership document is looked into.
    const d = parseOwnershipXml(
      '<wrap><ownershipDocument><documentType>4</documentType></ownershipDocument></wrap>',
      'd.xml',
    );
    assert.ok(d.ok && d.filing.documentType.value === '4');
  });

  it('reports elements in the wrong place without losing what they say', () => {
    const f = loadFixture('misplaced-elements.xml');
    const r = f.nonDerivative[0];
    assert.equal(r.securityTitle.value, 'Common Stock');
    assert.equal(at(f, r.securityTitle.span), '<b>Common</b> Stock');
    assert.equal(r.transactionShares.value, '10');
    const mis = f.findings.find((x) => x.rule === 'xml-footnote-misplaced');
    assert.ok(
      mis && mis.severity === 'warning' && /Footnote F1 is cited by <transactionAmounts> itself/.test(mis.message),
    );
    assert.equal(at(f, mis.span), 'F1');
    const t2 = f.findings.find((x) => x.rule === 'xml-unexpected-element');
    assert.ok(
      t2 && /<conversionOrExercisePrice> belongs to Table II.*"3.00"/.test(t2.message),
      JSON.stringify(f.findings),
    );
    const unk = f.findings.filter((x) => x.rule === 'xml-unknown-element');
    assert.deepEqual(
      unk.map((x) => x.message),
      ['Unknown element <comment> in <nonDerivativeTransaction> is ignored (line 25)'],
    );
    // A footnote cited inside <value> is kept.
    assert.equal(r.transactionPricePerShare.value, '1');
    assert.deepEqual(ids(r.transactionPricePerShare), ['F1']);
    assert.equal(at(f, r.transactionPricePerShare.span), '1');
    // rptOwnerGoodAddress is in the schema and simply not needed: no finding.
    assert.equal(f.reportingOwners[0].isDirector.value, true);
  });

  it('keeps the first of a repeated single element and warns', () => {
    const base = fs.readFileSync(path.join(FIX, 'no-coding.xml'), 'utf8');
    const text = base.replace(
      '<periodOfReport>2019-01-02</periodOfReport>',
      '<periodOfReport>2019-01-02</periodOfReport><periodOfReport>2019-02-02</periodOfReport>',
    );
    const out = parseOwnershipXml(text, 'dup.xml');
    assert.ok(out.ok);
    assert.equal(out.filing.periodOfReport.value, '2019-01-02');
    const w = out.filing.findings.find((x) => x.rule === 'xml-duplicate-element');
    assert.ok(w && w.severity === 'warning');
    assert.match(w.message, /the first \("2019-01-02"\) is used, this one \("2019-02-02"\) is not/);
    assert.equal(at(out.filing, w.span), '<periodOfReport>2019-02-02</periodOfReport>');
  });
});
