/**
 * Corpus report: read every filing of the shared corpus (or the folders given), run the rules and the
 * cross-filing reconciliation, and print findings per rule (count, files), then every finding in detail
 * for the rules asked with --show RULE[,RULE] (or --show all).
 *
 *   npx tsx scripts/corpus-report.ts [--no-pdf] [--show holdings-reconcile] [--json out.json] [DIR...]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectBytes } from '../src/core/inspect';
import { parsePdf } from '../src/core/pdf';
import { RULES } from '../src/core/rules';
import { reconcileFilings } from '../src/core/reconcile';
import { LineIndex } from '../src/core/positions';
import type { Filing, Finding } from '../src/core/model';
import { CORPUS_DIR } from './corpus-dir';

interface Args {
  dirs: string[];
  pdf: boolean;
  show: Set<string>;
  json: string | null;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { dirs: [], pdf: true, show: new Set(), json: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--no-pdf') a.pdf = false;
    else if (x === '--show') for (const r of (argv[++i] ?? '').split(',')) a.show.add(r);
    else if (x === '--json') a.json = argv[++i] ?? null;
    else a.dirs.push(x);
  }
  if (!a.dirs.length) a.dirs = ['xml', 'txt', 'html', 'doc', 'pdf', 'pdf-printed'].map((d) => path.join(CORPUS_DIR, d));
  return a;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const st = fs.statSync(dir);
  if (st.isFile()) return [dir];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((f) => listFiles(path.join(dir, f)));
}

function where(f: Finding, filing: Filing | undefined): string {
  if (f.span && filing && filing.text) {
    const p = new LineIndex(filing.text).position(f.span.start);
    return `${p.line}:${p.column}`;
  }
  if (f.page) return `p.${f.page}`;
  return '-';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = args.dirs.flatMap(listFiles).filter((f) => !/\.(xsd|tsv|md)$/i.test(f) && !f.endsWith('.xsd.xml'));
  const filings: Filing[] = [];
  const all: { file: string; finding: Finding; filing?: Filing }[] = [];
  let unreadable = 0;
  let crashed = 0;
  const started = Date.now();
  for (const file of files) {
    const rel = path.relative(CORPUS_DIR, file);
    if (!args.pdf && /\.pdf$/i.test(file)) continue;
    try {
      const out = await inspectBytes(fs.readFileSync(file), rel, { readPdf: parsePdf });
      if (!out.ok) {
        unreadable++;
        continue;
      }
      const f = out.filing;
      filings.push(f);
      for (const finding of f.findings) all.push({ file: rel, finding, filing: f });
    } catch (e) {
      crashed++;
      console.error(`CRASH ${rel}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  const byFile = new Map(filings.map((f) => [f.file, f]));
  for (const c of reconcileFilings(filings)) all.push({ file: c.file, finding: c.finding, filing: byFile.get(c.file) });

  const perRule = new Map<string, { n: number; files: Set<string>; sev: Map<string, number> }>();
  for (const { file, finding } of all) {
    const e = perRule.get(finding.rule) ?? { n: 0, files: new Set<string>(), sev: new Map<string, number>() };
    e.n++;
    e.files.add(file);
    e.sev.set(finding.severity, (e.sev.get(finding.severity) ?? 0) + 1);
    perRule.set(finding.rule, e);
  }
  console.log(
    `Corpus report: ${files.length} files, ${filings.length} filings read, ${unreadable} not filings, ${crashed} crashes, ${Date.now() - started} ms`,
  );
  console.log('');
  console.log(`${'rule'.padEnd(40)} ${'findings'.padStart(8)} ${'files'.padStart(6)}  severities`);
  const ids = [...new Set([...RULES.map((r) => r.id), ...perRule.keys()])];
  for (const id of ids) {
    const e = perRule.get(id);
    if (!e) continue;
    const sev = [...e.sev.entries()].map(([s, n]) => `${s} ${n}`).join(', ');
    console.log(`${id.padEnd(40)} ${String(e.n).padStart(8)} ${String(e.files.size).padStart(6)}  ${sev}`);
  }
  const silent = RULES.filter((r) => !perRule.has(r.id)).map((r) => r.id);
  console.log(`\nRules with no finding: ${silent.join(', ')}`);
  if (args.show.size) {
    console.log('');
    for (const { file, finding, filing } of all) {
      if (!args.show.has('all') && !args.show.has(finding.rule)) continue;
      console.log(`${file}:${where(finding, filing)} ${finding.severity} [${finding.rule}] ${finding.message}`);
    }
  }
  if (args.json)
    fs.writeFileSync(
      args.json,
      JSON.stringify(
        all.map(({ file, finding }) => ({
          file,
          rule: finding.rule,
          severity: finding.severity,
          message: finding.message,
        })),
        null,
        1,
      ),
    );
  if (crashed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
