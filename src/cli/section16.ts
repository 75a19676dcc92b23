/**
 * The Section 16 desk on the command line:
 *
 *   form4 short-swing <files or folders>... [--format text|json|csv] [--add-codes CODES]
 *   form4 late-report <files or folders>... [--fiscal-year YYYY] [--format text|json|markdown|html]
 *   form4 diff <amendment> [<original>] [--format text|json]
 *
 * cli.ts hands these commands here with its reading helpers, so every command reads filings the same way.
 * Exit codes: 0 done; 1 (diff) the original is not in the set; 2 an input could not be read, or bad usage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../core/model';
import type { InspectOptions } from '../core/inspect';
import { LineIndex } from '../core/positions';
import { isAmendment } from '../core/fields';
import { shortSwing, shortSwingJson } from '../core/section16/shortSwing';
import { shortSwingCsv, shortSwingText } from '../core/section16/renderShortSwing';
import { lateReport } from '../core/section16/lateReport';
import { lateHtml, lateJson, lateMarkdown, lateText } from '../core/section16/renderLate';
import { findOriginal, givenOriginal, type Pairing } from '../core/section16/amendments';
import { compareFilings, rowDiffLabel, type Change, type Comparison } from '../core/section16/compare';
import { SCAN_EXTENSIONS } from './files';
import { findingPlace } from './render';

export const SECTION16_USAGE = `  form4 short-swing <files or folders...> [--format text|json|csv] [--add-codes CODES]
      Short-swing profits (Section 16(b)) per reporting owner, issuer and class of security, matched lowest-in,
      highest-out. Purchases are code P and sales code S; --add-codes M,F adds codes by your legal judgement
      (a purchase when acquired, a sale when disposed of).
  form4 late-report <files or folders...> [--fiscal-year YYYY] [--format text|json|markdown|html]
      Late Section 16 reports per issuer and fiscal year (Item 405 of Regulation S-K): late reports and
      transactions not reported on time per reporting person, with due and filing dates.
  form4 diff <amendment> [<original>] [--format text|json]
      What an amendment (4/A, 3/A, 5/A) changed against its original (found beside it when not given;
      exit 1 when it is not there).
`;

export const SECTION16_COMMANDS: ReadonlySet<string> = new Set(['short-swing', 'late-report', 'diff']);

/** What cli.ts lends: its reading loop, its report of unreadable inputs, its output, its usage error. */
export interface Section16Deps<U> {
  readEach(
    paths: string[],
    options: InspectOptions,
    visit: (filing: Filing) => void,
  ): Promise<{ unreadable: U[]; missing: string[] }>;
  reportUnreadable(unreadable: U[], missing: string[]): boolean;
  write(s: string): void;
  usage(message: string): Error;
  options: InspectOptions;
}

interface Parsed {
  paths: string[];
  format: string | null;
  codes: string[];
  fiscalYear: number | null;
}

const FORMATS = new Map<string, string[]>([
  ['short-swing', ['text', 'json', 'csv']],
  ['late-report', ['text', 'json', 'markdown', 'html']],
  ['diff', ['text', 'json']],
]);

function parse(command: string, rest: string[], usage: (m: string) => Error): Parsed {
  const p: Parsed = { paths: [], format: null, codes: [], fiscalYear: null };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (name: string): string => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      const next = rest[++i];
      if (next === undefined) throw usage(`${name} needs a value`);
      return next;
    };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const f = value('--format');
      const formats = FORMATS.get(command) ?? [];
      if (!formats.includes(f)) throw usage(`${command} --format must be ${formats.join(', ')} (got "${f}")`);
      p.format = f;
    } else if (command === 'short-swing' && (arg === '--add-codes' || arg.startsWith('--add-codes='))) {
      for (const c of value('--add-codes')
        .split(/[\s,]+/)
        .filter(Boolean)) {
        if (!/^[A-Za-z]$/.test(c)) throw usage(`--add-codes takes transaction codes such as M,F (got "${c}")`);
        p.codes.push(c.toUpperCase());
      }
    } else if (command === 'late-report' && (arg === '--fiscal-year' || arg.startsWith('--fiscal-year='))) {
      const y = value('--fiscal-year');
      if (!/^\d{4}$/.test(y)) throw usage(`--fiscal-year takes a year such as 2024 (got "${y}")`);
      p.fiscalYear = Number(y);
    } else if (arg === '--') {
      p.paths.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw usage(`unknown option ${arg} for ${command}`);
    else p.paths.push(arg);
  }
  return p;
}

async function readAll<U>(deps: Section16Deps<U>, paths: string[]): Promise<{ filings: Filing[]; failed: boolean }> {
  const filings: Filing[] = [];
  const r = await deps.readEach(paths, deps.options, (f) => filings.push(f));
  return { filings, failed: deps.reportUnreadable(r.unreadable, r.missing) };
}

/** The files beside `file` a folder scan would read (not the file itself). */
function siblings(file: string): string[] {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const self = path.resolve(file);
  return names
    .sort()
    .map((n) => path.join(dir, n))
    .filter((p) => path.resolve(p) !== self && SCAN_EXTENSIONS.has(path.extname(p).toLowerCase()))
    .filter((p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    });
}

function changeLine(c: Change, lines: LineIndex | null, file: string): string {
  const where = c.afterLoc ?? c.beforeLoc;
  const place = where ? `${file}:${findingPlace(where, lines)}: ` : '';
  return `  ${place}${c.label}: ${c.before ?? '(absent)'} -> ${c.after ?? '(absent)'}`;
}

