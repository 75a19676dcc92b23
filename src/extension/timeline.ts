/**
 * "Form 4: Show Holdings Timeline": a webview panel charting, per reporting owner and issuer, the amount owned of
 * each security and ownership form over the filings of a folder (src/core/timeline.ts), with every transaction a
 * point and the running-tally breaks (within and across filings) marked. Clicking a point opens that filing at that
 * row (the text at the row's span; an open preview of the file scrolls to it; a PDF opens in its preview).
 *
 * The command takes an optional folder URI (Explorer context menu, tests); without one it uses the only workspace
 * folder, asks which one when there are several, and offers a folder dialog when none is open. Files are chosen by
 * `form4Inspector.scan.include` / `exclude` inside the folder; open documents are read from the editor.
 *
 * Webview security as in the preview: strict CSP (default-src 'none'; the page's one script and stylesheet admitted by
 * a nonce, no 'unsafe-inline': the chart is SVG with class-based styling and the tooltip is placed through the
 * CSSOM), local resources limited to `dist` and `media`, no command URIs; the webview receives plain data only.
 */
import * as vscode from 'vscode';
import { webviewHtml, webviewOptions } from './webviewHtml';
import { TimelineBuilder, type TimelineData } from '../core/timeline';
import { firstGroup, groupDetail, groupSummary } from '../core/timeline-views';
import type { TimelineHostMessage, TimelineWebviewMessage } from '../shared/timelineProtocol';
import { Disposable, disposeAll } from './dispose';
import type { FilingService } from './filingService';
import { inspectOptions, scanSettings } from './config';
import { filesUnder } from './listFiles';
import { probe } from './probe';
import { PDF_VIEW_TYPE } from './preview/editorProviders';

export const TIMELINE_VIEW_TYPE = 'form4Inspector.timeline';
export const SHOW_TIMELINE_COMMAND = 'form4Inspector.showTimeline';

export interface TimelineDeps {
  extensionUri: vscode.Uri;
  service: FilingService;
  log: vscode.LogOutputChannel;
}

/** What the command resolves to (tests and scripts use it): what was read and what the panel's first render shows. */
export interface TimelineResult {
  folder: string;
  files: number;
  filings: number;
  counts: TimelineData['counts'];
  groups: number;
  /** The selected group's points and breaks; null when the webview did not report its first render. */
  shown: { group: string | null; points: number; breaks: number } | null;
}

/** How long the command waits for the webview to report its first render. */
const FIRST_RENDER_WAIT_MS = 15_000;

/** "examples" for a workspace folder itself, "examples/2024" inside one, else the path. */
function folderName(folder: vscode.Uri): string {
  const wf = vscode.workspace.getWorkspaceFolder(folder);
  if (wf && wf.uri.toString() === folder.toString()) return wf.name;
  return vscode.workspace.asRelativePath(folder, true) || folder.path;
}

export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, {
    script: 'timeline.js',
    style: 'timeline.css',
    title: 'Holdings Timeline',
    body: '<main id="root" aria-live="polite"><p class="muted">Reading the filings\u2026</p></main>\n<div id="tip" role="tooltip" hidden></div>',
  });
}

async function pickFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (Array.isArray(arg) && arg[0] instanceof vscode.Uri) return arg[0];
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1)
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder of filings to chart' }))?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Show Timeline',
  });
  return picked?.[0];
}

/**
 * The filings among the files, through the extension's one reading path, each reduced to its timeline entry as it is
 * read (the filings themselves are not kept: a large folder charts in bounded memory); the files that are not
 * filings are listed as skipped, with the reason. Returns the number of filings read.
 */
async function readFiles(
  deps: TimelineDeps,
  uris: vscode.Uri[],
  builder: TimelineBuilder,
  token: vscode.CancellationToken | undefined,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
): Promise<number> {
  let read = 0;
  const step = uris.length ? 100 / uris.length : 100;
  for await (const item of deps.service.readEach(uris, token)) {
    const i = item.index;
    if (i % 20 === 0) progress.report({ message: `${i + 1}/${uris.length}`, increment: step * 20 });
    if ('error' in item) {
      const e = item.error;
      const message = e instanceof Error ? e.message : String(e);
      deps.log.warn(`timeline: ${item.uri.toString()}: ${message}`);
      builder.skip(item.uri.toString(), `could not be read: ${message}`);
    } else if (item.reading.outcome.ok) {
      builder.add(item.reading.outcome.filing);
      read++;
    } else builder.skip(item.uri.toString(), item.reading.outcome.reason);
  }
  return read;
}

type Shown = { points: number; breaks: number; group: string | null; renderMs: number | null };

/** One timeline panel per folder; showing the same folder again re-reads it into the same panel. */
class TimelinePanel extends Disposable {
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private version = 0;
  /** The pair the webview showed before it was reloaded. */
  private remembered: string | null = null;
  private data: TimelineData | null = null;
  private readonly waiting = new Map<number, (m: Shown) => void>();

