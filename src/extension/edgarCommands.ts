/**
 * The EDGAR commands:
 * - "Form 4: Open from EDGAR...": a quick pick that searches as you type, then the entity's Forms 3/4/5; the chosen
 *   filing opens in the preview, read-only, under its EDGAR address (./edgarDocuments.ts), with links to SEC.gov.
 * - "Form 4: Download Filings from EDGAR...": an issuer or an insider, the forms, a date range and a folder of the
 *   workspace; the filings are downloaded there (atomically, resumably: src/core/edgar/download.ts) with progress
 *   and cancellation, then a summary, so the scan, the timeline and the cross-filing checks work on them.
 * Both take an optional argument that answers the questions (tests and scripts): see OpenArgs and DownloadArgs.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  downloadFilings,
  edgarDocumentId,
  fetchDocument,
  findListing,
  isFatal,
  planEntity,
  resolveQuery,
  countOutcomes,
  summarizeOutcomes,
  type DownloadOutcome,
  type EdgarClient,
  type FilingRef,
  type Role,
  type TargetPlan,
} from '../core/edgar';
import { Disposable } from './dispose';
import { EdgarAccess } from './edgarAccess';
import { EdgarDocuments } from './edgarDocuments';
import { pickEntity, pickFiling, type EntityChoice, type ReadDocument } from './edgarPick';
import { PREVIEW_VIEW_TYPE } from './preview/editorProviders';

export const OPEN_FROM_EDGAR = 'form4Inspector.openFromEdgar';
export const DOWNLOAD_FROM_EDGAR = 'form4Inspector.downloadFromEdgar';

/** Open a filing without the quick pick: `query` is an accession number (CIK:ACCESSION) or an EDGAR address. */
export interface OpenArgs {
  query: string;
  format?: 'xml' | 'txt';
}

export interface DownloadArgs {
  /** A ticker, a name, a CIK, an accession number or an address. */
  query: string;
  forms?: string[];
  since?: string | null;
  until?: string | null;
  as?: Role | null;
  folder: vscode.Uri;
  format?: 'xml' | 'txt';
}

export interface DownloadSummary {
  folder: string;
  counts: Record<DownloadOutcome['status'], number>;
  files: string[];
  cancelled: boolean;
  message: string;
}

/** The ref with its listing (filing date, acceptance, the XML's name) when it lacks one, if EDGAR lists it. */
async function withListing(client: EdgarClient, ref: FilingRef, signal: AbortSignal): Promise<FilingRef> {
  if (ref.filingDate && (ref.primaryDocument || ref.document)) return ref;
  try {
    const l = await findListing(client, ref.cik, ref.accessionNumber, signal);
    return l
      ? { ...ref, ...l, document: ref.document, acceptanceDateTime: ref.acceptanceDateTime ?? l.acceptanceDateTime }
      : ref;
  } catch (e) {
    if (isFatal(e)) throw e;
    return ref;
  }
}

function slug(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9]+/g, '-') // every run is now one '-', so one at each end is all there is to drop
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'filings'
  );
}

const MONTH = 30 * 86400000;

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

async function pickRange(): Promise<{ since: string | null; until: string | null } | undefined> {
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const presets: (vscode.QuickPickItem & { range?: { since: string | null; until: string | null } })[] = [
    { label: 'Last 30 days', range: { since: isoDay(now - MONTH), until: null } },
    { label: 'Last 12 months', range: { since: isoDay(now - 12 * MONTH - 5 * 86400000), until: null } },
    { label: `This year (${year})`, range: { since: `${year}-01-01`, until: null } },
    { label: `Last year (${year - 1})`, range: { since: `${year - 1}-01-01`, until: `${year - 1}-12-31` } },
    { label: 'All filings', description: 'every page of its EDGAR history', range: { since: null, until: null } },
    { label: 'Custom range...' },
  ];
  const p = await vscode.window.showQuickPick(presets, { title: 'Download Filings from EDGAR (3/4): filing dates' });
  if (!p) return undefined;
  if (p.range) return p.range;
  const ask = (prompt: string) =>
    vscode.window.showInputBox({
      title: 'Download Filings from EDGAR (3/4): filing dates',
      prompt,
      placeHolder: 'YYYY-MM-DD (empty: no limit)',
      validateInput: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'A date as YYYY-MM-DD, or nothing'),
    });
  const since = await ask('Filed on or after');
  if (since === undefined) return undefined;
  const until = await ask('Filed on or before');
  if (until === undefined) return undefined;
  return { since: since || null, until: until || null };
}

