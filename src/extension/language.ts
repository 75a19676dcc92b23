/**
 * In the text editor of an XML or submission filing: hovers (transaction codes, footnote references and
 * definitions), go to definition (reference -> `<footnote id>`), find references (footnote -> every citing
 * element), and document symbols (Outline, breadcrumbs).
 */
import * as vscode from 'vscode';
import type { Filing, Footnote, Row, Span } from '../core/model';
import { citations } from '../core/model';
import { codeInfo } from '../core/codes';
import type { FilingService } from './filingService';
import { fmtAmount } from '../core/format';
import { pathLabel } from './viewModel';

/** Documents a filing may be in (content decides; these only limit which editors ask). */
export const FILING_SELECTOR: vscode.DocumentSelector = [
  { language: 'xml' },
  { language: 'plaintext' },
  { language: 'html' },
  { pattern: '**/*.{nc,sgml,NC,SGML}' },
];

function inSpan(span: Span | null | undefined, offset: number): span is Span {
  return !!span && span.start <= offset && offset <= span.end;
}

function range(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

function footnoteId(f: Footnote): string {
  return f.id.value ?? f.id.raw ?? '';
}

/** What sits at an offset: a footnote reference, a footnote definition or a transaction code. */
export type Target =
  | { kind: 'reference'; id: string; span: Span; path: string }
  | { kind: 'footnote'; id: string; footnote: Footnote; span: Span }
  | { kind: 'code'; row: Row; span: Span };

/** The whole `<footnoteId id="F1"/>` element around a reference's id span (the model spans the id value only). */
export function referenceElement(text: string, span: Span): Span {
  const open = text.lastIndexOf('<', span.start);
  const close = text.indexOf('>', span.end);
  if (open < 0 || close < 0 || span.start - open > 200 || close - span.end > 200) return span;
  const el = text.slice(open, close + 1);
  return /^<(?:[\w.-]+:)?footnoteId\b[^<>]*>$/.test(el) ? { start: open, end: close + 1 } : span;
}

/**
 * Markdown-escape filing text for hovers (keeps spaces readable, unlike appendText's &nbsp;). A run of white space
 * with a line break in it becomes one space; each run is read once (a pattern of spaces, line breaks and spaces
 * would retry a long run of spaces from each of them).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, '\\$&').replace(/\s+/g, (ws) => (/[\r\n]/.test(ws) ? ' ' : ws));
}

export function targetAt(filing: Filing, offset: number): Target | undefined {
  for (const c of citations(filing)) {
    if (!c.ref.span) continue;
    const whole = referenceElement(filing.text, c.ref.span);
    if (inSpan(whole, offset)) return { kind: 'reference', id: c.ref.id, span: whole, path: c.path };
  }
  for (const f of filing.footnotes) {
    // The id attribute value, or anywhere in the <footnote> start tag region before the text.
    if (inSpan(f.id.span, offset)) return { kind: 'footnote', id: footnoteId(f), footnote: f, span: f.id.span };
  }
  for (const row of [...filing.nonDerivative, ...filing.derivative]) {
    const f = row.transactionCode;
    const span = inSpan(f.span, offset) ? f.span : inSpan(f.elementSpan, offset) ? f.elementSpan : null;
    if (span) return { kind: 'code', row, span };
  }
  return undefined;
}

export class FilingLanguageFeatures
  implements vscode.HoverProvider, vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentSymbolProvider
{
  constructor(private readonly service: FilingService) {}

  private filing(doc: vscode.TextDocument): Filing | undefined {
    const o = this.service.inspect(doc)?.outcome;
    return o && o.ok ? o.filing : undefined;
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const filing = this.filing(doc);
    if (!filing) return undefined;
    const t = targetAt(filing, doc.offsetAt(pos));
    if (!t) return undefined;
    const md = new vscode.MarkdownString();
    if (t.kind === 'code') {
      const code = t.row.transactionCode.value ?? t.row.transactionCode.raw ?? '';
      const info = codeInfo(code);
      md.appendMarkdown('**Transaction code ');
      md.appendMarkdown(escapeMarkdown(code));
      md.appendMarkdown('**');
      if (info) {
        md.appendMarkdown(': ');
        md.appendMarkdown(escapeMarkdown(info.meaning));
        md.appendMarkdown('\n\n');
        md.appendMarkdown(escapeMarkdown(`${info.group}.`));
        const expect = t.row.table === 'derivative' ? info.expectTableII : info.expectTableI;
        if (expect)
          md.appendMarkdown(
            escapeMarkdown(
              ` Normally ${expect === 'A' ? 'an acquisition (A)' : 'a disposition (D)'} in ${t.row.table === 'derivative' ? 'Table II' : 'Table I'}.`,
            ),
          );
        if (!info.xml) md.appendMarkdown(escapeMarkdown(' Not a valid XML transactionCode value.'));
      } else {
        md.appendMarkdown('\n\n');
        md.appendMarkdown(escapeMarkdown('Not a transaction code of Forms 4 and 5.'));
      }
    } else {
      const id = t.id;
      const defs = filing.footnotes.filter((f) => footnoteId(f) === id);
      const cites = citations(filing).filter((c) => c.ref.id === id);
      md.appendMarkdown('**Footnote ');
      md.appendMarkdown(escapeMarkdown(id));
      md.appendMarkdown('**\n\n');
      if (defs.length === 0) md.appendMarkdown(escapeMarkdown('Not defined in this filing.'));
      else md.appendMarkdown(escapeMarkdown(defs[0].text.value ?? defs[0].text.raw ?? '(empty)'));
      md.appendMarkdown('\n\n');
      md.appendMarkdown(
        escapeMarkdown(
          cites.length ? `Cited by ${cites.map((c) => pathLabel(c.path)).join(', ')}.` : 'Not cited anywhere.',
        ),
      );
    }
    return new vscode.Hover(md, range(doc, t.span));
  }

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.LocationLink[] | undefined {
    const filing = this.filing(doc);
    if (!filing) return undefined;
    const t = targetAt(filing, doc.offsetAt(pos));
    if (!t || t.kind !== 'reference') return undefined;
    const links: vscode.LocationLink[] = [];
    for (const f of filing.footnotes) {
      if (footnoteId(f) !== t.id) continue;
      const whole = f.span ?? f.id.span;
      const sel = f.id.span ?? whole;
      if (!whole || !sel) continue;
      links.push({
        originSelectionRange: range(doc, t.span),
        targetUri: doc.uri,
        targetRange: range(doc, whole),
        targetSelectionRange: range(doc, sel),
      });
    }
    return links;
  }

  provideReferences(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    ctx: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const filing = this.filing(doc);
    if (!filing) return undefined;
    const t = targetAt(filing, doc.offsetAt(pos));
    if (!t || t.kind === 'code') return undefined;
    const out: vscode.Location[] = [];
    if (ctx.includeDeclaration) {
      for (const f of filing.footnotes)
        if (footnoteId(f) === t.id && f.id.span) out.push(new vscode.Location(doc.uri, range(doc, f.id.span)));
    }
    for (const c of citations(filing))
      if (c.ref.id === t.id && c.ref.span)
        out.push(new vscode.Location(doc.uri, range(doc, referenceElement(filing.text, c.ref.span))));
    return out;
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const filing = this.filing(doc);
    if (!filing) return undefined;
    return documentSymbols(filing, (s) => range(doc, s));
  }
}

/** Document symbols: the document, issuer, owners, Table I/II rows, footnotes, remarks, signatures. */
export function documentSymbols(filing: Filing, toRange: (s: Span) => vscode.Range): vscode.DocumentSymbol[] {
  const sym = (
    name: string,
    detail: string,
    kind: vscode.SymbolKind,
    span: Span | null | undefined,
    sel?: Span | null,
  ): vscode.DocumentSymbol | undefined => {
    if (!span) return undefined;
    const r = toRange(span);
    const s = sel && span.start <= sel.start && sel.end <= span.end ? toRange(sel) : r;
    return new vscode.DocumentSymbol(name || '(unnamed)', detail, kind, r, s);
  };
  const kids: vscode.DocumentSymbol[] = [];
  const push = (list: vscode.DocumentSymbol[], s: vscode.DocumentSymbol | undefined) => {
    if (s) list.push(s);
  };
  push(
    kids,
    sym(
      `Issuer: ${filing.issuer.name.value ?? '?'}`,
      filing.issuer.tradingSymbol.value ?? '',
      vscode.SymbolKind.Class,
      filing.issuer.span,
      filing.issuer.name.span,
    ),
  );
  filing.reportingOwners.forEach((o) =>
    push(
      kids,
      sym(
        `Owner: ${o.name.value ?? '?'}`,
        o.cik.value ? `CIK ${o.cik.value}` : '',
        vscode.SymbolKind.Object,
        o.span,
        o.name.span,
      ),
    ),
  );
  const table = (name: string, rows: Row[]) => {
    const spans = rows.map((r) => r.span).filter((s): s is Span => !!s);
    if (!spans.length) return;
    const whole = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
    const t = sym(name, `${rows.length} row${rows.length === 1 ? '' : 's'}`, vscode.SymbolKind.Array, whole);
    if (!t) return;
    for (const r of rows) {
      const code = r.transactionCode.value;
      const shares = r.transactionShares.value;
      const detail =
        r.kind === 'holding'
          ? 'holding'
          : [code ?? '', fmtAmount(shares), r.transactionDate.value ?? ''].filter(Boolean).join(' ');
      push(
        t.children,
        sym(
          `${r.index + 1}. ${r.securityTitle.value ?? '?'}`,
          detail,
          r.kind === 'holding' ? vscode.SymbolKind.Variable : vscode.SymbolKind.Event,
          r.span,
          r.securityTitle.span,
        ),
      );
    }
    kids.push(t);
  };
  table('Table I (non-derivative)', filing.nonDerivative);
  table('Table II (derivative)', filing.derivative);
  const fnSpans = filing.footnotes.map((f) => f.span).filter((s): s is Span => !!s);
  if (fnSpans.length) {
    const whole = { start: Math.min(...fnSpans.map((s) => s.start)), end: Math.max(...fnSpans.map((s) => s.end)) };
    const group = sym('Footnotes', `${filing.footnotes.length}`, vscode.SymbolKind.Namespace, whole)!;
    for (const f of filing.footnotes) {
      const text = f.text.value ?? '';
      push(
        group.children,
        sym(
          footnoteId(f),
          text.length > 60 ? `${text.slice(0, 59)}\u2026` : text,
          vscode.SymbolKind.String,
          f.span,
          f.id.span,
        ),
      );
    }
    kids.push(group);
  }
  push(kids, sym('Remarks', '', vscode.SymbolKind.String, filing.remarks.elementSpan ?? filing.remarks.span));
  filing.signatures.forEach((s) =>
    push(
      kids,
      sym(`Signature: ${s.name.value ?? '?'}`, s.date.value ?? '', vscode.SymbolKind.Key, s.span, s.name.span),
    ),
  );
  const type = filing.documentType.value ?? '?';
  const root = sym(
    `Form ${type}`,
    filing.periodOfReport.value ?? '',
    vscode.SymbolKind.File,
    filing.documentSpan,
    filing.documentType.span,
  );
  if (!root) return kids;
  // Children must lie within the parent's range; anything outside (a submission header) goes to the top level.
  const top: vscode.DocumentSymbol[] = [root];
  for (const k of kids) (root.range.contains(k.range) ? root.children : top).push(k);
  return top;
}
