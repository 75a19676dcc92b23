/**
 * The one owner of the extension's DiagnosticCollection ("Form 4" in the Problems panel).
 *
 * Open documents: their own findings, recomputed (debounced through FilingService) on edit and removed when the
 * document closes. Workspace scan: findings of files read from disk, plus cross-filing findings from reconciliation;
 * these stay until the next scan (a scanned file that is opened and closed again falls back to its scan result).
 */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/model';
import type { FilingService } from './filings';
import { documentMapper, fileUri, textMapper, type RangeMapper } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Form 4';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A file's findings as read by a workspace scan. */
export interface ScannedFile {
  uri: vscode.Uri;
  /** The text the spans index into ('' for PDFs). */
  text: string;
  findings: Finding[];
}

export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('form4');
  private readonly scanned = new Map<string, ScannedFile>();
  private readonly cross = new Map<string, Finding[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly service: FilingService,
    /** Where a rule id is documented (the `code.target` of each diagnostic). */
    private readonly ruleDoc: (rule: string) => vscode.Uri,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      service.onDidChange((uri) => {
        const doc = service.document(uri);
        if (doc) this.refresh(doc);
        else this.refreshExternal(uri);
      }),
    );
    // Documents already open: checked right after activation returns, not inside it.
    const initial = setTimeout(() => {
      for (const d of vscode.workspace.textDocuments) this.refresh(d);
    }, 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  /** Recompute the diagnostics of an open document. */
  refresh(doc: vscode.TextDocument): void {
    const inspected = this.service.inspect(doc);
    const key = doc.uri.toString();
    if (!inspected || !inspected.outcome) {
      // Not (or no longer) a filing: only scan-time cross-filing findings could remain, and they no longer apply.
      if (this.collection.has(doc.uri) && !this.scanned.has(key)) this.collection.delete(doc.uri);
      return;
    }
    const out = inspected.outcome;
    let findings: Finding[];
    if (out.ok) findings = out.filing.findings;
    else
      findings = out.findings.length
        ? out.findings
        : [
            {
              rule: 'unreadable',
              severity: 'error',
              message: `Not read as a filing: ${out.reason}`,
              span: { start: 0, end: 0 },
            },
          ];
    const mapper = documentMapper(doc);
    const diags = findings.map((f) => this.toDiagnostic(doc.uri, f, mapper));
    for (const f of this.cross.get(key) ?? []) diags.push(this.toDiagnostic(doc.uri, f, mapper));
    this.collection.set(doc.uri, diags);
  }

  /** A byte input (PDF) shown in its preview: its findings, at the start of the file with their page; gone when the preview closes. */
  private refreshExternal(uri: vscode.Uri): void {
    const out = this.service.outcomeFor(uri);
    const scanned = this.scanned.get(uri.toString());
    if (!out) {
      if (scanned) this.setScanned(scanned);
      else this.collection.delete(uri);
      return;
    }
    const findings = out.ok ? out.filing.findings : out.findings;
    const mapper = textMapper(out.ok ? out.filing.text : '');
    this.collection.set(
      uri,
      findings.map((f) => this.toDiagnostic(uri, f, mapper)),
    );
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const s = this.scanned.get(key);
    if (s) this.setScanned(s);
    else this.collection.delete(doc.uri);
  }

  /** Replace all scan results (files read from disk and cross-filing findings). Open documents keep their live findings. */
  setScan(files: ScannedFile[], cross: { file: string; finding: Finding }[]): void {
    for (const key of this.scanned.keys()) {
      const uri = vscode.Uri.parse(key);
      if (!this.service.document(uri)) this.collection.delete(uri);
    }
    this.scanned.clear();
    this.cross.clear();
    for (const c of cross) {
      const key = fileUri(c.file).toString();
      const list = this.cross.get(key) ?? [];
      list.push(c.finding);
      this.cross.set(key, list);
    }
    for (const f of files) this.scanned.set(f.uri.toString(), f);
    // Files with only cross-filing findings still need an entry.
    for (const key of this.cross.keys())
      if (!this.scanned.has(key)) this.scanned.set(key, { uri: vscode.Uri.parse(key), text: '', findings: [] });
    for (const s of this.scanned.values()) {
      const doc = this.service.document(s.uri);
      if (doc) this.refresh(doc);
      else this.setScanned(s);
    }
  }

  private setScanned(s: ScannedFile): void {
    const mapper = textMapper(s.text);
    const key = s.uri.toString();
    const diags = [...s.findings, ...(this.cross.get(key) ?? [])].map((f) => this.toDiagnostic(s.uri, f, mapper));
    if (diags.length) this.collection.set(s.uri, diags);
    else this.collection.delete(s.uri);
  }

  /** A finding as a diagnostic: exact range, rule id as code with its documentation, related places. */
  toDiagnostic(uri: vscode.Uri, f: Finding, mapper: RangeMapper): vscode.Diagnostic {
    const page = f.span ? '' : f.page ? `Page ${f.page}${f.box ? `, box ${f.box}` : ''}: ` : '';
    const d = new vscode.Diagnostic(
      mapper.range(f.span),
      page + f.message,
      SEVERITY[f.severity] ?? vscode.DiagnosticSeverity.Warning,
    );
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.rule, target: this.ruleDoc(f.rule) };
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r) => {
        let target = uri;
        let m: RangeMapper = mapper;
        if (r.file && fileUri(r.file).toString() !== uri.toString()) {
          target = fileUri(r.file);
          const doc = this.service.document(target);
          const scanned = this.scanned.get(target.toString());
          m = doc
            ? documentMapper(doc)
            : scanned
              ? textMapper(scanned.text)
              : { range: () => new vscode.Range(0, 0, 0, 0) };
        }
        const where = !r.span && r.page ? `page ${r.page}: ` : '';
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(target, m.range(r.span)), where + r.message);
      });
    }
    return d;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
