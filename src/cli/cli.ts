/**
 * form4: the Form 4 Inspector core on the command line, for CI pipelines and batch work.
 *
 *   form4 inspect <files or folders...> [--json]
 *   form4 check   <files or folders...> [--format text|json|sarif|ndjson] [--rule ID=off|error|warning|info]...
 *                 [--no-cache] [--stats]
 *   form4 timeline <files or folders...> [--format csv|json]
 *   form4 fetch <ticker|cik|accession|url>... --out DIR (EDGAR: ./fetch.ts), form4 check --edgar <ticker|cik> ...
 *   form4 short-swing | late-report | diff ...   (the Section 16 desk: ./section16.ts)
 *
 * Exit codes: 0 all inputs read (check: and no error-severity finding); 1 (check) an error-severity finding remains;
 * 2 an input could not be read as a filing (one line per file on stderr) or the command line is wrong.
 */
import * as fs from 'node:fs';
import type { Filing, Severity } from '../core/model';
import type { InspectOptions } from '../core/inspect';
import { DEFAULT_TEXT_TIMEOUT_MS, ReadingWorker, readerFailed } from '../core/worker/client';
import { DEFAULT_PDF_TIMEOUT_MS } from '../core/pdf/limits';
import { DEFAULT_OCR_TIMEOUT_MS } from '../core/ocr/job';
import type { OcrRequest } from '../core/worker/protocol';
import { toJson } from '../core/json';
import { RULES } from '../core/rules';
import { expandInputs } from './files';
import { renderFiling, terminalSafe } from './render';
import { EDGAR_USAGE, fetchForCheck, runFetch } from './fetch';
import { edgarSourceForFile } from '../core/edgar/manifest';
import { summarize } from '../core/summary';
import { TimelineBuilder } from '../core/timeline';
import { timelineRecords, TIMELINE_COLUMNS } from '../core/timeline-views';
import { runSection16, SECTION16_COMMANDS, SECTION16_USAGE } from './section16';
import { toCsv } from '../core/csv';
import { readInput } from './scan/file';
import { runCheck } from './scan/command';
import { isScanWorker, runScanWorker } from './scan/worker';
import { tuneEngineForCheck } from './scan/engine';

declare const FORM4_VERSION: string | undefined;
const VERSION = typeof FORM4_VERSION === 'string' ? FORM4_VERSION : '0.0.0-dev';

const USAGE = `form4 - read and check SEC insider-ownership filings (Forms 3, 4, 5 and amendments)

Usage:
  form4 inspect <files or folders...> [--json]
      The filing laid out like the form, or the JSON model (one object per file; an array for several).
  form4 check <files or folders...> [--format text|json|sarif|ndjson] [--rule ID=off|error|warning|info]...
              [--no-cache] [--stats]
      Consistency checks, within each filing and across the filings given (running tallies). ndjson: one
      finding per line, written as soon as it is final. Results of unchanged files are kept in the user's cache
      folder ($XDG_CACHE_HOME/form4, else ~/.cache/form4) so a re-check reads only what changed; --no-cache
      skips it; --stats tells on stderr how many files were read and how many came from the cache.
  form4 timeline <files or folders...> [--format csv|json]
      The holdings timeline: per reporting owner and issuer, the amount owned of each security and ownership
      form after every transaction, with the running-tally breaks (within and across filings). CSV (default):
      one record per point; JSON: the series as the extension's timeline draws them.
${SECTION16_USAGE}  form4 rules
      The rules with their ids, default severities and sources.
${EDGAR_USAGE}

Options of inspect, check and timeline:
  --timeout <seconds>  stop reading an input after this long and report it as not checked (default:
                       ${DEFAULT_TEXT_TIMEOUT_MS / 1000} s, PDFs ${DEFAULT_PDF_TIMEOUT_MS / 1000} s). Only regular files are read, each up to the size limit.

Inputs: EDGAR ownership XML, EDGAR submission text (.txt/.nc/.sgml), EDGAR HTML, PDF, plain/OCR text of a form.
--ocr (any command): a scanned PDF (no text layer) is read through Tesseract and pdftoppm on the PATH (Debian:
apt-get install tesseract-ocr poppler-utils), up to 10 pages in 2 minutes; every value read so is marked uncertain.
Folders are searched recursively for .xml .txt .nc .sgml .htm .html .pdf files; files in a folder that are not
ownership filings are skipped with a note on stderr.

Exit codes: 0 ok; 1 check found an error-severity finding; 2 an input could not be read or checked (a named
file, or any file the reader failed on), or bad usage.
`;

class UsageError extends Error {}

