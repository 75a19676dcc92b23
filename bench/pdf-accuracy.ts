/**
 * Field-by-field accuracy of the PDF reader against ground truth: the filing's own XML (for EDGAR pages printed
 * to PDF), or a hand-checked JSON model. Both sides go through `toJson` (the public JSON model), every leaf is
 * compared, plus the owners' addresses (on the form, not in the JSON model).
 *
 * Left out, because a printed form does not show them: `file`, `source`, `schemaVersion`, `submission`,
 * `findings`, `issuer.cik` and `reportingOwners[].cik`; and `derived` (figures computed from the compared fields). Compared loosely, as the form prints them: texts with
 * white space collapsed; numbers by value ("2.2900" and "$2.29" agree; the form drops trailing zeros).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../src/core/model';
import type { PdfReader } from '../src/core/pdf/reader';
import { emptyFiling } from '../src/core/model';
import { toJson } from '../src/core/json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface FieldMismatch {
  /** JSON path, e.g. "nonDerivative[2].transactionPricePerShare". */
  path: string;
  expected: Json | undefined;
  actual: Json | undefined;
}

export interface Accuracy {
  matched: number;
  total: number;
  /** matched / total (1 when there is nothing to compare). */
  ratio: number;
  mismatches: FieldMismatch[];
}

/** Keys that the printed form does not show, and `derived` (computed from the compared fields, not read). */
const EXCLUDED_TOP = new Set(['file', 'source', 'schemaVersion', 'submission', 'findings', 'derived']);
const EXCLUDED_PATH = [/^issuer\.cik$/, /^reportingOwners\[\d+\]\.cik$/];

const NUMBER_KEYS = new Set([
  'transactionShares',
  'transactionPricePerShare',
  'sharesOwnedFollowingTransaction',
  'valueOwnedFollowingTransaction',
  'conversionOrExercisePrice',
  'transactionTotalValue',
  'underlyingSecurityShares',
  'underlyingSecurityValue',
]);

function canonNumber(s: string): string {
  if (!/^\d+(\.\d+)?$/.test(s)) return s;
  let [i, f = ''] = s.split('.');
  i = i.replace(/^0+(?=\d)/, '');
  let end = f.length;
  while (end > 0 && f[end - 1] === '0') end--;
  f = f.slice(0, end);
  return f ? `${i}.${f}` : i;
}

function same(key: string, a: Json | undefined, b: Json | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const ca = a.replace(/\s+/g, ' ').trim();
    const cb = b.replace(/\s+/g, ' ').trim();
    if (NUMBER_KEYS.has(key)) return canonNumber(ca) === canonNumber(cb);
    return ca === cb;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(key, x, b[i]));
  return (a ?? null) === (b ?? null);
}

/** The comparable projection of a filing: its JSON model minus what a form cannot show, plus owner addresses. */
export function comparable(filing: Filing): Json {
  const j = toJson(filing) as unknown as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(j)) if (!EXCLUDED_TOP.has(k)) out[k] = v;
  const owners = out.reportingOwners as Record<string, Json>[];
  filing.reportingOwners.forEach((o, i) => {
    if (!owners[i]) return;
    // The ground truth keeps the address flat on the owner (the form prints it in the name box).
    delete owners[i].address;
    for (const k of ['street1', 'street2', 'city', 'state', 'zipCode'] as const) {
      const v = o[k].value;
      owners[i][k] = typeof v === 'string' && v.trim() ? v : null;
    }
  });
  return out;
}

/**
 * Leaf by leaf. `alone`: the element (a row, an owner, a footnote) is on one side only, read and not in the truth or
 * in the truth and not read; then a leaf empty on both sides says nothing and is not counted, so that a junk row's
 * empty boxes are not matches and a lost row's empty boxes are not either.
 */
