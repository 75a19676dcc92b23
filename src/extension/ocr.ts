/**
 * Scanned PDFs in the PDF preview: a PDF without a text layer opens with the reason it was not read and how to
 * read it by OCR; the command "Form 4: Read Scanned PDF by OCR" (the preview's title bar) reads its page images
 * through Tesseract and pdftoppm in a worker of its own (OCR takes seconds a page and must not hold up other PDFs),
 * under the time limit, and the preview shows the filing with every value marked as read by OCR. Without the
 * programs the command says how to get them or where to point the setting `form4Inspector.ocr.tesseractPath`,
 * which an untrusted workspace cannot set (only the user's own value counts there).
 */
import * as vscode from 'vscode';
import type { OcrRequest } from '../core/worker/protocol';
import { DEFAULT_OCR_TIMEOUT_MS } from '../core/ocr/job';
import { withOcr } from '../core/ocr/offer';
import { findOcrTools } from '../core/ocr/tools';
import { PdfWorkerClient } from '../core/pdf/worker-client';
import { inspectOptions, SECTION } from './config';
import { Disposable } from './dispose';
import type { FilingService } from './filingService';
import { PDF_VIEW_TYPE } from './preview/editorProviders';
import { inspectPdf } from '../core/input';
import { isPdf } from '../core/decode';
import { notFiling, toReading, type PdfReader, type Reading } from './reading';

export const OCR_COMMAND = 'form4Inspector.readPdfByOcr';
const SETTING = 'ocr.tesseractPath';
const HOW_TO_ASK = 'run "Form 4: Read Scanned PDF by OCR" (in the preview\'s title bar)';
const SETTING_HINT = `, or set \`${SECTION}.${SETTING}\` to the tesseract executable`;

/** The configured tesseract executable, or null (the PATH). In an untrusted workspace only the user's value counts. */
export function tesseractPath(): string | null {
  const c = vscode.workspace.getConfiguration(SECTION);
  const v = vscode.workspace.isTrusted ? c.get<string>(SETTING) : c.inspect<string>(SETTING)?.globalValue;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export class PdfOcr extends Disposable {
  /** PDFs the user asked to read by OCR in this session: read so again when they are read again. */
  private readonly wanted = new Set<string>();
  private readonly worker: PdfWorkerClient;

  constructor(
    workerPath: string,
    private readonly service: () => FilingService,
  ) {
    super();
    this.worker = new PdfWorkerClient({ workerPath, idleMs: 60_000 });
    this.register({ dispose: () => void this.worker.dispose() });
    this.register(vscode.commands.registerCommand(OCR_COMMAND, (arg?: unknown) => this.run(arg)));
  }

  private readonly readByOcr: PdfReader = (bytes, file) =>
    this.worker.parse(bytes, file, { ocr: { tesseractPath: tesseractPath() }, timeoutMs: DEFAULT_OCR_TIMEOUT_MS });

  /** For every other read of a PDF (in the reading worker): a scan's reason offers this command. */
  request(): OcrRequest {
    return { read: false, howToAsk: HOW_TO_ASK, job: { tesseractPath: tesseractPath() } };
  }

  /** The extension's PDF reader: `base`, with a scanned PDF read by OCR when asked, else an offer to. */
  reader(base: PdfReader): PdfReader {
    return withOcr(base, {
      wanted: (file) => this.wanted.has(file),
      readByOcr: this.readByOcr,
      howToAsk: HOW_TO_ASK,
      tools: () => ({ tesseractPath: tesseractPath() }),
    });
  }

  /** The command: the PDF of its argument or of the active PDF preview, read by OCR and shown in the preview. */
  async run(arg?: unknown): Promise<Reading | undefined> {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const uri =
      arg instanceof vscode.Uri
        ? arg
        : tab instanceof vscode.TabInputCustom && tab.viewType === PDF_VIEW_TYPE
          ? tab.uri
          : undefined;
    if (!uri) {
      void vscode.window.showInformationMessage('Form 4: open a scanned PDF in the Form 4 preview first.');
      return undefined;
    }
    const found = findOcrTools({ tesseractPath: tesseractPath() });
    if (!found.ok) {
      const open = 'Open Settings';
      void vscode.window
        .showErrorMessage(`Form 4: reading a PDF by OCR needs Tesseract: ${found.reason}${SETTING_HINT}.`, open)
        .then((c) =>
          c === open
            ? vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${SETTING}`)
            : undefined,
        );
      return undefined;
    }
    const key = uri.toString();
    this.wanted.add(key);
    const name = uri.path.split('/').pop() ?? key;
    const service = this.service();
    const progress = {
      location: vscode.ProgressLocation.Notification,
      title: `Form 4: reading ${name} by OCR (Tesseract)…`,
    };
    // The preview shows what is held for the file: open it first (read by its text layer), then hold the OCR reading.
    if (!service.outcomeFor(uri)) await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE);
    const reading = await vscode.window.withProgress(progress, async () => {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (!isPdf(bytes)) return notFiling('not a PDF: only a PDF is read by OCR');
      // The OCR worker reads the page images; the rules then run on its model here, as for any PDF's reading.
      const outcome = await inspectPdf(bytes, key, {
        ...inspectOptions(),
        readPdf: this.reader((b, f) => this.worker.parse(b, f)),
      });
      return toReading({ outcome, isFiling: outcome.ok }, '');
    });
    service.hold(uri, reading);
    if (!reading.outcome.ok) void vscode.window.showWarningMessage(`Form 4: ${name}: ${reading.outcome.reason}`);
    return reading;
  }
}
