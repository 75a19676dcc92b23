/**
 * The JSON model (docs/JSON-MODEL.md) is a public interface: exact keys, key order, types and values,
 * checked against a hand-written expected file, plus the submission object and finding positions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { emptyFiling } from '../../src/core/model';
import { toJson } from '../../src/core/json';
import { parseOwnershipXml } from '../../src/core/parse/xml';
import { parseSubmission } from '../../src/core/parse/submission';
import { REPO_ROOT, SHARED_DOCS_DIR, sharedOrSkip } from '../helpers/shared';

const FIX = path.join(__dirname, '..', 'fixtures');
const read = (rel: string): string => fs.readFileSync(path.join(FIX, rel), 'utf8');

function form4(): Filing {
  const text = read('json/form4.xml');
  const out = parseOwnershipXml(text, 'form4.xml');
  assert.ok(out.ok, out.ok ? '' : out.reason);
  const price = text.indexOf('2.2900');
  out.filing.findings.push(
    { rule: 'test-price', severity: 'warning', message: 'price on line 32', span: { start: price, end: price + 6 } },
    { rule: 'test-nospan', severity: 'info', message: 'no place', span: null },
  );
  return out.filing;
}

/** Every key path of a JSON value in serialization order (arrays: their first element, as "[]"). */
function keyPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length ? keyPaths(v[0], prefix + '[]') : [prefix + '[]'];
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [prefix + '.' + k, ...keyPaths(x, prefix + '.' + k)]);
  return [];
}

describe('json: the model of docs/JSON-MODEL.md', () => {
  it('matches the hand-written expected JSON exactly (keys, order, types, values)', () => {
    const got = JSON.stringify(toJson(form4()), null, 2) + '\n';
    assert.equal(got, read('json/form4.expected.json'));
  });

  it('numbers are strings without separators, digits as written; footnoteIds sorted F2 before F10 over the whole row', () => {
    const j = toJson(form4());
    assert.equal(j.nonDerivative[0].transactionShares, '7402');
    assert.equal(j.nonDerivative[0].transactionPricePerShare, '2.2900');
    // F10 is cited twice (coding and price) and F2 once: unique, numeric order.
    assert.deepEqual(j.nonDerivative[0].footnoteIds, ['F2', 'F10']);
  });

  it('aff10b5One: null when the document has no such element, else the box', () => {
    assert.equal(toJson(form4()).aff10b5One, null);
    const text = read('json/form4.xml').replace('<issuer>', '<aff10b5One>true</aff10b5One>\n    <issuer>');
    const out = parseOwnershipXml(text, 'x.xml');
    assert.ok(out.ok);
    assert.equal(toJson(out.filing).aff10b5One, true);
  });

  it('submission: the three header values for a submission source, with line numbers in the whole submission', () => {
    const text = read('submission/line-header.txt');
    const out = parseSubmission(text, 'line-header.txt');
    assert.ok(out.ok);
    const acc = out.filing.submission!.acceptanceDateTime.span!;
    out.filing.findings.push({ rule: 'test-acceptance', severity: 'info', message: 'm', span: acc });
    const j = toJson(out.filing);
    assert.equal(j.source, 'submission');
    assert.deepEqual(Object.entries(j.submission!), [
      ['accessionNumber', '0001234567-24-000123'],
      ['filedAsOf', '2024-04-02'],
      ['acceptanceDateTime', '2024-04-02T16:05:12'],
    ]);
    const f = j.findings.find((x) => x.rule === 'test-acceptance')!;
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [3, 22, 3, 36]);
    assert.equal(text.split('\n')[2].slice(21, 35), '20240402160512');
  });

  it('findings of a PDF carry the page and no line', () => {
    const pdf = emptyFiling('a.pdf', 'pdf', '');
    pdf.findings.push({ rule: 'r', severity: 'error', message: 'm', span: null, page: 2 });
    assert.deepEqual(toJson(pdf).findings[0], {
      rule: 'r',
      severity: 'error',
      message: 'm',
      line: null,
      column: null,
      endLine: null,
      endColumn: null,
      page: 2,
    });
    assert.equal(toJson(pdf).submission, null);
  });

  it('key order follows the document, key for key, when every part is present', function () {
    // The repository's own document; until it has one, the shared copy it is written from.
    let doc = path.join(REPO_ROOT, 'docs', 'JSON-MODEL.md');
    if (!fs.existsSync(doc)) {
      doc = path.join(SHARED_DOCS_DIR, 'JSON-MODEL.md');
      sharedOrSkip(this, doc);
    }
    const block = /```jsonc\n([\s\S]*?)```/.exec(fs.readFileSync(doc, 'utf8'))![1];
    const docKeys = [...block.matchAll(/"(\w+)":/g)].map((m) => m[1]);
    // A filing with every part present: the fixture with a derivative transaction row and a submission header.
    const f = form4();
    const sub = parseSubmission(read('submission/line-header.txt'), 's.txt');
    assert.ok(sub.ok);
    f.source = 'submission';
    f.submission = sub.filing.submission;
    f.reportingOwners[0].city = { raw: 'Pekin', value: 'Pekin', present: true, footnotes: [], span: null };
    const all = keyPaths(toJson(f));
    // `derived` is a documented addition (README, src/core/derived.ts), always LAST: everything before it is the document, key for key.
    const cut = all.findIndex((p) => p.startsWith('.derived'));
    assert.equal(all[cut], '.derived', 'derived is the last top-level key');
    const ourKeys = all
      .slice(0, cut)
      .map((p) => p.replace(/.*[.\]]/, ''))
      .filter((k) => k !== '');
    assert.deepEqual(ourKeys, docKeys);
    assert.deepEqual(Object.keys(toJson(f)).slice(-2), ['findings', 'derived']);
    const flow = ['shares', 'value', 'averagePrice', 'rows', 'unpricedRows'];
    assert.deepEqual(
      all.slice(cut).map((p) => p.replace(/^\.derived/, '')),
      [
        '',
        '.nonDerivative',
        '.nonDerivative[].value',
        '.nonDerivative[].change',
        '.derivative',
        '.derivative[].value',
        '.derivative[].change',
        '.holdings',
        ...[
          'table',
          'securityTitle',
          'directOrIndirectOwnership',
          'natureOfOwnership',
          'conversionOrExercisePrice',
          'expirationDate',
          'rows',
        ].map((k) => `.holdings[].${k}`),
        '.holdings[].netChange',
        ...['acquired', 'disposed', 'bought', 'sold'].flatMap((k) => [
          `.holdings[].${k}`,
          ...flow.map((x) => `.holdings[].${k}.${x}`),
        ]),
        '.holdings[].before',
        '.holdings[].after',
        '.holdings[].percentChange',
      ],
    );
  });
});
