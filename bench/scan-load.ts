/**
 * `npm run bench:scan`: the workspace scan's effect on the editor, in the real VS Code (test/integration/
 * scanLoad.test.ts): hover latency (median and worst of 20) with no scan and while a scan of 10,000 corpus filings
 * runs, the scan's time cold and from the cache, and Cancel to the scan's end. Prints the figures as markdown.
 * FORM4_SCAN_LAYOUT=flat puts the files side by side in one folder instead of in folders of 1,000.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CORPUS_DIR, REPO_ROOT } from '../scripts/corpus-dir';
import { corpusMix } from './corpus-mix';
import type { ScanLoadRun } from '../test/integration/scanLoad.test';

const N = Number(process.env.FORM4_SCAN_FILES) || 10_000;
const FLAT = process.env.FORM4_SCAN_LAYOUT === 'flat';

/**
 * N corpus files in folders of 1,000 (or side by side: FLAT), copies, and the same again as hard links under other
 * paths (cold).
 */
function folders(root: string): [string, string] {
  const sources = corpusMix();
  if (!sources.length) throw new Error(`no corpus at ${CORPUS_DIR}`);
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  for (let i = 0; i < N; i++) {
    const src = sources[i % sources.length];
    const sub = FLAT ? '.' : String(Math.floor(i / 1000)).padStart(3, '0');
    const name = `${String(i).padStart(6, '0')}-${path.basename(src)}`;
    if (i % 1000 === 0) for (const d of [a, b]) fs.mkdirSync(path.join(d, sub), { recursive: true });
    fs.copyFileSync(src, path.join(a, sub, name));
    fs.linkSync(path.join(a, sub, name), path.join(b, sub, name));
  }
  return [a, b];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

function main(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-scan-load-'));
  const out = path.join(root, 'out.json');
  try {
    const [a, b] = folders(root);
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'vscode', 'test-integration.cjs')], {
      stdio: 'inherit',
      env: {
        ...process.env,
        FORM4_TEST_GREP: 'scan load',
        FORM4_SCAN_LOAD_OUT: out,
        FORM4_SCAN_LOAD_DIRS: `${a},${b}`,
      },
    });
    if (run.status !== 0 || !fs.existsSync(out))
      throw new Error(`the scan-load run in VS Code failed (exit ${run.status})`);
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as ScanLoadRun;
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
    console.log(`
${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, load average ${load} after the run

| in the real VS Code, ${r.files.toLocaleString('en-US')} corpus files${FLAT ? ' side by side in one folder' : ', in folders of 1,000'} | figure |
| --- | --- |
| hover, no scan (median / worst of ${r.idleHoverMs.length}) | ${ms(median(r.idleHoverMs))} / ${ms(Math.max(...r.idleHoverMs))} |
| hover while the scan runs (median / worst of ${r.scanningHoverMs.length}; ${r.hoversDuringScan} before it ended) | ${ms(median(r.scanningHoverMs))} / ${ms(Math.max(...r.scanningHoverMs))} |
| scan, cold (empty cache) | ${ms(r.coldScanMs)} |
| scan again, unchanged (files parsed: ${r.cachedParsed}) | ${ms(r.cachedScanMs)} |
| hover from the start of that re-scan (median / worst of ${r.cachedHoverMs.length}; ${r.hoversDuringCachedScan} before it ended) | ${ms(median(r.cachedHoverMs))} / ${ms(Math.max(...r.cachedHoverMs))} |
| Cancel to the scan's end (${r.filesWhenCancelled.toLocaleString('en-US')} files read by then) | ${ms(r.cancelToEndMs)} |
`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main();
