/**
 * The precision of the error-level findings, kept: test/corpus/precision/labels.tsv is a review of every error the
 * rules raised on the corpus and on real filings outside it (../extra-filings, never committed; its PROVENANCE.tsv
 * says where each came from), one line per finding, "real" or "false" and why. This test fails when a labelled
 * false alarm comes back as an error, when a labelled real error disappears, and when an error no one reviewed
 * appears on a reviewed filing (label it). It prints the precision per rule (BENCHMARKS.md, "Precision of errors").
 *
 * The extra filings live outside the project like the corpus but are not part of ../shared: without them their
 * labels are skipped with a message (CI has only the corpus).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectBytes } from '../../src/core/inspect';
import type { Finding } from '../../src/core/model';
import { CORPUS_DIR, REPO_ROOT, corpusOrSkip } from '../helpers/shared';

const EXTRA_DIR = process.env.FORM4_EXTRA_FILINGS ?? path.resolve(REPO_ROOT, '..', 'extra-filings');
const LABELS = path.join(__dirname, 'precision', 'labels.tsv');
/** The corpus folders whose filings were reviewed (PDFs are read with doubt: their findings are at most warnings). */
const CORPUS_SUBS = ['xml', 'txt', 'html', 'doc'];

interface Label {
  set: 'corpus' | 'extra';
  file: string;
  rule: string;
  place: string;
  label: 'real' | 'false';
  reason: string;
}

function readLabels(): Label[] {
  const out: Label[] = [];
  const lines = fs.readFileSync(LABELS, 'utf8').split('\n');
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith('set\t')) + 1)) {
    if (!line.trim()) continue;
    const [set, file, rule, place, label, reason] = line.split('\t');
    assert.ok(set === 'corpus' || set === 'extra', `bad set in: ${line}`);
    assert.ok(label === 'real' || label === 'false', `bad label in: ${line}`);
    assert.ok(reason && reason.length > 10, `no reason in: ${line}`);
    out.push({ set, file, rule, place, label, reason });
  }
  return out;
}

/** Where a finding is, as the labels say it: "Table I row 3", "periodOfReport", "line 252". */
function placeOf(message: string): string {
  const row = /^(Table I{1,2} row \d+)/.exec(message);
  if (row) return row[1];
  if (message.startsWith('periodOfReport')) return 'periodOfReport';
  const line = /\(line (\d+)\)/.exec(message);
  return line ? `line ${line[1]}` : message.slice(0, 40);
}

const keyOf = (set: string, file: string, rule: string, place: string) => [set, file, rule, place].join('\t');

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Every error of one set's reviewed filings, keyed as the labels are. */
async function errorsOf(set: 'corpus' | 'extra', root: string, files: string[]): Promise<Map<string, Finding>> {
  const out = new Map<string, Finding>();
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const res = await inspectBytes(fs.readFileSync(file), rel, {});
    if (!res.ok) continue;
    for (const f of res.filing.findings)
      if (f.severity === 'error') out.set(keyOf(set, rel, f.rule, placeOf(f.message)), f);
  }
  return out;
}

describe('precision of error-level findings on reviewed real filings', function () {
  this.timeout(600000);
  const labels = readLabels();
  const found = new Map<string, Finding>();
  const sets: ('corpus' | 'extra')[] = [];

  before(async function () {
    corpusOrSkip(this);
    const corpusFiles = CORPUS_SUBS.flatMap((s) => walk(path.join(CORPUS_DIR, s)));
    for (const [k, v] of await errorsOf('corpus', CORPUS_DIR, corpusFiles)) found.set(k, v);
    sets.push('corpus');
    if (fs.existsSync(path.join(EXTRA_DIR, 'PROVENANCE.tsv'))) {
      const extraFiles = walk(EXTRA_DIR).filter((f) => /\.(txt|xml)$/i.test(f));
      for (const [k, v] of await errorsOf('extra', EXTRA_DIR, extraFiles)) found.set(k, v);
      sets.push('extra');
    } else console.warn(`      skipped the "extra" labels: ${EXTRA_DIR} not found (set FORM4_EXTRA_FILINGS)`);
  });

  it('every labelled real error is still raised', () => {
    const gone = labels
      .filter((l) => sets.includes(l.set) && l.label === 'real')
      .filter((l) => !found.has(keyOf(l.set, l.file, l.rule, l.place)))
      .map((l) => `${l.file} ${l.rule} ${l.place}: ${l.reason}`);
    assert.deepEqual(gone, []);
  });

  it('no labelled false alarm is an error again', () => {
    const back = labels
      .filter((l) => sets.includes(l.set) && l.label === 'false')
      .map((l) => ({ l, f: found.get(keyOf(l.set, l.file, l.rule, l.place)) }))
      .filter((x) => x.f)
      .map(({ l, f }) => `${l.file} ${f?.message} (reviewed: ${l.reason})`);
    assert.deepEqual(back, []);
  });

  it('every error on a reviewed filing is labelled, and precision is at least 95%', () => {
    const labelled = new Set(labels.map((l) => keyOf(l.set, l.file, l.rule, l.place)));
    const unreviewed = [...found.entries()]
      .filter(([k]) => !labelled.has(k))
      .map(([k, f]) => `${k.split('\t').slice(0, 2).join(' ')}: ${f.rule}: ${f.message}`);
    assert.deepEqual(unreviewed, [], 'label these in test/corpus/precision/labels.tsv');
    const perRule = new Map<string, { real: number; all: number }>();
    for (const [k, f] of found) {
      const l = labels.find((x) => keyOf(x.set, x.file, x.rule, x.place) === k);
      const e = perRule.get(f.rule) ?? { real: 0, all: 0 };
      e.all++;
      if (l?.label === 'real') e.real++;
      perRule.set(f.rule, e);
    }
    let real = 0;
    let all = 0;
    for (const [rule, e] of [...perRule].sort()) {
      console.log(`      ${rule}: ${e.real} real of ${e.all} errors`);
      real += e.real;
      all += e.all;
    }
    console.log(`      all rules (${sets.join(' + ')}): ${real} real of ${all} errors`);
    assert.ok(all === 0 || real / all >= 0.95, `precision ${real}/${all} is below 95%`);
  });
});
