/**
 * One place that reads filings for every provider (preview, tree, diagnostics, hovers): parses a text document
 * at most once per version, tells listeners (debounced) when a document's filing changed, and holds the filings of
 * byte-only inputs (PDFs) opened in the PDF preview. It also tracks the "active filing" the tree view follows.
 */
import * as vscode from 'vscode';
import type { Filing } from '../core/model';
import type { ParseOutcome } from '../core/model';
import { detectKind, type Detection } from '../core/detect';
import { inspectText, MAX_INPUT_BYTES, type InspectOptions } from '../core/inspect';

export interface Inspected {
  version: number;
  detection: Detection;
  /** null when the text is not an ownership filing at all (then `detection.reason` says why). */
  outcome: ParseOutcome | null;
}

/** URI schemes whose documents are never filings to check (output panes, SCM inputs, diff bases...). */
const IGNORED_SCHEMES = new Set([
  'output',
  'vscode-scm',
  'git',
  'gitfs',
  'comment',
  'debug',
  'vscode-terminal',
  'vscode-notebook-cell',
  'vscode-interactive-input',
  'search-editor',
  'walkThroughSnippet',
  'vscode-settings',
]);

export const EDIT_DEBOUNCE_MS = 300;

export class FilingService implements vscode.Disposable {
  private readonly docs = new Map<string, Inspected>();
  private readonly external = new Map<string, ParseOutcome>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires (debounced after edits) when the filing of a URI may have changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly options: () => InspectOptions) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.isCandidate(e.document)) return;
        this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.docs.delete(key);
        const t = this.timers.get(key);
        if (t) clearTimeout(t);
        this.timers.delete(key);
      }),
    );
  }

  /** Whether a document may be checked at all (scheme and size). */
  isCandidate(doc: vscode.TextDocument): boolean {
    if (IGNORED_SCHEMES.has(doc.uri.scheme)) return false;
    // Cheap size guard before getText(): a line count far beyond any filing means a log or a data dump.
    return doc.lineCount < 2_000_000;
  }

  /** The document read as a filing, computed at most once per version. undefined for documents never checked. */
  inspect(doc: vscode.TextDocument): Inspected | undefined {
    if (!this.isCandidate(doc)) return undefined;
    const key = doc.uri.toString();
    const cached = this.docs.get(key);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    let result: Inspected;
    if (text.length > MAX_INPUT_BYTES) {
      result = {
        version: doc.version,
        detection: { kind: 'unknown', reason: 'the file is too large for a filing' },
        outcome: null,
      };
    } else {
      const detection = detectKind(text);
      const outcome = detection.kind === 'unknown' ? null : inspectText(text, key, this.options());
      result = { version: doc.version, detection, outcome };
    }
    this.docs.set(key, result);
    return result;
  }

  /** Whether the document is an ownership filing (by its content). */
  isFiling(doc: vscode.TextDocument): boolean {
    const i = this.inspect(doc);
    return !!i && i.detection.kind !== 'unknown';
  }

  /** The open text document for a URI, if any. */
  document(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** The outcome for a URI: its open text document, else a byte input (PDF) opened in the PDF preview. */
  outcomeFor(uri: vscode.Uri): ParseOutcome | undefined {
    const doc = this.document(uri);
    if (doc) {
      const i = this.inspect(doc);
      if (i?.outcome) return i.outcome;
    }
    return this.external.get(uri.toString());
  }

  filingFor(uri: vscode.Uri): Filing | undefined {
    const o = this.outcomeFor(uri);
    return o && o.ok ? o.filing : undefined;
  }

  /** Record the outcome of a byte input (PDF). */
  setExternal(uri: vscode.Uri, outcome: ParseOutcome): void {
    this.external.set(uri.toString(), outcome);
    this.emitter.fire(uri);
  }

  deleteExternal(uri: vscode.Uri): void {
    if (this.external.delete(uri.toString())) this.emitter.fire(uri);
  }

  /** Forget every parse (settings changed) and tell listeners about every open filing. */
  invalidateAll(): void {
    const uris = [...this.docs.keys()];
    this.docs.clear();
    for (const k of uris) this.emitter.fire(vscode.Uri.parse(k));
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.emitter.fire(uri);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The filing the tree view shows: the active text editor's document when it is a filing, or the document of the
 * active preview. Sets the context keys `form4Inspector.isFiling` (active text editor holds a filing, for the
 * editor-title button) and `form4Inspector.hasFiling` (some filing is active, for commands).
 */
export class ActiveFiling implements vscode.Disposable {
  private current: vscode.Uri | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.emitter.event;
  private isFilingKey: boolean | undefined;
  private hasFilingKey: boolean | undefined;

  constructor(private readonly service: FilingService) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((e) => this.fromEditor(e)),
      service.onDidChange((uri) => {
        const active = vscode.window.activeTextEditor;
        if (active && active.document.uri.toString() === uri.toString()) this.fromEditor(active);
        else if (this.current && this.current.toString() === uri.toString()) this.emitter.fire(this.current);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // The document is gone unless a preview still shows it (the preview re-announces itself when focused).
        if (this.current && d.uri.toString() === this.current.toString() && !this.service.outcomeFor(d.uri))
          this.set(undefined);
      }),
    );
    // The editor that is active at activation: read right after activation returns, not inside it.
    const initial = setTimeout(() => this.fromEditor(vscode.window.activeTextEditor), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  /** A preview became active (or the PDF preview closed: undefined). */
  set(uri: vscode.Uri | undefined): void {
    const changed = (uri?.toString() ?? '') !== (this.current?.toString() ?? '');
    this.current = uri;
    this.setKey('hasFiling', !!uri);
    if (changed) this.emitter.fire(uri);
  }

  private fromEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor) {
      this.setKey('isFiling', false);
      return; // focus went to a preview, a panel or nothing: keep the current filing
    }
    const doc = editor.document;
    if (!this.service.isCandidate(doc)) return; // e.g. the Output pane
    const filing = this.service.isFiling(doc);
    this.setKey('isFiling', filing);
    if (filing) {
      if (this.current?.toString() === doc.uri.toString()) this.emitter.fire(doc.uri);
      else this.set(doc.uri);
    } else this.set(undefined);
  }

  private setKey(name: 'isFiling' | 'hasFiling', value: boolean): void {
    const prev = name === 'isFiling' ? this.isFilingKey : this.hasFilingKey;
    if (prev === value) return;
    if (name === 'isFiling') this.isFilingKey = value;
    else this.hasFilingKey = value;
    void vscode.commands.executeCommand('setContext', `form4Inspector.${name}`, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
