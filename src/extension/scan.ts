/**
 * "Form 4: Scan Workspace": every filing matched by `form4Inspector.scan.include` (minus `exclude`) is read and
 * checked, then all filings are reconciled with one another (amount owned after one filing vs before the next).
 * Files on disk are read off the extension host's thread (./scanJob.ts: worker threads, the result cache), and their
 * findings reach the Problems panel in batches as they come; open documents (what the user sees, edits included)
 * and files of other schemes are read through FilingService. Progress is shown in a cancellable notification:
 * Cancel terminates the workers, and what was shown by then stays.
 */
import * as vscode from 'vscode';
import { chainSummary } from '../core/reconcile';
import type { FilingService } from './filingService';
import type { DiagnosticsManager, ScannedFile } from './diagnostics';
import { inspectOptions, scanSettings } from './config';
import { listFolders } from './listFiles';
import { probe } from './probe';
import { textMapper } from './ranges';
import { runScanJob, type ScanBatch, type ScanEnv } from './scanJob';
import { SummaryStore } from '../cli/scan/spill';

export interface ScanSummary {
  files: number;
  filings: number;
  notFilings: number;
  findings: number;
  crossFindings: number;
  cancelled: boolean;
  /** Files read in this scan (the rest came unchanged from the result cache). */
  parsed: number;
  cached: number;
  /** Updates of the Problems panel while the scan ran. */
  batches: number;
}

export interface ScanDeps {
  service: FilingService;
  diagnostics: DiagnosticsManager;
  log: vscode.LogOutputChannel;
  scan: ScanEnv;
}

export interface ScanOptions {
  /** No message at the end (the scan at startup, tests). */
  silent?: boolean;
  /** Scan these folders instead of the workspace's. */
  folders?: vscode.Uri[];
  /** Cancels the scan like the notification's Cancel. */
  cancel?: vscode.CancellationToken;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function filesToScan(opts: ScanOptions, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  return listFolders(opts.folders ?? null, scanSettings(), token);
}

export async function scanWorkspace(deps: ScanDeps, opts: ScanOptions = {}): Promise<ScanSummary> {
  probe()?.mark({ name: 'scan-start' });
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Form 4: scanning the workspace', cancellable: true },
    async (progress, token) => {
      const summary: ScanSummary = {
        files: 0,
        filings: 0,
        notFilings: 0,
        findings: 0,
        crossFindings: 0,
        cancelled: false,
        parsed: 0,
        cached: 0,
        batches: 0,
      };
      const abort = new AbortController();
      const cancel = new vscode.CancellationTokenSource();
      abort.signal.addEventListener('abort', () => cancel.cancel(), { once: true });
      const subs = [token, opts.cancel].map((t) => t?.onCancellationRequested(() => abort.abort()));
      const summaries = new SummaryStore();
      const seen = new Set<string>();
      try {
        const uris = await filesToScan(opts, cancel.token);
        // Open documents are read as the user sees them; the rest of the files on disk by the scan's workers.
        const onDisk = uris.filter((u) => u.scheme === 'file' && !deps.service.document(u));
        const inHost = uris.filter((u) => u.scheme !== 'file' || deps.service.document(u));
        const step = uris.length ? 100 / uris.length : 100;
        const take = (b: ScanBatch) => {
          summary.batches++;
          deps.diagnostics.addScanned(b.files);
          for (const f of b.files) {
            seen.add(f.uri.toString());
            summary.findings += f.findings.length;
          }
          for (const s of b.summaries) summaries.add(s);
          for (const u of b.unreadable) if (u.stopped) deps.log.warn(`scan: ${u.path}: not checked: ${u.reason}`);
          const n = b.files.length + b.unreadable.length;
          summary.files += n;
          summary.filings += b.files.length;
          summary.notFilings += b.unreadable.length;
          progress.report({ increment: n * step, message: `${summary.files}/${uris.length}` });
        };
        for await (const item of deps.service.readEach(inHost, cancel.token)) {
          if ('error' in item) {
            const e = item.error;
            deps.log.warn(`scan: ${item.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
            continue;
          }
          const { outcome, isFiling, text } = item.reading;
          const b: ScanBatch = { files: [], summaries: [], unreadable: [] };
          const file = (findings: ScannedFile['findings']) => ({ uri: item.uri, ranges: textMapper(text), findings });
          if (outcome.ok) {
            b.files.push(file(outcome.filing.findings));
            b.summaries.push(chainSummary(outcome.filing));
          } else {
            b.unreadable.push({ path: item.uri.toString(), reason: outcome.reason, stopped: false });
            // Detected as a filing but unreadable: its own findings.
            if (isFiling && outcome.findings.length) deps.diagnostics.addScanned([file(outcome.findings)]);
          }
          take(b);
        }
        const scope = JSON.stringify(
          (opts.folders ?? vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? []).map(String),
        );
        const job = await runScanJob(
          deps.scan,
          onDisk.map((u) => u.fsPath),
          scope,
          abort.signal,
          take,
        );
        summary.parsed = job.parsed;
        summary.cached = job.cached;
        for (const note of job.cacheNotes) deps.log.info(`scan: ${note}`);
        summary.cancelled = abort.signal.aborted;
        if (!summary.cancelled) {
          progress.report({ message: `reconciling ${plural(summary.filings, 'filing')}` });
          const cross = await summaries.reconcileAsync(inspectOptions());
          summary.crossFindings = cross.length;
          deps.diagnostics.endScan(seen, cross);
        }
      } catch (e) {
        if (!(e instanceof vscode.CancellationError)) throw e;
        summary.cancelled = true;
      } finally {
        summaries.dispose();
        for (const s of subs) s?.dispose();
        cancel.dispose();
      }
      probe()?.mark({ name: 'scan-end', files: summary.files, filings: summary.filings });
      const text = `Form 4: scanned ${plural(summary.files, 'file')} (${summary.parsed} read, ${summary.cached} unchanged): ${plural(summary.filings, 'filing')}, ${plural(summary.findings, 'finding')}, ${summary.crossFindings} across filings${summary.cancelled ? ' (cancelled: the files read so far are shown, nothing across filings)' : ''}.`;
      deps.log.info(text);
      if (!opts.silent) void vscode.window.showInformationMessage(text);
      return summary;
    },
  );
}
