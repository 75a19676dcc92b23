/**
 * The PDF reader on the shared corpus: EDGAR's own PDFs of Forms 3/4/5 (RC4-encrypted with an empty password,
 * two generators, continuation pages, exhibits after the form) and EDGAR's rendered pages printed to PDF.
 *
 * Accuracy is measured field by field (bench/pdf-accuracy.ts): against the filing's own XML for every printed
 * page whose XML is in the corpus, and against hand-checked ground truth (test/fixtures/pdf/groundtruth) for EDGAR
 * PDFs, whose XML is not in the corpus.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePdfUntimed } from '../helpers/pdf';
import { compareWithTruth, groundTruthAccuracy, printedAccuracy } from '../../bench/pdf-accuracy';
import { parseText } from '../../src/core/parse/index';
import { rowFields, type Field } from '../../src/core/model';
import { CORPUS_DIR, REPO_ROOT, corpusFiles, corpusOrSkip } from '../helpers/shared';

const GT_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'pdf', 'groundtruth');
const BLANK_FORM = 'darkmindfx__Docs__form4data_0.pdf';

describe('PDF reader: accuracy against the XML of printed EDGAR pages', function () {
  this.timeout(120_000);
  before(function () {
    corpusOrSkip(this);
  });

  it('reads at least 99% of the fields of every printed page right (overall and per file)', async () => {
    const r = await printedAccuracy(CORPUS_DIR, parsePdfUntimed, (text, file) => parseText(text, file, 'xml'));
    assert.ok(r.files.length >= 5, `only ${r.files.length} printed pages paired with their XML`);
    const lines = r.files.map(
      (f) => `${path.basename(f.pdf)}: ${f.accuracy.matched}/${f.accuracy.total}${f.error ? ` (${f.error})` : ''}`,
    );
    const detail = r.mismatches.map(
      (m) => `${m.path}: expected ${JSON.stringify(m.expected)}, read ${JSON.stringify(m.actual)}`,
    );
    console.log(`      printed pages vs XML: ${r.matched}/${r.total} fields (${(r.ratio * 100).toFixed(2)}%)`);
    assert.ok(r.ratio >= 0.99, [...lines, ...detail].join('\n'));
    for (const f of r.files)
      assert.ok(
        f.accuracy.ratio >= 0.97,
        `${path.basename(f.pdf)}: ${f.accuracy.matched}/${f.accuracy.total}\n${detail.join('\n')}`,
      );
  });
});

describe('PDF reader: hand-checked ground truth of EDGAR PDFs', function () {
  this.timeout(60_000);
  before(function () {
    corpusOrSkip(this);
  });
  const files = fs
    .readdirSync(GT_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('has ground truth for at least four EDGAR PDFs, all of it read right', async () => {
    assert.ok(files.length >= 4);
    const r = await groundTruthAccuracy(GT_DIR, CORPUS_DIR, parsePdfUntimed);
    console.log(
      `      EDGAR PDFs vs hand-checked ground truth: ${r.matched}/${r.total} fields (${(r.ratio * 100).toFixed(2)}%)`,
    );
    assert.equal(r.files.length, files.length);
    assert.deepEqual(r.mismatches, []);
  });

  for (const name of files) {
    it(name, async () => {
      const truth = JSON.parse(fs.readFileSync(path.join(GT_DIR, name), 'utf8')) as Record<string, unknown>;
      const { corpusFile, checkedAgainst, ...expected } = truth;
      assert.ok(typeof corpusFile === 'string' && typeof checkedAgainst === 'string');
      const file = path.join(CORPUS_DIR, corpusFile);
      const r = await parsePdfUntimed(new Uint8Array(fs.readFileSync(file)), file);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      const acc = compareWithTruth(r.filing, expected as never);
      assert.ok(acc.total > 15, `only ${acc.total} fields compared`);
      assert.deepEqual(acc.mismatches, [], `${acc.matched}/${acc.total}`);
    });
  }
});

describe('PDF reader: every PDF of the corpus', function () {
  this.timeout(120_000);
  before(function () {
    corpusOrSkip(this);
  });

  it('reads every filing, says what the blank form is, and places every field on a page and in a box', async () => {
    const pdfs = [...corpusFiles('pdf'), ...corpusFiles('pdf-printed')].filter((f) => f.endsWith('.pdf'));
    assert.ok(pdfs.length >= 30);
    for (const file of pdfs) {
      const t0 = Date.now();
      const r = await parsePdfUntimed(new Uint8Array(fs.readFileSync(file)), file);
      const ms = Date.now() - t0;
      assert.ok(ms < 15_000, `${file}: ${ms} ms`);
      if (path.basename(file) === BLANK_FORM) {
        assert.equal(r.ok, false);
        if (!r.ok) assert.match(r.reason, /^blank Form 4 template .*no filing data$/);
        continue;
      }
      assert.ok(r.ok, `${file}: ${r.ok ? '' : r.reason}`);
      const f = r.filing;
      assert.equal(f.source, 'pdf');
      assert.ok(f.pdf && f.pdf.pages >= 1);
      assert.ok(f.issuer.name.value, `${file}: no issuer`);
      assert.ok(f.reportingOwners.length >= 1 && f.reportingOwners.every((o) => o.name.value), `${file}: owners`);
      assert.ok(f.periodOfReport.value, `${file}: no period`);
      assert.ok(f.signatures.length >= 1, `${file}: no signature`);
      const fields: Field<unknown>[] = [f.documentType, f.periodOfReport, f.issuer.name];
      for (const r2 of [...f.nonDerivative, ...f.derivative]) {
        assert.ok(r2.directOrIndirectOwnership.value, `${file}: ${r2.table}[${r2.index}] has no D/I`);
        for (const { field } of rowFields(r2)) if (field.present) fields.push(field);
      }
      for (const fld of fields) {
        assert.equal(fld.span, null);
        assert.ok(fld.page != null && fld.page >= 1 && fld.box, `${file}: ${JSON.stringify(fld)}`);
      }
      for (const x of f.findings) {
        // The column layout of every table is found from its labels: no fallbacks on real filings.
        assert.doesNotMatch(x.message, /could not be told apart|numbered column headers|box 6 says/, file);
        assert.equal(x.rule, 'extraction-uncertain');
        assert.equal(x.severity, 'info');
        assert.ok(x.page != null, `${file}: ${x.message}`);
      }
    }
  });

  it('EDGAR PDFs carry the filing date in their metadata', async () => {
    const file = corpusFiles('pdf', (n) => n.includes('6e6f2a94'))[0];
    const r = await parsePdfUntimed(new Uint8Array(fs.readFileSync(file)), file);
    assert.ok(r.ok);
    assert.deepEqual(r.filing.pdf, {
      pages: 1,
      producer: 'EDGRpdf Service w/ EO.Pdf 22.0.40.0',
      subject: 'Form 4 filed on 2022-11-29 for the period ending 2022-11-25',
      filedOn: '2022-11-29',
      accession: '0000899243-22-037138',
    });
  });
});
