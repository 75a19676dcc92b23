/**
 * Composition root: builds the services and providers, registers everything into `context.subscriptions`, and
 * returns a small API (used by the integration tests). Nothing heavy happens here: documents are read when
 * they open, the PDF reader and reconciliation load on first use.
 */
import { cpuMsSince, LOAD_START, LOAD_START_CPU } from './clock';
import * as vscode from 'vscode';
import { ActiveFiling, FilingService } from './filings';
import { DiagnosticsManager } from './diagnostics';
import {
  FilingPreviewProvider,
  PdfPreviewProvider,
  PreviewManager,
  PDF_VIEW_TYPE,
  PREVIEW_VIEW_TYPE,
  type FirstPaint,
} from './editor';
import { FilingTreeProvider, TREE_VIEW_ID } from './tree';
import { FILING_SELECTOR, FilingLanguageFeatures } from './language';
import { registerCommands, revealInSource } from './commands';
import { inspectOptions, scanSettings, SECTION } from './config';
import { scanWorkspace } from './scan';
import { PdfWorkerClient } from '../core/pdf/worker-client';
import { registerTimeline } from './timeline';

/** Every module of the bundle has been evaluated when this line runs. */
const LOAD_END = performance.now();
const LOAD_CPU_MS = cpuMsSince(LOAD_START_CPU);

/** What activate() returns: the live objects, for tests and for other extensions. */
export interface Form4Api {
  service: FilingService;
  active: ActiveFiling;
  tree: FilingTreeProvider;
  previews: PreviewManager;
  diagnostics: DiagnosticsManager;
  /** Our cost of activation: evaluating the bundle's modules plus activate() itself (ms). */
  activationMs: number;
  /** Evaluating the bundle's modules (ms). */
  loadMs: number;
  /** Milliseconds spent inside activate() itself. */
  activateBodyMs: number;
  /**
   * CPU time of the same (modules + activate(), user + system, ms): what activation costs the extension host even
   * when the wall time also holds waits for a CPU that other processes have (the workbench starting beside it).
   */
  activationCpuMs: number;
  firstPaints: readonly FirstPaint[];
}

/**
 * Where a rule id is documented (a diagnostic's code link): the README's rule table, anchor `rule-<id>`, on the
 * repository's page when package.json names a GitHub repository, else the README inside the installed extension.
 */
function ruleDocs(context: vscode.ExtensionContext): (rule: string) => vscode.Uri {
  const repo = (context.extension.packageJSON as { repository?: string | { url?: string } }).repository;
  const url = typeof repo === 'string' ? repo : repo?.url;
  const m = url ? /github\.com[/:]([^/]+\/[^/#?]+?)(?:\.git)?\/?$/.exec(url) : null;
  if (m)
    return (rule) =>
      vscode.Uri.parse(`https://github.com/${m[1]}/blob/HEAD/README.md`).with({ fragment: `rule-${rule}` });
  return (rule) => vscode.Uri.joinPath(context.extensionUri, 'README.md').with({ fragment: `rule-${rule}` });
}

export function activate(context: vscode.ExtensionContext): Form4Api {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const log = vscode.window.createOutputChannel('Form 4 Inspector', { log: true });
  // PDFs are read off the extension host's thread, in the core's worker (dist/pdf-worker.js, started on the first
  // PDF, stopped after a minute without one, killed when a PDF takes too long); pdf.js is only in that worker's bundle.
  const pdfWorker = new PdfWorkerClient({
    workerPath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'pdf-worker.js').fsPath,
    idleMs: 60_000,
  });
  const readPdf = (bytes: Uint8Array, file: string) => pdfWorker.parse(bytes, file);
  const pdf = { dispose: () => void pdfWorker.dispose() };
  const service = new FilingService(inspectOptions);
  const active = new ActiveFiling(service);
  const ruleDoc = ruleDocs(context);
  const diagnostics = new DiagnosticsManager(service, ruleDoc);
  const previews = new PreviewManager({
    extensionUri: context.extensionUri,
    service,
    active,
    log,
    readPdf,
    reveal: async (uri, span) => {
      await revealInSource(uri, span);
    },
  });
  const tree = new FilingTreeProvider(service, active);
  const treeView = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const language = new FilingLanguageFeatures(service);

  context.subscriptions.push(
    log,
    pdf,
    service,
    active,
    diagnostics,
    previews,
    tree,
    treeView,
    vscode.window.registerCustomEditorProvider(PREVIEW_VIEW_TYPE, new FilingPreviewProvider(previews), {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.window.registerCustomEditorProvider(PDF_VIEW_TYPE, new PdfPreviewProvider(previews), {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: false,
    }),
    vscode.languages.registerHoverProvider(FILING_SELECTOR, language),
    vscode.languages.registerDefinitionProvider(FILING_SELECTOR, language),
    vscode.languages.registerReferenceProvider(FILING_SELECTOR, language),
    vscode.languages.registerDocumentSymbolProvider(FILING_SELECTOR, language, { label: 'Form 4' }),
    ...registerCommands({ service, active, previews, diagnostics, log, readPdf }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.rules`)) service.invalidateAll();
    }),
  );

  context.subscriptions.push(...registerTimeline({ extensionUri: context.extensionUri, service, log, readPdf }));

  if (scanSettings().onStartup && vscode.workspace.workspaceFolders?.length) {
    void scanWorkspace({ service, diagnostics, log, readPdf }, { silent: true });
  }

  const end = performance.now();
  const api: Form4Api = {
    service,
    active,
    tree,
    previews,
    diagnostics,
    activationMs: LOAD_END - LOAD_START + (end - t0),
    loadMs: LOAD_END - LOAD_START,
    activateBodyMs: end - t0,
    activationCpuMs: LOAD_CPU_MS + cpuMsSince(cpu0),
    firstPaints: previews.firstPaints,
  };
  log.info(
    `activated in ${api.activationMs.toFixed(1)} ms (modules ${api.loadMs.toFixed(1)} ms + activate() ${api.activateBodyMs.toFixed(1)} ms; CPU ${api.activationCpuMs.toFixed(1)} ms)`,
  );
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
