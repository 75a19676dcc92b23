/**
 * The XML scanner under stress: entities, DOCTYPE bombs and external entities, deep nesting and size limits,
 * malformed input reported at the exact line/column with everything before (and after) still read.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOwnershipXml } from '../../src/core/parse/xml';
import { scanXml } from '../../src/core/xml/scan';
import { decodeEntities, decodeReference } from '../../src/core/xml/entities';
import { LineIndex } from '../../src/core/positions';
import type { Filing, Finding } from '../../src/core/model';
import { assertSpans } from '../helpers/span-assert';
import { onlyFinding, spanText } from '../helpers/findings';

const FIX = path.resolve(__dirname, '..', 'fixtures', 'xml');

function parseFixture(name: string): Filing {
  const text = fs.readFileSync(path.join(FIX, name), 'utf8');
  const out = parseOwnershipXml(text, name);
  assert.ok(out.ok, `${name} not read`);
  assertSpans(out.filing);
  return out.filing;
}

const at = spanText;
const only = onlyFinding;

function lineCol(f: Filing, x: Finding): { line: number; column: number } {
  assert.ok(x.span);
  return new LineIndex(f.text).position(x.span.start);
}

describe('xml scanner: entities', () => {
  it('decodes predefined, numeric and common HTML entities with spans still on the text as written', () => {
    const f = parseFixture('entities.xml');
    assert.equal(f.issuer.name.value, 'Procter & Gamble\u00a0Co');
    assert.equal(at(f, f.issuer.name.span), 'Procter &amp; Gamble&#160;Co');
    assert.equal(f.reportingOwners[0].name.value, 'Ren\u00e9e O\u2019Brien');
    assert.equal(at(f, f.reportingOwners[0].name.span), 'Ren&eacute;e O&#x2019;Brien');
    assert.equal(f.reportingOwners[0].officerTitle.value, 'EVP & General\u00a0Counsel');
    const r = f.nonDerivative[0];
    assert.equal(r.securityTitle.value, 'Common Stock <Class A>');
    assert.equal(r.transactionShares.value, '100');
    assert.equal(at(f, r.transactionShares.span), '&#49;&#x30;0');
    // Unknown entity kept literally; NUL and a lone surrogate become U+FFFD.
    assert.equal(r.natureOfOwnership.value, 'By "Family" Trust \'99 &unknownthing; \ufffd \ufffd');
    assert.equal(f.footnotes[0].id.value, 'F1');
    assert.equal(at(f, f.footnotes[0].id.span), 'F&#49;');
    assert.equal(f.footnotes[0].text.value, 'Price > $150 & < $151 \u2014 weighted average.');
    assert.equal(f.remarks.value, 'AT&T shares are not included.');
    assert.equal(f.signatures[0].name.value, '/s/ Ren\u00e9e O\u2019Brien');
    const note = only(f, 'xml-unknown-entity');
    assert.equal(note.severity, 'info');
    assert.equal(at(f, note.span), '&unknownthing;');
    assert.ok(!f.findings.some((x) => x.severity === 'error'));
  });

  it('decodes references exactly and leaves anything else alone', () => {
    assert.equal(decodeReference('#65'), 'A');
    assert.equal(decodeReference('#x1F600'), '\u{1F600}');
    assert.equal(decodeReference('#X41'), 'A');
    assert.equal(decodeReference('#xFFFE'), '\ufffd');
    assert.equal(decodeReference('#1114112'), '\ufffd');
    assert.equal(decodeReference('#'), null);
    assert.equal(decodeReference('#x'), null);
    assert.equal(decodeReference('#12a'), null);
    assert.equal(decodeReference('nbsp'), '\u00a0');
    assert.equal(decodeReference('copy'), '\u00a9');
    assert.equal(decodeReference('yuml'), '\u00ff');
    assert.equal(decodeReference('constructor'), null);
    assert.equal(decodeReference('lol9'), null);
    const seen: string[] = [];
    const s = 'a &amp; b & c &bogus; d &#38;';
    assert.equal(
      decodeEntities(s, 0, s.length, (o, n) => seen.push(s.slice(o, o + n))),
      'a & b & c &bogus; d &',
    );
    assert.deepEqual(seen, ['&', '&bogus;']);
    // Only the range is decoded.
    assert.equal(decodeEntities('&amp;x&amp;', 5, 11), 'x&');
  });
});

describe('xml scanner: hostile input', () => {
  it('skips a DOCTYPE with a billion-laughs entity bomb: nothing expanded, the model the size of the text', () => {
    const f = parseFixture('doctype-billion-laughs.xml');
    assert.equal(f.issuer.name.value, '&lol9;');
    assert.equal(f.reportingOwners[0].name.value, 'Laugh &lol9; Larry');
    assert.equal(f.remarks.value, '&lol9;&lol9;&lol9;');
    assert.equal(f.issuer.tradingSymbol.value, 'LOL');
    const d = only(f, 'xml-doctype-ignored');
    assert.equal(d.severity, 'info');
    assert.ok(at(f, d.span).startsWith('<!DOCTYPE ownershipDocument [') && at(f, d.span).endsWith(']>'));
    assert.equal(only(f, 'xml-unknown-entity').severity, 'info');
    assert.ok(!f.findings.some((x) => x.severity === 'error'), JSON.stringify(f.findings));
    assert.ok(JSON.stringify({ ...f, text: '' }).length < 20_000);
  });

  it('never reads an external entity or DTD (no network, no file)', () => {
    // The CommonJS module objects (mutable, unlike the ESM namespace views) are what any code would call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const http = require('node:http') as { request: unknown; get: unknown };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const https = require('node:https') as { request: unknown; get: unknown };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fsm = require('node:fs') as { readFileSync: unknown; openSync: unknown; readFile: unknown };
    const calls: string[] = [];
    const origFetch = globalThis.fetch;
    const text = fs.readFileSync(path.join(FIX, 'doctype-external-entity.xml'), 'utf8');
    const saved = {
      http: { request: http.request, get: http.get },
      https: { request: https.request, get: https.get },
      fs: { readFileSync: fsm.readFileSync, openSync: fsm.openSync, readFile: fsm.readFile },
    };
    const trap =
      (name: string) =>
      (...a: unknown[]): never => {
        calls.push(`${name} ${String(a[0])}`);
        throw new Error(`${name} must not be called`);
      };
    try {
      globalThis.fetch = trap('fetch') as typeof fetch;
      http.request = trap('http.request');
      http.get = trap('http.get');
      https.request = trap('https.request');
      https.get = trap('https.get');
      fsm.readFileSync = trap('fs.readFileSync');
      fsm.openSync = trap('fs.openSync');
      fsm.readFile = trap('fs.readFile');
      const out = parseOwnershipXml(text, 'xxe.xml');
      assert.ok(out.ok);
      assert.equal(out.filing.issuer.name.value, '&xxe;');
      assert.equal(out.filing.reportingOwners[0].name.value, 'Outside Otto');
      assert.ok(out.filing.findings.some((x) => x.rule === 'xml-doctype-ignored'));
    } finally {
      globalThis.fetch = origFetch;
      Object.assign(http, saved.http);
      Object.assign(https, saved.https);
      Object.assign(fsm, saved.fs);
    }
    assert.deepEqual(calls, []);
  });

  it('lists at most 100 findings of one rule and counts the rest', () => {
    const text =
      '<ownershipDocument><footnotes>' + '<footnote>x</footnote>'.repeat(500) + '</footnotes></ownershipDocument>';
    const out = parseOwnershipXml(text, 'many.xml');
    assert.ok(out.ok);
    const f = out.filing;
    assert.equal(f.footnotes.length, 500);
    const w = f.findings.filter((x) => x.rule === 'xml-footnote-id-missing');
    assert.equal(w.length, 101);
    assert.equal(w[100].message, '400 more xml-footnote-id-missing findings not listed');
  });

  it('tolerates a byte-order mark left in front of the document', () => {
    const out = parseOwnershipXml(
      '\ufeff<?xml version="1.0"?><ownershipDocument><documentType>4</documentType></ownershipDocument>',
      'bom.xml',
    );
    assert.ok(out.ok);
    assert.equal(out.filing.documentType.value, '4');
    assert.ok(!out.filing.findings.some((x) => x.rule === 'xml-malformed'), JSON.stringify(out.filing.findings));
  });

  it('stops at the element limit with a clear finding', () => {
    const text = '<r>' + '<e/>'.repeat(50) + '</r>';
    const scan = scanXml(text, 0, text.length, { maxDepth: 200, maxElements: 20, maxProblems: 50 });
    assert.equal(scan.elementCount, 20);
    assert.equal(scan.problems.length, 1);
    assert.equal(scan.problems[0].kind, 'size');
    assert.match(scan.problems[0].message, /More than 20 elements/);
  });

  it('reports at most maxProblems problems and counts the rest', () => {
    const text = '<r>' + '<e a=1/>'.repeat(10) + '</r>';
    const scan = scanXml(text, 0, text.length, { maxDepth: 200, maxElements: 1000, maxProblems: 3 });
    assert.equal(scan.problems.length, 3);
    assert.match(scan.problems[2].message, /and 7 more problems after this/);
    assert.equal(scan.roots[0].children.length, 10);
  });
});

describe('xml scanner: malformed input', () => {
  it('reports a mismatched closing tag at its exact line and column and keeps the data around it', () => {
    const f = parseFixture('malformed-mismatch.xml');
    const x = only(f, 'xml-malformed');
    assert.equal(x.severity, 'error');
    assert.deepEqual(lineCol(f, x), { line: 18, column: 55 });
    assert.equal(at(f, x.span), '</transactionPricePerShare>');
    assert.equal(
      x.message,
      'Closing tag </transactionPricePerShare> does not match the open <value> (line 18; <value> opened on line 18)',
    );
    const r = f.nonDerivative[0];
    assert.equal(r.transactionShares.value, '400');
    assert.equal(r.transactionPricePerShare.value, '33.10');
    assert.equal(r.transactionAcquiredDisposedCode.value, 'D');
    assert.equal(r.sharesOwnedFollowingTransaction.value, '600');
    assert.equal(f.signatures[0].name.value, '/s/ Tina Typo');
  });

  it('finds a closing tag written as a start tag ("/" missing) and reads everything after it', () => {
    const f = parseFixture('missing-slash.xml');
    const x = only(f, 'xml-malformed');
    assert.deepEqual(lineCol(f, x), { line: 5, column: 31 });
    assert.equal(at(f, x.span), '<periodOfReport>');
    assert.equal(
      x.message,
      '<periodOfReport> (opened on line 5) is not closed before the next <periodOfReport> on line 5: its closing tag </periodOfReport> (or the "/" in it) seems missing',
    );
    assert.equal(f.periodOfReport.value, '2024-01-10');
    assert.equal(f.notSubjectToSection16.value, false);
    assert.equal(f.issuer.name.value, 'Slash Corp');
    assert.equal(f.reportingOwners.length, 1);
    assert.equal(f.nonDerivative.length, 1);
    assert.deepEqual(
      f.nonDerivative[0].transactionPricePerShare.footnotes.map((r) => r.id),
      ['F1'],
    );
    assert.equal(f.footnotes.length, 1);
    assert.equal(f.signatures[0].date.value, '2024-01-11');
    assert.ok(!f.findings.some((x) => x.rule === 'xml-duplicate-element'), JSON.stringify(f.findings));
  });

  it('finds a footnote left open before the next one and keeps each note apart', () => {
    const f = parseFixture('unclosed-footnote.xml');
    const x = only(f, 'xml-malformed');
    assert.deepEqual(lineCol(f, x), { line: 13, column: 9 });
    assert.equal(at(f, x.span), '<footnote id="F2">');
    assert.match(x.message, /^<footnote> \(opened on line 12\) is not closed before the next <footnote> on line 13/);
    assert.deepEqual(
      f.footnotes.map((n) => [n.id.value, n.text.value]),
      [
        ['F1', 'First note, with bold text.'],
        ['F2', 'Second note.'],
        ['F3', 'Third note.'],
      ],
    );
    assert.ok(at(f, f.footnotes[0].span).endsWith('text.\n        '));
    assert.equal(f.remarks.value, 'After the notes.');
    assert.equal(f.signatures.length, 1);
    assert.ok(!f.findings.some((x) => x.rule === 'xml-unknown-element'), JSON.stringify(f.findings));
  });

  it('reports a document cut short and keeps everything read before the cut', () => {
    const f = parseFixture('truncated.xml');
    const x = only(f, 'xml-malformed');
    assert.match(
      x.message,
      /^The document ends before <value> \(opened on line 17\) is closed; 5 enclosing elements are not closed either/,
    );
    assert.equal(x.span?.start, f.text.length);
    assert.equal(f.issuer.name.value, 'Cut Short Inc');
    assert.equal(f.reportingOwners.length, 1);
    assert.equal(f.nonDerivative.length, 1);
    assert.equal(f.nonDerivative[0].transactionShares.value, '400');
    assert.equal(f.nonDerivative[0].transactionPricePerShare.value, '33.1');
  });

  it('reports stray markup, bad attributes and text after the root, once, at the first break', () => {
    const cases: [string, RegExp, string][] = [
      [
        '<ownershipDocument><documentType>4 < 5</documentType></ownershipDocument>',
        /A "<" that does not start a tag/,
        '<',
      ],
      [
        '<ownershipDocument><footnotes><footnote id=F1>x</footnote></footnotes></ownershipDocument>',
        /no quotes around its value/,
        'id=F1',
      ],
      [
        '<ownershipDocument><footnotes><footnote id="F1>x</footnote></footnotes></ownershipDocument>',
        /quote is not closed before the next "<"/,
        'id="',
      ],
      [
        '<ownershipDocument><documentType>4</documentType></ownershipDocument>\ntrailing words',
        /after the end of the root element \(line 2\)/,
        'trailing words',
      ],
      [
        '<ownershipDocument><documentType>4</documentType></ownershipDocument><second/>',
        /second top-level element <second>/,
        '<second/>',
      ],
      [
        '<ownershipDocument><documentType>4</documentType></bogus></ownershipDocument>',
        /Closing tag <\/bogus> does not match the open <ownershipDocument>/,
        '</bogus>',
      ],
      [
        '<ownershipDocument><!-- unclosed comment <documentType>4</documentType></ownershipDocument>',
        /Comment "<!--" is never closed/,
        '<!--',
      ],
    ];
    for (const [text, re, piece] of cases) {
      const out = parseOwnershipXml(text, 'm.xml');
      assert.ok(out.ok, text);
      const errs = out.filing.findings.filter((x) => x.rule === 'xml-malformed');
      assert.equal(errs.length, 1, `${text}: ${JSON.stringify(out.filing.findings)}`);
      assert.match(errs[0].message, re, text);
      assert.ok(errs[0].span);
      assert.equal(text.slice(errs[0].span.start, errs[0].span.end), piece, text);
      assertSpans(out.filing);
    }
    // The footnote with an unquoted id is still read.
    const u = parseOwnershipXml(
      '<ownershipDocument><footnotes><footnote id=F1>x</footnote></footnotes></ownershipDocument>',
      'u.xml',
    );
    assert.ok(u.ok && u.filing.footnotes[0].id.value === 'F1' && u.filing.footnotes[0].text.value === 'x');
  });

  it('adds what a strict validator finds earlier than the first break the scanner reports', () => {
    const text =
      '<?xml version="1.0"?>\n<ownershipDocument>\n<remarks>AT&T</remarks>\n<documentType>4</documentTyp>\n</ownershipDocument>\n';
    const out = parseOwnershipXml(text, 'v.xml');
    assert.ok(out.ok);
    const x = out.filing.findings.find((f) => f.rule === 'xml-malformed');
    assert.ok(x);
    assert.equal(
      x.message,
      'Closing tag </documentTyp> does not match the open <documentType> (line 4; <documentType> opened on line 4); ' +
        "a strict XML check finds a first problem earlier, on line 3 column 12: char '&' is not expected.",
    );
    assert.equal(out.filing.remarks.value, 'AT&T');
    assert.equal(out.filing.documentType.value, '4');
  });

  it('handles comments, CDATA, processing instructions and self-closing tags in values', () => {
    const text =
      '<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?>\n<!-- head -->\n<ownershipDocument>' +
      '<issuer><issuerName><!-- c --> A<![CDATA[ & ]]>B <!-- d --></issuerName><issuerCik/></issuer>' +
      '</ownershipDocument>\n<!-- tail -->\n';
    const out = parseOwnershipXml(text, 'c.xml');
    assert.ok(out.ok);
    const f = out.filing;
    assert.equal(f.issuer.name.value, 'A & B');
    assert.equal(at(f, f.issuer.name.span), 'A<![CDATA[ & ]]>B');
    assert.equal(f.issuer.cik.present, true);
    assert.equal(f.issuer.cik.value, null);
    assert.equal(at(f, f.issuer.cik.span), '<issuerCik/>');
    assert.equal(f.findings.filter((x) => x.severity === 'error').length, 0, JSON.stringify(f.findings));
    assertSpans(f);
  });
});
