/**
 * Sweep over every ownership XML file of the shared corpus: no exception, an ownership document found,
 * every span exact, and the counts the MANIFEST records (owners, rows of each kind, footnotes) met; and the
 * corpus filing whose XML is malformed, reported at the break with everything else read.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFiles, corpusOrSkip, manifest, CORPUS_DIR } from '../helpers/shared';
import { parseOwnershipXml } from '../../src/core/parse/xml';
import { assertSpans, spanProblems } from '../helpers/span-assert';
import { LineIndex } from '../../src/core/positions';
import { onlyFinding as only, spanText as at } from '../helpers/findings';

describe('xml parser over the corpus xml folder', function () {
  this.timeout(120_000);

  it('reads every file with exact spans and the MANIFEST counts', function () {
    corpusOrSkip(this);
    const files = corpusFiles('xml', (n) => n.endsWith('.xml'));
    assert.ok(files.length > 400, `expected the corpus xml folder to hold > 400 files, found ${files.length}`);
    const byFile = new Map(manifest().map((r) => [r.local_file, r]));
    const failures: string[] = [];
    let checkedCounts = 0;
    for (const file of files) {
      const rel = path.relative(CORPUS_DIR, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const out = parseOwnershipXml(text, rel);
      if (!out.ok) {
        failures.push(`${rel}: not read: ${out.reason}`);
        continue;
      }
      const f = out.filing;
      const errs = f.findings.filter((x) => x.severity === 'error');
      if (errs.length > 0) failures.push(`${rel}: parse errors: ${errs.map((e) => e.message).join('; ')}`);
      for (const p of spanProblems(f).slice(0, 3)) failures.push(`${rel}: ${p}`);
      const m = byFile.get(rel);
      if (!m) continue;
      const want: [string, number][] = [
        ['nOwners', f.reportingOwners.length],
        ['nNDT', f.nonDerivative.filter((r) => r.kind === 'transaction').length],
        ['nNDH', f.nonDerivative.filter((r) => r.kind === 'holding').length],
        ['nDT', f.derivative.filter((r) => r.kind === 'transaction').length],
        ['nDH', f.derivative.filter((r) => r.kind === 'holding').length],
        ['nFoot', f.footnotes.length],
      ];
      for (const [col, got] of want) {
        if (m[col] === undefined || m[col] === '') continue;
        checkedCounts++;
        if (Number(m[col]) !== got) failures.push(`${rel}: ${col} = ${got}, MANIFEST says ${m[col]}`);
      }
      if (m.docType && f.documentType.value !== m.docType)
        failures.push(`${rel}: documentType ${f.documentType.value}, MANIFEST ${m.docType}`);
      if (m.schema && f.schemaVersion.value !== m.schema)
        failures.push(`${rel}: schemaVersion ${f.schemaVersion.value}, MANIFEST ${m.schema}`);
    }
    assert.ok(checkedCounts > 1000, `only ${checkedCounts} MANIFEST counts were checked`);
    assert.equal(failures.length, 0, `${failures.length} problem(s):\n  ${failures.slice(0, 30).join('\n  ')}`);
  });
});

describe('xml scanner on a malformed corpus filing', () => {
  it('reports the corpus filing whose closing tag was split by line wrapping (filing16), keeping the rest', function () {
    corpusOrSkip(this);
    const file = path.join(CORPUS_DIR, 'txt', 'cjavdev-secedgar__sec_edgar__filing16.txt');
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('<XML>') + '<XML>'.length;
    const end = text.indexOf('</XML>');
    const out = parseOwnershipXml(text, file, { range: { start, end }, source: 'submission' });
    assert.ok(out.ok);
    const f = out.filing;
    assertSpans(f);
    const x = only(f, 'xml-malformed');
    assert.deepEqual(new LineIndex(f.text).position(x.span!.start), { line: 252, column: 1020 });
    assert.equal(at(f, x.span), '</fo\notnote>');
    assert.equal(x.message, 'Closing tag </footnote> is split by a line break after "</fo" (line 252)');
    // Everything is still read: the footnote, the signature after the break, and the rows (MANIFEST: 2 NDT, 1 DT, 1 footnote).
    assert.equal(f.schemaVersion.value, 'X0202');
    assert.equal(f.issuer.name.value, 'SUN HYDRAULICS CORP');
    assert.equal(f.reportingOwners.length, 1);
    assert.equal(f.nonDerivative.filter((r) => r.kind === 'transaction').length, 2);
    assert.equal(f.derivative.filter((r) => r.kind === 'transaction').length, 1);
    assert.equal(f.footnotes.length, 1);
    assert.equal(f.footnotes[0].id.value, 'F1');
    assert.ok(f.footnotes[0].text.value?.startsWith('Each phantom share represents the value'));
    assert.ok(f.footnotes[0].text.value?.endsWith("termination of Mr. Robson's employment."));
    assert.equal(f.signatures.length, 1);
    assert.equal(f.signatures[0].date.value, '2006-10-18');
    assert.equal(f.source, 'submission');
  });
});
