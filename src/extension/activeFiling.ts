/**
 * The filing the tree view shows: the active text editor's document when it is a filing, or the document of the
 * active preview. Sets the context keys `form4Inspector.isFiling` (active text editor holds a filing, for the
 * editor-title button) and `form4Inspector.hasFiling` (some filing is active, for commands).
 */
import * as vscode from 'vscode';
import { Disposable, timeout } from './dispose';
import type { FilingService } from './filingService';

export class ActiveFiling extends Disposable {
  private current: vscode.Uri | undefined;
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri | undefined>());
  readonly onDidChange = this.emitter.event;
  private isFilingKey: boolean | undefined;
  private hasFilingKey: boolean | undefined;

  constructor(private readonly service: FilingService) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((e) => this.fromEditor(e)));
    this.register(
      service.onDidChange((uri) => {
        const active = vscode.window.activeTextEditor;
        if (active && active.document.uri.toString() === uri.toString()) this.fromEditor(active);
        else if (this.current && this.current.toString() === uri.toString()) this.emitter.fire(this.current);
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        // The document is gone unless a preview still shows it (the preview re-announces itself when focused).
        if (this.current && d.uri.toString() === this.current.toString() && !this.service.outcomeFor(d.uri))
          this.set(undefined);
      }),
    );
    // The editor that is active at activation: read right after activation returns, not inside it.
    this.register(timeout(() => this.fromEditor(vscode.window.activeTextEditor), 0));
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
}
