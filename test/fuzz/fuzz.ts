/**
 * Fuzzing the core with hostile and broken input: `npm run fuzz` (full, writes the RELIABILITY section of
 * BENCHMARKS.md) and `npm run fuzz:ci` (the short form CI runs: the same seed, fewer inputs).
 *
 *   tsx test/fuzz/fuzz.ts [--seed N] [--iterations N] [--time S] [--ci] [--only I[,J...]] [--no-bench]
 *                         [--family random,...] [--cpu-budget-ms 15000] [--hang-cpu-ms 60000] [--max-rss-mb 2048]
 *                         [--save-dir out/fuzz] [--self-test]
 *
 * Inputs are built from the shared corpus (see cases.ts), deterministically from the seed: the same command gives
 * the same inputs. Each goes through `inspectBytes` (the CLI's path), then the JSON model and the rendering, in a
 * worker thread; this thread watches it.
 *
 * Time is CPU time of the process (every thread: the worker, the PDF reader's worker, V8's collector threads), never
 * wall-clock time, so a run gives the same verdicts on an idle machine and on one shared with other jobs. An input
 * over --cpu-budget-ms is a time-out (default: CPU_BUDGET_MS of test/helpers/cpu-time.ts, which says why). An input still running after
 * --hang-cpu-ms of CPU time is a hang (and so is one that gives no answer for six times that long by the clock,
 * such as a wait that never ends): the worker is stopped, the input saved, and the run goes on with the next input
 * in a new worker. External entities point at a canary file and at a local HTTP listener: any canary text in an
 * output, or any request to the listener, is a failure. Failing inputs are saved under --save-dir with a note of
 * how to rerun them. Exit code 1 when anything failed. --self-test puts two inputs first that must fail (the worker
 * throws on one and spins on the other), to show the harness catches both. --time S stops a long run after S
 * seconds (never used by fuzz:ci, whose set of inputs is fixed).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildCases, type FuzzOptions } from './cases';
import type { CaseResult, FailureKind } from './run';
import { CPU_BUDGET_MS, cpuMsSince } from '../helpers/cpu-time';
import { DEFAULT_PDF_TIMEOUT_MS } from '../../src/core/pdf';
import { CORPUS_DIR as CORPUS, REPO_ROOT as REPO } from '../helpers/shared';

/** A hang is also an input with no answer after this many times --hang-cpu-ms by the clock (a wait that never ends). */
const HANG_WALL_FACTOR = 6;

interface Args {
  seed: number;
  iterations: number;
  time: number;
  ci: boolean;
  only: number[] | null;
  bench: boolean;
  /** CPU time an input may take, in ms. */
  cpuBudgetMs: number;
  /** CPU time after which a running input is a hang, in ms. */
  hangCpuMs: number;
  saveDir: string;
  selfTest: boolean;
  /** Peak resident memory of the whole process allowed, in MB. */
  maxRssMb: number;
  /** Run only inputs of these families (hostile, corpus, pdf, truncate, encoding, random). */
  families: string[] | null;
}

