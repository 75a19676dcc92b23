/**
 * One input through the fuzzer's own check (run.ts): `inspectBytes`, the JSON model and the rendering,
 * with the invariants every input must meet. Regression tests use it so they check exactly what the fuzzer checks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCase, type CaseResult } from './run';

export const FUZZ_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'fuzz');

/** A fixture of test/fixtures/fuzz as latin1 text (one character per byte, so splicing keeps every byte). */
export function fuzzFixture(name: string): string {
  return fs.readFileSync(path.join(FUZZ_FIXTURES, name), 'latin1');
}

/** Run the fuzzer's check on `input`; `cpuBudgetMs` bounds its CPU time (the fuzz run uses CPU_BUDGET_MS). */
export async function throughCliPath(
  name: string,
  input: string | Uint8Array,
  cpuBudgetMs: number,
  mustNotContain?: string[],
): Promise<CaseResult> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  return runCase(
    0,
    { name, family: 'hostile', build: () => Buffer.from(bytes), ...(mustNotContain ? { mustNotContain } : {}) },
    bytes,
    cpuBudgetMs,
  );
}

/** Replace the text of the first `<name>` (or of its `<value>` child). */
export function withValue(doc: string, name: string, inner: string): string {
  const re = new RegExp(`(<${name}>\\s*(?:<value>)?)([^<]*)`);
  if (!re.test(doc)) throw new Error(`no <${name}> in the document`);
  return doc.replace(re, (_m, open: string) => open + inner);
}
