/**
 * npm run ocr-corpus: the text reader on OCR text as users get it. Every corpus PDF (`pdf/`, `pdf-printed/`) is
 * rendered by pdftoppm and read by Tesseract under each setting of ./ocr/pages (two page segmentation modes at
 * 300 dpi, and a degraded scan: 150 dpi, turned, speckled); the text goes through `parseFormText`, and the filings
 * with known values are scored field by field: the printed EDGAR pages against their XML in the corpus, the
 * EDGAR PDFs against the hand-checked JSON in test/fixtures/pdf/groundtruth (./pdf-accuracy, ./ocr/score).
 * The figures go into BENCHMARKS.md (section "ocr"). OCR text is cached outside the repository (./ocr/pages).
 *
 * Options: `--settings psm4,degraded` (a subset), `--no-cache` (OCR again), `--verbose` (every mismatch),
 * `--no-write` (print only), `--known-only` (only the PDFs with known values).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, REPO_ROOT, corpusAvailable } from '../scripts/corpus-dir';
import { parseText } from '../src/core/parse';
import { parseFormText } from '../src/core/parse/text';
import { emptyFiling, type Filing } from '../src/core/model';
import { findOcrTools } from '../src/core/ocr/tools';
import { parsePdf } from '../src/core/pdf';
import { compareWithTruth, printedPairs } from './pdf-accuracy';
import { CACHE_DIR, closeBrowser, htmlPageOf, ocrText, SETTINGS, type OcrSetting } from './ocr/pages';
import { scoreOcr, type OcrScore } from './ocr/score';
import { stamp, writeSection } from './report';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');

interface Known {
  pdf: string;
  /** Truth candidates: XML filings (the printed page shows one of them) or one hand-checked JSON. */
  truths: { name: string; value: Filing | Json }[];
}

/**
 * The filings with known values. A printed page's XML is the candidate its text layer (the PDF reader, 100% on
 * these pages) agrees with best: the OCR reading must not pick its own truth.
 */