  constructor(
    readonly folder: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly deps: TimelineDeps,
    onDispose: () => void,
  ) {
    super();
    this.ready = new Promise((r) => (this.markReady = r));
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
    this.register(panel.webview.onDidReceiveMessage((m: TimelineWebviewMessage) => void this.onMessage(m)));
    this.register(
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
    panel.webview.html = timelineHtml(panel.webview, deps.extensionUri);
  }

  private post(m: TimelineHostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  /** Read the folder, build the series, post them; resolves after the webview drew them (or FIRST_RENDER_WAIT_MS). */
  async load(): Promise<TimelineResult | undefined> {
    const deps = this.deps;
    const name = folderName(this.folder);
    const folder = this.folder.toString();
    await this.ready;
    this.post({ type: 'loading', message: `Reading the filings in ${name}\u2026` });
    probe()?.mark({ name: 'timeline-start', folder });
    const uris = await filesUnder(this.folder, scanSettings());
    // A cancellable notification for large folders; the status bar for small ones (over in a moment).
    const large = uris.length > 100;
    const builder = new TimelineBuilder({ rules: inspectOptions() });
    const filings = await vscode.window.withProgress(
      {
        location: large ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: `Form 4: reading ${name} for the timeline`,
        cancellable: large,
      },
      (progress, token) => readFiles(deps, uris, builder, large ? token : undefined, progress),
    );
    probe()?.mark({ name: 'timeline-read', folder, files: uris.length, filings });
    let data: TimelineData;
    try {
      data = builder.finish();
    } catch (e) {
      this.post({
        type: 'error',
        message: `The timeline could not be built: ${e instanceof Error ? e.message : String(e)}`,
      });
      return undefined;
    }
    this.data = data;
    const version = ++this.version;
    const painted = new Promise<Shown | null>((resolve) => {
      const wait = setTimeout(() => {
        this.waiting.delete(version);
        resolve(null);
      }, FIRST_RENDER_WAIT_MS);
      this.waiting.set(version, (m) => {
        clearTimeout(wait);
        resolve(m);
      });
    });
    const first = firstGroup(data, this.remembered);
    this.post({
      type: 'data',
      version,
      title: name,
      groups: data.groups.map(groupSummary),
      counts: data.counts,
      filings: data.filings.length,
      skipped: data.skipped,
      initial: first ? groupDetail(data, first) : null,
      ...(probe() ? { measure: true } : {}),
    });
    probe()?.mark({ name: 'timeline-built', folder });
    const shown = await painted;
    if (shown) probe()?.mark({ name: 'timeline-rendered', folder, renderMs: shown.renderMs });
    this.panel.title = `Timeline: ${name}`;
    deps.log.info(
      `timeline ${name}: ${uris.length} files, ${filings} filings; ${data.counts.series} series, ${data.counts.points} points, ${data.counts.breaks} breaks${shown ? '' : '; the webview did not report its first render'}`,
    );
    return {
      folder,
      files: uris.length,
      filings,
      counts: data.counts,
      groups: data.groups.length,
      shown: shown ? { group: shown.group, points: shown.points, breaks: shown.breaks } : null,
    };
  }

  private async onMessage(m: TimelineWebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.remembered = m.group;
        this.markReady();
        break;
      case 'group': {
        const g = this.data?.groups.find((x) => x.key === m.key);
        if (g && this.data) this.post({ type: 'group', version: this.version, detail: groupDetail(this.data, g) });
        break;
      }
      case 'rendered': {
        const w = this.waiting.get(m.version);
        this.waiting.delete(m.version);
        w?.({ points: m.points, breaks: m.breaks, group: m.group, renderMs: m.renderMs ?? null });
        break;
      }
      case 'open': {
        const file = this.data?.filings[m.filing]?.file;
        if (!file) return;
        const uri = vscode.Uri.parse(file);
        if (/\.pdf$/i.test(uri.path)) {
          await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE, {
            viewColumn: vscode.ViewColumn.Beside,
          });
          return;
        }
        await vscode.commands.executeCommand('form4Inspector.revealInSource', uri, m.span, m.path);
        break;
      }
      case 'error':
        this.deps.log.error(`timeline webview: ${m.message}`);
        break;
    }
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }
}

/** Registers the command; returns what to dispose (the command and the panels still open). */
export function registerTimeline(deps: TimelineDeps): vscode.Disposable[] {
  const panels = new Map<string, TimelinePanel>();
  return [
    vscode.commands.registerCommand(
      SHOW_TIMELINE_COMMAND,
      async (arg?: unknown): Promise<TimelineResult | undefined> => {
        const folder = await pickFolder(arg);
        if (!folder) return undefined;
        const key = folder.toString();
        let p = panels.get(key);
        if (p) p.reveal();
        else {
          const name = folderName(folder);
          const panel = vscode.window.createWebviewPanel(
            TIMELINE_VIEW_TYPE,
            `Timeline: ${name}`,
            vscode.ViewColumn.Active,
            { ...webviewOptions(deps.extensionUri), retainContextWhenHidden: true },
          );
          p = new TimelinePanel(folder, panel, deps, () => panels.delete(key));
          panels.set(key, p);
        }
        return p.load();
      },
    ),
    { dispose: () => disposeAll([...panels.values()].map((p) => p.panel)) },
  ];
}
