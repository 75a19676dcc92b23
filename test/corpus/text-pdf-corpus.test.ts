/**
 * Plain text extracted from PDFs (pdf-parse's `getText()`, as a user would get from a PDF tool) of the corpus'
 * printed EDGAR pages, read by the text reader and compared leaf by leaf with the ownership XML of the same
 * filing (found by content). This is the shape of input the OCR seed stands for: columns merged with tabs,
 * labels and values broken over lines, rows spread over several lines. Prints the figure and every mismatch.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, corpusFiles, corpusOrSkip, sharedOrSkip } from '../helpers/shared';
import { toJson } from '../../src/core/json';
import { parseFormText } from '../../src/core/parse/text';
import { parseText } from '../../src/core/parse/index';
import type { Filing } from '../../src/core/model';
import { compareModels } from '../helpers/html-compare';
import { textSpanProblems } from '../helpers/html-spans';

async function pdfText(file: string): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The corpus XML of the same filing: same issuer name, period and owner names, same row counts. */
function counterpart(f: Filing, xmlFiles: string[]): { file: string; filing: Filing } | null {
  const period = f.periodOfReport.value;
  const issuer = f.issuer.name.value;
  if (!period || !issuer) return null;
  for (const file of xmlFiles) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(period) || !text.toLowerCase().includes(issuer.toLowerCase().slice(0, 12))) continue;
    const r = parseText(text, file);
    if (!r.ok) continue;
    const x = r.filing;
    const owners = (g: Filing) => g.reportingOwners.map((o) => (o.name.value ?? '').toUpperCase()).join('|');
    if (
      x.periodOfReport.value === period &&
      owners(x) === owners(f) &&
      x.nonDerivative.length === f.nonDerivative.length &&
      x.derivative.length === f.derivative.length
    )
      return { file, filing: x };
  }
  return null;
}

