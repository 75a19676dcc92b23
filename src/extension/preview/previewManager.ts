/**
 * Every open preview, by file: posts a new model when a file's filing changes, scrolls the previews of a file to
 * what the tree or the text editor's caret points at, and tells when a preview has drawn (tests wait on it).
 */
import * as vscode from 'vscode';
import type { ActiveFiling } from '../activeFiling';
import { Disposable } from '../dispose';
import type { FilingService } from '../filingService';
import { pathAt } from '../viewModel';
import { Preview, type PreviewContent } from './preview';

export interface PreviewDeps {
  extensionUri: vscode.Uri;
  service: FilingService;
  active: ActiveFiling;
  log: vscode.LogOutputChannel;
  /** Show a span of a file's text in a text editor (Reveal in Source). */
  reveal: (uri: vscode.Uri, span: { start: number; end: number } | null) => Promise<void>;
}

/** How long the caret rests before the previews follow it. */
const CARET_DELAY_MS = 150;

export class PreviewManager extends Disposable {
  private readonly previews = new Set<Preview>();
  private readonly renderedEmitter = this.register(new vscode.EventEmitter<{ uri: vscode.Uri; version: number }>());
  /** Fires when a preview finished rendering a version. */
  readonly onDidRender = this.renderedEmitter.event;
  private caretTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly deps: PreviewDeps) {
    super();
    this.register(
      deps.service.onDidChange((uri) => {
        for (const p of this.of(uri)) p.update();
      }),
    );
    this.register(vscode.window.onDidChangeTextEditorSelection((e) => this.followCaret(e)));
    this.register({
      dispose: () => {
        if (this.caretTimer) clearTimeout(this.caretTimer);
        for (const p of this.previews) p.dispose();
        this.previews.clear();
      },
    });
  }

  private of(uri: vscode.Uri): Preview[] {
    const key = uri.toString();
    return [...this.previews].filter((p) => p.uri.toString() === key);
  }

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
      if (path) for (const p of this.of(uri)) p.focus(path, true);
    }, CARET_DELAY_MS);
  }

  /** Show `content` of a file in a panel VS Code made for it. */
  add(uri: vscode.Uri, panel: vscode.WebviewPanel, content: PreviewContent): Preview {
    const { deps } = this;
    const p = new Preview(
      uri,
      panel,
      {
        extensionUri: deps.extensionUri,
        log: deps.log,
        activated: (u) => deps.active.set(u),
        reveal: deps.reveal,
        rendered: (u, version) => this.renderedEmitter.fire({ uri: u, version }),
        closed: (closed) => this.closed(closed),
      },
      content,
    );
    this.previews.add(p);
    return p;
  }

  private closed(p: Preview): void {
    this.previews.delete(p);
    p.dispose();
    if (this.has(p.uri)) return;
    const { service, active } = this.deps;
    service.release(p.uri);
    if (active.uri?.toString() === p.uri.toString() && !service.outcomeFor(p.uri)) active.set(undefined);
  }

  /** Whether some preview shows this file. */
  has(uri: vscode.Uri): boolean {
    return this.of(uri).length > 0;
  }

  /** Scroll the previews of a file to a value or row (no focus change). */
  focus(uri: vscode.Uri, path: string): void {
    for (const p of this.of(uri)) p.focus(path);
  }
}
