/**
 * form4: the Form 4 Inspector core on the command line, for CI pipelines and batch work.
 *
 *   form4 inspect <files or folders...> [--json]
 *   form4 check   <files or folders...> [--format text|json|sarif] [--rule ID=off|error|warning|info]...
 *   form4 timeline <files or folders...> [--format csv|json]
 *
 * Exit codes: 0 all inputs read (check: and no error-severity finding); 1 (check) an error-severity finding remains;
 * 2 an input could not be read as a filing (one line per file on stderr) or the command line is wrong.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Filing, Finding, Severity } from '../core/model';
import { inspectBytes, sizeLimitReason, type InspectOptions } from '../core/inspect';
import { parsePdfInWorker } from '../core/pdf/worker-client';
import type { PdfReader } from '../core/pdf/reader';
import { isPdf } from '../core/decode';
import { detached } from '../core/strings';
import { findingToJson, toJson } from '../core/json';
import { RULES } from '../core/rules';
import { chainSummary, reconcileSummaries, type ChainSummary } from '../core/reconcile';
import { LineIndex } from '../core/positions';
import { expandInputs } from './files';
import { findingPlace, renderFiling } from './render';
import { toSarif } from './sarif';
import { summarize } from '../core/summary';
import { TimelineBuilder, timelineRecords, TIMELINE_COLUMNS } from '../core/timeline';
import { stringify } from 'csv-stringify/sync';

declare const FORM4_VERSION: string | undefined;
const VERSION = typeof FORM4_VERSION === 'string' ? FORM4_VERSION : '0.0.0-dev';

const USAGE = `form4 - read and check SEC insider-ownership filings (Forms 3, 4, 5 and amendments)

Usage:
  form4 inspect <files or folders...> [--json]
      The filing laid out like the form, or the JSON model (one object per file; an array for several).
  form4 check <files or folders...> [--format text|json|sarif] [--rule ID=off|error|warning|info]...
      Consistency checks, within each filing and across the filings given (running tallies).
  form4 timeline <files or folders...> [--format csv|json]
      The holdings timeline: per reporting owner and issuer, the amount owned of each security and ownership
      form after every transaction, with the running-tally breaks (within and across filings). CSV (default):
      one record per point; JSON: the series as the extension's timeline draws them.
  form4 rules
      The rules with their ids, default severities and sources.

Inputs: EDGAR ownership XML, EDGAR submission text (.txt/.nc/.sgml), EDGAR HTML, PDF, plain/OCR text of a form.
Folders are searched recursively for .xml .txt .nc .sgml .htm .html .pdf files; files in a folder that are not
ownership filings are skipped with a note on stderr.

Exit codes: 0 ok; 1 check found an error-severity finding; 2 an input could not be read or bad usage.
`;

class UsageError extends Error {}

interface Args {
  command: string;
  paths: string[];
  json: boolean;
  format: 'text' | 'json' | 'sarif' | 'csv' | null;
  severities: Record<string, Severity | 'off'>;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const a: Args = { command: command ?? '', paths: [], json: false, format: null, severities: {} };
  const known = new Set(RULES.map((r) => r.id));
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const takeValue = (name: string): string => {
      const eq = arg.indexOf('=');
      if (arg.startsWith(`${name}=`)) return arg.slice(eq + 1);
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (arg === '--json') a.json = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const f = takeValue('--format');
      if (command === 'timeline') {
        if (f !== 'csv' && f !== 'json') throw new UsageError(`timeline --format must be csv or json (got "${f}")`);
      } else if (f !== 'text' && f !== 'json' && f !== 'sarif')
        throw new UsageError(`--format must be text, json or sarif (got "${f}")`);
      a.format = f;
    } else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const spec = takeValue('--rule');
      const m = /^([a-z0-9-]+)=(off|error|warning|info)$/.exec(spec);
      if (!m) throw new UsageError(`--rule takes ID=off|error|warning|info (got "${spec}")`);
      if (!known.has(m[1])) throw new UsageError(`unknown rule "${m[1]}" (see: form4 rules)`);
      a.severities[m[1]] = m[2] as Severity | 'off';
    } else if (arg === '--') {
      a.paths.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else a.paths.push(arg);
  }
  return a;
}

interface Unreadable {
  file: string;
  reason: string;
  explicit: boolean;
}

/** The bytes of one input, or why it cannot be read. An over-size file is refused by its size, before it is read. */
function readInput(path: string): Uint8Array | string {
  try {
    return sizeLimitReason(fs.statSync(path).size) ?? fs.readFileSync(path);
  } catch (e) {
    return `cannot read: ${(e as Error).message}`;
  }
}

/**
 * Reads every input one after another and hands each filing to `visit`, then lets it go: a folder of
 * thousands of filings is checked in bounded memory (the caller keeps only what it needs of each).
 */