function parseArgs(argv: string[]): Args {
  const ci = argv.includes('--ci');
  const a: Args = {
    seed: 1,
    iterations: ci ? 700 : 4000,
    time: 0,
    ci,
    only: null,
    bench: !ci,
    cpuBudgetMs: CPU_BUDGET_MS,
    hangCpuMs: 60_000,
    saveDir: path.join(REPO, 'out', 'fuzz'),
    selfTest: false,
    maxRssMb: 2048,
    families: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    const num = (): number => {
      const s = v();
      const n = Number(s);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${k} needs a number (got "${s}")`);
      return n;
    };
    if (k === '--seed') a.seed = num() >>> 0;
    else if (k === '--iterations') a.iterations = Math.floor(num());
    else if (k === '--time') a.time = num();
    else if (k === '--ci') a.ci = true;
    else if (k === '--only')
      a.only = v()
        .split(',')
        .map((s) => Number(s))
        .filter(Number.isInteger)
        .sort((x, y) => x - y);
    else if (k === '--no-bench') a.bench = false;
    else if (k === '--bench') a.bench = true;
    else if (k === '--cpu-budget-ms') a.cpuBudgetMs = num();
    else if (k === '--hang-cpu-ms') a.hangCpuMs = num();
    else if (k === '--save-dir') a.saveDir = path.resolve(v());
    else if (k === '--self-test') a.selfTest = true;
    else if (k === '--max-rss-mb') a.maxRssMb = num();
    else if (k === '--family') a.families = v().split(',');
    else throw new Error(`unknown option ${k}`);
  }
  if (a.only || a.selfTest || a.families) a.bench = false;
  return a;
}

/**
 * The CPU-time budget of an input read as a PDF: the PDF reader stops a read after its own time limit (the CLI's
 * behaviour, checked here too), so a PDF may take that limit plus a text input's budget.
 */
const pdfBudgetMs = (a: Args): number => DEFAULT_PDF_TIMEOUT_MS + a.cpuBudgetMs;
const mb = (n: number): string => `${(n / 1048576).toFixed(0)} MB`;
const fmtMs = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._#%+-]+/g, '_').slice(0, 120);

interface Failure {
  index: number;
  name: string;
  kind: FailureKind;
  message: string;
  saved?: string;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(CORPUS, 'MANIFEST.tsv'))) {
    console.error(`fuzz: the shared corpus is not at ${CORPUS} (set FORM4_CORPUS)`);
    return 2;
  }
  const started = Date.now();
  // The machine's load while the run went: CPU times on a machine whose cores are shared run higher than on an idle
  // one (cores sharing caches and memory bandwidth), so the report says how busy it was.
  const loadAtStart = os.loadavg()[0];

  // The canary: a file that external entities point at. Its text must never appear in an output.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-fuzz-'));
  const canaryText = `FORM4-FUZZ-CANARY-${args.seed}-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const canaryPath = path.join(tmp, 'canary.txt');
  fs.writeFileSync(canaryPath, canaryText + '\n');

  // The listener: external entities and DTDs point at it. Any request is a failure.
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.end(canaryText);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const httpPort = (server.address() as { port: number }).port;

  const options: FuzzOptions = {
    seed: args.seed,
    iterations: args.iterations,
    ci: args.ci,
    corpusDir: CORPUS,
    canaryPath,
    canaryText,
    httpPort,
    selfTest: args.selfTest,
  };
  const cases = buildCases(options);
  if (args.families) {
    const fams = new Set(args.families);
    const picked = cases.map((c, i) => (fams.has(c.family) ? i : -1)).filter((i) => i >= 0);
    args.only = args.only ? args.only.filter((i) => picked.includes(i)) : picked;
  }
  const total = args.only ? args.only.length : cases.length;
  const deadline = args.time > 0 ? started + args.time * 1000 : Number.MAX_SAFE_INTEGER;
  console.log(
    `fuzz: seed ${args.seed}, ${total} inputs${args.ci ? ' (ci)' : ''}, budget ${args.cpuBudgetMs} ms of CPU time each (PDF: ${pdfBudgetMs(args)} ms), hang after ${args.hangCpuMs} ms (PDF: ${args.hangCpuMs + DEFAULT_PDF_TIMEOUT_MS} ms)`,
  );

  const results: CaseResult[] = [];
  const failures: Failure[] = [];
  let peakRss = process.memoryUsage().rss;
  let peakRssCase = '(start)';
  let peakHeap = 0;
  let peakHeapCase = '';
  let current: { index: number; name: string; since: number; cpu: NodeJS.CpuUsage; pdf: boolean } | null = null;
  let stoppedAt: number | null = null;
  let done = 0;
  let lastName = '';

  const save = (index: number, f: Omit<Failure, 'index' | 'name' | 'saved'>): void => {
    const c = cases[index];
    const failure: Failure = { index, name: c.name, ...f };
    try {
      const dir = path.join(args.saveDir, `seed-${args.seed}${args.ci ? '-ci' : ''}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${index}-${safeName(c.name)}.bin`);
      fs.writeFileSync(file, c.build());
      const rerun = `npx tsx test/fuzz/fuzz.ts --seed ${args.seed}${args.ci ? ' --ci' : ''} --iterations ${args.iterations} --only ${index}${args.selfTest ? ' --self-test' : ''}`;
      fs.writeFileSync(file.replace(/\.bin$/, '.txt'), `${c.name}\n${f.kind}: ${f.message}\nrerun: ${rerun}\n`);
      failure.saved = path.relative(REPO, file);
    } catch (e) {
      failure.message += ` (input not saved: ${String(e)})`;
    }
    failures.push(failure);
    console.log(
      `  FAIL #${index} ${c.name}: ${f.kind}: ${f.message.split('\n')[0]}${failure.saved ? ` [saved ${failure.saved}]` : ''}`,
    );
  };

  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) {
      peakRss = rss;
      peakRssCase = current?.name ?? (lastName ? `just after ${lastName}` : '(start)');
    }
  }, 20);

  // Run the worker from `from` until it ends; restart after a hang or a death.
  const runFrom = (from: number): Promise<number | null> =>
    new Promise((resolve) => {
      const worker = new Worker(path.join(__dirname, 'worker.ts'), {
        execArgv: ['--require', require.resolve('tsx/cjs')],
        workerData: {
          options,
          from,
          only: args.only,
          deadline,
          cpuBudgetMs: args.cpuBudgetMs,
          pdfCpuBudgetMs: pdfBudgetMs(args),
        },
        resourceLimits: { maxOldGenerationSizeMb: 3072 },
        stdout: true,
        stderr: true,
      });
      // pdfjs and friends may print; keep the fuzzer's output readable.
      worker.stdout.resume();
      worker.stderr.resume();
      let settled = false;
      const finish = (next: number | null): void => {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        current = null;
        resolve(next);
      };
      const watch = setInterval(() => {
        if (!current) return;
        const limit = args.hangCpuMs + (current.pdf ? DEFAULT_PDF_TIMEOUT_MS : 0);
        const cpu = cpuMsSince(current.cpu);
        const wall = Date.now() - current.since;
        if (cpu > limit || wall > limit * HANG_WALL_FACTOR) {
          const { index } = current;
          const message =
            cpu > limit
              ? `still running after ${limit} ms of CPU time; the worker was stopped`
              : `no answer after ${(wall / 1000).toFixed(0)} s (${cpu.toFixed(0)} ms of CPU time); the worker was stopped`;
          save(index, { kind: 'hang', message });
          done++;
          void worker.terminate();
          finish(index + 1);
        }
      }, 100);
      worker.on(
        'message',
        (m: {
          t: string;
          index?: number;
          name?: string;
          pdf?: boolean;
          result?: CaseResult;
          next?: number;
          message?: string;
        }) => {
          if (m.t === 'start')
            current = {
              index: m.index as number,
              name: m.name as string,
              since: Date.now(),
              cpu: process.cpuUsage(),
              pdf: !!m.pdf,
            };
          else if (m.t === 'done') {
            const r = m.result as CaseResult;
            current = null;
            lastName = r.name;
            results.push(r);
            done++;
            if (r.heapUsed > peakHeap) {
              peakHeap = r.heapUsed;
              peakHeapCase = r.name;
            }
            if (r.failure) save(r.index, r.failure);
            if (done % 500 === 0)
              console.log(
                `  ${done}/${total} inputs, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`,
              );
          } else if (m.t === 'build-error') {
            console.log(`  (input #${m.index} could not be built: ${m.message})`);
            done++;
          } else if (m.t === 'deadline') {
            stoppedAt = m.next as number;
            void worker.terminate();
            finish(null);
          } else if (m.t === 'end') {
            void worker.terminate();
            finish(null);
          } else if (m.t === 'fatal') {
            console.error(`fuzz: worker failed: ${m.message}`);
            failures.push({
              index: -1,
              name: '(worker)',
              kind: 'worker-died',
              message: `the worker failed outside an input: ${m.message}`,
            });
            void worker.terminate();
            finish(null);
          }
        },
      );
      worker.on('error', (e) => {
        const c = current;
        if (c) {
          save(c.index, { kind: 'worker-died', message: `${e.name}: ${e.message}` });
          done++;
          finish(c.index + 1);
        } else {
          console.error(`fuzz: worker error outside an input: ${e.message}`);
          failures.push({
            index: -1,
            name: '(worker)',
            kind: 'worker-died',
            message: `the worker failed outside an input: ${e.message}`,
          });
          finish(null);
        }
      });
      worker.on('exit', (code) => {
        const c = current;
        if (!settled && c) {
          save(c.index, { kind: 'worker-died', message: `the worker exited with code ${code}` });
          done++;
          finish(c.index + 1);
        } else finish(null);
      });
    });

  let next: number | null = 0;
  while (next !== null && (args.only ? args.only.some((i) => i >= (next as number)) : next < cases.length))
    next = await runFrom(next);
  clearInterval(sampler);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(tmp, { recursive: true, force: true });

  if (peakRss > args.maxRssMb * 1048576)
    failures.push({
      index: -1,
      name: peakRssCase,
      kind: 'memory',
      message: `peak RSS ${mb(peakRss)} is over the ${args.maxRssMb} MB bound (during ${peakRssCase})`,
    });
  if (requests.length > 0)
    failures.push({
      index: -1,
      name: '(network)',
      kind: 'network',
      message: `the local listener received ${requests.length} request(s): ${requests.slice(0, 5).join(', ')}`,
    });

  const wall = (Date.now() - started) / 1000;
  try {
    // Every input's figures, for a closer look (not part of the repository: out/ is ignored).
    fs.mkdirSync(args.saveDir, { recursive: true });
    const rows = results.map((r) => ({
      index: r.index,
      name: r.name,
      family: r.family,
      bytes: r.bytes,
      cpuMs: Math.round(r.cpuMs * 10) / 10,
      ms: Math.round(r.ms * 10) / 10,
      ok: r.ok,
      reason: r.reason,
      bounds: r.bounds,
      failure: r.failure?.kind,
    }));
    fs.writeFileSync(
      path.join(args.saveDir, `results-seed-${args.seed}${args.ci ? '-ci' : ''}.json`),
      JSON.stringify(rows),
    );
  } catch {
    /* figures only */
  }
  const stats = summarize(results, failures, {
    wall,
    peakRss,
    peakRssCase,
    peakHeap,
    peakHeapCase,
    requests: requests.length,
    total,
    stoppedAt,
    args,
    load: [loadAtStart, os.loadavg()[0]],
  });
  console.log(stats.text);
  if (args.bench) writeBench(stats.markdown);
  return failures.length > 0 ? 1 : 0;
}

