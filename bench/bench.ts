/**
 * npm run bench: speed and memory figures, measured as ratios against baselines run in the same process,
 * written into BENCHMARKS.md (with date and machine) between section markers. `npm run bench -- pdf core` runs
 * only the sections named.
 *
 * Sections: core (inspect vs raw fast-xml-parser parse vs the peer sec-edgar-toolkit), scan (10,000-file folder
 * through the CLI: wall time and peak memory), pdf (field accuracy, ./pdf-accuracy, and speed against pdf-parse,
 * ./pdf-speed), timeline (building and drawing the holdings timeline of the corpus), extension (activation and
 * the preview's first paint in the test VS Code), edgar (downloads through the EDGAR replay server, ./edgar). The core keeps no clocks for this: its figures are measured
 * here, around calls of its public API.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { OwnershipFormParser } from 'sec-edgar-toolkit';
import { CORPUS_DIR, REPO_ROOT, corpusAvailable } from '../scripts/corpus-dir';
import { inspectBytes, inspectText } from '../src/core/inspect';
import { parseText } from '../src/core/parse';
import { parsePdf } from '../src/core/pdf';
import { buildTimeline } from '../src/core/timeline';
import { firstGroup, groupDetail, groupSummary } from '../src/core/timeline-views';
import type { Filing } from '../src/core/model';
import { groundTruthAccuracy, printedAccuracy } from './pdf-accuracy';
import { measurePdfSpeed } from './pdf-speed';
import { measureEdgar } from './edgar';
import { benchScale } from './scale';
import { decodeBytes } from '../src/core/decode';
import { detectKind } from '../src/core/detect';
import { stamp, writeSection } from './report';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

interface Input {
  file: string;
  text: string;
}

function ownershipXmlInputs(): Input[] {
  const dirs = ['xml', 'doc'];
  const out: Input[] = [];
  for (const d of dirs) {
    const dir = path.join(CORPUS_DIR, d);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.xml')) continue;
      const file = path.join(dir, name);
      const text = decodeBytes(fs.readFileSync(file)).text;
      if (detectKind(text).kind === 'xml') out.push({ file, text });
    }
  }
  return out;
}

function benchCore(): void {
  const inputs = ownershipXmlInputs();
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  const fxp = new XMLParser({ ignoreAttributes: false });
  let peerFailures = 0;
  let inspectFailures = 0;
  const runs = {
    baseline: () => {
      for (const i of inputs) fxp.parse(i.text);
    },
    inspect: () => {
      for (const i of inputs) if (!inspectText(i.text, i.file).ok) inspectFailures++;
    },
    peer: () => {
      for (const i of inputs) {
        try {
          new OwnershipFormParser(i.text).parseAll();
        } catch {
          peerFailures++;
        }
      }
    },
  };
  // Warm up, then alternate the three so that machine noise hits all of them alike.
  for (const fn of Object.values(runs)) fn();
  const rounds = 7;
  const t: Record<string, number[]> = { baseline: [], inspect: [], peer: [] };
  peerFailures = 0;
  inspectFailures = 0;
  for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(runs)) t[k].push(time(fn));
  const ms = { baseline: median(t.baseline), inspect: median(t.inspect), peer: median(t.peer) };
  const mbps = (m: number) => (bytes / 2 ** 20 / (m / 1000)).toFixed(1);
  const fps = (m: number) => Math.round(inputs.length / (m / 1000)).toLocaleString('en-US');
  const vsBaseline = ms.baseline / ms.inspect;
  const vsPeer = ms.peer / ms.inspect;
  const body = `## Core: inspect vs raw parse vs peer

${stamp()}
${inputs.length} ownership XML files from the corpus (\`xml/\`, \`doc/\`), ${(bytes / 2 ** 20).toFixed(1)} MiB; median of ${rounds} alternating rounds after a warm-up.

| run | what it does | median ms | MiB/s | files/s |
| --- | --- | ---: | ---: | ---: |
| baseline | fast-xml-parser \`XMLParser.parse\` (a bare tree, no model, no positions) | ${ms.baseline.toFixed(1)} | ${mbps(ms.baseline)} | ${fps(ms.baseline)} |
| **inspect** | our full inspect: detect, positioned parse, model, all rules | ${ms.inspect.toFixed(1)} | ${mbps(ms.inspect)} | ${fps(ms.inspect)} |
| peer | sec-edgar-toolkit \`new OwnershipFormParser(xml).parseAll()\` | ${ms.peer.toFixed(1)} | ${mbps(ms.peer)} | ${fps(ms.peer)} |

- inspect throughput / baseline throughput = **${vsBaseline.toFixed(2)}x** (target >= 0.8x): ${vsBaseline >= 0.8 ? 'met' : 'NOT met'}
- inspect throughput / peer throughput = **${vsPeer.toFixed(2)}x** (target >= 1.0x): ${vsPeer >= 1.0 ? 'met' : 'NOT met'}
- files the peer threw on: ${peerFailures / rounds}; files inspect could not read: ${inspectFailures / rounds}
`;
  console.log(body);
  writeSection('core', body);
}

function benchScan(): void {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  const sources: string[] = [];
  for (const d of ['xml', 'doc', 'txt']) {
    const dir = path.join(CORPUS_DIR, d);
    if (!fs.existsSync(dir)) continue;
    for (const n of fs.readdirSync(dir).sort()) sources.push(path.join(dir, n));
  }
  const tmp = path.join(REPO_ROOT, '.bench-tmp', 'scan');
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(path.join(REPO_ROOT, '.bench-tmp', 'scan-cache'), { recursive: true, force: true });
  const N = 10000;
  for (let i = 0; i < N; i++) {
    const src = sources[i % sources.length];
    const sub = path.join(tmp, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(src, path.join(sub, `${String(i).padStart(5, '0')}-${path.basename(src)}`));
  }
  const totalBytes = sources.reduce((n, s, i) => n + (i < N ? fs.statSync(s).size : 0), 0) * (N / sources.length);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, 'maxrss-preload.cjs'), cli, 'check', '--format', 'json', tmp],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      // The first check of the folder: a result cache of its own, empty (not the user's, nor an earlier run's).
      env: { ...process.env, XDG_CACHE_HOME: path.join(REPO_ROOT, '.bench-tmp', 'scan-cache') },
    },
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  const rssMb = m ? Number(m[1]) / 1024 : NaN;
  const checked = (() => {
    try {
      return (JSON.parse(r.stdout) as unknown[]).length;
    } catch {
      return NaN;
    }
  })();
  fs.rmSync(path.join(REPO_ROOT, '.bench-tmp'), { recursive: true, force: true });
  const body = `## Scan: 10,000 files through \`form4 check\`

${stamp()}
The corpus (\`xml/\`, \`doc/\`, \`txt/\`) copied round-robin into ${N.toLocaleString('en-US')} files (~${(totalBytes / 2 ** 20).toFixed(0)} MiB) in 10 folders; \`node dist/cli.js check --format json <folder>\` (every rule, plus the cross-filing running tally; the first check of the folder, writing its result cache into an empty cache folder) in a child process; exit code ${r.status}.

| figure | value | target |
| --- | ---: | --- |
| filings checked | ${checked.toLocaleString('en-US')} | |
| wall time | ${wall.toFixed(2)} s | <= 10 s: ${wall <= 10 ? 'met' : 'NOT met'} |
| peak memory (max RSS) | ${rssMb.toFixed(0)} MB | < 300 MB: ${rssMb < 300 ? 'met' : 'NOT met'} |
`;
  console.log(body);
  writeSection('scan', body);
}

/**
 * Timeline: the holdings timeline of the whole corpus (every filing the CLI reads except PDFs), as the extension
 * builds and first draws it: buildTimeline (wall and CPU time, median of 5) and the webview's first render of the
 * first pair, measured in headless Chromium (the bundle dist/timeline.js with media/timeline.css, fed the same
 * 'data' message the panel posts; from posting it to the webview's 'rendered' reply).
 */
