/**
 * The one owner of the extension's DiagnosticCollection ("Form 4" in the Problems panel): which file shows which
 * findings, and when (findingDiagnostics.ts turns them into diagnostics).
 *
 * Open documents: their own findings, recomputed (debounced through FilingService) on edit and removed when the
 * document closes. Workspace scan: findings of files read from disk, plus cross-filing findings from reconciliation;
 * these stay until the next scan (a scanned file that is opened and closed again falls back to its scan result).
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { Disposable, timeout } from './dispose';
import type { FilingService } from './filingService';
import { DiagnosticComputer, outcomeFindings } from './findingDiagnostics';
import { documentMapper, fileUri, textMapper, type RangeMapper } from './ranges';
import { diagnosticBatches } from './diagnosticBatches';

/** A file's findings as read by a workspace scan. */
export interface ScannedFile {
  uri: vscode.Uri;
  /** Ranges of the spans (from the places the scan worker recorded: no text is kept). */
  ranges: RangeMapper;
  findings: Finding[];
  /**
   * A digest of the findings and their places: a file scanned again with the same fingerprint shows the same
   * diagnostics, which are left as they are (a re-scan of an unchanged folder sends the window nothing).
   */
  fingerprint?: string;
}

type Entry = [vscode.Uri, vscode.Diagnostic[] | undefined];

const NO_RANGES: RangeMapper = { range: () => new vscode.Range(0, 0, 0, 0) };

export class DiagnosticsManager extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('form4'));
  private readonly scanned = new Map<string, ScannedFile>();
  private readonly cross = new Map<string, Finding[]>();
  private readonly computer: DiagnosticComputer;

  constructor(
    private readonly service: FilingService,
    ruleDoc: (rule: string) => vscode.Uri,
  ) {
    super();
    this.computer = new DiagnosticComputer(ruleDoc, (uri) => this.mapperFor(uri));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)));
    this.register(
      service.onDidChange((uri) => {
        const doc = service.document(uri);
        if (doc) this.refresh(doc);
        else this.refreshHeld(uri);
      }),
    );
    // Documents already open: checked right after activation returns, not inside it.
    this.register(
      timeout(() => {
        for (const d of vscode.workspace.textDocuments) this.refresh(d);
      }, 0),
    );
  }

  /** Recompute the diagnostics of an open document. */
  refresh(doc: vscode.TextDocument): void {
    const reading = this.service.inspect(doc);
    const key = doc.uri.toString();
    if (!reading?.isFiling) {
      // Not (or no longer) a filing: only scan-time cross-filing findings could remain, and they no longer apply.
      if (this.collection.has(doc.uri) && !this.scanned.has(key)) this.collection.delete(doc.uri);
      return;
    }
    const mapper = documentMapper(doc);
    const findings = [...outcomeFindings(reading.outcome), ...(this.cross.get(key) ?? [])];
    this.collection.set(doc.uri, this.computer.toDiagnostics(doc.uri, findings, mapper));
  }

  /** A byte input (PDF) a preview shows: its findings, at the start of the file with their page; gone when the preview closes. */
  private refreshHeld(uri: vscode.Uri): void {
    const out = this.service.outcomeFor(uri);
    const scanned = this.scanned.get(uri.toString());
    if (!out) {
      if (scanned) this.setScanned(scanned);
      else this.collection.delete(uri);
      return;
    }
    const findings = out.ok ? out.filing.findings : out.findings;
    const mapper = textMapper(out.ok ? out.filing.text : '');
    this.collection.set(uri, this.computer.toDiagnostics(uri, findings, mapper));
  }

  private closed(doc: vscode.TextDocument): void {
    const s = this.scanned.get(doc.uri.toString());
    if (s) this.setScanned(s);
    else this.collection.delete(doc.uri);
  }

  /** Results of a scan under way, shown as they arrive (an earlier scan's results for these files are replaced). */
  addScanned(files: ScannedFile[]): void {
    const entries: Entry[] = [];
    for (const f of files) {
      const key = f.uri.toString();
      const before = this.scanned.get(key)?.fingerprint;
      this.scanned.set(key, f);
      const doc = this.service.document(f.uri);
      if (doc) this.refresh(doc);
      else if (before === undefined || before !== f.fingerprint) entries.push(this.scannedEntry(f));
    }
    this.setMany(entries);
  }

  /**
   * A scan's end: files it did not see lose their earlier scan results, and the cross-filing findings replace the
   * last scan's (only the files they concern, before or now, are redone).
   */
  endScan(seen: ReadonlySet<string>, cross: { file: string; finding: Finding }[]): void {
    const redo = new Set(this.cross.keys());
    const crossBefore = new Map(this.cross);
    const entries: Entry[] = [];
    for (const key of [...this.scanned.keys()]) {
      if (seen.has(key)) continue;
      this.scanned.delete(key);
      redo.delete(key);
      const uri = vscode.Uri.parse(key);
      if (!this.service.document(uri)) entries.push([uri, undefined]);
    }
    this.cross.clear();
    for (const c of cross) {
      const key = fileUri(c.file).toString();
      const list = this.cross.get(key) ?? [];
      list.push(c.finding);
      this.cross.set(key, list);
      redo.add(key);
    }
    const same = (a: Finding[] | undefined, b: Finding[] | undefined) =>
      !!a && !!b && a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
    for (const key of redo) {
      // Shown with the same cross-filing findings already (addScanned merged the last scan's into any change).
      if (same(crossBefore.get(key), this.cross.get(key)) && seen.has(key)) continue;
      const uri = vscode.Uri.parse(key);
      if (!this.scanned.has(key)) this.scanned.set(key, { uri, ranges: NO_RANGES, findings: [] });
      const doc = this.service.document(uri);
      if (doc) this.refresh(doc);
      else entries.push(this.scannedEntry(this.scanned.get(key)!));
    }
    this.setMany(entries);
  }

  private setScanned(s: ScannedFile): void {
    const [uri, diagnostics] = this.scannedEntry(s);
    if (diagnostics) this.collection.set(uri, diagnostics);
    else this.collection.delete(uri);
  }

  /** A scanned file's diagnostics: its own findings and those across filings, or undefined when it has none. */
  private scannedEntry(s: ScannedFile): Entry {
    const findings = [...s.findings, ...(this.cross.get(s.uri.toString()) ?? [])];
    return [s.uri, findings.length ? this.computer.toDiagnostics(s.uri, findings, s.ranges) : undefined];
  }

  /** Many files' diagnostics in few messages to the window (./diagnosticBatches); undefined removes a file's. */
  private setMany(entries: Entry[]): void {
    for (const run of diagnosticBatches(entries, ([, d]) => d?.length ?? 0)) this.collection.set(run);
  }

  /** Ranges in a file a finding points to: its open document, else the text a scan read. */
  private mapperFor(uri: vscode.Uri): RangeMapper {
    const doc = this.service.document(uri);
    if (doc) return documentMapper(doc);
    const scanned = this.scanned.get(uri.toString());
    return scanned ? scanned.ranges : NO_RANGES;
  }
}