interface RunInfo {
  wall: number;
  peakRss: number;
  peakRssCase: string;
  peakHeap: number;
  peakHeapCase: string;
  requests: number;
  total: number;
  stoppedAt: number | null;
  args: Args;
  /** One-minute load average at the start and at the end of the run. */
  load: [number, number];
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function summarize(results: CaseResult[], failures: Failure[], info: RunInfo): { text: string; markdown: string } {
  const a = info.args;
  const count = (k: FailureKind[]): number => failures.filter((f) => k.includes(f.kind)).length;
  const crashes = count(['crash', 'invalid', 'worker-died']);
  const timeouts = count(['slow']);
  const hangs = count(['hang']);
  const leaks = count(['leak', 'network']);
  const expects = count(['expect']);
  const sorted = [...results].sort((a, b) => b.cpuMs - a.cpuMs);
  const textSorted = sorted.filter((r) => !r.pdf);
  const pdfSorted = sorted.filter((r) => r.pdf);
  const pdfOver = pdfSorted.filter((r) => r.cpuMs > a.cpuBudgetMs).length;
  const families = ['hostile', 'corpus', 'pdf', 'truncate', 'encoding', 'random'] as const;
  const famRows = families.map((f) => {
    const rs = results.filter((r) => r.family === f);
    const ms = rs.map((r) => r.cpuMs);
    return {
      f,
      n: rs.length,
      ok: rs.filter((r) => r.ok).length,
      p50: quantile(ms, 0.5),
      p99: quantile(ms, 0.99),
      max: Math.max(0, ...ms),
      sum: ms.reduce((x, y) => x + y, 0),
    };
  });
  const boundHits = new Map<string, number>();
  for (const r of results)
    for (const b of r.bounds ?? [])
      boundHits.set(b.replace(/×\d+$/, ''), (boundHits.get(b.replace(/×\d+$/, '')) ?? 0) + 1);
  const reasons = new Map<string, number>();
  for (const r of results)
    if (!r.ok && r.reason) {
      const key = r.reason
        .replace(/\d[\d.,]*/g, 'N')
        .replace(/\(.*\)$/, '')
        .slice(0, 70);
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  const cmd = `npm run fuzz -- --seed ${a.seed} --iterations ${a.iterations}${a.ci ? ' --ci' : ''}${a.time ? ` --time ${a.time}` : ''}`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu.replace(/\s+/g, ' ').trim()}, ${os.cpus().length} cores, ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.platform()}`;
  const date = new Date().toISOString().slice(0, 10);
  const totalBytes = results.reduce((s, r) => s + r.bytes, 0);
  const cut =
    info.stoppedAt !== null
      ? ` (stopped by the time limit at input #${info.stoppedAt}; ${info.total - results.length - failures.filter((f) => f.kind === 'hang').length} not run)`
      : '';

  const lines: string[] = [];
  lines.push(`fuzz: ${results.length + count(['hang', 'worker-died'])} inputs in ${info.wall.toFixed(1)} s${cut}`);
  lines.push(
    `  crashes ${crashes}, time-outs (> ${a.cpuBudgetMs} ms of CPU time) ${timeouts}, hangs ${hangs}, leaks ${leaks} (requests ${info.requests}), expectation failures ${expects}`,
  );
  if (textSorted[0])
    lines.push(
      `  slowest text input: ${textSorted[0].name} ${fmtMs(textSorted[0].cpuMs)} ms of CPU time (${mb(textSorted[0].bytes)})`,
    );
  if (pdfSorted[0])
    lines.push(
      `  slowest PDF: ${pdfSorted[0].name} ${fmtMs(pdfSorted[0].cpuMs)} ms of CPU time; PDFs over ${a.cpuBudgetMs} ms: ${pdfOver} of ${pdfSorted.length}`,
    );
  lines.push(
    `  peak RSS ${mb(info.peakRss)} (during ${info.peakRssCase}); peak worker heap ${mb(info.peakHeap)} (after ${info.peakHeapCase})`,
  );
  for (const f of failures) lines.push(`  FAIL #${f.index} ${f.name}: ${f.kind}: ${f.message.split('\n')[0]}`);
  // The plain closing line CI reads: inputs that met every expectation, and those that did not.
  const inputs = results.length + count(['hang', 'worker-died']);
  lines.push(`fuzz: ${inputs - failures.length} passed, ${failures.length} failed`);

  const md: string[] = [];
  md.push('## Reliability: fuzzing with hostile and broken input', '');
  md.push(
    `Measured ${date} on ${machine}, with a load average of ${info.load[0].toFixed(1)} at the start and ${info.load[1].toFixed(1)} at the end (${os.cpus().length} would keep every core busy). Reproduce with \`${cmd}\` (same seed, same inputs; \`test/fuzz/fuzz.ts\` documents the options).`,
    '',
  );
  md.push(
    `Every input goes through \`inspectBytes\` (decode, detect, parse, rules: the CLI's path), then the JSON model and the form-like rendering, in a worker thread watched for hangs. ` +
      `An input must give a filing or a plain reason, with no exception, every span inside the text, within ${a.cpuBudgetMs / 1000} s of CPU time (PDFs: the reader's ${DEFAULT_PDF_TIMEOUT_MS / 1000} s limit more; they are read in a worker thread stopped at that limit, as the CLI does); external entities point at a canary file and a local HTTP listener, which must stay unread. ` +
      'Times are CPU time of the whole process (the collector threads included), not wall-clock time: the wait for a core while other jobs run is not counted, though a machine shared with other jobs still runs slower (the load average above says how busy it was).',
    '',
  );
  md.push('| Figure | Value |', '|---|---|');
  md.push(
    `| Inputs tried | ${(results.length + count(['hang', 'worker-died'])).toLocaleString('en-US')} (${(totalBytes / 1048576).toFixed(0)} MB in all)${cut} |`,
  );
  md.push(`| Crashes (exception escaped, invalid outcome, worker died) | ${crashes} |`);
  md.push(
    `| Time-outs (text inputs over ${a.cpuBudgetMs} ms of CPU time; PDFs over ${pdfBudgetMs(a)} ms) | ${timeouts} |`,
  );
  md.push(`| Hangs (stopped by the watchdog) | ${hangs} |`);
  md.push(
    `| External reads (canary text in output, requests to the listener) | ${leaks} (requests: ${info.requests}) |`,
  );
  md.push(`| Expectation failures (e.g. over-size input not refused) | ${expects} |`);
  md.push(`| Memory over the ${a.maxRssMb} MB bound | ${count(['memory'])} |`);
  const slow = (r: CaseResult): string =>
    `\`${r.name}\`: ${fmtMs(r.cpuMs)} ms of CPU time (${(r.bytes / 1048576).toFixed(1)} MB; inspect ${fmtMs(r.inspectCpuMs)} ms)`;
  if (textSorted[0]) md.push(`| Slowest input (text kinds) | ${slow(textSorted[0])} |`);
  if (pdfSorted[0])
    md.push(
      `| Slowest PDF | ${slow(pdfSorted[0])}; PDFs over ${a.cpuBudgetMs} ms: ${pdfOver} of ${pdfSorted.length} |`,
    );
  md.push(
    `| Peak memory | RSS ${mb(info.peakRss)} for the whole process (${info.peakRssCase.startsWith('just after ') ? `just after \`${info.peakRssCase.slice(11)}\`` : `during \`${info.peakRssCase}\``}); largest heap in use seen after an input ${mb(info.peakHeap)} (garbage included; after \`${info.peakHeapCase}\`) |`,
  );
  md.push(`| Wall time | ${info.wall.toFixed(0)} s |`, '');
  md.push(
    '| Family | Inputs | Read as a filing | Median CPU ms | p99 CPU ms | Max CPU ms | Total CPU s |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of famRows)
    md.push(
      `| ${r.f} | ${r.n} | ${r.ok} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${fmtMs(r.max)} | ${(r.sum / 1000).toFixed(1)} |`,
    );
  md.push(
    '',
    'Ten slowest inputs by CPU time (PDFs included):',
    '',
    '| Input | Size | CPU ms | Wall ms |',
    '|---|---:|---:|---:|',
  );
  for (const r of sorted.slice(0, 10))
    md.push(
      `| \`${r.name}\` | ${r.bytes >= 1048576 ? (r.bytes / 1048576).toFixed(1) + ' MB' : (r.bytes / 1024).toFixed(0) + ' KB'} | ${fmtMs(r.cpuMs)} | ${fmtMs(r.ms)} |`,
    );
  md.push(
    '',
    `Bounds reached (inputs with a finding of that rule): ${[...boundHits].map(([k, n]) => `\`${k}\` ${n}`).join(', ') || 'none'}. Most frequent reasons for not reading an input:`,
    '',
  );
  for (const [k, n] of [...reasons].sort((x, y) => y[1] - x[1]).slice(0, 8)) md.push(`- ${n} × ${k}`);
  if (failures.length) {
    md.push('', 'Failures:', '');
    for (const f of failures) md.push(`- #${f.index} \`${f.name}\`: ${f.kind}: ${f.message.split('\n')[0]}`);
  }
  return { text: lines.join('\n'), markdown: md.join('\n') };
}

function writeBench(section: string): void {
  const file = path.join(REPO, 'BENCHMARKS.md');
  const start = '<!-- bench:reliability:start -->';
  const end = '<!-- bench:reliability:end -->';
  const block = `${start}\n${section}\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i !== -1 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else text = text.replace(/\s*$/, '\n\n') + block + '\n';
  fs.writeFileSync(file, text);
  console.log(`fuzz: wrote the reliability section of ${path.relative(process.cwd(), file) || file}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`fuzz: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 2;
  },
);
