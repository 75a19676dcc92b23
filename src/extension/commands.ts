/**
 * Commands (category "Form 4"): Open Preview, Reveal in Source, Export as JSON, Export Transactions as CSV,
 * Scan Workspace. Export commands take an optional file URI and an optional target URI (tests and scripts pass
 * the target to skip the save dialog).
 */
import * as vscode from 'vscode';
import type { Filing, Row, Span } from '../core/model';
import { DERIVATIVE_FIELDS, rowFootnoteIds } from '../core/model';
import { toCsv } from '../core/csv';
import { toJson } from '../core/json';
import type { ActiveFiling } from './activeFiling';
import type { FilingService } from './filingService';
import { PDF_VIEW_TYPE, PREVIEW_VIEW_TYPE } from './preview/editorProviders';
import type { PreviewManager } from './preview/previewManager';
import { scanWorkspace, type ScanDeps, type ScanOptions, type ScanSummary } from './scan';

export interface CommandDeps extends ScanDeps {
  service: FilingService;
  active: ActiveFiling;
  previews: PreviewManager;
}

function isPdfUri(uri: vscode.Uri): boolean {
  return /\.pdf$/i.test(uri.path);
}

/** The file a command applies to: its argument, else the active editor's (text or preview), else the tree's filing. */
export function targetUri(deps: CommandDeps, arg?: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputCustom && (tab.viewType === PREVIEW_VIEW_TYPE || tab.viewType === PDF_VIEW_TYPE))
    return tab.uri;
  const ed = vscode.window.activeTextEditor;
  if (ed && deps.service.isFiling(ed.document)) return ed.document.uri;
  return deps.active.uri;
}

/** Show a span of the file in a text editor (the one already showing it, else beside the preview). */
export async function revealInSource(
  uri: vscode.Uri,
  span: Span | null,
  opts: { preserveFocus?: boolean } = {},
): Promise<vscode.TextEditor | undefined> {
  if (isPdfUri(uri)) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  const key = uri.toString();
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  const range = span ? new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)) : undefined;
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
    preserveFocus: opts.preserveFocus ?? false,
    selection: range,
  });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function sibling(uri: vscode.Uri, ext: string): vscode.Uri {
  const base = uri.path.replace(/\.[^./]*$/, '');
  return uri.with({ path: base + ext });
}

const CSV_COLUMNS = ['table', 'row', 'kind', ...DERIVATIVE_FIELDS, 'footnoteIds'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One CSV record per row of both tables, every column of Table II (Table I rows leave derivative-only columns empty). */
export function transactionsCsv(filing: Filing): string {
  const records = [...filing.nonDerivative, ...filing.derivative].map((row: Row) => {
    const rec = new Map<CsvColumn, string>([
      ['table', row.table === 'derivative' ? 'II' : 'I'],
      ['row', String(row.index + 1)],
      ['kind', row.kind],
      ['footnoteIds', rowFootnoteIds(row).join(' ')],
    ]);
    const fields = row as unknown as Readonly<Partial<Record<string, { value: unknown }>>>;
    for (const name of DERIVATIVE_FIELDS) {
      const v = Object.hasOwn(fields, name) ? fields[name]?.value : undefined;
      rec.set(name, v === null || v === undefined ? '' : String(v));
    }
    return Object.fromEntries(CSV_COLUMNS.map((c) => [c, rec.get(c) ?? ''])) as Record<CsvColumn, string>;
  });
  return toCsv(records, CSV_COLUMNS);
}

async function exportTo(
  deps: CommandDeps,
  uriArg: unknown,
  targetArg: unknown,
  ext: string,
  filterName: string,
  make: (f: Filing) => string,
): Promise<vscode.Uri | undefined> {
  const uri = targetUri(deps, uriArg);
  if (!uri) {
    void vscode.window.showWarningMessage('Form 4: open an ownership filing first.');
    return undefined;
  }
  const filing = await deps.service.readFilingOrSay(uri);
  if (!filing) return undefined;
  let target = targetArg instanceof vscode.Uri ? targetArg : undefined;
  if (!target) {
    const defaultUri = uri.scheme === 'untitled' ? undefined : sibling(uri, ext);
    target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { [filterName]: [ext.slice(1)] },
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(make(filing)));
  if (!(targetArg instanceof vscode.Uri))
    void vscode.window.showInformationMessage(`Form 4: exported ${vscode.workspace.asRelativePath(target)}`);
  return target;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('form4Inspector.openPreview', async (arg?: unknown) => {
      const uri = targetUri(deps, arg);
      if (!uri) {
        void vscode.window.showWarningMessage('Form 4: open an ownership filing first.');
        return;
      }
      const fromEditor =
        !(arg instanceof vscode.Uri) || vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
      await vscode.commands.executeCommand('vscode.openWith', uri, isPdfUri(uri) ? PDF_VIEW_TYPE : PREVIEW_VIEW_TYPE, {
        viewColumn: fromEditor && vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      });
    }),
    vscode.commands.registerCommand(
      'form4Inspector.revealInSource',
      async (arg?: unknown, span?: Span | null, path?: string | null) => {
        const uri = targetUri(deps, arg);
        if (!uri) return undefined;
        const fromTree = arg instanceof vscode.Uri && (span !== undefined || path !== undefined);
        if (path) deps.previews.focus(uri, path);
        // From the tree the focus stays in the tree (arrow keys keep walking it).
        return revealInSource(uri, span ?? null, { preserveFocus: fromTree });
      },
    ),
    vscode.commands.registerCommand('form4Inspector.exportJson', (uri?: unknown, target?: unknown) =>
      exportTo(deps, uri, target, '.json', 'JSON', (f) => `${JSON.stringify(toJson(f), null, 2)}\n`),
    ),
    vscode.commands.registerCommand('form4Inspector.exportCsv', (uri?: unknown, target?: unknown) =>
      exportTo(deps, uri, target, '.csv', 'CSV', (f) => transactionsCsv(f)),
    ),
    vscode.commands.registerCommand('form4Inspector.scanWorkspace', (opts?: ScanOptions): Promise<ScanSummary> =>
      scanWorkspace(deps, opts ?? {}),
    ),
  ];
}