async function pickFolder(suggested: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      openLabel: 'Download Here',
      title: 'Download Filings from EDGAR (4/4): folder',
    });
    return picked?.[0];
  }
  const root =
    folders.length === 1
      ? folders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the filings' });
  if (!root) return undefined;
  const rel = await vscode.window.showInputBox({
    title: 'Download Filings from EDGAR (4/4): folder',
    prompt: `Folder in ${root.name} for the filings (made if missing)`,
    value: `edgar/${suggested}`,
    validateInput: (v) =>
      v.trim() === '' || path.isAbsolute(v) || v.split(/[\\/]/).includes('..')
        ? 'A folder inside the workspace folder'
        : null,
  });
  if (rel === undefined) return undefined;
  return vscode.Uri.joinPath(
    root.uri,
    ...rel
      .trim()
      .split(/[\\/]+/)
      .filter(Boolean),
  );
}

export class EdgarCommands extends Disposable {
  private readonly access: EdgarAccess;
  private readonly documents: EdgarDocuments;

  constructor(
    storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** How a document from EDGAR is read (to name it, to check a download's role): the reading worker. */
    private readonly read: ReadDocument,
  ) {
    super();
    this.access = new EdgarAccess(storage, log);
    this.documents = this.register(new EdgarDocuments(this.access));
    this.register(vscode.commands.registerCommand(OPEN_FROM_EDGAR, (args?: OpenArgs) => this.open(args)));
    this.register(vscode.commands.registerCommand(DOWNLOAD_FROM_EDGAR, (args?: DownloadArgs) => this.download(args)));
  }

  private onError = (e: unknown) => this.access.showError(e, 'EDGAR');

  /** Open from EDGAR: returns the document's address, or undefined when dismissed or failed. */
  async open(args?: OpenArgs): Promise<vscode.Uri | undefined> {
    const client = await this.access.ready();
    if (!client) return undefined;
    const ac = new AbortController();
    try {
      let ref: FilingRef | undefined;
      if (args?.query) {
        const r = await resolveQuery(client, args.query, { signal: ac.signal });
        if (r.kind !== 'filing') throw new Error(`"${args.query}" names an entity, not a filing`);
        ref = r.ref;
      } else {
        const choice = await pickEntity(client, { title: 'Open from EDGAR', allowLatest: true, onError: this.onError });
        if (!choice) return undefined;
        ref =
          choice.kind === 'filing'
            ? choice.ref
            : await pickFiling(client, this.access.client(true), this.read, choice, this.onError);
      }
      if (!ref) return undefined;
      const chosen = ref;
      return await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Form 4: reading ${chosen.accessionNumber} from EDGAR`,
          cancellable: true,
        },
        async (_p, token) => {
          token.onCancellationRequested(() => ac.abort());
          const full = await withListing(client, chosen, ac.signal);
          const doc = await fetchDocument(client, full, args?.format ?? 'xml', ac.signal);
          const uri = vscode.Uri.parse(edgarDocumentId(doc.source));
          this.documents.remember(uri, doc.bytes);
          this.log.info(`Opened ${doc.url} (${doc.fromCache ? 'from the cache' : 'from EDGAR'})`);
          await vscode.commands.executeCommand('vscode.openWith', uri, PREVIEW_VIEW_TYPE);
          return uri;
        },
      );
    } catch (e) {
      this.access.showError(e, 'Open from EDGAR');
      return undefined;
    }
  }

  /** Download Filings from EDGAR: returns what was done, or undefined when dismissed or failed before downloading. */
  async download(args?: DownloadArgs): Promise<DownloadSummary | undefined> {
    const client = await this.access.ready();
    if (!client) return undefined;
    const title = 'Download Filings from EDGAR';
    try {
      let choice: EntityChoice | undefined;
      if (args) {
        const r = await resolveQuery(client, args.query);
        choice = r.kind === 'filing' ? { kind: 'filing', ref: r.ref } : { kind: 'entity', cik: r.cik, name: r.name };
      } else
        choice = await pickEntity(client, {
          title: `${title} (1/4): issuer or insider`,
          allowLatest: false,
          onError: this.onError,
        });
      if (!choice || choice.kind === 'latest') return undefined;
      let forms = args?.forms ?? ['3', '4', '5'];
      let range = { since: args?.since ?? null, until: args?.until ?? null };
      if (!args && choice.kind === 'entity') {
        const picked = await vscode.window.showQuickPick(
          ['3', '4', '5'].map((f) => ({
            label: `Form ${f}`,
            description: 'and its amendments',
            picked: true,
            form: f,
          })),
          { title: `${title} (2/4): forms`, canPickMany: true },
        );
        if (!picked?.length) return undefined;
        forms = picked.map((p) => p.form);
        const r = await pickRange();
        if (!r) return undefined;
        range = r;
      }
      const folder =
        args?.folder ??
        (await pickFolder(
          slug(choice.kind === 'entity' ? (choice.name ?? `CIK${choice.cik}`) : choice.ref.accessionNumber),
        ));
      if (!folder) return undefined;
      if (folder.scheme !== 'file') throw new Error('Filings can only be downloaded into a folder on this computer');

      const plan: TargetPlan = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Form 4: listing the filings on EDGAR' },
        async () =>
          choice.kind === 'entity'
            ? planEntity(client, choice.cik, choice.name ?? choice.cik, { forms, ...range, as: args?.as ?? null })
            : {
                input: '',
                label: `filing ${choice.ref.accessionNumber}`,
                entity: null,
                items: [{ ref: choice.ref }],
                notes: [],
              },
      );
      const entity = plan.entity;
      if (!args && entity?.isIssuer && entity.isOwner) {
        const role = await vscode.window.showQuickPick(
          [
            { label: `As issuer`, description: `filings about ${entity.name}'s securities`, as: 'issuer' as const },
            {
              label: `As reporting owner`,
              description: `filings ${entity.name} made as an insider`,
              as: 'owner' as const,
            },
            { label: 'Both', as: null },
          ],
          { title: `${title}: ${entity.name} is both an issuer and a reporting owner` },
        );
        if (!role) return undefined;
        if (role.as) for (const it of plan.items) it.role = { cik: entity.cik, as: role.as };
      }
      for (const n of plan.notes) this.log.warn(`${plan.label}: ${n}`);
      return await this.runDownload(client, plan, folder, args?.format ?? 'xml', !args);
    } catch (e) {
      this.access.showError(e, title);
      return undefined;
    }
  }

  private async runDownload(
    client: EdgarClient,
    plan: TargetPlan,
    folder: vscode.Uri,
    format: 'xml' | 'txt',
    interactive: boolean,
  ): Promise<DownloadSummary> {
    const shown = vscode.workspace.asRelativePath(folder);
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Form 4: downloading ${plan.items.length} filing${plan.items.length === 1 ? '' : 's'} of ${plan.label}`,
        cancellable: true,
      },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return downloadFilings(client, plan.items, {
          dir: folder.fsPath,
          format,
          read: this.read,
          signal: ac.signal,
          onItem: (done, total, item, outcome) => {
            progress.report({ increment: 100 / total, message: `${done}/${total}: ${item.ref.accessionNumber}` });
            if (outcome.status === 'failed' || outcome.status === 'conflict' || outcome.status === 'skipped')
              this.log.warn(`${item.ref.accessionNumber}: ${outcome.status}: ${outcome.reason}`);
            else this.log.info(`${item.ref.accessionNumber}: ${outcome.status}: ${outcome.file}`);
          },
        });
      },
    );
    const counts: DownloadSummary['counts'] = countOutcomes(result.outcomes);
    const files: string[] = [];
    for (const { outcome } of result.outcomes)
      if (outcome.status === 'written' || outcome.status === 'replaced' || outcome.status === 'present')
        files.push(outcome.file);
    const left = plan.items.length - result.outcomes.length;
    const message = `${plan.label}: ${summarizeOutcomes(result.outcomes)}${result.cancelled ? ` (cancelled, ${left} not downloaded: run it again to go on)` : ''} into ${shown}.`;
    this.log.info(message);
    if (interactive) {
      const scan = 'Scan Workspace';
      const details = 'Show Details';
      const problems = counts.failed + counts.conflict > 0;
      const pick = await (problems ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(
        `Form 4: ${message}`,
        scan,
        details,
      );
      if (pick === scan) await vscode.commands.executeCommand('form4Inspector.scanWorkspace');
      else if (pick === details) this.log.show();
    }
    return { folder: folder.fsPath, counts, files, cancelled: result.cancelled, message };
  }
}
