/** Diagnostics of many files split into calls VS Code sends whole (src/extension/diagnosticBatches). */
import * as assert from 'node:assert/strict';
import { DIAGNOSTICS_PER_CALL, diagnosticBatches } from '../../src/extension/diagnosticBatches';

const sizes = (runs: number[][]) => runs.map((r) => r.reduce((a, b) => a + b, 0));

describe('Diagnostics handed to VS Code in batches', function () {
  it('keeps every entry, in order, with at most 1,000 diagnostics a call', function () {
    const entries = Array.from({ length: 2500 }, (_, i) => [0, 1, 3, 7][i % 4]);
    const runs = diagnosticBatches(entries, (n) => n);
    assert.deepEqual(runs.flat(), entries);
    assert.ok(runs.length > 1 && runs.length < 20, `${runs.length} calls for 2,500 files`);
    for (const s of sizes(runs)) assert.ok(s <= DIAGNOSTICS_PER_CALL, `a call of ${s} diagnostics`);
  });

  it('sends a file with more than the limit alone, and files without diagnostics (removals) with the next', function () {
    const runs = diagnosticBatches([5, 1200, 0, 0, 999, 2], (n) => n, 1000);
    assert.deepEqual(runs, [[5], [1200], [0, 0, 999], [2]]);
  });

  it('makes no call for no entries', function () {
    assert.deepEqual(
      diagnosticBatches([], () => 1),
      [],
    );
  });
});
