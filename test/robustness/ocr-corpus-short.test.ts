/**
 * The short form of `npm run ocr-corpus` that CI runs: two one-page printed EDGAR filings of the corpus rendered by
 * pdftoppm at 300 dpi and read by Tesseract (`--psm 4`), through the text reader, scored field by field against
 * their XML (bench/ocr-corpus.ts does the same over every corpus PDF and three settings). The floors are the
 * figures of BENCHMARKS.md for these two pages: a change to the text reader that loses fields, drops a table
 * without a word or lets more wrong values through unflagged fails here. OCR text is cached like the bench's.
 * Needs the corpus, tesseract and pdftoppm; without them it is skipped, except under CI=true.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR } from '../../scripts/corpus-dir';
import { corpusOrSkip } from '../helpers/shared';
import { ocrToolsOrSkip } from '../helpers/scanned-pdf';
import { parseText } from '../../src/core/parse';
import { parseFormText } from '../../src/core/parse/text';
import { parsePdf } from '../../src/core/pdf';
import type { Filing } from '../../src/core/model';
import { compareWithTruth, printedPairs } from '../../bench/pdf-accuracy';
import { ocrText, SETTINGS } from '../../bench/ocr/pages';
import { scoreOcr } from '../../bench/ocr/score';

const PAGES = ['edgartools__ownership__374WaterForm4.pdf', 'edgartools__ownership__form5.snow.pdf'];

describe('OCR corpus, short form (two printed pages, 300 dpi, --psm 4)', function () {
  this.timeout(600_000);

  it('reads at least as many fields as BENCHMARKS.md says, loses no table silently, lets no more wrong values through', async function () {
    corpusOrSkip(this);
    const tools = ocrToolsOrSkip(this);
    const psm4 = SETTINGS.find((s) => s.name === 'psm4')!;
    let matched = 0;
    let total = 0;
    let silent = 0;
    const lost: string[] = [];
    for (const { pdf, xmls } of printedPairs(CORPUS_DIR).filter((p) => PAGES.includes(path.basename(p.pdf)))) {
      // The page's XML: the candidate its text layer agrees with best (as the bench chooses it).
      const layer = await parsePdf(new Uint8Array(fs.readFileSync(pdf)), pdf, { timeoutMs: 300_000 });
      assert.ok(layer.ok, `${path.basename(pdf)}: its text layer could not be read`);
      let truth: { filing: Filing; miss: number } | null = null;
      for (const x of xmls) {
        const r = parseText(fs.readFileSync(x, 'utf8'), x, 'xml');
        if (!r.ok) continue;
        const miss = compareWithTruth(layer.filing, r.filing).mismatches.length;
        if (!truth || miss < truth.miss) truth = { filing: r.filing, miss };
      }
      assert.ok(truth, `${path.basename(pdf)}: no XML to compare with`);
      const text = (await ocrText(tools, pdf, psm4)).text;
      const read = parseFormText(text, pdf);
      assert.ok(read.ok, `${path.basename(pdf)}: the OCR text was not read as a filing`);
      const score = scoreOcr(read.filing, truth.filing);
      matched += score.matched;
      total += score.total;
      silent += score.wrongSilently.length;
      lost.push(...score.tablesLostSilently.map((t) => `${path.basename(pdf)}: ${t}`));
    }
    assert.equal(total > 0, true, `the two pages (${PAGES.join(', ')}) are in the corpus`);
    // BENCHMARKS.md, OCR section: 374WaterForm4 51/60 and form5.snow 65/73 fields at 300 dpi --psm 4; 3 wrong
    // values without a finding between them.
    assert.ok(matched >= 116, `fields matched ${matched}/${total}, at least 116 expected`);
    assert.deepEqual(lost, [], 'tables lost without a finding');
    assert.ok(
      silent <= 3,
      `wrong values without a finding: ${silent} (fields matched ${matched}/${total}), at most 3 expected`,
    );
  });
});