async function benchTimeline(): Promise<void> {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(xml|txt|nc|sgml|htm|html)$/i.test(e.name)) files.push(p);
    }
  };
  walk(CORPUS_DIR);
  files.sort();
  const tRead = process.hrtime.bigint();
  const filings: Filing[] = [];
  for (const f of files) {
    const out = await inspectBytes(fs.readFileSync(f), f, {});
    if (out.ok) filings.push(out.filing);
  }
  const readMs = Number(process.hrtime.bigint() - tRead) / 1e6;
  const wall: number[] = [];
  const cpu: number[] = [];
  let data = buildTimeline(filings);
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    wall.push(time(() => (data = buildTimeline(filings))));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const first = firstGroup(data, null);
  const message = {
    type: 'data',
    version: 1,
    title: 'corpus',
    groups: data.groups.map(groupSummary),
    counts: data.counts,
    filings: data.filings.length,
    skipped: data.skipped.length,
    initial: first ? groupDetail(data, first) : null,
    // Asks the page for its render time in the 'rendered' reply, as the panel does while a probe measures.
    measure: true,
  };
  const whole = JSON.stringify(data).length;
  const sent = JSON.stringify(message).length;

  let render = 'not measured (no Chromium)';
  let renderBig = render;
  const chromiumPath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (fs.existsSync(chromiumPath) && fs.existsSync(path.join(REPO_ROOT, 'dist', 'timeline.js'))) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.setContent(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main id="root"></main><div id="tip" role="tooltip" hidden></div></body></html>',
      );
      await page.addStyleTag({ content: fs.readFileSync(path.join(REPO_ROOT, 'media', 'timeline.css'), 'utf8') });
      await page.evaluate(
        `window.__msgs = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__msgs.push(m), getState: () => undefined, setState: () => undefined });`,
      );
      await page.addScriptTag({ content: fs.readFileSync(path.join(REPO_ROOT, 'dist', 'timeline.js'), 'utf8') });
      const biggest = data.groups.reduce(
        (a, b) => (groupSummary(b).points > groupSummary(a).points ? b : a),
        data.groups[0],
      );
      const measure = async (initial: typeof message.initial, v0: number): Promise<string> => {
        const times: { wall: number; render: number; points: number }[] = [];
        for (let r = 0; r < 5; r++) {
          // A string, not a function: tsx's helpers (__name) do not exist in the page.
          const res = (await page.evaluate(`new Promise((resolve) => {
            const m = ${JSON.stringify({ ...message, initial, version: v0 + r + 1 })};
            window.__msgs.length = 0;
            const t0 = performance.now();
            const tick = () => {
              const done = window.__msgs.find((x) => x.type === 'rendered' && x.version === m.version);
              if (done) resolve({ wall: performance.now() - t0, render: done.renderMs, points: done.points });
              else setTimeout(tick, 1);
            };
            window.postMessage(m, '*');
            tick();
          })`)) as { wall: number; render: number; points: number };
          times.push(res);
        }
        const dom = (await page.evaluate(`document.querySelectorAll('svg.chart circle.pt').length`)) as number;
        return `${median(times.map((x) => x.wall)).toFixed(1)} ms from posting the message to the 'rendered' reply (drawing ${median(times.map((x) => x.render)).toFixed(1)} ms); ${dom} points in the DOM`;
      };
      render = await measure(message.initial, 0);
      if (biggest)
        renderBig = `${await measure(groupDetail(data, biggest), 100)} (${biggest.owner.name} / ${biggest.issuer.name ?? '?'})`;
    } finally {
      await browser.close();
    }
  }
  const buildWall = median(wall);
  const buildCpu = median(cpu);
  const body = `## Timeline: holdings timeline of the corpus

${stamp()}
${filings.length} filings read from ${files.length} corpus files (not PDFs) in ${readMs.toFixed(0)} ms (the scan; not part of the figure below).
${data.groups.length} owner/issuer pairs, ${data.counts.series} series, ${data.counts.points} points, ${data.counts.breaks} breaks.

| step | median |
| --- | ---: |
| buildTimeline (series + cross-filing check), wall | ${buildWall.toFixed(1)} ms |
| buildTimeline, CPU | ${buildCpu.toFixed(1)} ms |
| webview first render, the pair shown first (headless Chromium) | ${render} |
| webview render of the largest pair | ${renderBig} |

- Sent to the webview first: ${(sent / 1024).toFixed(0)} KiB (the pair list and the first pair's series) instead of all ${(whole / 1024).toFixed(0)} KiB; other pairs' series are sent when selected.
- Target: the timeline opens in under 1 s after the scan (build + first render).
`;
  console.log(body);
  writeSection('timeline', body);
}

