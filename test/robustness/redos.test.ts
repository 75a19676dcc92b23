/**
 * The inputs that made a reader's regular expression backtrack super-linearly: each, and the same ten times larger,
 * is read through the whole job (detection, reading, rules) within one second of CPU time, as the issue that found
 * them asks. Before the fix, the smallest took from 5 s to "never".
 */
import { strict as assert } from 'node:assert';
import { inspectBytes } from '../../src/core/inspect';
import { cpuMsSince } from '../helpers/cpu-time';
import { REDOS_INPUTS } from '../fuzz/redos';

const BUDGET_MS = 1000;

describe('inputs that made a pattern backtrack super-linearly', () => {
  for (const input of REDOS_INPUTS) {
    for (const scale of [1, 10]) {
      it(`${input.name} at ${scale}x: ${input.what}`, async () => {
        const bytes = Buffer.from(input.build(scale), 'latin1');
        const cpu0 = process.cpuUsage();
        const out = await inspectBytes(bytes, `${input.name}.txt`);
        const cpuMs = cpuMsSince(cpu0);
        assert.ok(cpuMs < BUDGET_MS, `${(bytes.length / 1024).toFixed(0)} KB took ${cpuMs.toFixed(0)} ms of CPU`);
        // Readable inputs stay readable: the submissions and the footnote still give their filing.
        if (!input.name.startsWith('html-')) assert.ok(out.ok, out.ok ? '' : out.reason);
      });
    }
  }
});
