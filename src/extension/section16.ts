/**
 * The Section 16 desk in VS Code: the "Section 16" view over the workspace's filings (or a folder chosen for it) with
 * short-swing profits per insider (each pair linking to both rows), the Item 405 late filings per issuer and fiscal
 * year (copied as Markdown or HTML, ready to paste into a proxy draft) and the amendments with what they changed;
 * "Compare with Original" opens an amendment beside its original in VS Code's diff editor, over readable renderings
 * whose every value links to its place in the filing (./section16Docs.ts).
 *
 * Files are read through the extension's one reading path (FilingService), chosen by the `form4Inspector.scan`
 * globs; what is computed comes from the core (src/core/section16). The view re-reads a file when it changes.
 */
import * as vscode from 'vscode';
import { treeItemOf } from './treeView';
import type { Filing } from '../core/model';
import { baseName } from '../core/format';
import { docType, isAmendment } from '../core/fields';
import { findOriginal, givenOriginal, pairAmendments, type Pairing } from '../core/section16/amendments';
import { compareFilings, type Comparison } from '../core/section16/compare';
import { uniqueFilings } from '../core/section16/effective';
import { lateReport, delinquent } from '../core/section16/lateReport';
import { lateMarkdown, lateYearHtml, lateYearMarkdown, lateHtml } from '../core/section16/renderLate';
import { shortSwingMarkdown } from '../core/section16/renderShortSwing';
import { shortSwing } from '../core/section16/shortSwing';
import type { ActiveFiling } from './activeFiling';
import { SECTION } from './config';
import { scanSettings } from './config';
import { Disposable } from './dispose';
import type { FilingService } from './filingService';
import { PDF_VIEW_TYPE } from './preview/editorProviders';
import { filesUnder, listFolders } from './listFiles';
import { readableUri, reportUri, Section16Documents } from './section16Docs';
import { deskTree, type DeskData, type DeskNode } from './section16Tree';

export const SECTION16_VIEW_ID = 'form4Inspector.section16';

export interface Section16Deps {
  service: FilingService;
  active: ActiveFiling;
  log: vscode.LogOutputChannel;
}

/** What "Show Section 16 Desk" resolves to (tests and scripts read it). */
export interface DeskSummary {
  scope: string;
  files: number;
  filings: number;
  shortSwing: { groups: number; pairs: number; profit: string; unmatched: number };
  late: { years: number; lateReports: number; lateTransactions: number; persons: string[] };
  amendments: { count: number; paired: number };
}

/** What "Compare with Original" resolves to. */
export interface CompareResult {
  amendment: string;
  original: string | null;
  note: string;
  counts: Comparison['counts'] | null;
  /** The two readable documents the diff editor shows. */
  left: string | null;
  right: string | null;
}

/** `form4Inspector.shortSwing.additionalCodes`: transaction codes to match besides P and S. */
function additionalCodes(): string[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('shortSwing.additionalCodes');
  return Array.isArray(raw) ? raw.filter((c): c is string => typeof c === 'string') : [];
}