async function benchPdf(): Promise<void> {
  const printed = await printedAccuracy(CORPUS_DIR, parsePdf, (t, f) => parseText(t, f, 'xml'));
  const truth = await groundTruthAccuracy(
    path.join(REPO_ROOT, 'test', 'fixtures', 'pdf', 'groundtruth'),
    CORPUS_DIR,
    parsePdf,
  );
  const pdfs = ['pdf', 'pdf-printed'].flatMap((d) => {
    const dir = path.join(CORPUS_DIR, d);
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((n) => n.endsWith('.pdf'))
          .sort()
          .map((n) => path.join(dir, n))
      : [];
  });
  const speed = await measurePdfSpeed(pdfs, 3);
  const pct = (m: number, t: number) => (t ? ((100 * m) / t).toFixed(2) : '100.00');
  const perFile = (acc: typeof printed) =>
    acc.files
      .map(
        (f) =>
          `| ${path.basename(f.pdf)} | ${path.basename(f.truth)} | ${f.accuracy.matched}/${f.accuracy.total} | ${pct(f.accuracy.matched, f.accuracy.total)}% |`,
      )
      .join('\n');
  const body = `## PDF: field accuracy and speed

${stamp()}

Field by field: every leaf of the JSON model that a PDF shows (CIKs, schema version and file names excluded; numbers compared by value).

| ground truth | fields matched / total | accuracy | target |
| --- | ---: | ---: | --- |
| printed EDGAR pages in \`pdf-printed/\` vs their XML in the corpus | ${printed.matched}/${printed.total} | ${pct(printed.matched, printed.total)}% | >= 99%: ${printed.matched >= 0.99 * printed.total ? 'met' : 'NOT met'} |
| EDGAR PDFs in \`pdf/\` vs hand-checked JSON (\`test/fixtures/pdf/groundtruth/\`) | ${truth.matched}/${truth.total} | ${pct(truth.matched, truth.total)}% | |

| PDF | compared with | matched | accuracy |
| --- | --- | ---: | ---: |
${perFile(printed)}
${perFile(truth)}

Speed: our whole PDF read (pdf.js text items, layout, model) vs pdf-parse \`getText()\` alone on the same ${speed.files} corpus PDFs, ${speed.rounds} alternating rounds after a warm-up: ${speed.inspectMs.toFixed(0)} ms vs ${speed.getTextMs.toFixed(0)} ms = **${speed.ratio.toFixed(2)}x** (target <= 1.3x): ${speed.ratio <= 1.3 ? 'met' : 'NOT met'}.
`;
  console.log(body);
  writeSection('pdf', body);
}