export function diffText(pairing: Pairing, cmp: Comparison): string {
  const a = cmp.amendment;
  const o = cmp.original;
  const la = a.text ? new LineIndex(a.text) : null;
  const lo = o.text ? new LineIndex(o.text) : null;
  const out = [`${a.file} compared with ${o.file}`, `${pairing.note}.`];
  const c = cmp.counts;
  out.push(`Rows: ${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.unchanged} unchanged.`);
  if (cmp.document.length) {
    out.push('', 'The report:');
    for (const ch of cmp.document) out.push(changeLine(ch, ch.afterLoc ? la : lo, ch.afterLoc ? a.file : o.file));
  }
  for (const d of cmp.rows) {
    if (d.status === 'unchanged') continue;
    out.push('', d.status === 'added' ? rowDiffLabel(d) : `${rowDiffLabel(d)}: ${d.status}`);
    const file = d.after ? a.file : o.file;
    for (const ch of d.changes) out.push(changeLine(ch, d.after ? la : lo, file));
  }
  if (cmp.footnotes.length) {
    out.push('', 'Footnotes:');
    for (const ch of cmp.footnotes) out.push(changeLine(ch, ch.afterLoc ? la : lo, ch.afterLoc ? a.file : o.file));
  }
  if (cmp.remarks)
    out.push(
      '',
      changeLine(cmp.remarks, cmp.remarks.afterLoc ? la : lo, cmp.remarks.afterLoc ? a.file : o.file).trim(),
    );
  const nothing = !cmp.document.length && !c.added && !c.removed && !c.changed && !cmp.footnotes.length && !cmp.remarks;
  if (nothing) out.push('', 'No value differs.');
  return `${out.join('\n')}\n`;
}

function changeJson(c: Change) {
  return { path: c.path, label: c.label, before: c.before, after: c.after };
}

export function diffJson(pairing: Pairing, cmp: Comparison) {
  return {
    amendment: cmp.amendment.file,
    original: cmp.original.file,
    pairedBy: pairing.by,
    note: pairing.note,
    counts: cmp.counts,
    document: cmp.document.map(changeJson),
    rows: cmp.rows
      .filter((d) => d.status !== 'unchanged')
      .map((d) => ({
        status: d.status,
        table: d.table === 'nonDerivative' ? 'I' : 'II',
        row: d.after ? d.after.index + 1 : null,
        originalRow: d.before ? d.before.index + 1 : null,
        changes: d.changes.map(changeJson),
      })),
    footnotes: cmp.footnotes.map(changeJson),
    remarks: cmp.remarks ? changeJson(cmp.remarks) : null,
  };
}

async function diffCommand<U>(deps: Section16Deps<U>, p: Parsed): Promise<number> {
  if (p.paths.length < 1 || p.paths.length > 2)
    throw deps.usage('diff takes an amendment and, optionally, its original');
  const [amendPath, origPath] = p.paths;
  const first = await readAll(deps, [amendPath]);
  const amendment = first.filings[0];
  if (!amendment) return 2;
  if (!isAmendment(amendment)) {
    process.stderr.write(`${amendPath}: not an amendment (3/A, 4/A or 5/A)\n`);
    return 2;
  }
  let pairing: Pairing;
  if (origPath !== undefined) {
    const second = await readAll(deps, [origPath]);
    if (!second.filings[0]) return 2;
    pairing = givenOriginal(amendment, second.filings[0]);
  } else {
    // The files beside the amendment, read quietly: a folder often holds files that are not filings.
    const around: Filing[] = [];
    await deps.readEach(siblings(amendPath), deps.options, (f) => around.push(f));
    pairing = findOriginal(amendment, around);
  }
  if (!pairing.original) {
    if (p.format === 'json')
      deps.write(JSON.stringify({ amendment: amendment.file, original: null, note: pairing.note }, null, 2));
    else deps.write(`${amendment.file}: ${pairing.note}.`);
    return 1;
  }
  const cmp = compareFilings(pairing.original, amendment);
  deps.write(p.format === 'json' ? JSON.stringify(diffJson(pairing, cmp), null, 2) : diffText(pairing, cmp));
  return 0;
}

export async function runSection16<U>(argv: string[], deps: Section16Deps<U>): Promise<number> {
  const [command, ...rest] = argv;
  const p = parse(command, rest, deps.usage);
  if (command === 'diff') return diffCommand(deps, p);
  if (p.paths.length === 0) throw deps.usage(`${command} needs at least one file or folder`);
  const { filings, failed } = await readAll(deps, p.paths);
  if (command === 'short-swing') {
    const r = shortSwing(filings, { additionalCodes: p.codes });
    if (p.format === 'json') deps.write(JSON.stringify(shortSwingJson(r), null, 2));
    else if (p.format === 'csv') process.stdout.write(shortSwingCsv(r));
    else deps.write(shortSwingText(r));
  } else {
    const r = lateReport(filings, { fiscalYear: p.fiscalYear });
    if (p.format === 'json') deps.write(JSON.stringify(lateJson(r), null, 2));
    else if (p.format === 'markdown') deps.write(lateMarkdown(r));
    else if (p.format === 'html') deps.write(lateHtml(r));
    else deps.write(lateText(r));
  }
  return failed ? 2 : 0;
}
