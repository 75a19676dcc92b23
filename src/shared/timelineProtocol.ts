/**
 * Messages between the holdings-timeline panel (src/extension/timeline.ts) and its webview (src/webview/timeline).
 * Shared by both sides through `import type` only; the data is the plain `TimelineData` of src/core/timeline.ts.
 */
import type { Span } from '../core/model';
import type { TimelineData, TimelineGroup } from '../core/timeline';
import type { TimelineGroupDetail, TimelineGroupSummary } from '../core/timeline-views';

export type { TimelineData, TimelineGroup, TimelineGroupDetail, TimelineGroupSummary };

/**
 * The host sends the list of pairs and the first pair's series at once, other pairs' series when asked: the first
 * render of a large folder does not wait for thousands of points to cross the message channel.
 */
export type TimelineHostMessage =
  | { type: 'loading'; message: string }
  | {
      type: 'data';
      version: number;
      /** Folder (or workspace) shown, for the heading. */
      title: string;
      groups: TimelineGroupSummary[];
      counts: TimelineData['counts'];
      filings: number;
      /** Files given but not drawn, each with the reason (not a filing, the same filing twice, amended...). */
      skipped: TimelineData['skipped'];
      /** The pair shown first (the webview's remembered one, else the first with a break, else the first). */
      initial: TimelineGroupDetail | null;
      /** Report the render time in the 'rendered' replies (asked only while the bench measures). */
      measure?: boolean;
    }
  | { type: 'group'; version: number; detail: TimelineGroupDetail }
  | { type: 'error'; message: string };

export type TimelineWebviewMessage =
  /** The webview is up; `group` is the pair it showed before a reload. */
  | { type: 'ready'; group: string | null }
  /** Send the series of a pair. */
  | { type: 'group'; key: string }
  /** Open filing `filing` (index into data.filings) at a row. */
  | { type: 'open'; filing: number; path: string; span: Span | null }
  /** The webview drew a pair: what it shows, and the time spent drawing when the data asked for it (`measure`). */
  | { type: 'rendered'; version: number; points: number; breaks: number; group: string | null; renderMs?: number }
  | { type: 'error'; message: string };

/** What the webview keeps across reloads (the selected group). */
export interface TimelineWebviewState {
  group: string | null;
  filter: string;
}