interface Args {
  command: string;
  paths: string[];
  json: boolean;
  format: 'text' | 'json' | 'sarif' | 'ndjson' | 'csv' | null;
  severities: Record<string, Severity | 'off'>;
  /** --timeout: the time limit of one input, ms (null: the readers' defaults). */
  timeoutMs: number | null;
  /** --ocr: a scanned PDF (no text layer) is read through Tesseract. */
  ocr: boolean;
  cache: boolean;
  stats: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const a: Args = {
    command: command ?? '',
    paths: [],
    json: false,
    format: null,
    severities: {},
    timeoutMs: null,
    ocr: false,
    cache: true,
    stats: false,
  };
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
    else if (arg === '--ocr') a.ocr = true;
    else if (arg === '--no-cache') a.cache = false;
    else if (arg === '--stats') a.stats = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const f = takeValue('--format');
      if (command === 'timeline') {
        if (f !== 'csv' && f !== 'json') throw new UsageError(`timeline --format must be csv or json (got "${f}")`);
      } else if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'ndjson')
        throw new UsageError(`--format must be text, json, sarif or ndjson (got "${f}")`);
      a.format = f;
    } else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const spec = takeValue('--rule');
      const m = /^([a-z0-9-]+)=(off|error|warning|info)$/.exec(spec);
      if (!m) throw new UsageError(`--rule takes ID=off|error|warning|info (got "${spec}")`);
      if (!known.has(m[1])) throw new UsageError(`unknown rule "${m[1]}" (see: form4 rules)`);
      a.severities[m[1]] = m[2] as Severity | 'off';
    } else if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const spec = takeValue('--timeout');
      const seconds = Number(spec);
      if (!/^\d+(?:\.\d+)?$/.test(spec) || !(seconds > 0))
        throw new UsageError(`--timeout takes seconds (got "${spec}")`);
      a.timeoutMs = Math.round(seconds * 1000);
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

/** Every input of the main thread is read in this worker, under its time limit (--timeout sets it). */
let reader = new ReadingWorker();

/** A scanned PDF is read by OCR with --ocr; without it, its reason says to add --ocr (or how to get Tesseract). */
let ocrRequest: OcrRequest = { read: false, howToAsk: 'add --ocr', job: {} };

/** `inspectBytes` in the reading worker, under the time limit of one input. */
async function inspectInput(bytes: Uint8Array, file: string, options: InspectOptions) {
  return (
    await reader.inspectBytes(bytes, file, {
      severities: options.severities,
      noRules: options.noRules,
      ocr: ocrRequest,
      edgar: options.edgar,
    })
  ).outcome;
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
    const out = await inspectInput(input, f.path, { ...options, edgar: edgarSourceForFile(f.path, input) });
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
    process.stderr.write(terminalSafe(`${m}: no such file or folder`) + '\n');
    failed = true;
  }
  for (const it of unreadable) {
    // A file the reader failed on (an internal error, the time limit) was not checked: never skipped quietly.
    if (it.explicit || readerFailed(it.reason)) {
      process.stderr.write(terminalSafe(`${it.file}: ${it.explicit ? '' : 'not checked: '}${it.reason}`) + '\n');
      failed = true;
    } else process.stderr.write(terminalSafe(`${it.file}: skipped: ${it.reason}`) + '\n');
  }
  return failed;
}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

async function main(cmdline: string[]): Promise<number> {
  let argv = cmdline;
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    write(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    write(VERSION);
    return 0;
  }
  if (argv[0] === 'fetch') return runFetch(argv.slice(1), USAGE);
  const fetched = argv[0] === 'check' ? await fetchForCheck(argv, USAGE) : null;
  if (typeof fetched === 'number') return fetched;
  if (fetched) argv = fetched.argv;
  if (SECTION16_COMMANDS.has(argv[0]))
    return runSection16(argv, {
      readEach,
      reportUnreadable,
      write,
      usage: (m) => new UsageError(m),
      options: { noRules: true },
    });
  const args = parseArgs(argv);
  if (args.command === 'rules') {
    for (const r of RULES) write(`${r.id.padEnd(34)} ${r.severity.padEnd(8)} ${r.title} [${r.source}]`);
    return 0;
  }
  if (args.command !== 'inspect' && args.command !== 'check' && args.command !== 'timeline')
    throw new UsageError(`unknown command "${args.command}"`);
  if (args.paths.length === 0) throw new UsageError(`${args.command} needs at least one file or folder`);

  const severities = args.severities;
  const options: InspectOptions = { severities };
  if (args.ocr) {
    ocrRequest = { ...ocrRequest, read: true };
    // OCR takes seconds a page: a PDF gets OCR's time limit unless --timeout says otherwise.
    reader = new ReadingWorker({
      textTimeoutMs: args.timeoutMs ?? undefined,
      pdf: { timeoutMs: args.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS },
    });
  } else if (args.timeoutMs !== null)
    reader = new ReadingWorker({ textTimeoutMs: args.timeoutMs, pdf: { timeoutMs: args.timeoutMs } });
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
    else process.stdout.write(toCsv(timelineRecords(data), TIMELINE_COLUMNS));
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
      } else
        process.stdout.write(
          `${n ? `\n${'='.repeat(100)}\n\n` : ''}${terminalSafe(renderFiling(filing, summarize(filing)))}\n`,
        );
      n++;
    });
    if (args.json) process.stdout.write(many ? `${n ? '\n' : ''}]\n` : n ? '\n' : '[]\n');
    return reportUnreadable(r.unreadable, r.missing) ? 2 : 0;
  }

  // check: per-filing findings plus the cross-filing running tally, keeping only findings and chain summaries.
  // The bundle is its own worker script; from source (tsx) the check runs in this thread.
  const workerScript = __filename.endsWith('.js') ? __filename : null;
  if (workerScript) tuneEngineForCheck();
  const code = await runCheck({
    paths: args.paths,
    format: args.format === 'csv' || args.format === null ? 'text' : args.format,
    inspect: options,
    // PDFs, and every file when there are no worker threads, are read in the reading worker (time limit, OCR).
    inspectFile: inspectInput,
    readingKey: args.ocr ? 'ocr' : undefined,
    timeLimitMs: args.timeoutMs,
    toolVersion: VERSION,
    workerScript,
    cache: args.cache,
    stats: args.stats,
  });
  return fetched?.failed && code < 2 ? 2 : code;
}

if (isScanWorker()) runScanWorker();
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
