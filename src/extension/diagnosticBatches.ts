/**
 * Diagnostics of many files handed to VS Code in few calls. Each `DiagnosticCollection.set(uri, …)` is a message to
 * the window and an onDidChangeDiagnostics event; thousands of files set one by one kept the window and the
 * extension host busy (a hover waited behind them). One `set(entries)` per batch is one message, but VS Code sends
 * at most 1.1 times its per-file limit of 1,000 diagnostics in one call and drops the rest of the call's files from
 * the window without a word (ExtHostDiagnostics' maxDiagnosticsTotal): so a call carries at most 1,000, a file
 * with more (VS Code keeps 1,000 of them and a note) goes alone. Pure (no `vscode` at run time), tested in Node.
 */

/** Diagnostics one `set(entries)` call may carry (VS Code's per-file limit; its per-call limit is 1.1 times it). */
export const DIAGNOSTICS_PER_CALL = 1000;

/** `entries` split into consecutive runs whose diagnostics add up to at most `limit` (a larger entry alone). */
export function diagnosticBatches<E>(
  entries: readonly E[],
  count: (e: E) => number,
  limit = DIAGNOSTICS_PER_CALL,
): E[][] {
  const out: E[][] = [];
  let run: E[] = [];
  let total = 0;
  for (const e of entries) {
    const n = count(e);
    if (run.length && total + n > limit) {
      out.push(run);
      run = [];
      total = 0;
    }
    run.push(e);
    total += n;
  }
  if (run.length) out.push(run);
  return out;
}
