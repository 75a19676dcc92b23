/**
 * The Form 4 preview as VS Code custom editors: a custom text editor for ownership XML, submission text and EDGAR
 * HTML (follows the text document, edits included; never writes to it), and a read-only custom editor for PDFs (read
 * once when opened, by the worker-backed PDF reader; the reading is held for the tree, diagnostics and commands
 * while the preview is open).
 */
import * as vscode from 'vscode';
import type { FilingService } from '../filingService';
import { notFiling, type Reading } from '../reading';
import type { PreviewManager } from './previewManager';

export const PREVIEW_VIEW_TYPE = 'form4Inspector.preview';
export const PDF_VIEW_TYPE = 'form4Inspector.pdfPreview';

export class FilingPreviewProvider implements vscode.CustomTextEditorProvider {
  constructor(
    private readonly previews: PreviewManager,
    private readonly service: FilingService,
  ) {}

  async resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): Promise<void> {
    // The first paint waits for the reading worker (a moment), so the page does not open on "cannot be previewed".
    await this.service.whenRead(document);
    this.previews.add(document.uri, panel, () => {
      const r = this.service.inspect(document);
      if (!r) return notFiling('This document cannot be previewed.').outcome;
      if (r.isFiling || r.outcome.ok) return r.outcome;
      return notFiling(`Not an ownership filing: ${r.outcome.reason}`).outcome;
    });
  }
}

interface PdfDocument extends vscode.CustomDocument {
  reading: Reading;
}

export class PdfPreviewProvider implements vscode.CustomReadonlyEditorProvider<PdfDocument> {
  constructor(
    private readonly previews: PreviewManager,
    private readonly service: FilingService,
  ) {}

  async openCustomDocument(
    uri: vscode.Uri,
    _context: vscode.CustomDocumentOpenContext,
    token: vscode.CancellationToken,
  ): Promise<PdfDocument> {
    let reading: Reading;
    try {
      reading = await this.service.read(uri, token);
    } catch (e) {
      if (e instanceof vscode.CancellationError) throw e;
      reading = notFiling(`The file could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.service.hold(uri, reading);
    return { uri, reading, dispose: () => undefined };
  }

  resolveCustomEditor(document: PdfDocument, panel: vscode.WebviewPanel): void {
    this.service.hold(document.uri, document.reading);
    this.previews.add(document.uri, panel, () => this.service.outcomeFor(document.uri) ?? document.reading.outcome);
  }
}
