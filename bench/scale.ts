/**
 * Scale: `form4 check` over 10,000 and 100,000 corpus filings (the corpus repeated) against a bare single-process
 * fast-xml-parser parse of the same files (bench/bare-parse.cjs), each in its own process, alternating, on the same
 * machine in the same run; peak memory of the check; a re-check of the unchanged 10,000 from the cache, and one
 * after 10 files changed (the files parsed counted by the CLI's --stats).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../scripts/corpus-dir';
import { corpusMix } from './corpus-mix';

interface Run {
  wall: number;
  rssMb: number;
  status: number | null;
  stderr: string;
  stdout: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'maxrss-preload.cjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { wall, rssMb: m ? Number(m[1]) / 1024 : NaN, status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** N files in folders of 1,000: copies (they are edited later) or hard links (no disk space for 100,000 copies). */
function makeFolder(dir: string, n: number, link: boolean): number {
  const sources = corpusMix();
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    const dest = path.join(sub, `${String(i).padStart(6, '0')}-${path.basename(src)}`);
    if (link) fs.linkSync(src, dest);
    else fs.copyFileSync(src, dest);
    bytes += fs.statSync(src).size;
  }
  return bytes;
}

function parsedCount(r: Run): number {
  const m = /(\d+) files: (\d+) read, (\d+) unchanged/.exec(r.stderr);
  return m ? Number(m[2]) : NaN;
}

export function benchScale(stamp: () => string, writeSection: (name: string, body: string) => void): void {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  const bare = path.join(__dirname, 'bare-parse.cjs');
  const tmp = path.join(REPO_ROOT, '.bench-tmp', 'scale');
  const cacheHome = path.join(tmp, 'cache');
  const env = { XDG_CACHE_HOME: cacheHome };
  const small = path.join(tmp, 'f10k');
  const big = path.join(tmp, 'f100k');
  const smallBytes = makeFolder(small, 10_000, false);
  const check = (dir: string, extra: string[] = []) =>
    run([cli, 'check', '--format', 'ndjson', '--stats', ...extra, dir], env);

  // 10,000: baseline and first check alternating (median of FORM4_BENCH_ROUNDS, default 3), each check from an
  // empty cache.
  const rounds = Number(process.env.FORM4_BENCH_ROUNDS) || 3;
  const base10: number[] = [];
  const check10: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    base10.push(run([bare, small]).wall);
    fs.rmSync(cacheHome, { recursive: true, force: true });
    check10.push(check(small));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const b10 = med(base10);
  const c10 = med(check10.map((r) => r.wall));
  const rss10 = Math.max(...check10.map((r) => r.rssMb));
  // Re-check of the unchanged folder (the cache of the last first check), the median of as many runs as the first
  // check has (a re-check changes nothing, so each reads the same cache); then after 10 files changed.
  const agains = Array.from({ length: rounds }, () => check(small)).sort((x, y) => x.wall - y.wall);
  const again = agains[Math.floor(agains.length / 2)];
  const sources = fs.readdirSync(path.join(small, '000')).sort();
  for (const n of sources.slice(0, 10)) fs.appendFileSync(path.join(small, '000', n), '\n<!-- edited -->\n');
  const changed = check(small);

  // 100,000 (hard links): one round each, no cache, so that the figure is the check's alone.
  const bigBytes = makeFolder(big, 100_000, true);
  const base100 = run([bare, big]).wall;
  const check100 = check(big, ['--no-cache']);
  fs.rmSync(path.join(REPO_ROOT, '.bench-tmp'), { recursive: true, force: true });

  const r10 = c10 / b10;
  const r100 = check100.wall / base100;
  const growth = check100.wall / c10;
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const body = `## Scale: 10,000 and 100,000 filings through \`form4 check\`

${stamp()}
The corpus (\`xml/\`, \`doc/\`, \`txt/\`) repeated round-robin into folders of 1,000: 10,000 files (${mib(smallBytes)}, copies) and 100,000 (${mib(bigBytes)}, hard links). Each run is its own process: \`node dist/cli.js check --format ndjson --stats <folder>\` (every rule, the cross-filing running tally, output to a pipe) against the baseline \`bench/bare-parse.cjs\`, a bare single-thread fast-xml-parser parse of the same files (a tree only: no model, positions or checks). 10,000: median of ${rounds} alternating round${rounds === 1 ? '' : 's'}, each check from an empty cache, and the re-check the median of as many runs; 100,000: one round, \`--no-cache\`.

| figure | value | target |
| --- | ---: | --- |
| 10,000: check wall / bare parse wall | ${c10.toFixed(2)} s / ${b10.toFixed(2)} s = **${r10.toFixed(2)}x** | <= 0.6x: ${met(r10 <= 0.6)} |
| 100,000: check wall / bare parse wall | ${check100.wall.toFixed(2)} s / ${base100.toFixed(2)} s = **${r100.toFixed(2)}x** | |
| 100,000 check / 10,000 check (10x the files) | **${growth.toFixed(2)}x** | linear: ~10x |
| peak memory (max RSS of the check's process), 10,000 | ${rss10.toFixed(0)} MB | |
| peak memory, 100,000 | ${check100.rssMb.toFixed(0)} MB | < 300 MB: ${met(check100.rssMb < 300)} |
| re-check of the unchanged 10,000 (cache) / first check | ${again.wall.toFixed(2)} s / ${c10.toFixed(2)} s = **${(again.wall / c10).toFixed(3)}x** (runs: ${agains.map((r) => r.wall.toFixed(2)).join(', ')} s) | <= 0.1x: ${met(again.wall / c10 <= 0.1)} |
| files parsed by the re-check after 10 files changed (counted by \`--stats\`) | ${parsedCount(changed)} of 10,000 (${changed.wall.toFixed(2)} s) | 10 |
| exit codes: 10,000 first, re-check, 100,000 | ${check10[0].status}, ${again.status}, ${check100.status} | 1 (error findings in the corpus) |
`;
  console.log(body);
  writeSection('scale', body);
}
