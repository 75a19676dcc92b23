/**
 * V8 settings for `form4 check` when its worker threads read the files: set by the CLI's own process before the
 * workers start (V8 flags are per process, and a Worker cannot be given its own), never in the extension host,
 * which VS Code shares with other extensions.
 *
 * With one worker per core, V8's helper threads compete with the workers for the same cores. Measured on the Scale
 * bench's 10,000 files (BENCHMARKS.md, Scale), two changes of V8's defaults take that away:
 * - `--no-parallel-scavenge`: each young-generation collection of a worker ran on helper threads that took the
 *   other worker's core; a worker now collects its own garbage.
 * - `--interrupt-budget=1000000` (V8's default is 67,584): a function is optimized after about fifteen times more
 *   work in the interpreter, so only the truly hot ones are compiled by TurboFan. Each worker compiled the checks'
 *   code on its own, about 2.3 s of CPU for 5,000 filings, on the cores the workers need.
 * Together the check's CPU time fell by about 14%, and its wall time with it.
 */
import * as v8 from 'node:v8';

export const CHECK_V8_FLAGS: readonly string[] = ['--no-parallel-scavenge', '--interrupt-budget=1000000'];

/** Applies `CHECK_V8_FLAGS` (unless FORM4_V8_DEFAULTS is set, to measure against V8's own settings). */
export function tuneEngineForCheck(): void {
  if (process.env.FORM4_V8_DEFAULTS) return;
  for (const flag of CHECK_V8_FLAGS) v8.setFlagsFromString(flag);
}
