/**
 * Messages between the holdings-timeline panel (src/extension/timeline.ts) and its webview (this folder).
 * Shared by both sides through `import type` only; the data is the plain `TimelineData` of src/core/timeline.ts.
 */
import type { Span } from '../../core/model';
import type { TimelineData } from '../../core/timeline';

export type { TimelineData };

export type TimelineHostMessage =
  | { type: 'loading'; message: string }
  | {
      type: 'data';
      version: number;
      /** Folder (or workspace) shown, for the heading. */
      title: string;
      data: TimelineData;
      /** Milliseconds the host spent reading the files and building the series. */
      readMs: number;
      buildMs: number;
    }
  | { type: 'error'; message: string };

export type TimelineWebviewMessage =
  | { type: 'ready' }
  /** Open filing `filing` (index into data.filings) at a row. */
  | { type: 'open'; filing: number; path: string; span: Span | null }
  /** The webview drew a version: time spent drawing and what it shows. */
  | { type: 'rendered'; version: number; renderMs: number; points: number; breaks: number; group: string | null }
  | { type: 'error'; message: string };

/** What the webview keeps across reloads (the selected group). */
export interface TimelineWebviewState {
  group: string | null;
  filter: string;
}
