/** Where the bench scripts write their figures: sections of BENCHMARKS.md, each stamped with when, where and the load. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../scripts/corpus-dir';

const BENCH_FILE = path.join(REPO_ROOT, 'BENCHMARKS.md');

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** Replace (or append) the section between <!-- bench:NAME --> markers. */
export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let doc = fs.existsSync(BENCH_FILE)
    ? fs.readFileSync(BENCH_FILE, 'utf8')
    : '# Benchmarks\n\nProduced by `npm run bench`; every figure is a ratio against a baseline run in the same process, or a wall time / peak memory measured on the machine named in its section.\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(BENCH_FILE, doc);
}

/** When and where, and how busy the machine was: other work on it inflates wall times, less so the ratios. */
export function stamp(): string {
  const load = os.loadavg()[0];
  return `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; load average ${load.toFixed(1)} at the end.`;
}
