/**
 * "Form 4: Scan Workspace": every filing matched by `form4Inspector.scan.include` (minus `exclude`) is read and
 * checked, then all filings are reconciled with one another (amount owned after one filing vs before the next).
 * Progress is shown in a cancellable notification; results go to the Problems panel.
 */
import * as vscode from 'vscode';
import type { Filing, Finding } from '../core/model';
import { reconcileFilings } from '../core/reconcile';
import type { FilingService } from './filingService';
import type { DiagnosticsManager, ScannedFile } from './diagnostics';
import { inspectOptions, scanSettings } from './config';
import { probe } from './probe';

export interface ScanSummary {
  files: number;
  filings: number;
  notFilings: number;
  findings: number;
  crossFindings: number;
  cancelled: boolean;
}

export interface ScanDeps {
  service: FilingService;
  diagnostics: DiagnosticsManager;
  log: vscode.LogOutputChannel;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function scanWorkspace(deps: ScanDeps, opts: { silent?: boolean } = {}): Promise<ScanSummary> {
  probe()?.mark({ name: 'scan-start' });
  const settings = scanSettings();
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
      };
      const uris = await vscode.workspace.findFiles(
        settings.include,
        settings.exclude || null,
        settings.maxFiles,
        token,
      );
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      const scanned: ScannedFile[] = [];
      const filings: Filing[] = [];
      const step = uris.length ? 100 / uris.length : 100;
      for await (const item of deps.service.readEach(uris, token)) {
        const { uri } = item;
        summary.files++;
        progress.report({
          increment: step,
          message: `${item.index + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}`,
        });
        if ('error' in item) {
          const e = item.error;
          deps.log.warn(`scan: ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
        const { outcome, isFiling, text } = item.reading;
        if (outcome.ok) {
          filings.push(outcome.filing);
          summary.filings++;
          summary.findings += outcome.filing.findings.length;
          scanned.push({ uri, text, findings: outcome.filing.findings });
        } else {
          summary.notFilings++;
          // Detected as a filing but unreadable: its own findings.
          if (isFiling && outcome.findings.length) scanned.push({ uri, text, findings: outcome.findings });
        }
      }
      summary.cancelled = token.isCancellationRequested;
      let cross: { file: string; finding: Finding }[] = [];
      if (!summary.cancelled && filings.length > 1) {
        progress.report({ message: `reconciling ${filings.length} filings` });
        cross = reconcileFilings(filings, inspectOptions());
      }
      summary.crossFindings = cross.length;
      if (!summary.cancelled) deps.diagnostics.setScan(scanned, cross);
      probe()?.mark({ name: 'scan-end', files: summary.files, filings: summary.filings });
      const text = `Form 4: scanned ${plural(summary.files, 'file')}: ${plural(summary.filings, 'filing')}, ${plural(summary.findings, 'finding')}, ${summary.crossFindings} across filings${summary.cancelled ? ' (cancelled: results not applied)' : ''}.`;
      deps.log.info(text);
      if (!opts.silent) void vscode.window.showInformationMessage(text);
      return summary;
    },
  );
}