async function knownValues(): Promise<Known[]> {
  const out: Known[] = [];
  for (const { pdf, xmls } of printedPairs(CORPUS_DIR)) {
    const page = await parsePdf(new Uint8Array(fs.readFileSync(pdf)), pdf, { timeoutMs: 300_000 });
    if (!page.ok) throw new Error(`${path.basename(pdf)}: its text layer could not be read (${page.reason})`);
    let best: { name: string; value: Filing; miss: number } | null = null;
    for (const x of xmls) {
      const r = parseText(fs.readFileSync(x, 'utf8'), x, 'xml');
      if (!r.ok) continue;
      const miss = page.ok ? compareWithTruth(page.filing, r.filing).mismatches.length : 0;
      if (!best || miss < best.miss) best = { name: path.basename(x), value: r.filing, miss };
    }
    if (best) out.push({ pdf, truths: [best] });
  }
  const gtDir = path.join(REPO_ROOT, 'test', 'fixtures', 'pdf', 'groundtruth');
  for (const name of fs
    .readdirSync(gtDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const {
      corpusFile,
      checkedAgainst: _c,
      ...expected
    } = JSON.parse(fs.readFileSync(path.join(gtDir, name), 'utf8')) as Record<string, Json>;
    out.push({ pdf: path.join(CORPUS_DIR, String(corpusFile)), truths: [{ name, value: expected }] });
  }
  return out;
}

function corpusPdfs(): string[] {
  return ['pdf-printed', 'pdf'].flatMap((d) => {
    const dir = path.join(CORPUS_DIR, d);
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((n) => n.endsWith('.pdf'))
          .sort()
          .map((n) => path.join(dir, n))
      : [];
  });
}

interface FileResult {
  pdf: string;
  truth: string;
  score: OcrScore;
  readable: boolean;
}

interface SettingResult {
  setting: OcrSetting;
  files: FileResult[];
  matched: number;
  total: number;
  tablesLost: number;
  wrongSilently: number;
  wrongFlagged: number;
  /** Every corpus PDF: read as a filing or not. */
  read: number;
  all: number;
  ocrSeconds: number;
}

const pct = (m: number, t: number) => (t ? ((100 * m) / t).toFixed(1) : '100.0');

async function main(): Promise<void> {
  if (!corpusAvailable()) throw new Error(`the corpus is not at ${CORPUS_DIR} (set FORM4_CORPUS)`);
  const found = findOcrTools();
  if (!found.ok) throw new Error(found.reason);
  const tools = found.tools;
  const names = opt('--settings')?.split(',');
  const settings = SETTINGS.filter((s) => !names || names.includes(s.name));
  const known = await knownValues();
  const results: SettingResult[] = [];
  for (const s of settings) {
    const r: SettingResult = {
      setting: s,
      files: [],
      matched: 0,
      total: 0,
      tablesLost: 0,
      wrongSilently: 0,
      wrongFlagged: 0,
      read: 0,
      all: 0,
      ocrSeconds: 0,
    };
    const texts = new Map<string, string>();
    const knownPdfs = new Set(known.map((k) => k.pdf));
    for (const pdf of corpusPdfs()
      .filter((f) => !args.includes('--known-only') || knownPdfs.has(f))
      .filter((f) => !s.browserCopy || htmlPageOf(f) !== null)) {
      const t0 = Date.now();
      const o = await ocrText(tools, pdf, s, { cache: !args.includes('--no-cache') });
      if (!o.cached && !s.pdftotext && !s.browserCopy) {
        r.ocrSeconds += (Date.now() - t0) / 1000;
        console.error(
          `${s.name}: OCR of ${path.basename(pdf)} (${o.pages} pages) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      texts.set(pdf, o.text);
      r.all++;
      if (parseFormText(o.text, pdf).ok) r.read++;
    }
    for (const k of known) {
      // A browser's copy exists only of the PDFs printed from an HTML page.
      if (s.browserCopy && !texts.has(k.pdf)) continue;
      const text = texts.get(k.pdf) ?? '';
      const got = parseFormText(text, k.pdf);
      const filing = got.ok ? got.filing : emptyFiling(k.pdf, 'text', text);
      let best: { name: string; score: OcrScore } | null = null;
      for (const t of k.truths) {
        const sc = scoreOcr(filing, t.value);
        if (!best || sc.mismatches.length < best.score.mismatches.length) best = { name: t.name, score: sc };
      }
      if (!best) continue;
      // A text refused as a filing counts none of its fields, but loses no table in silence: the refusal says why.
      if (!got.ok) {
        best.score.matched = 0;
        best.score.tablesLostSilently = [];
      }
      r.files.push({ pdf: k.pdf, truth: best.name, score: best.score, readable: got.ok });
      r.matched += best.score.matched;
      r.total += best.score.total;
      r.tablesLost += best.score.tablesLostSilently.length;
      r.wrongSilently += best.score.wrongSilently.length;
      r.wrongFlagged += best.score.wrongFlagged;
      if (verbose) {
        console.log(`\n${s.name} ${path.basename(k.pdf)} vs ${best.name}: ${best.score.matched}/${best.score.total}`);
        for (const m of best.score.mismatches)
          console.log(
            `  ${best.score.wrongSilently.includes(m) ? 'SILENT ' : ''}${m.path}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)}`,
          );
        for (const x of best.score.tablesLostSilently) console.log(`  TABLE LOST: ${x}`);
      }
    }
    results.push(r);
    console.log(
      `${s.name}: ${r.matched}/${r.total} fields (${pct(r.matched, r.total)}%), tables lost silently ${r.tablesLost}, wrong values without a finding ${r.wrongSilently} (${pct(r.wrongSilently, r.total)}%), flagged wrong ${r.wrongFlagged}; ${r.read}/${r.all} corpus PDFs read as a filing`,
    );
  }
  await closeBrowser();
  const body = report(results, known.length);
  if (!args.includes('--no-write') && !names && !args.includes('--known-only')) writeSection('ocr', body);
  console.log(body);
}

function report(results: SettingResult[], nKnown: number): string {
  const target = (r: SettingResult) => (r.setting.degrade ? 90 : 95);
  // The issue's targets are for OCR text; the text layer's rows are measured beside them, with no target of their own.
  const goal = (r: SettingResult) =>
    r.setting.pdftotext || r.setting.browserCopy
      ? '(no OCR)'
      : `>= ${target(r)}%: ${100 * r.matched >= target(r) * r.total ? 'met' : 'NOT met'}`;
  const rows = results
    .map(
      (r) =>
        `| ${r.setting.describe} | ${r.matched}/${r.total} | **${pct(r.matched, r.total)}%** | ${goal(r)} | ${r.tablesLost} | ${r.wrongSilently} (${pct(r.wrongSilently, r.total)}%) | ${r.wrongFlagged} | ${r.read}/${r.all} |`,
    )
    .join('\n');
  const perFile = results[0]
    ? results[0].files
        .map((f) => {
          const cells = results.map((r) => {
            // By the PDF: a setting may read fewer of them (a browser's copy exists only of the printed pages).
            const x = r.files.find((y) => y.pdf === f.pdf);
            return x ? `${x.score.matched}/${x.score.total}` : '';
          });
          return `| ${path.basename(f.pdf)} | ${f.truth} | ${cells.join(' | ')} |`;
        })
        .join('\n')
    : '';
  return `## OCR text: field accuracy on Tesseract's reading of the corpus PDFs

${stamp()}

\`npm run ocr-corpus\`: every corpus PDF rendered by pdftoppm and read by Tesseract (${results.length} settings), the text read by the text reader (\`parseFormText\`) and scored field by field against the known values of ${nKnown} filings: the printed EDGAR pages in \`pdf-printed/\` against their XML in the corpus, the EDGAR PDFs in \`pdf/\` against the hand-checked JSON in \`test/fixtures/pdf/groundtruth/\` (the comparison of the PDF section: every leaf of the JSON model a form prints, numbers by value). A *wrong value without a finding* is a value read (not absent) that differs from the truth, on a field not marked uncertain and with no \`extraction-uncertain\` finding at its place; a *table lost without a finding* is a table read with fewer rows than the truth has and no finding naming it (a text refused as a filing, with its reason, loses none). OCR text is cached outside the repository (\`${path.relative(process.env.HOME ?? '', CACHE_DIR).startsWith('..') ? CACHE_DIR : `~/${path.relative(process.env.HOME ?? '', CACHE_DIR)}`}\`).

| setting | fields matched / total | accuracy | target | tables lost without a finding | wrong values without a finding | wrong values flagged | corpus PDFs read as a filing |
| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |
${rows}

Totals differ between settings: a row, owner or footnote read that the truth does not have counts the boxes it fills as misses (the degraded scan splits rows into extra ones), one the truth has that was not read counts the truth's filled boxes, and a box empty on both sides of such an element is not counted; footnotes are paired by their number, rows and owners by their order. Values of a scanned PDF read through \`form4 inspect --ocr\` or the preview's OCR command are these readings, every value marked uncertain: at 300 dpi with \`--psm 4\` for a clean page (\`--ocr\` leaves a page with less than one pixel of dust in 10,000 as it is, so its text is the first row's), and as the last row for a scan like the degraded one, which \`--ocr\` renders at 300 dpi (the scan's 150 dpi image scaled 2x, as pdftoppm does) and cleans of its specks before Tesseract reads it. The rows score the text reader on each text as given, without the marks \`--ocr\` adds; through \`--ocr\`, no value is wrong without a finding.

The \`pdftotext\` rows read no image: they are the PDF's own text as poppler writes it, which is what a user who copies a PDF's text gets, read by the same text reader (the PDF reader, which places each word by its position on the page, reads these PDFs at 100%).

Before this reader (issue 19), 300 dpi with \`--psm 4\`: 635/1,243 fields (51%), tables lost without a finding in 8 of 17 filings.

| PDF | compared with | ${results.map((r) => r.setting.name).join(' | ')} |
| --- | --- | ${results.map(() => '---:').join(' | ')} |
${perFile}
`;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
