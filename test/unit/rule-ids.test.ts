/**
 * Every finding any parser or rule emits has an id in the rule catalogue, so that severities can be set for it,
 * the README documents it and diagnostics link to it. Runs every hand-made fixture (and the corpus when present).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectBytes } from '../../src/core/inspect';
import { parsePdf } from '../../src/core/pdf';
import { RULES } from '../../src/core/rules';
import { reconcileFilings } from '../../src/core/reconcile';
import type { Filing } from '../../src/core/model';
import { CORPUS_DIR, corpusAvailable } from '../corpus';

const known = new Set(RULES.map((r) => r.id));

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.isFile() && !/\.(json|md|ts|mjs|cjs|js|png)$/i.test(e.name) ? [p] : [];
  });
}

describe('rule ids', () => {
  it('are unique kebab-case', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('cover every finding on the fixtures, the examples and the corpus', async function () {
    this.timeout(240000);
    const root = path.resolve(__dirname, '..', '..');
    const files = [...walk(path.join(root, 'test', 'fixtures')), ...walk(path.join(root, 'examples'))];
    if (corpusAvailable())
      for (const d of ['xml', 'txt', 'doc', 'html', 'pdf', 'pdf-printed'])
        files.push(...walk(path.join(CORPUS_DIR, d)));
    const unknown = new Map<string, string>();
    const filings: Filing[] = [];
    for (const f of files) {
      const out = await inspectBytes(fs.readFileSync(f), f, { readPdf: parsePdf });
      const findings = out.ok ? out.filing.findings : out.findings;
      for (const x of findings) if (!known.has(x.rule)) unknown.set(x.rule, f);
      if (out.ok && out.filing.source !== 'pdf') filings.push(out.filing);
    }
    for (const c of reconcileFilings(filings)) if (!known.has(c.finding.rule)) unknown.set(c.finding.rule, c.file);
    assert.deepEqual([...unknown.entries()], [], 'finding ids missing from RULES');
  });
});
