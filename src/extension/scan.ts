/**
 * "Form 4: Scan Workspace": every filing matched by `form4Inspector.scan.include` (minus `exclude`) is read and
 * checked, then all filings are reconciled with one another (amount owned after one filing vs before the next).
 * Progress is shown in a cancellable notification; results go to the Problems panel.
 */
import * as vscode from 'vscode';
import type { Filing, Finding } from '../core/model';
import { inspectBytes, type InspectOptions } from '../core/inspect';
import { reconcileFilings } from '../core/reconcile';
import type { ParseOutcome } from '../core/model';
import type { FilingService } from './filings';
import type { DiagnosticsManager, ScannedFile } from './diagnostics';
import { inspectOptions, scanSettings } from './config';

export interface ScanSummary {
  files: number;
  filings: number;
  notFilings: number;
  findings: number;
  crossFindings: number;
  cancelled: boolean;
  ms: number;
}

export interface ScanDeps {
  service: FilingService;
  diagnostics: DiagnosticsManager;
  log: vscode.LogOutputChannel;
  /** Reads PDFs off the extension host's thread (InspectOptions.readPdf). */
  readPdf: (bytes: Uint8Array, file: string) => Promise<ParseOutcome>;
}

async function readOne(
  uri: vscode.Uri,
  service: FilingService,
  options: InspectOptions,
): Promise<{ outcome: ParseOutcome | null; text: string }> {
  const doc = service.document(uri);
  if (doc) {
    const i = service.inspect(doc);
    return { outcome: i?.outcome ?? null, text: doc.getText() };
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  const outcome = await inspectBytes(bytes, uri.toString(), options);
  if (outcome.ok) return { outcome, text: outcome.filing.text };
  return { outcome: null, text: '' };
}

export async function scanWorkspace(deps: ScanDeps, opts: { silent?: boolean } = {}): Promise<ScanSummary> {
  const t0 = performance.now();
  const settings = scanSettings();
  const options = inspectOptions();
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
        ms: 0,
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
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        summary.files++;
        progress.report({
          increment: step,
          message: `${i + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}`,
        });
        try {
          const { outcome, text } = await readOne(uri, deps.service, { ...options, readPdf: deps.readPdf });
          if (!outcome) {
            summary.notFilings++;
            continue;
          }
          if (outcome.ok) {
            filings.push(outcome.filing);
            summary.filings++;
            summary.findings += outcome.filing.findings.length;
            scanned.push({ uri, text, findings: outcome.filing.findings });
          } else {
            // Detected as a filing but unreadable: its own findings or the reason.
            summary.notFilings++;
            if (outcome.findings.length) scanned.push({ uri, text, findings: outcome.findings });
          }
        } catch (e) {
          deps.log.warn(`scan: ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
        }
        // Let the UI breathe on long scans.
        if (i % 25 === 24) await new Promise((r) => setTimeout(r, 0));
      }
      let cross: { file: string; finding: Finding }[] = [];
      if (!summary.cancelled && filings.length > 1) {
        progress.report({ message: `reconciling ${filings.length} filings` });
        cross = reconcileFilings(filings, options);
      }
      summary.crossFindings = cross.length;
      if (!summary.cancelled) deps.diagnostics.setScan(scanned, cross);
      summary.ms = performance.now() - t0;
      const text = `Form 4: scanned ${summary.files} file${summary.files === 1 ? '' : 's'}: ${summary.filings} filing${summary.filings === 1 ? '' : 's'}, ${summary.findings} finding${summary.findings === 1 ? '' : 's'}, ${summary.crossFindings} across filings${summary.cancelled ? ' (cancelled: results not applied)' : ''}.`;
      deps.log.info(`${text} (${summary.ms.toFixed(0)} ms)`);
      if (!opts.silent) void vscode.window.showInformationMessage(text);
      return summary;
    },
  );
}