class Section16Desk extends Disposable implements vscode.TreeDataProvider<DeskNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<DeskNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  /** null: the whole workspace. */
  private scope: vscode.Uri | null = null;
  private readonly filings = new Map<string, Filing>();
  private files = 0;
  private data: DeskData | null = null;
  private roots: DeskNode[] = [];
  private readonly parents = new Map<DeskNode, DeskNode>();
  private loading: Promise<DeskSummary> | null = null;
  private reread: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Set<string>();
  readonly docs: Section16Documents;
  readonly view: vscode.TreeView<DeskNode>;

  constructor(private readonly deps: Section16Deps) {
    super();
    this.docs = this.register(new Section16Documents(deps.service, () => this.reportMarkdown()));
    this.view = this.register(
      vscode.window.createTreeView(SECTION16_VIEW_ID, { treeDataProvider: this, showCollapseAll: true }),
    );
    this.register(
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && !this.data && !this.loading && vscode.workspace.workspaceFolders?.length) void this.load(null);
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.shortSwing.additionalCodes`) && this.data) this.recompute();
      }),
    );
    // A filing of the set edited (debounced by the service) or changed on disk: read it again.
    this.register(deps.service.onDidChange((uri) => this.changed(uri)));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(scanSettings().include));
    this.register(watcher.onDidChange((uri) => this.changed(uri)));
    this.register(watcher.onDidCreate((uri) => this.changed(uri)));
    this.register(watcher.onDidDelete((uri) => this.changed(uri, true)));
    this.register({ dispose: () => clearTimeout(this.reread) });
  }

  get loaded(): boolean {
    return this.data !== null;
  }

  get scopeUri(): vscode.Uri | null {
    return this.scope;
  }

  /** The filings read (for Compare with Original within the set). */
  get set(): Filing[] {
    return [...this.filings.values()];
  }

  contains(uri: vscode.Uri): boolean {
    return this.filings.has(uri.toString());
  }

  private inScope(uri: vscode.Uri): boolean {
    if (!this.scope) return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    const s = this.scope.toString().replace(/\/?$/, '/');
    return uri.toString() === this.scope.toString() || uri.toString().startsWith(s);
  }

  private changed(uri: vscode.Uri, deleted = false): void {
    if (!this.data || !this.inScope(uri)) return;
    if (deleted) {
      if (this.filings.delete(uri.toString())) this.recompute();
      return;
    }
    this.pending.add(uri.toString());
    clearTimeout(this.reread);
    this.reread = setTimeout(() => void this.readPending(), 500);
  }

  private async readPending(): Promise<void> {
    const uris = [...this.pending].map((s) => vscode.Uri.parse(s));
    this.pending.clear();
    // The service also tells of a filing merely opened (read for its preview): the same text read again changes
    // nothing, and rebuilding the tree then would take a click on a row away from the user.
    let changed = false;
    for await (const item of this.deps.service.readEach(uris)) {
      const key = item.uri.toString();
      const before = this.filings.get(key);
      if ('reading' in item && item.reading.outcome.ok) {
        const after = item.reading.outcome.filing;
        // A PDF's filing keeps no text to compare: read again, it counts as changed.
        if (!before || !after.text || before.text !== after.text) changed = true;
        this.filings.set(key, after);
      } else if (this.filings.delete(key)) changed = true;
    }
    if (!this.isDisposed && changed) this.recompute();
  }

  scopeName(): string {
    if (!this.scope) return vscode.workspace.name ?? 'the workspace';
    return vscode.workspace.asRelativePath(this.scope, true) || this.scope.path;
  }

  /** Read the filings of `scope` (a folder or a file; null for the workspace) and compute the desk. */
  load(scope: vscode.Uri | null): Promise<DeskSummary> {
    const run = async (): Promise<DeskSummary> => {
      this.scope = scope;
      const settings = scanSettings();
      const uris = scope ? await filesUnder(scope, settings) : await listFolders(null, settings);
      this.filings.clear();
      this.files = uris.length;
      await vscode.window.withProgress(
        { location: { viewId: SECTION16_VIEW_ID }, title: 'Reading the filings' },
        async () => {
          for await (const item of this.deps.service.readEach(uris)) {
            if ('error' in item) {
              const e = item.error;
              this.deps.log.warn(`section 16: ${item.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
            } else if (item.reading.outcome.ok) this.filings.set(item.uri.toString(), item.reading.outcome.filing);
          }
        },
      );
      return this.recompute();
    };
    // One load at a time: a second request waits for the first, then reads again.
    const next = (this.loading ?? Promise.resolve()).then(run, run);
    this.loading = next;
    void next.finally(() => {
      if (this.loading === next) this.loading = null;
    });
    return next;
  }

  /** Compute the reports from the filings read and the settings; rebuild the tree. */
  recompute(): DeskSummary {
    const filings = this.set;
    const { filings: unique } = uniqueFilings(filings);
    const pairings = pairAmendments(unique).map((pairing) => ({
      pairing,
      comparison: pairing.original ? compareFilings(pairing.original, pairing.amendment) : null,
    }));
    this.data = {
      shortSwing: shortSwing(filings, { additionalCodes: additionalCodes() }),
      late: lateReport(filings),
      pairings,
    };
    this.roots = deskTree(this.data);
    this.parents.clear();
    const walk = (n: DeskNode) => {
      for (const c of n.children ?? []) {
        this.parents.set(c, n);
        walk(c);
      }
    };
    this.roots.forEach(walk);
    void vscode.commands.executeCommand('setContext', 'form4Inspector.section16Loaded', true);
    this.view.description = this.scopeName();
    this.view.message = filings.length ? undefined : `No ownership filing found in ${this.scopeName()}.`;
    this.emitter.fire(undefined);
    this.docs.reportChanged();
    const s = this.summary();
    this.deps.log.info(
      `section 16 desk ${s.scope}: ${s.files} files, ${s.filings} filings; ${s.shortSwing.pairs} short-swing pairs; ${s.late.lateReports} late reports; ${s.amendments.count} amendments`,
    );
    return s;
  }

  summary(): DeskSummary {
    const d = this.data!;
    const ss = d.shortSwing;
    const people = d.late.years.flatMap((y) => delinquent(y));
    return {
      scope: this.scopeName(),
      files: this.files,
      filings: this.filings.size,
      shortSwing: {
        groups: ss.groups.filter((g) => g.pairs.length).length,
        pairs: ss.groups.reduce((n, g) => n + g.pairs.length, 0),
        profit: ss.profit,
        unmatched: ss.groups.reduce((n, g) => n + g.unmatched.length, 0),
      },
      late: {
        years: d.late.years.length,
        lateReports: people.reduce((n, p) => n + p.lateReports, 0),
        lateTransactions: people.reduce((n, p) => n + p.lateTransactions, 0),
        persons: [...new Set(people.map((p) => p.owner.name))].sort(),
      },
      amendments: { count: d.pairings.length, paired: d.pairings.filter((p) => p.pairing.original).length },
    };
  }

  get nodes(): readonly DeskNode[] {
    return this.roots;
  }

  get report(): DeskData | null {
    return this.data;
  }

  reportMarkdown(): string {
    const d = this.data;
    if (!d) return '# Section 16 desk\n\nNo filings read yet: run **Form 4: Show Section 16 Desk**.\n';
    const amendments = d.pairings.map(
      ({ pairing, comparison }) =>
        `- ${baseName(pairing.amendment.file)} (${docType(pairing.amendment) ?? '?'}): ${comparison ? `${comparison.counts.changed} rows changed, ${comparison.counts.added} added, ${comparison.counts.removed} removed; ` : ''}${pairing.note.replace(/[\\`*_[\]<>|]/g, '\\$&')}`,
    );
    return [
      `# Section 16 desk: ${this.scopeName().replace(/[\\`*_[\]<>|#]/g, '\\$&')}`,
      '',
      shortSwingMarkdown(d.shortSwing),
      lateMarkdown(d.late),
      '## Amendments',
      '',
      amendments.length ? amendments.join('\n') : 'No amendment in the set.',
      '',
    ].join('\n');
  }

  getChildren(node?: DeskNode): DeskNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getParent(node: DeskNode): DeskNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: DeskNode): vscode.TreeItem {
    const item = treeItemOf(node, node.id);
    if (node.file) item.command = { command: 'form4Inspector.section16.open', title: 'Open', arguments: [node] };
    return item;
  }
}

