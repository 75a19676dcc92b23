/**
 * Imported first by extension.ts, so this runs before any other module of the bundle is evaluated:
 * the time the extension's code started loading (for the activation-time figure in the log).
 */
export const LOAD_START = performance.now();
/** The extension host's CPU time at that moment (user + system): our own cost, whatever else the machine runs. */
export const LOAD_START_CPU = process.cpuUsage();

/** CPU milliseconds (user + system) of this process since `from`. */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}