/** One preview's first paint as test/integration/perf.test.ts writes it (ms from resolving its editor). */
interface FirstPaint {
  file: string;
  ms: number;
  htmlMs: number;
  readyMs: number;
  renderMs: number;
  startup: { pageMs: number; fetchMs: number; scriptMs: number } | null;
}

/** What test/integration/perf.test.ts writes: the figures of one VS Code session, read through the extension's probe. */
interface PerfRun {
  vscode: string;
  activationMs: number;
  loadMs: number;
  activateBodyMs: number;
  activationCpuMs: number;
  paints: FirstPaint[];
  timeline: { files: number; readMs: number; buildMs: number; paintMs: number; renderMs: number | null };
  scan: { files: number; filings: number; ms: number };
}

/** One run of test/integration/perf.test.ts in the test VS Code; `fixWorker`: with VS Code's webview worker fix (host.cjs). */
function perfRun(fixWorker: boolean): PerfRun {
  const out = path.join(os.tmpdir(), `form4-perf-${process.pid}-${fixWorker ? 'fixed' : 'stock'}.json`);
  const env = {
    ...process.env,
    FORM4_TEST_GREP: 'perf',
    FORM4_PERF_OUT: out,
    FORM4_FIX_WEBVIEW_WORKER: fixWorker ? '1' : '0',
  };
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'vscode', 'test-integration.cjs')], {
    stdio: 'inherit',
    env,
  });
  if (run.status !== 0 || !fs.existsSync(out)) throw new Error(`the perf run in VS Code failed (exit ${run.status})`);
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as PerfRun;
  fs.rmSync(out, { force: true });
  return r;
}

