/**
 * Imported first by extension.ts, so this runs before any other module of the bundle is evaluated:
 * the time the extension's code started loading (for the activation-time figure in the log).
 */
export const LOAD_START = performance.now();
