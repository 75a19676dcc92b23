/**
 * Composition root: activate() builds the services and providers and hands every disposable to the extension's
 * context as it makes it, so VS Code releases all of them on deactivation; it returns the live objects as the API
 * (used by the integration tests). Nothing heavy happens here: documents are read when they open, the reading
 * worker starts on the first input.
 */
import { probe } from './probe';
import * as vscode from 'vscode';
import { ReadingWorker } from '../core/worker/client';
import { ActiveFiling } from './activeFiling';
import { registerCommands, revealInSource } from './commands';
import { inspectOptions, scanSettings, SECTION } from './config';
import { DiagnosticsManager } from './diagnostics';
import { FilingService } from './filingService';
import { RuleDocs, ruleLink } from './ruleDocs';
import { FILING_SELECTOR, FilingLanguageFeatures } from './language';
import { FilingPreviewProvider, PdfPreviewProvider, PDF_VIEW_TYPE, PREVIEW_VIEW_TYPE } from './preview/editorProviders';
import { PreviewManager } from './preview/previewManager';
import { PdfOcr } from './ocr';
import { scanWorkspace } from './scan';
import type { ScanEnv } from './scanJob';
import { registerSection16 } from './section16';
import { registerTimeline } from './timeline';
import { EdgarCommands } from './edgarCommands';
import { FilingTreeProvider, TREE_VIEW_ID } from './treeView';
import { openPreviewOnStart } from './openOnStart';

probe()?.mark({ name: 'bundle-end' });

/** What activate() returns: the live objects, for tests and for other extensions. */
export interface Form4Api {
  service: FilingService;
  active: ActiveFiling;
  tree: FilingTreeProvider;
  previews: PreviewManager;
  diagnostics: DiagnosticsManager;
}

export function activate(context: vscode.ExtensionContext): Form4Api {
  probe()?.mark({ name: 'activate-start' });
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const log = own(vscode.window.createOutputChannel('Form 4 Inspector', { log: true }));
  // Every input is read off the extension host's thread, in the core's reading worker (dist/reader-worker.js,
  // started on the first input, stopped after a minute without one, killed when an input takes too long); pdf.js is
  // only in that worker's bundle.
  const reader = new ReadingWorker({
    workerPath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'reader-worker.js').fsPath,
    idleMs: 60_000,
  });
  own({ dispose: () => void reader.dispose() });
  // A scanned PDF is read by OCR when the user asks for it (./ocr), in a reading worker of its own.
  const ocr: PdfOcr = own(
    new PdfOcr(
      vscode.Uri.joinPath(context.extensionUri, 'dist', 'reader-worker.js').fsPath,
      (): FilingService => service,
    ),
  );

  const service: FilingService = own(new FilingService(() => ({ ...inspectOptions(), ocr: ocr.request() }), reader));
  const active = own(new ActiveFiling(service));
  own(new RuleDocs(context.extensionUri));
  const diagnostics = own(new DiagnosticsManager(service, ruleLink));
  const previews = own(
    new PreviewManager({
      extensionUri: context.extensionUri,
      service,
      active,
      log,
      reveal: async (uri, span) => {
        await revealInSource(uri, span);
      },
    }),
  );
  const tree = own(new FilingTreeProvider(service, active));
  own(vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }));
  own(
    vscode.window.registerCustomEditorProvider(PREVIEW_VIEW_TYPE, new FilingPreviewProvider(previews, service), {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
  );
  own(
    vscode.window.registerCustomEditorProvider(PDF_VIEW_TYPE, new PdfPreviewProvider(previews, service), {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: false,
    }),
  );
  const language = new FilingLanguageFeatures(service);
  own(vscode.languages.registerHoverProvider(FILING_SELECTOR, language));
  own(vscode.languages.registerDefinitionProvider(FILING_SELECTOR, language));
  own(vscode.languages.registerReferenceProvider(FILING_SELECTOR, language));
  own(vscode.languages.registerDocumentSymbolProvider(FILING_SELECTOR, language, { label: 'Form 4' }));
  const scan: ScanEnv = {
    workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'scan-worker.js').fsPath,
    storage: context.storageUri ?? context.globalStorageUri,
    version: String((context.extension.packageJSON as { version?: unknown }).version),
    reader,
    options: () => ({ ...inspectOptions(), ocr: ocr.request() }),
  };
  for (const d of registerCommands({ service, active, previews, diagnostics, log, scan })) own(d);
  for (const d of registerTimeline({ extensionUri: context.extensionUri, service, log })) own(d);
  own(
    new EdgarCommands(context.globalStorageUri, log, async (bytes, file, edgar) => {
      return (await reader.inspectBytes(bytes, file, { noRules: true, edgar })).outcome;
    }),
  );
  for (const d of registerSection16({ service, active, log })) own(d);
  own(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.rules`)) service.invalidateAll();
    }),
  );

  if (scanSettings().onStartup && vscode.workspace.workspaceFolders?.length) {
    void scanWorkspace({ service, diagnostics, log, scan }, { silent: true });
  }
  void openPreviewOnStart(log);
  probe()?.mark({ name: 'activate-end' });
  return { service, active, tree, previews, diagnostics };
}

export function deactivate(): void {
  // Everything activate() made is disposed through context.subscriptions.
}