async function readEach(
  paths: string[],
  options: InspectOptions,
  visit: (filing: Filing) => void,
): Promise<{ unreadable: Unreadable[]; missing: string[]; read: number; total: number }> {
  const { files, missing } = expandInputs(paths);
  const unreadable: Unreadable[] = [];
  let read = 0;
  for (const f of files) {
    const input = readInput(f.path);
    if (typeof input === 'string') {
      unreadable.push({ file: f.path, reason: input, explicit: f.explicit });
      continue;
    }
    const out = await inspectBytes(input, f.path, options);
    if (out.ok) {
      read++;
      visit(out.filing);
    } else unreadable.push({ file: f.path, reason: out.reason, explicit: f.explicit });
  }
  return { unreadable, missing, read, total: files.length };
}

/** Reports unreadable inputs on stderr; returns whether any named input failed. */
function reportUnreadable(unreadable: Unreadable[], missing: string[]): boolean {
  let failed = false;
  for (const m of missing) {
    process.stderr.write(`${m}: no such file or folder\n`);
    failed = true;
  }
  for (const it of unreadable) {
    if (it.explicit) {
      process.stderr.write(`${it.file}: ${it.reason}\n`);
      failed = true;
    } else process.stderr.write(`${it.file}: skipped: ${it.reason}\n`);
  }
  return failed;
}

/** What `check` keeps of one filing: its findings (messages copied out of the text) and its line index. */
interface Checked {
  file: string;
  source: Filing['source'];
  lines: LineIndex | null;
  findings: Finding[];
}

function keepFindings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({
    ...f,
    message: detached(f.message),
    related: f.related?.map((r) => ({ ...r, message: detached(r.message) })),
  }));
}

/** What a scan worker sends back for one file. */
type ScanResult =
  | {
      index: number;
      ok: true;
      file: string;
      source: Filing['source'];
      starts: Int32Array | null;
      length: number;
      findings: Finding[];
      summary: ChainSummary;
    }
  | { index: number; ok: false; reason: string }
  /** A PDF, left for the main thread (one PDF reader for the whole scan instead of one per worker). */
  | { index: number; ok: false; deferred: true; reason: string };

async function checkOne(path: string, index: number, options: InspectOptions, deferPdf = false): Promise<ScanResult> {
  const bytes = readInput(path);
  if (typeof bytes === 'string') return { index, ok: false, reason: bytes };
  if (deferPdf && isPdf(bytes)) return { index, ok: false, deferred: true, reason: 'PDF read by the main thread' };
  const out = await inspectBytes(bytes, path, options);
  if (!out.ok) return { index, ok: false, reason: out.reason };
  const f = out.filing;
  const lines = f.text ? new LineIndex(f.text) : null;
  return {
    index,
    ok: true,
    file: f.file,
    source: f.source,
    starts: lines?.lineStarts ?? null,
    length: lines?.textLength ?? 0,
    findings: keepFindings(f.findings),
    summary: chainSummary(f),
  };
}

/** PDFs are read in a worker thread (dist/pdf-worker.js) that is stopped when it overruns its time limit. */
const readPdf: PdfReader = (bytes, file) => parsePdfInWorker(bytes, file);

/** Folders of at least this many files are checked by worker threads, one per core. */
const PARALLEL_FROM = 200;

/** `check`'s reading phase: every file inspected (in worker threads for large folders), results in file order. */
async function checkAll(paths: string[], options: InspectOptions) {
  const { files, missing } = expandInputs(paths);
  const results: ScanResult[] = new Array(files.length);
  // FORM4_THREADS sets the number of worker threads (1: read in the main thread).
  const threads = Number(process.env.FORM4_THREADS) || Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
  if (files.length >= PARALLEL_FROM && threads > 1 && __filename.endsWith('.js')) {
    let next = 0;
    // PDFs, and a file whose worker died (out of its memory bound, say), are read in the main thread afterwards.
    const again: number[] = [];
    const runWorker = (): Promise<void> =>
      new Promise<void>((resolve) => {
        // Small heaps: a worker holds one filing at a time, and many workers' garbage must not add up.
        const w = new Worker(__filename, {
          workerData: { form4ScanWorker: true, severities: options.severities ?? {} },
          resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 4 },
        });
        let current = -1;
        let finished = false;
        const done = (restart: boolean) => {
          if (finished) return;
          finished = true;
          if (current >= 0 && results[current] === undefined && !again.includes(current)) again.push(current);
          resolve(restart && next < files.length ? runWorker() : undefined);
        };
        const feed = () => {
          if (next >= files.length) {
            current = -1;
            void w.terminate().then(() => done(false));
            return;
          }
          current = next++;
          w.postMessage({ index: current, path: files[current].path });
        };
        w.on('message', (m: ScanResult) => {
          if ('deferred' in m) again.push(m.index);
          else results[m.index] = m;
          feed();
        });
        w.on('online', feed);
        w.on('error', () => done(true));
        w.on('exit', () => done(true));
      });
    await Promise.all(Array.from({ length: threads }, runWorker));
    for (const i of again.sort((x, y) => x - y)) results[i] = await checkOne(files[i].path, i, options);
  } else {
    for (let i = 0; i < files.length; i++) results[i] = await checkOne(files[i].path, i, options);
  }
  const checked: Checked[] = [];
  const summaries: ChainSummary[] = [];
  const unreadable: Unreadable[] = [];
  results.forEach((res, i) => {
    if (!res.ok) {
      unreadable.push({ file: files[i].path, reason: res.reason, explicit: files[i].explicit });
      return;
    }
    const lines = res.starts ? LineIndex.fromStarts(res.starts, res.length) : null;
    checked.push({ file: res.file, source: res.source, lines, findings: res.findings });
    summaries.push(res.summary);
  });
  return { checked, summaries, unreadable, missing };
}

