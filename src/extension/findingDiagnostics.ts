/**
 * Findings as VS Code diagnostics: the exact range, the severity, the rule id as the code with a link to its
 * documentation, and related places (possibly in other files). It computes only; diagnostics.ts decides which file
 * gets which findings and owns the collection.
 */
import * as vscode from 'vscode';
import type { Finding, ParseOutcome, Severity } from '../core/model';
import { fileUri, type RangeMapper } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Form 4';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** What an outcome reports: a filing's findings, or a failure's (its reason as a finding when it has none). */
export function outcomeFindings(out: ParseOutcome): Finding[] {
  if (out.ok) return out.filing.findings;
  if (out.findings.length) return out.findings;
  return [
    {
      rule: 'unreadable',
      severity: 'error',
      message: `Not read as a filing: ${out.reason}`,
      span: { start: 0, end: 0 },
    },
  ];
}

export class DiagnosticComputer {
  constructor(
    /** Where a rule id is documented (the `code.target` of each diagnostic). */
    private readonly ruleDoc: (rule: string) => vscode.Uri,
    /** Ranges in another file that a finding relates to (the earlier filing of a cross-filing finding). */
    private readonly mapperFor: (uri: vscode.Uri) => RangeMapper,
  ) {}

  toDiagnostics(uri: vscode.Uri, findings: readonly Finding[], mapper: RangeMapper): vscode.Diagnostic[] {
    return findings.map((f) => this.toDiagnostic(uri, f, mapper));
  }

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
        let m = mapper;
        if (r.file && fileUri(r.file).toString() !== uri.toString()) {
          target = fileUri(r.file);
          m = this.mapperFor(target);
        }
        const where = !r.span && r.page ? `page ${r.page}: ` : '';
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(target, m.range(r.span)), where + r.message);
      });
    }
    return d;
  }
}
