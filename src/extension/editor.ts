/**
 * The Form 4 preview: a custom text editor for ownership XML and submission text (follows edits live, never writes
 * to the document) and a read-only custom editor for PDFs (read once when opened; the PDF reader loads only then).
 *
 * Webview security: strict CSP (the page's one script and stylesheet, written in from dist/ and media/, admitted by a
 * nonce), local resources limited to `dist` and `media`, no command URIs. The webview receives plain data only; the
 * first model is embedded in the page as an escaped JSON data block.
 */
import * as vscode from 'vscode';
import { webviewHtml } from './webviewHtml';
import type { ParseOutcome } from '../core/model';
import { inspectBytes } from '../core/inspect';
import type { HostMessage, InitialDataId, InitialMessage, WebviewMessage } from '../webview/protocol';
import type { ActiveFiling, FilingService } from './filings';
import { pathAt, toViewFailure, toViewModel } from './viewModel';
import { inspectOptions } from './config';

export const PREVIEW_VIEW_TYPE = 'form4Inspector.preview';
export const PDF_VIEW_TYPE = 'form4Inspector.pdfPreview';

/** Time from resolving a preview to the webview's first 'rendered' message. */
export interface FirstPaint {
  uri: string;
  ms: number;
  /** When the webview's script said 'ready' (the webview's own start-up, which VS Code does). */
  readyMs: number;
  renderMs: number;
  /** Making the page: the first model (parse if not cached, view model) and the HTML with it. */
  htmlMs: number;
  /**
   * The webview's start-up, split (ms from resolving the editor, as the webview's clock tells it): its frame began
   * to load; the load could fetch (VS Code's service worker for the webview had started); its script began to run.
   */
  startup: { pageMs: number; fetchMs: number; scriptMs: number } | null;
}

export interface PreviewDeps {
  extensionUri: vscode.Uri;
  service: FilingService;
  active: ActiveFiling;
  log: vscode.LogOutputChannel;
  /** Reads PDFs off the extension host's thread (InspectOptions.readPdf). */
  readPdf: (bytes: Uint8Array, file: string) => Promise<ParseOutcome>;
  /** Show a span of a file's text in a text editor (Reveal in Source). */
  reveal: (uri: vscode.Uri, span: { start: number; end: number } | null) => Promise<void>;
}

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initial?: InitialMessage): string {
  const id: InitialDataId = 'form4-initial';
  return webviewHtml(webview, extensionUri, {
    script: 'webview.js',
    style: 'preview.css',
    title: 'Form 4 Preview',
    body: '<main id="root" aria-live="polite"><p class="muted">Reading the filing\u2026</p></main>',
    data: initial ? { id, value: initial } : undefined,
  });
}