/** Activation and preview first paint, measured inside the real VS Code of the test harness (test/integration/perf.test.ts). */
function benchExtension(): void {
  const server = path.join(REPO_ROOT, '.vscode-test', 'code-server', '.installed-ok');
  if (!fs.existsSync(server)) {
    console.log(`skipped: the test VS Code is not installed (${server}); run npm run setup`);
    return;
  }
  const compile = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'vscode', 'compile-tests.mjs')], {
    stdio: 'inherit',
  });
  if (compile.status !== 0) throw new Error('compiling the integration tests failed');
  const stock = perfRun(false);
  // let the first session's processes finish exiting: on two cores they would slow the second session's start
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
  const fixed = perfRun(true);
  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  const rows = (r: PerfRun, host: string): string[] => {
    // the session's first preview starts VS Code's webview machinery cold: reported on its own row, not in a median
    const [cold, ...warm] = r.paints;
    const out = [...new Set(warm.map((p) => p.file))].map((f) => {
      const ps = warm.filter((p) => p.file === f);
      const med = (g: (p: FirstPaint) => number): number => median(ps.map(g));
      const st = (g: (s: NonNullable<FirstPaint['startup']>) => number): number =>
        median(ps.map((p) => (p.startup ? g(p.startup) : NaN)));
      const m = med((p) => p.ms);
      const split =
        `page made ${ms(med((p) => p.htmlMs))}; frame loading at ${ms(st((s) => s.pageMs))}; fetching at ${ms(st((s) => s.fetchMs))}; ` +
        `script running at ${ms(st((s) => s.scriptMs))}; drawn and reported ${ms(m - st((s) => s.scriptMs))} later (render ${ms(med((p) => p.renderMs))})`;
      return `| first paint, ${host}: ${f} (median of ${ps.length}) | **${ms(m)}**: ${split} | < 150 ms: ${m < 150 ? 'met' : 'NOT met'} |`;
    });
    out.push(
      `| first paint, ${host}: the session's first preview (${cold.file}, webview machinery cold) | ${ms(cold.ms)} | (not a target) |`,
    );
    return out;
  };
  const body = `## Extension: activation and preview first paint

${stamp()}
Measured inside VS Code ${stock.vscode} (code-server's server, extension host on Node, workbench in headless Chromium) by \`test/integration/perf.test.ts\`, through the extension's one measuring hook (\`src/extension/probe.ts\`: the product marks what happens, the bench reads the clocks). Activation is the time to evaluate \`dist/extension.js\` plus \`activate()\`. First paint runs from \`resolveCustomTextEditor\` to the webview's message that it has drawn the filing, each preview opened afresh; the split comes from the webview's own clock (Navigation and Resource Timing) on the same machine.

VS Code 1.99 and 1.100 register a new service worker for every webview (the webview's id is in the worker's URL) and hold the webview's first navigation until the swap is done: about 1 s in Chromium, for every extension's webview (microsoft/vscode#245756, a confirmed regression). Current VS Code's webview page leaves the id out of that URL and sends it in a message instead (the change of microsoft/vscode#244910); 1.100.3, the newest VS Code on Node 20, still has the regression. The second pair of rows is measured with that upstream fix applied to 1.100.3's webview page in the test harness (\`FORM4_FIX_WEBVIEW_WORKER=1\`, scripts/vscode/host.cjs): what users of a VS Code without the regression see. The preview sends its first model inside its page, so it draws as soon as its script runs.

| figure | value | target |
| --- | --- | --- |
| activation, wall time in each of the two VS Code sessions (bundle + activate()) | ${[stock, fixed].map((r) => `${r.activationMs.toFixed(1)} ms (${r.loadMs.toFixed(1)} + ${r.activateBodyMs.toFixed(1)})`).join('; ')} | < 30 ms: ${Math.max(stock.activationMs, fixed.activationMs) < 30 ? 'met' : 'NOT met'} |
| activation, CPU time of the extension host in the same (user + system) | ${[stock, fixed].map((r) => `${r.activationCpuMs.toFixed(1)} ms`).join('; ')} | |
${rows(stock, 'VS Code 1.100.3 as shipped').join('\n')}
${rows(fixed, 'VS Code 1.100.3 with the upstream webview-worker fix').join('\n')}
| holdings timeline of the example workspace (${fixed.timeline.files} files), with the fix: read; build and post; first render reported | ${ms(fixed.timeline.readMs)}; ${ms(fixed.timeline.buildMs)}; ${ms(fixed.timeline.paintMs)} (drawing ${fixed.timeline.renderMs === null ? 'not reported' : ms(fixed.timeline.renderMs)}) | |
| Scan Workspace of the example workspace (${fixed.scan.files} files, ${fixed.scan.filings} filings), with the fix | ${ms(fixed.scan.ms)} | |
`;
  console.log(body);
  writeSection('extension', body);
}

const sections: Record<string, () => void | Promise<void>> = {
  core: benchCore,
  scan: benchScan,
  scale: () => benchScale(stamp, writeSection),
  pdf: benchPdf,
  timeline: benchTimeline,
  extension: benchExtension,
  edgar: async () => {
    const body = await measureEdgar();
    if (!body) return console.log('edgar: skipped, ../shared/edgar-recorded not found');
    console.log(body);
    writeSection('edgar', `${body}\n\n${stamp()}`);
  },
};

async function main(): Promise<void> {
  if (!corpusAvailable()) {
    console.error(`bench needs the shared corpus at ${CORPUS_DIR}`);
    process.exit(2);
  }
  for (const [name, fn] of Object.entries(sections)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`== ${name}`);
    await fn();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