describe('text: text extracted from printed EDGAR PDFs, against the ownership XML', function () {
  this.timeout(180_000);
  before(function () {
    corpusOrSkip(this);
  });

  it('reads every page with exact spans and matches the XML in every value the page prints', async function () {
    const pdfs = corpusFiles('pdf-printed', (n) => n.endsWith('.pdf'));
    assert.ok(pdfs.length >= 5, 'expected the printed EDGAR pages');
    const xmlFiles = corpusFiles('xml', (n) => n.endsWith('.xml'));
    let matched = 0;
    let total = 0;
    let paired = 0;
    let notPrinted = 0;
    const report: string[] = [];
    for (const pdf of pdfs) {
      const text = await pdfText(pdf);
      const r = parseFormText(text, pdf);
      assert.ok(r.ok, `${path.basename(pdf)}: ${r.ok ? '' : r.reason}`);
      assert.deepEqual(textSpanProblems(r.filing), [], `${path.basename(pdf)}: spans`);
      if (/BAMPartners/.test(pdf)) {
        // Ten joint filers printed as name-and-address blocks after Table II: all read, none taken for a row.
        assert.equal(r.filing.reportingOwners.length, 10);
        assert.deepEqual([r.filing.nonDerivative.length, r.filing.derivative.length], [1, 0]);
        const o = r.filing.reportingOwners[1];
        assert.deepEqual(
          [o.name.value, o.city.value, o.state.value, o.zipCode.value],
          ['BAM Partners Trust', 'TORONTO ONTARIO', 'A6', 'M5J2T3'],
        );
      }
      const x = counterpart(r.filing, xmlFiles);
      if (!x) {
        report.push(
          `${path.basename(pdf)}: no XML counterpart (read ${r.filing.nonDerivative.length} + ${r.filing.derivative.length} rows)`,
        );
        continue;
      }
      paired++;
      const c = compareModels(r.filing, x.filing);
      matched += c.matched;
      total += c.total;
      report.push(`${path.basename(pdf)} vs ${path.basename(x.file)}: ${c.matched}/${c.total}`);
      for (const m of c.mismatches) {
        // A printed page shows no CIK, and prints 134018.0 as 134,018: not reading those is not an error.
        const printed = !/\.cik$/.test(m.path);
        const sameNumber =
          typeof m.html === 'string' &&
          typeof m.xml === 'string' &&
          /^\d*\.?\d+$/.test(m.html) &&
          Number(m.html) === Number(m.xml);
        if (!printed || sameNumber) notPrinted++;
        report.push(
          `    ${m.path}: text=${JSON.stringify(m.html)} xml=${JSON.stringify(m.xml)}${!printed ? ' (not on the page)' : sameNumber ? ' (same number)' : ''}`,
        );
      }
    }
    console.log(
      `      PDF text vs XML: ${paired} pairs, ${matched}/${total} JSON values equal (${((matched / total) * 100).toFixed(1)}%); ` +
        `${matched + notPrinted}/${total} counting CIKs (not printed) and numbers printed without ".0"\n      ${report.join('\n      ')}`,
    );
    assert.ok(paired >= 5, `expected 5 pages with an XML counterpart, found ${paired}`);
    assert.ok(matched / total >= 0.95, `match ${matched}/${total} below 95%`);
    assert.ok((matched + notPrinted) / total >= 0.995, 'values printed on the page must match');
  });

  it("reads the EDGAR-converted PDFs of the corpus close to the PDF reader's hand-checked ground truth", async function () {
    // Ground truth written for the PDF reader (test/fixtures/pdf/groundtruth), checked field by field against
    // the rendered pages. Here the same PDFs go through plain text extraction and the text reader instead.
    const dir = path.resolve(__dirname, '..', 'fixtures', 'pdf', 'groundtruth');
    const SKIP_KEYS = new Set([
      'corpusFile',
      'checkedAgainst',
      'findings',
      'file',
      'source',
      'submission',
      'notes',
      'page',
      'pages',
    ]);
    let matched = 0;
    let total = 0;
    const report: string[] = [];
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const gt = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown> & {
        corpusFile: string;
      };
      const pdf = path.join(CORPUS_DIR, gt.corpusFile);
      sharedOrSkip(this, pdf);
      const r = parseFormText(await pdfText(pdf), pdf);
      assert.ok(r.ok, `${name}: ${r.ok ? '' : r.reason}`);
      assert.deepEqual(textSpanProblems(r.filing), [], `${name}: spans`);
      const j = toJson(r.filing) as unknown as Record<string, unknown> & { reportingOwners: Record<string, unknown>[] };
      j.reportingOwners.forEach((o, i) => {
        const m = r.filing.reportingOwners[i];
        Object.assign(o, {
          street1: m.street1.value,
          street2: m.street2.value,
          city: m.city.value,
          state: m.state.value,
          zipCode: m.zipCode.value,
        });
      });
      let m = 0;
      let t = 0;
      const miss: string[] = [];
      const walk = (a: unknown, b: unknown, p: string): void => {
        if (Array.isArray(b)) {
          t++;
          if (Array.isArray(a) && a.length === b.length) m++;
          else miss.push(`${p}.length: text=${Array.isArray(a) ? a.length : a} truth=${b.length}`);
          b.forEach((x, i) => walk(Array.isArray(a) ? a[i] : undefined, x, `${p}[${i}]`));
        } else if (b !== null && typeof b === 'object') {
          for (const [k, v] of Object.entries(b))
            if (!SKIP_KEYS.has(k))
              walk(a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined, v, p ? `${p}.${k}` : k);
        } else {
          t++;
          if (a === b) m++;
          else miss.push(`${p}: text=${JSON.stringify(a)} truth=${JSON.stringify(b)}`);
        }
      };
      walk(j, gt, '');
      matched += m;
      total += t;
      report.push(`${name}: ${m}/${t}`, ...miss.map((x) => `    ${x}`));
    }
    console.log(
      `      PDF text vs ground truth: ${matched}/${total} values equal (${((matched / total) * 100).toFixed(1)}%)\n      ${report.join('\n      ')}`,
    );
    assert.ok(total > 300, 'expected the six ground-truth files');
    assert.ok(matched / total >= 0.85, `match ${matched}/${total} below 85%`);
  });
});