/** One open preview (a webview panel showing one file). */
class Preview implements vscode.Disposable {
  private version = 0;
  private ready = false;
  /** The filing changed after the page (with its embedded model) was made: the page's model is out of date. */
  private changedSinceHtml = false;
  private started = performance.now();
  private readonly startedEpoch = performance.timeOrigin + this.started;
  private readyMs: number | undefined;
  private startup: FirstPaint['startup'] = null;
  private htmlMs = 0;
  private painted = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly manager: PreviewManager,
    private readonly outcome: () => { outcome: ParseOutcome | null; reason: string },
  ) {
    const deps = manager.deps;
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [
        vscode.Uri.joinPath(deps.extensionUri, 'dist'),
        vscode.Uri.joinPath(deps.extensionUri, 'media'),
      ],
    };
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) deps.active.set(this.uri);
      }),
    );
    this.setPage();
    this.htmlMs = performance.now() - this.started;
    if (panel.active) deps.active.set(uri);
  }

  /** The current model as a new version. */
  private message(): InitialMessage {
    const { outcome, reason } = this.outcome();
    const version = ++this.version;
    if (outcome && outcome.ok) return { type: 'update', version, model: toViewModel(outcome.filing) };
    return {
      type: 'failure',
      version,
      failure: toViewFailure(this.uri.toString(), outcome ? outcome.reason : reason, outcome ? outcome.findings : []),
    };
  }

  /**
   * A new page with the current model in it: the preview draws as soon as its script runs, without waiting for a
   * 'ready' -> 'update' round trip through VS Code.
   */
  private setPage(): void {
    this.ready = false;
    this.changedSinceHtml = false;
    this.panel.webview.html = previewHtml(this.panel.webview, this.manager.deps.extensionUri, this.message());
  }

  /** Post the current model (after the webview said 'ready'); a hidden preview gets it in a new page instead. */
  update(): void {
    // VS Code drops a hidden preview's page and makes it again from the HTML when the tab is shown: put the current
    // model in that HTML now, so the restored page never draws an old model first and needs no message after.
    if (!this.panel.visible) return this.setPage();
    this.changedSinceHtml = true;
    if (!this.ready) return;
    const msg: HostMessage = this.message();
    void this.panel.webview.postMessage(msg);
  }

  focus(path: string, soft = false): void {
    const msg: HostMessage = { type: 'focus', path, soft };
    void this.panel.webview.postMessage(msg);
  }

  private onMessage(m: WebviewMessage): void {
    const deps = this.manager.deps;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.readyMs ??= performance.now() - this.started;
        // The page drew the model embedded in it; post only when the filing changed after that HTML was made (while
        // the page loaded, or earlier, shown by messages that a page made again on restore has lost), or when the
        // page could not read its model.
        if (m.rendered === undefined || this.changedSinceHtml) this.update();
        if (m.startup && !this.startup) {
          const t0 = this.startedEpoch;
          const s = m.startup;
          this.startup = { pageMs: s.pageStart - t0, fetchMs: s.fetchStart - t0, scriptMs: s.scriptStart - t0 };
        }
        break;
      case 'rendered':
        if (!this.painted) {
          this.painted = true;
          const ms = performance.now() - this.started;
          this.manager.firstPaints.push({
            uri: this.uri.toString(),
            ms,
            readyMs: this.readyMs ?? ms,
            renderMs: m.renderMs,
            htmlMs: this.htmlMs,
            startup: this.startup,
          });
          deps.log.info(
            `preview first paint ${ms.toFixed(1)} ms (render ${m.renderMs.toFixed(1)} ms): ${this.uri.toString()}`,
          );
        }
        this.manager.renderedEmitter.fire({ uri: this.uri, version: m.version });
        break;
      case 'reveal':
        void deps.reveal(this.uri, m.span);
        break;
      case 'error':
        deps.log.error(`preview: ${m.message}`);
        break;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Every open preview, by file; posts updates when a file's filing changes; focus requests from the tree. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<Preview>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly firstPaints: FirstPaint[] = [];
  readonly renderedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; version: number }>();
  /** Fires when a preview finished rendering a version (tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(readonly deps: PreviewDeps) {
    this.disposables.push(
      this.renderedEmitter,
      deps.service.onDidChange((uri) => {
        for (const p of this.previews) if (p.uri.toString() === uri.toString()) p.update();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.followCaret(e)),
    );
  }

  private caretTimer: ReturnType<typeof setTimeout> | undefined;

  /** The preview follows the caret of a text editor on the same file (moves by mouse or keyboard, not edits or reveals). */
  private followCaret(e: vscode.TextEditorSelectionChangeEvent): void {
    if (
      e.kind !== vscode.TextEditorSelectionChangeKind.Mouse &&
      e.kind !== vscode.TextEditorSelectionChangeKind.Keyboard
    )
      return;
    const uri = e.textEditor.document.uri;
    if (!this.has(uri)) return;
    if (this.caretTimer) clearTimeout(this.caretTimer);
    this.caretTimer = setTimeout(() => {
      const doc = e.textEditor.document;
      const o = this.deps.service.inspect(doc)?.outcome;
      if (!o || !o.ok) return;
      const path = pathAt(o.filing, doc.offsetAt(e.textEditor.selection.active));
      if (path) for (const p of this.previews) if (p.uri.toString() === uri.toString()) p.focus(path, true);
    }, 150);
  }

  add(
    uri: vscode.Uri,
    panel: vscode.WebviewPanel,
    outcome: () => { outcome: ParseOutcome | null; reason: string },
  ): Preview {
    const p = new Preview(uri, panel, this, outcome);
    this.previews.add(p);
    panel.onDidDispose(() => {
      this.previews.delete(p);
      p.dispose();
      if (![...this.previews].some((q) => q.uri.toString() === uri.toString())) {
        this.deps.service.deleteExternal(uri);
        if (this.deps.active.uri?.toString() === uri.toString() && !this.deps.service.outcomeFor(uri))
          this.deps.active.set(undefined);
      }
    });
    return p;
  }

  /** Whether some preview shows this file. */
  has(uri: vscode.Uri): boolean {
    return [...this.previews].some((p) => p.uri.toString() === uri.toString());
  }

  /** Scroll the previews of a file to a value or row (no focus change). */
  focus(uri: vscode.Uri, path: string): void {
    for (const p of this.previews) if (p.uri.toString() === uri.toString()) p.focus(path);
  }

  /** The file of the active preview, if a preview is the active editor. */
  get activeUri(): vscode.Uri | undefined {
    for (const p of this.previews) if (p.panel.active) return p.uri;
    return undefined;
  }

  dispose(): void {
    if (this.caretTimer) clearTimeout(this.caretTimer);
    for (const p of this.previews) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Preview of ownership XML / submission text: follows the text document, never edits it. */
export class FilingPreviewProvider implements vscode.CustomTextEditorProvider {
  constructor(private readonly manager: PreviewManager) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const { service } = this.manager.deps;
    this.manager.add(document.uri, panel, () => {
      const i = service.inspect(document);
      if (!i) return { outcome: null, reason: 'This document cannot be previewed.' };
      return { outcome: i.outcome, reason: i.outcome ? '' : `Not an ownership filing: ${i.detection.reason}` };
    });
  }
}

interface PdfDocument extends vscode.CustomDocument {
  outcome: ParseOutcome;
}

/** Read-only preview of PDFs (EDGAR-rendered forms and scans). The PDF reader is loaded only when a PDF opens. */
export class PdfPreviewProvider implements vscode.CustomReadonlyEditorProvider<PdfDocument> {
  constructor(private readonly manager: PreviewManager) {}

  async openCustomDocument(
    uri: vscode.Uri,
    _context: vscode.CustomDocumentOpenContext,
    token: vscode.CancellationToken,
  ): Promise<PdfDocument> {
    let outcome: ParseOutcome;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      // inspectBytes loads the PDF reader (a dynamic import inside the core) only now, when a PDF is opened.
      outcome = await inspectBytes(bytes, uri.toString(), { ...inspectOptions(), readPdf: this.manager.deps.readPdf });
    } catch (e) {
      if (e instanceof vscode.CancellationError) throw e;
      outcome = {
        ok: false,
        reason: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`,
        findings: [],
      };
    }
    this.manager.deps.service.setExternal(uri, outcome);
    return { uri, outcome, dispose: () => undefined };
  }

  resolveCustomEditor(document: PdfDocument, panel: vscode.WebviewPanel): void {
    this.manager.deps.service.setExternal(document.uri, document.outcome);
    this.manager.add(document.uri, panel, () => ({
      outcome: this.manager.deps.service.outcomeFor(document.uri) ?? document.outcome,
      reason: '',
    }));
  }
}
