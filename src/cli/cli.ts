/**
 * form4: the Form 4 Inspector core on the command line, for CI pipelines and batch work.
 *
 *   form4 inspect <files or folders...> [--json]
 *   form4 check   <files or folders...> [--format text|json|sarif|ndjson] [--rule ID=off|error|warning|info]...
 *                 [--no-cache] [--stats]
 *   form4 timeline <files or folders...> [--format csv|json]
 *
 * Exit codes: 0 all inputs read (check: and no error-severity finding); 1 (check) an error-severity finding remains;
 * 2 an input could not be read as a filing (one line per file on stderr) or the command line is wrong.
 */
import * as fs from 'node:fs';
import type { Filing, Severity } from '../core/model';
import { inspectBytes, type InspectOptions } from '../core/inspect';
import { parsePdfInWorker } from '../core/pdf/worker-client';
import type { PdfReader } from '../core/pdf/reader';
import { toJson } from '../core/json';
import { RULES } from '../core/rules';
import { expandInputs } from './files';
import { renderFiling } from './render';
import { summarize } from '../core/summary';
import { buildTimeline, timelineRecords, TIMELINE_COLUMNS } from '../core/timeline';
import { stringify } from 'csv-stringify/sync';
import { readInput } from './scan/file';
import { runCheck } from './scan/command';
import { isScanWorker, runScanWorker } from './scan/worker';

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
  format: 'text' | 'json' | 'sarif' | 'ndjson' | 'csv' | null;
  severities: Record<string, Severity | 'off'>;
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

/** PDFs are read in a worker thread (dist/pdf-worker.js) that is stopped when it overruns its time limit. */
const readPdf: PdfReader = (bytes, file) => parsePdfInWorker(bytes, file);

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
    const filings: Filing[] = [];
    const r = await readEach(args.paths, options, (f) => filings.push(f));
    const failed = reportUnreadable(r.unreadable, r.missing);
    const data = buildTimeline(filings, { rules: { severities } });
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
  return runCheck({
    paths: args.paths,
    format: args.format === 'csv' || args.format === null ? 'text' : args.format,
    inspect: options,
    toolVersion: VERSION,
    // The bundle is its own worker script; from source (tsx) the check runs in this thread.
    workerScript: __filename.endsWith('.js') ? __filename : null,
    cache: args.cache,
    stats: args.stats,
  });
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
