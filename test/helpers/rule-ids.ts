/**
 * Finding ids that are not in the rule catalogue, over a set of files (unit: the hand-made fixtures and examples;
 * corpus: every corpus file): every finding a parser, a rule or the cross-filing reconciliation emits must have an id
 * in RULES, so that severities can be set for it, the README documents it and diagnostics link to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectBytes } from '../../src/core/inspect';
import { parsePdf } from '../../src/core/pdf';
import { RULES } from '../../src/core/rules';
import { reconcileFilings } from '../../src/core/reconcile';
import type { Filing } from '../../src/core/model';

/** Files under `dir` that may be filings (not JSON, Markdown, code or images), recursively. */
export function filingFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filingFiles(p) : e.isFile() && !/\.(json|md|ts|mjs|cjs|js|png)$/i.test(e.name) ? [p] : [];
  });
}

/** Each unknown rule id with one file that gave it. */
export async function unknownRuleIds(files: string[]): Promise<[string, string][]> {
  const known = new Set(RULES.map((r) => r.id));
  const unknown = new Map<string, string>();
  const filings: Filing[] = [];
  for (const f of files) {
    const out = await inspectBytes(fs.readFileSync(f), f, { readPdf: parsePdf });
    const findings = out.ok ? out.filing.findings : out.findings;
    for (const x of findings) if (!known.has(x.rule)) unknown.set(x.rule, f);
    if (out.ok && out.filing.source !== 'pdf') filings.push(out.filing);
  }
  for (const c of reconcileFilings(filings)) if (!known.has(c.finding.rule)) unknown.set(c.finding.rule, c.file);
  return [...unknown.entries()];
}
