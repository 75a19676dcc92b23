/**
 * Time budgets for tests and the fuzzer, in CPU time of the process (user + system, every thread: a worker, the PDF
 * reader's worker, V8's collector threads), never in wall-clock time: CPU time does not grow when other work shares
 * the machine's cores, so a verdict on an idle machine and on a loaded CI runner is the same.
 */

/**
 * The CPU time one input may take through the CLI's path, in ms: five times the slowest input the fuzzer knows
 * (`html-rows-100k`, 0.9 s on an idle machine, 2 to 3 s while other jobs share this 2-core machine: CPU time does not
 * count the wait for a core, but on a shared or virtual machine a core also runs slower, and CPU time counts what the
 * collector threads do beside the main thread). Work that is linear in its input stays far below it; a quadratic
 * scan of the fuzzer's inputs takes minutes. How fast is fast enough is the bench's question (npm run bench), not a
 * test's.
 */
export const CPU_BUDGET_MS = 15_000;

/** CPU time (user + system, all threads) used by this process since `from`, in ms. */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** Runs `fn` and returns its result with the CPU time it took, in ms. */
export function cpuTimed<T>(fn: () => T): { value: T; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const value = fn();
  return { value, cpuMs: cpuMsSince(cpu0) };
}
