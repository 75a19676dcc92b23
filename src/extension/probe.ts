/**
 * The one hook for measuring the extension (`npm run bench`, through test/integration/perf.test.ts). The product
 * reads no clock: it tells an installed probe what just happened and the probe reads its own clocks. With no probe
 * every mark is a no-op and the webviews are not asked for their timings.
 *
 * The probe sits in a global slot rather than arriving through activate() or the API: the bench needs the moment
 * this bundle starts loading, before any of its code could be handed anything. This module is the bundle's first
 * (extension.ts imports it first), so its mark below is that moment.
 */
import type { RenderTiming } from '../shared/previewProtocol';

export const PROBE_SLOT: unique symbol = Symbol.for('form4Inspector.probe');

export type ProbeEvent =
  /** The bundle began, and finished, evaluating its modules. */
  | { name: 'bundle-start' }
  | { name: 'bundle-end' }
  | { name: 'activate-start' }
  | { name: 'activate-end' }
  /** `preview` numbers the panels of this session. 'preview-start': its editor is being resolved. */
  | { name: 'preview-start'; preview: number; uri: string }
  /** The page, with the first model in it, was made. */
  | { name: 'preview-page'; preview: number; uri: string }
  /** A page's script runs (again when VS Code makes the page of a hidden preview anew). */
  | { name: 'preview-ready'; preview: number; uri: string }
  /** The page drew a version (its own timing in `timing`). */
  | { name: 'preview-rendered'; preview: number; uri: string; version: number; timing: RenderTiming | null }
  | { name: 'timeline-start'; folder: string }
  /** The folder's files were read. */
  | { name: 'timeline-read'; folder: string; files: number; filings: number }
  /** The series were built (and posted to the webview). */
  | { name: 'timeline-built'; folder: string }
  /** The webview drew the first pair; `renderMs` by its own clock. */
  | { name: 'timeline-rendered'; folder: string; renderMs: number | null }
  | { name: 'scan-start' }
  | { name: 'scan-end'; files: number; filings: number };

export interface Probe {
  mark(event: ProbeEvent): void;
}

/** The installed probe, if any. */
export function probe(): Probe | undefined {
  return (globalThis as { [PROBE_SLOT]?: Probe })[PROBE_SLOT];
}

probe()?.mark({ name: 'bundle-start' });