/** Open a node's file at its place: the text with the value selected, or a PDF in its preview. */
async function openNode(node: DeskNode | undefined): Promise<void> {
  if (!node?.file) return;
  const uri = vscode.Uri.parse(node.file);
  if (/\.pdf$/i.test(uri.path)) {
    await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEW_TYPE);
    return;
  }
  await vscode.commands.executeCommand('form4Inspector.revealInSource', uri, node.span ?? null, node.path ?? null);
}

/** The amendment a Compare command is about: its argument, else the active filing (editor or preview). */
function amendmentUri(arg: unknown, deps: Section16Deps): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const node = arg as DeskNode | undefined;
  if (node && typeof node.amendment === 'string') return vscode.Uri.parse(node.amendment);
  return deps.active.uri;
}

async function compareWithOriginal(
  deps: Section16Deps,
  desk: Section16Desk,
  arg: unknown,
): Promise<CompareResult | undefined> {
  const uri = amendmentUri(arg, deps);
  if (!uri) {
    void vscode.window.showWarningMessage('Form 4: open an amendment (4/A, 3/A or 5/A) first.');
    return undefined;
  }
  const amendment = await deps.service.readFilingOrSay(uri);
  if (!amendment) return undefined;
  if (!isAmendment(amendment)) {
    void vscode.window.showWarningMessage(
      `Form 4: ${baseName(uri.toString())} is a Form ${docType(amendment) ?? '?'}, not an amendment.`,
    );
    return undefined;
  }
  // The set: the desk's filings when they include this one, else the files of its folder.
  let set = desk.contains(uri) ? desk.set : null;
  if (!set) {
    const folder = vscode.Uri.joinPath(uri, '..');
    const uris = await listFolders([folder], scanSettings());
    set = [];
    for await (const item of deps.service.readEach(uris))
      if ('reading' in item && item.reading.outcome.ok) set.push(item.reading.outcome.filing);
  }
  const pairing = findOriginal(amendment, set);
  if (!pairing.original) {
    void vscode.window.showWarningMessage(`Form 4: ${pairing.note}.`, 'Choose Original\u2026').then(async (choice) => {
      if (!choice) return;
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Compare',
        defaultUri: vscode.Uri.joinPath(uri, '..'),
      });
      if (!picked?.[0]) return;
      const r = await deps.service.read(picked[0]);
      if (!r.outcome.ok) {
        void vscode.window.showErrorMessage(
          `Form 4: ${vscode.workspace.asRelativePath(picked[0])} is not read as a filing: ${r.outcome.reason}`,
        );
        return;
      }
      await showDiff(givenOriginal(amendment, r.outcome.filing), picked[0], uri);
    });
    return { amendment: uri.toString(), original: null, note: pairing.note, counts: null, left: null, right: null };
  }
  return showDiff(pairing, vscode.Uri.parse(pairing.original.file), uri);
}

