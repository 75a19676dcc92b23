/**
 * Filings opened from EDGAR, as read-only documents under `form4-edgar://www.sec.gov/Archives/...` addresses (see
 * src/core/edgar/source.ts): the preview, the tree, the diagnostics and Reveal in Source read them like any other
 * document, through the extension's one reading path, and the address gives the reader the filing's EDGAR origin.
 * Their text is the document's bytes as the core decodes every input; nothing is written anywhere.
 */
import * as vscode from 'vscode';
import { decodeBytes } from '../core/decode';
import { EDGAR_SCHEME, edgarSourceFromId } from '../core/edgar';
import { Disposable } from './dispose';
import type { EdgarAccess } from './edgarAccess';

export class EdgarDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly bytes = new Map<string, Uint8Array>();

  constructor(private readonly access: EdgarAccess) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(EDGAR_SCHEME, this));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.bytes.delete(d.uri.toString())));
  }

  /** Keep the bytes of a document about to be opened (so opening it costs no second read). */
  remember(uri: vscode.Uri, bytes: Uint8Array): void {
    this.bytes.set(uri.toString(), bytes);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    let bytes = this.bytes.get(uri.toString());
    if (!bytes) {
      // Reopened later (a restored editor): read it again, from the cache when it is there.
      const source = edgarSourceFromId(uri.toString());
      if (!source) throw new Error(`${uri.toString()} is not an EDGAR document address`);
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      try {
        const r = await this.access.client().get(source.url, { kind: 'document', signal: ac.signal });
        bytes = r!.body;
      } finally {
        sub.dispose();
      }
      this.bytes.set(uri.toString(), bytes);
    }
    return decodeBytes(bytes).text;
  }
}