function walk(
  exp: Json | undefined,
  act: Json | undefined,
  at: string,
  key: string,
  acc: Accuracy,
  alone = false,
): void {
  if (EXCLUDED_PATH.some((re) => re.test(at))) return;
  const isObj = (x: Json | undefined): x is { [k: string]: Json } =>
    x != null && typeof x === 'object' && !Array.isArray(x);
  // Arrays of objects (rows, owners, footnotes, signatures): element by element; a missing element misses all its leaves.
  if (
    (Array.isArray(exp) && (exp.length === 0 || isObj(exp[0]))) ||
    (Array.isArray(act) && act.length > 0 && isObj(act[0]))
  ) {
    const a = Array.isArray(exp) ? exp : [];
    const b = Array.isArray(act) ? act : [];
    // Footnotes by their number, which is what rows cite: a footnote lost or merged does not make every later one a
    // miss. (Rows and owners have no such identity: by their order.) Paths keep the reading's index.
    const idOf = (x: Json | undefined) => (isObj(x) && typeof x.id === 'string' ? x.id : null);
    if (key === 'footnotes' && [...a, ...b].every((x) => idOf(x) !== null)) {
      // The first of a number read twice pairs with the truth's; the other is an extra footnote.
      const ours = new Map<string | null, number>();
      b.forEach((x, i) => ours.has(idOf(x)) || ours.set(idOf(x), i));
      const paired = new Set<number>();
      let lost = b.length;
      for (const x of a) {
        const i = ours.get(idOf(x));
        if (i !== undefined && !paired.has(i)) {
          paired.add(i);
          walk(x, b[i], `${at}[${i}]`, key, acc, alone);
        } else walk(x, undefined, `${at}[${lost++}]`, key, acc, true);
      }
      b.forEach((x, i) => paired.has(i) || walk(undefined, x, `${at}[${i}]`, key, acc, true));
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      walk(a[i], b[i], `${at}[${i}]`, key, acc, alone || a[i] === undefined || b[i] === undefined);
    return;
  }
  if (isObj(exp) || isObj(act)) {
    const a = isObj(exp) ? exp : {};
    const b = isObj(act) ? act : {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) walk(a[k], b[k], at ? `${at}.${k}` : k, k, acc, alone);
    return;
  }
  const empty = (x: Json | undefined) => x == null || (Array.isArray(x) && x.length === 0);
  if (alone && empty(exp) && empty(act)) return;
  acc.total++;
  if (same(key, exp, act)) acc.matched++;
  else acc.mismatches.push({ path: at, expected: exp, actual: act });
}

/** Compare the PDF's filing with the ground truth (a filing from the XML, or a comparable JSON object). */
export function compareWithTruth(pdf: Filing, truth: Filing | Json): Accuracy {
  const acc: Accuracy = { matched: 0, total: 0, ratio: 1, mismatches: [] };
  const expected =
    truth && typeof truth === 'object' && 'reportingOwners' in truth && 'text' in truth
      ? comparable(truth as unknown as Filing)
      : (truth as Json);
  walk(expected, comparable(pdf), '', '', acc);
  acc.ratio = acc.total ? acc.matched / acc.total : 1;
  return acc;
}

/** Sum of several comparisons. */
export function combine(parts: readonly Accuracy[]): Accuracy {
  const matched = parts.reduce((s, p) => s + p.matched, 0);
  const total = parts.reduce((s, p) => s + p.total, 0);
  return { matched, total, ratio: total ? matched / total : 1, mismatches: parts.flatMap((p) => p.mismatches) };
}

/**
 * Printed EDGAR pages in `<corpus>/pdf-printed` with the XML candidates they may have been rendered from: the XML of
 * the same name, else the XMLs of the same source folder (name up to the accession component, as in
 * `..._GOOG__000120919122024550__SEC_FORM_4.pdf` and `..._GOOG__000120919122024550__doc4.xml`). Several
 * candidates are told apart by content (see `printedAccuracy`): one sample folder holds the page of a sibling filing.
 */
export function printedPairs(corpusDir: string): { pdf: string; xmls: string[] }[] {
  const pdfDir = path.join(corpusDir, 'pdf-printed');
  const xmlDir = path.join(corpusDir, 'xml');
  if (!fs.existsSync(pdfDir) || !fs.existsSync(xmlDir)) return [];
  const xmls = fs.readdirSync(xmlDir).filter((f) => f.endsWith('.xml'));
  const out: { pdf: string; xmls: string[] }[] = [];
  for (const p of fs
    .readdirSync(pdfDir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()) {
    const base = p.replace(/\.pdf$/, '');
    let cands = xmls.filter((f) => f === `${base}.xml`);
    if (cands.length === 0) {
      const parts = base.split('__');
      // Drop the file name and the accession folder: the rest names the source folder of sibling filings.
      const group = parts.length > 3 ? parts.slice(0, -2).join('__') + '__' : null;
      cands = group ? xmls.filter((f) => f.startsWith(group) && f.split('__').length === parts.length) : [];
    }
    if (cands.length) out.push({ pdf: path.join(pdfDir, p), xmls: cands.sort().map((x) => path.join(xmlDir, x)) });
  }
  return out;
}

export interface CorpusAccuracy extends Accuracy {
  files: { pdf: string; truth: string; accuracy: Accuracy; error?: string }[];
}

/** Accuracy over every printed page whose XML is in the corpus; `parseXml` reads the XML that is the truth. */
export async function printedAccuracy(
  corpusDir: string,
  readPdf: PdfReader,
  parseXml: (text: string, file: string) => { ok: true; filing: Filing } | { ok: false; reason: string },
): Promise<CorpusAccuracy> {
  const files: CorpusAccuracy['files'] = [];
  for (const { pdf, xmls } of printedPairs(corpusDir)) {
    const got = await readPdf(new Uint8Array(fs.readFileSync(pdf)), pdf);
    let best: { xml: string; acc: Accuracy } | null = null;
    let error: string | undefined;
    for (const xml of xmls) {
      const truth = parseXml(fs.readFileSync(xml, 'utf8'), xml);
      if (!truth.ok) {
        error = `XML ${path.basename(xml)}: ${truth.reason}`;
        continue;
      }
      // A PDF that cannot be read scores nothing: every leaf of the truth is missed.
      const acc = got.ok
        ? compareWithTruth(got.filing, truth.filing)
        : compareWithTruth(emptyFiling(pdf, 'pdf', ''), truth.filing);
      if (!got.ok) acc.matched = 0;
      // The filing the page shows is the one it disagrees with least.
      if (!best || acc.mismatches.length < best.acc.mismatches.length) best = { xml, acc };
    }
    if (!got.ok) error = `PDF: ${got.reason}`;
    if (best)
      files.push({
        pdf,
        truth: best.xml,
        accuracy: { ...best.acc, ratio: best.acc.total ? best.acc.matched / best.acc.total : 1 },
        error,
      });
  }
  return { ...combine(files.map((f) => f.accuracy)), files };
}

/**
 * Accuracy against hand-checked ground truth: every `<gtDir>/*.json` holds `corpusFile` (path under the corpus),
 * `checkedAgainst` (how it was checked) and the expected comparable projection (see `comparable`).
 */
export async function groundTruthAccuracy(
  gtDir: string,
  corpusDir: string,
  readPdf: PdfReader,
): Promise<CorpusAccuracy> {
  const files: CorpusAccuracy['files'] = [];
  if (!fs.existsSync(gtDir)) return { matched: 0, total: 0, ratio: 1, mismatches: [], files };
  for (const name of fs
    .readdirSync(gtDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const truthFile = path.join(gtDir, name);
    const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as Record<string, Json>;
    const { corpusFile, checkedAgainst: _checked, ...expected } = truth;
    const pdf = path.join(corpusDir, String(corpusFile));
    const got = await readPdf(new Uint8Array(fs.readFileSync(pdf)), pdf);
    const acc = compareWithTruth(got.ok ? got.filing : emptyFiling(pdf, 'pdf', ''), expected);
    if (!got.ok) {
      acc.matched = 0;
      acc.ratio = 0;
    }
    files.push({ pdf, truth: truthFile, accuracy: acc, error: got.ok ? undefined : `PDF: ${got.reason}` });
  }
  return { ...combine(files.map((f) => f.accuracy)), files };
}
