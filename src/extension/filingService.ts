/**
 * The extension's one reading path. `read(uri)` turns a file into a filing for every feature that starts from a URI
 * (the preview, the workspace scan, the timeline, the commands): the open text document when there is one (what
 * the user sees, edits included), else a PDF a preview holds, else the file's bytes (size checked before they are
 * read). `inspect(doc)` is the same read for an open document, computed at most once per version, for the features
 * that start from a document (diagnostics, tree, hovers).
 *
 * Every input is read in the reading worker (../core/worker/client.ts), never on the extension host's thread, and
 * one that takes longer than the time limit is stopped there: a hostile file costs the user one message and a
 * diagnostic, never a frozen editor. `inspect(doc)` answers at once with what is known (the reading of this version,
 * or of the last one while this one is read) and tells listeners when the new reading is in.
 *
 * It also tells listeners (debounced after edits) when the filing of a URI may have changed.
 */
import * as vscode from 'vscode';
import type { Filing, ParseOutcome } from '../core/model';
import { sizeLimitReason } from '../core/input';
import type { WorkerInspectOptions } from '../core/worker/protocol';
import { Disposable } from './dispose';
import { notFiling, toReading, type InputReader, type Reading } from './reading';

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

/** A line count far beyond any filing means a log or a data dump: such a document is not even read (getText). */
const MAX_DOCUMENT_LINES = 2_000_000;

export const EDIT_DEBOUNCE_MS = 300;

/** The reading of one version of an open document: done, or under way with the last version's meanwhile. */
interface DocReading {
  version: number;
  reading: Reading | undefined;
  done: Promise<Reading>;
  previous: Reading | undefined;
}