/** The body of a scan worker thread: inspect the files the main thread sends, one at a time. */
function runScanWorker(): void {
  const severities = (workerData as { severities: Record<string, Severity | 'off'> }).severities;
  // No PDF reader here: checkOne leaves PDFs to the main thread's reader.
  const options: InspectOptions = { severities };
  parentPort!.on('message', (job: { index: number; path: string }) => {
    void checkOne(job.path, job.index, options, true).then((res) => parentPort!.postMessage(res));
  });
}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    write(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    write(VERSION);
    return 0;
  }
  const args = parseArgs(argv);
  if (args.command === 'rules') {
    for (const r of RULES) write(`${r.id.padEnd(34)} ${r.severity.padEnd(8)} ${r.title} [${r.source}]`);
    return 0;
  }
  if (args.command !== 'inspect' && args.command !== 'check' && args.command !== 'timeline')
    throw new UsageError(`unknown command "${args.command}"`);
  if (args.paths.length === 0) throw new UsageError(`${args.command} needs at least one file or folder`);

  const severities = args.severities;
  const options: InspectOptions = { severities, readPdf };
  // One object for one named file; an array for several files or any folder.
  const isDir = (p: string) => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const many = args.paths.length !== 1 || isDir(args.paths[0]);

  if (args.command === 'timeline') {
    // Each filing is reduced to its timeline entry as it is read and then dropped: memory stays bounded like check's.
    const builder = new TimelineBuilder({ rules: { severities } });
    const r = await readEach(args.paths, options, (f) => builder.add(f));
    const failed = reportUnreadable(r.unreadable, r.missing);
    for (const u of r.unreadable) builder.skip(u.file, u.reason);
    const data = builder.finish();
    if (args.format === 'json') write(JSON.stringify(data, null, 2));
    else process.stdout.write(stringify(timelineRecords(data), { header: true, columns: [...TIMELINE_COLUMNS] }));
    return failed ? 2 : 0;
  }

  if (args.command === 'inspect') {
    // Streamed: each filing is printed as soon as it is read.
    let n = 0;
    if (args.json && many) process.stdout.write('[');
    const r = await readEach(args.paths, options, (filing) => {
      if (args.json) {
        const doc = JSON.stringify(toJson(filing), null, 2);
        process.stdout.write(many ? `${n ? ',' : ''}\n${doc.replace(/^/gm, '  ')}` : doc);
      } else process.stdout.write(`${n ? `\n${'='.repeat(100)}\n\n` : ''}${renderFiling(filing, summarize(filing))}\n`);
      n++;
    });
    if (args.json) process.stdout.write(many ? `${n ? '\n' : ''}]\n` : n ? '\n' : '[]\n');
    return reportUnreadable(r.unreadable, r.missing) ? 2 : 0;
  }

  // check: per-filing findings plus the cross-filing running tally, keeping only findings and chain summaries.
  const r = await checkAll(args.paths, options);
  const { checked, summaries } = r;
  const failed = reportUnreadable(r.unreadable, r.missing);
  const byFile = new Map<string, Checked>(checked.map((c) => [c.file, c]));
  if (summaries.length > 1)
    for (const c of reconcileSummaries(summaries, { severities })) byFile.get(c.file)?.findings.push(c.finding);
  let errors = 0;
  for (const c of checked) errors += c.findings.filter((f) => f.severity === 'error').length;

  if (args.format === 'json') {
    process.stdout.write('[');
    checked.forEach((c, i) => {
      const doc = { file: c.file, findings: c.findings.map((f) => findingToJson(f, c.lines, c.source)) };
      process.stdout.write(`${i ? ',' : ''}\n${JSON.stringify(doc, null, 2).replace(/^/gm, '  ')}`);
    });
    process.stdout.write(`${checked.length ? '\n' : ''}]\n`);
  } else if (args.format === 'sarif') {
    write(JSON.stringify(toSarif(checked, VERSION), null, 2));
  } else {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const c of checked) {
      for (const f of c.findings) {
        counts[f.severity]++;
        write(`${c.file}:${findingPlace(f, c.lines)}: ${f.severity} ${f.rule}: ${f.message}`);
        for (const rel of f.related ?? [])
          write(`    ${rel.file ?? `${c.file}:${findingPlace(rel, c.lines)}`}: note: ${rel.message}`);
      }
    }
    write(
      `${checked.length} filing${checked.length === 1 ? '' : 's'} checked: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info`,
    );
  }
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}

if (!isMainThread && (workerData as { form4ScanWorker?: boolean } | null)?.form4ScanWorker) runScanWorker();
else startCli();

function startCli(): void {
  // A reader that stops early (`form4 inspect ... | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`form4: ${e.message}\n\n${USAGE}`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`form4: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      }
    },
  );
}
