/**
 * One open preview: a webview panel showing one file. It makes the page with the current model in it, posts a new
 * model when the filing changes, and acts on the page's messages (Reveal in Source, errors for the log).
 *
 * Webview security: strict CSP (the page's one script and stylesheet, written in from dist/ and media/, admitted by a
 * nonce; see webviewHtml.ts), local resources limited to `dist` and `media`, no command URIs. The webview receives
 * plain data only; the first model is embedded in the page as an escaped JSON data block.
 */
import * as vscode from 'vscode';
import type { ParseOutcome } from '../../core/model';
import type { HostMessage, InitialDataId, InitialMessage, WebviewMessage } from '../../shared/previewProtocol';
import { Disposable } from '../dispose';
import { probe } from '../probe';
import { toViewFailure, toViewModel } from '../viewModel';
import { webviewHtml, webviewOptions } from '../webviewHtml';

/** What a preview shows now: the filing, or why the file is not shown as one. */
export type PreviewContent = () => ParseOutcome;

/** What a preview needs from the rest of the extension. */
export interface PreviewHost {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** The preview's panel became the active editor. */
  activated(uri: vscode.Uri): void;
  /** Show a span of the file's text in a text editor (Reveal in Source). */
  reveal(uri: vscode.Uri, span: { start: number; end: number } | null): Promise<void>;
  /** The page drew a version of the model. */
  rendered(uri: vscode.Uri, version: number): void;
  /** The user closed the panel. */
  closed(preview: Preview): void;
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

/** Numbers the previews of this session for the probe. */
let previewCount = 0;

export class Preview extends Disposable {
  private readonly id = ++previewCount;
  private version = 0;
  private ready = false;
  /** The filing changed after the page (with its embedded model) was made: the page's model is out of date. */
  private changedSinceHtml = false;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly host: PreviewHost,
    private readonly content: PreviewContent,
  ) {
    super();
    probe()?.mark({ name: 'preview-start', preview: this.id, uri: uri.toString() });
    panel.webview.options = webviewOptions(host.extensionUri);
    this.register(panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)));
    this.register(
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) host.activated(this.uri);
      }),
    );
    this.register(panel.onDidDispose(() => host.closed(this)));
    this.setPage();
    probe()?.mark({ name: 'preview-page', preview: this.id, uri: uri.toString() });
    if (panel.active) host.activated(uri);
  }

  /** The current model as a new version. */
  private message(): InitialMessage {
    const outcome = this.content();
    const version = ++this.version;
    // The page reports its own timing only while a probe measures.
    const measure = probe() ? { measure: true } : {};
    if (outcome.ok) return { type: 'update', version, model: toViewModel(outcome.filing), ...measure };
    return {
      type: 'failure',
      version,
      failure: toViewFailure(this.uri.toString(), outcome.reason, outcome.findings),
      ...measure,
    };
  }

  /**
   * A new page with the current model in it: the preview draws as soon as its script runs, without waiting for a
   * 'ready' -> 'update' round trip through VS Code.
   */
  private setPage(): void {
    this.ready = false;
    this.changedSinceHtml = false;
    this.panel.webview.html = previewHtml(this.panel.webview, this.host.extensionUri, this.message());
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
    switch (m.type) {
      case 'ready':
        probe()?.mark({ name: 'preview-ready', preview: this.id, uri: this.uri.toString() });
        this.ready = true;
        // The page drew the model embedded in it; post only when the filing changed after that HTML was made (while
        // the page loaded, or earlier, shown by messages that a page made again on restore has lost), or when the
        // page could not read its model.
        if (m.rendered === undefined || this.changedSinceHtml) this.update();
        break;
      case 'rendered':
        probe()?.mark({
          name: 'preview-rendered',
          preview: this.id,
          uri: this.uri.toString(),
          version: m.version,
          timing: m.timing ?? null,
        });
        this.host.rendered(this.uri, m.version);
        break;
      case 'reveal':
        void this.host.reveal(this.uri, m.span);
        break;
      case 'error':
        this.host.log.error(`preview: ${m.message}`);
        break;
    }
  }
}