export class FilingService extends Disposable {
  private readonly docs = new Map<string, DocReading>();
  /** Readings of byte inputs (PDFs) that a preview shows, so the tree, diagnostics and commands see them too. */
  private readonly held = new Map<string, Reading>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files already reported as stopped by the time limit (one message per file). */
  private readonly reportedSlow = new Set<string>();
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires (debounced after edits) when the filing of a URI may have changed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    /** The settings as the core's options (severities), read at each read so a change applies to the next one. */
    private readonly options: () => WorkerInspectOptions,
    /** Where inputs are read: the reading worker. */
    private readonly reader: InputReader,
  ) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.isCandidate(e.document)) return;
        this.schedule(e.document.uri);
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.docs.delete(key);
        const t = this.timers.get(key);
        if (t) clearTimeout(t);
        this.timers.delete(key);
      }),
    );
    this.register({
      dispose: () => {
        for (const t of this.timers.values()) clearTimeout(t);
        this.timers.clear();
      },
    });
  }

  /** Whether a document may be checked at all (scheme and size). */
  isCandidate(doc: vscode.TextDocument): boolean {
    return !IGNORED_SCHEMES.has(doc.uri.scheme) && doc.lineCount < MAX_DOCUMENT_LINES;
  }

  /**
   * The document read as a filing: the reading of its current version when it is in, else the last version's while
   * this one is read (undefined before the first); listeners hear when the reading of this version is in.
   * undefined for documents never checked.
   */
  inspect(doc: vscode.TextDocument): Reading | undefined {
    if (!this.isCandidate(doc)) return undefined;
    const r = this.docReading(doc);
    return r.reading ?? r.previous;
  }

  /** The reading of the document's current version, once it is in; undefined for documents never checked. */
  async whenRead(doc: vscode.TextDocument): Promise<Reading | undefined> {
    return this.isCandidate(doc) ? this.docReading(doc).done : undefined;
  }

  private docReading(doc: vscode.TextDocument): DocReading {
    const key = doc.uri.toString();
    const known = this.docs.get(key);
    if (known && known.version === doc.version) return known;
    const text = doc.getText();
    const done = this.reader.inspectText(text, key, this.options()).then(
      (r) => toReading(r, text),
      (e: unknown) => notFiling(`the document could not be read: ${e instanceof Error ? e.message : String(e)}`),
    );
    const entry: DocReading = {
      version: doc.version,
      reading: undefined,
      done,
      previous: known?.reading ?? known?.previous,
    };
    this.docs.set(key, entry);
    void done.then((reading) => {
      // Unless the document changed again or closed meanwhile: then a newer reading (or none) stands.
      if (this.docs.get(key) !== entry) return;
      entry.reading = reading;
      entry.previous = undefined;
      this.reportIfStopped(doc.uri, reading);
      this.emitter.fire(doc.uri);
    });
    return entry;
  }

  /** One message per file that the reader had to stop (its diagnostic says the same, at the start of the file). */
  private reportIfStopped(uri: vscode.Uri, reading: Reading): void {
    const o = reading.outcome;
    if (o.ok || !/took longer than .*; stopped$/.test(o.reason)) return;
    const key = uri.toString();
    if (this.reportedSlow.has(key)) return;
    this.reportedSlow.add(key);
    void vscode.window.showWarningMessage(
      `Form 4: ${vscode.workspace.asRelativePath(uri)} was not checked: ${o.reason}.`,
    );
  }

  /** Whether the document is an ownership filing (by its content). */
  isFiling(doc: vscode.TextDocument): boolean {
    return this.inspect(doc)?.isFiling === true;
  }

  /** The open text document for a URI, if any. */
  document(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /**
   * The file read as a filing: its open document, else the reading a preview holds, else its bytes. Throws when the
   * file cannot be read (gone, no permission) and a CancellationError when `token` is cancelled.
   */
  async read(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<Reading> {
    const doc = this.document(uri);
    if (doc) return (await this.whenRead(doc)) ?? notFiling('this document is not checked (too large or not a file)');
    return this.held.get(uri.toString()) ?? this.readFile(uri, token);
  }

  /**
   * Read files one after another, yielding each reading (or why the file could not be read) as it comes, and letting
   * the extension host handle other work every few files. Stops when `token` is cancelled.
   */
  async *readEach(
    uris: readonly vscode.Uri[],
    token?: vscode.CancellationToken,
  ): AsyncGenerator<{ uri: vscode.Uri; index: number } & ({ reading: Reading } | { error: unknown })> {
    for (const [index, uri] of uris.entries()) {
      if (token?.isCancellationRequested) return;
      let result: { reading: Reading } | { error: unknown };
      try {
        result = { reading: await this.read(uri, token) };
      } catch (error) {
        if (error instanceof vscode.CancellationError) return;
        result = { error };
      }
      yield { uri, index, ...result };
      if (index % 25 === 24) await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** The file's bytes as a filing; its size is checked before they are loaded. */
  private async readFile(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<Reading> {
    const tooLarge = sizeLimitReason((await vscode.workspace.fs.stat(uri)).size);
    if (tooLarge) return notFiling(tooLarge);
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    // A file that grew past the limit between the look at its size and the read is not read either.
    const grown = sizeLimitReason(bytes.length);
    if (grown) return notFiling(grown);
    const reading = toReading(await this.reader.inspectBytes(bytes, uri.toString(), this.options()), '');
    this.reportIfStopped(uri, reading);
    return reading;
  }

  /** The filing at `uri` for a command, or undefined after telling the user why it is not read as one. */
  async readFilingOrSay(uri: vscode.Uri): Promise<Filing | undefined> {
    const { outcome } = await this.read(uri);
    if (outcome.ok) return outcome.filing;
    void vscode.window.showErrorMessage(
      `Form 4: ${vscode.workspace.asRelativePath(uri)} is not read as a filing: ${outcome.reason}`,
    );
    return undefined;
  }

  /** The outcome of a filing open or previewed: undefined when the URI holds none. */
  outcomeFor(uri: vscode.Uri): ParseOutcome | undefined {
    const doc = this.document(uri);
    if (doc) {
      const r = this.inspect(doc);
      if (r?.isFiling) return r.outcome;
    }
    return this.held.get(uri.toString())?.outcome;
  }

  filingFor(uri: vscode.Uri): Filing | undefined {
    const o = this.outcomeFor(uri);
    return o && o.ok ? o.filing : undefined;
  }

  /** Keep the reading of a byte input (a PDF) while a preview shows it. */
  hold(uri: vscode.Uri, reading: Reading): void {
    this.held.set(uri.toString(), reading);
    this.emitter.fire(uri);
  }

  release(uri: vscode.Uri): void {
    if (this.held.delete(uri.toString())) this.emitter.fire(uri);
  }

  /** The settings changed: read every open filing again (held PDFs too), and tell listeners. */
  invalidateAll(): void {
    const uris = [...this.docs.keys()];
    this.docs.clear();
    for (const k of uris) this.emitter.fire(vscode.Uri.parse(k));
    for (const [key, before] of this.held) {
      const uri = vscode.Uri.parse(key);
      this.readFile(uri).then(
        (after) => {
          // Unless the preview closed (released it) or opened it again meanwhile.
          if (this.held.get(key) === before) this.hold(uri, after);
        },
        () => undefined,
      );
    }
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
}