async function showDiff(pairing: Pairing, original: vscode.Uri, amendment: vscode.Uri): Promise<CompareResult> {
  const left = readableUri(original, 'original');
  const right = readableUri(amendment, 'amendment');
  const title = `${baseName(original.toString())} \u2194 ${baseName(amendment.toString())} (${docType(pairing.amendment) ?? 'amendment'})`;
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
  const cmp = compareFilings(pairing.original!, pairing.amendment);
  return {
    amendment: amendment.toString(),
    original: original.toString(),
    note: pairing.note,
    counts: cmp.counts,
    left: left.toString(),
    right: right.toString(),
  };
}

/** The late-filing report (or one issuer year of it) as Markdown or HTML, on the clipboard. */
async function copyLate(desk: Section16Desk, node: unknown, as: 'markdown' | 'html'): Promise<string | undefined> {
  if (!desk.loaded) await desk.load(desk.scopeUri);
  const late = desk.report?.late;
  if (!late) return undefined;
  const year = (node as DeskNode | undefined)?.year;
  const text = year
    ? as === 'markdown'
      ? lateYearMarkdown(year)
      : lateYearHtml(year)
    : as === 'markdown'
      ? lateMarkdown(late)
      : lateHtml(late);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(
    `Form 4: the late-filing table${year ? ` of ${year.issuer.name || year.issuer.cik}, fiscal year ${year.fiscalYear.year},` : ''} is on the clipboard as ${as === 'markdown' ? 'Markdown' : 'HTML'}.`,
  );
  return text;
}

export function registerSection16(deps: Section16Deps): vscode.Disposable[] {
  const desk = new Section16Desk(deps);
  let isAmendmentKey: boolean | undefined;
  const setAmendmentKey = (uri: vscode.Uri | undefined) => {
    const f = uri ? deps.service.filingFor(uri) : undefined;
    const value = !!f && isAmendment(f);
    if (value === isAmendmentKey) return;
    isAmendmentKey = value;
    void vscode.commands.executeCommand('setContext', 'form4Inspector.isAmendment', value);
  };
  setAmendmentKey(deps.active.uri);
  const show = async (arg?: unknown): Promise<DeskSummary> => {
    const scope =
      arg instanceof vscode.Uri
        ? arg
        : Array.isArray(arg) && arg[0] instanceof vscode.Uri
          ? (arg[0] as vscode.Uri)
          : null;
    void vscode.commands.executeCommand(`${SECTION16_VIEW_ID}.focus`);
    return desk.load(scope);
  };
  return [
    desk,
    deps.active.onDidChange((uri) => setAmendmentKey(uri)),
    vscode.commands.registerCommand('form4Inspector.section16.show', show),
    vscode.commands.registerCommand('form4Inspector.section16.refresh', () => desk.load(desk.scopeUri)),
    vscode.commands.registerCommand('form4Inspector.section16.chooseFolder', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        openLabel: 'Read for Section 16',
      });
      return picked?.[0] ? show(picked[0]) : undefined;
    }),
    vscode.commands.registerCommand('form4Inspector.section16.open', (node?: DeskNode) => openNode(node)),
    vscode.commands.registerCommand('form4Inspector.section16.copyLateMarkdown', (node?: unknown) =>
      copyLate(desk, node, 'markdown'),
    ),
    vscode.commands.registerCommand('form4Inspector.section16.copyLateHtml', (node?: unknown) =>
      copyLate(desk, node, 'html'),
    ),
    vscode.commands.registerCommand('form4Inspector.section16.openReport', async () => {
      if (!desk.loaded) await desk.load(desk.scopeUri);
      const doc = await vscode.workspace.openTextDocument(reportUri());
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc.uri.toString();
    }),
    vscode.commands.registerCommand('form4Inspector.compareWithOriginal', (arg?: unknown) =>
      compareWithOriginal(deps, desk, arg),
    ),
    vscode.commands.registerCommand('form4Inspector.section16.state', () => ({
      loaded: desk.loaded,
      nodes: desk.nodes,
      summary: desk.loaded ? desk.summary() : null,
    })),
  ];
}
