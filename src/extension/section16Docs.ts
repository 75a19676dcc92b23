/**
 * Read-only documents of the Section 16 desk (scheme `form4-section16`): a filing as readable text, one value a line
 * (an amendment and its original side by side in VS Code's diff editor), and the desk's report as Markdown. Every
 * value of a readable filing links to where it sits in the filing (Ctrl+click opens the file with the value
 * selected). Nothing here writes anywhere.
 */
import * as vscode from 'vscode';
import { LineIndex } from '../core/positions';
import { baseName } from '../core/format';
import { readableFiling, type Readable } from '../core/section16/readable';
import { Disposable } from './dispose';
import type { FilingService } from './filingService';

export const SECTION16_SCHEME = 'form4-section16';
const REPORT_PATH = '/Section 16 report.md';

/** The readable document of a filing; `role` names it in the tab ("original", "amendment"). */
export function readableUri(source: vscode.Uri, role: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: SECTION16_SCHEME,
    path: `/${role}/${baseName(source.toString())}.txt`,
    query: source.toString(),
  });
}

export function reportUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: SECTION16_SCHEME, path: REPORT_PATH });
}

interface Rendered {
  readable: Readable;
  source: vscode.Uri;
  lines: LineIndex | null;
}

export class Section16Documents
  extends Disposable
  implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider
{
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.emitter.event;
  private readonly rendered = new Map<string, Rendered>();

  constructor(
    private readonly service: FilingService,
    /** The desk's report as Markdown (what the view shows). */
    private readonly report: () => string,
  ) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(SECTION16_SCHEME, this));
    this.register(vscode.languages.registerDocumentLinkProvider({ scheme: SECTION16_SCHEME }, this));
    // A filing edited or saved: its readable text follows.
    this.register(
      service.onDidChange((uri) => {
        const key = uri.toString();
        for (const [doc, r] of this.rendered) if (r.source.toString() === key) this.emitter.fire(vscode.Uri.parse(doc));
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === SECTION16_SCHEME) this.rendered.delete(d.uri.toString());
      }),
    );
  }

  /** The report changed: an open report document is refreshed. */
  reportChanged(): void {
    this.emitter.fire(reportUri());
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.path === REPORT_PATH) return this.report();
    const source = vscode.Uri.parse(uri.query);
    const { outcome, text } = await this.service.read(source);
    if (!outcome.ok) return `${source.toString()} is not read as a filing: ${outcome.reason}\n`;
    const readable = readableFiling(outcome.filing);
    this.rendered.set(uri.toString(), { readable, source, lines: text ? new LineIndex(text) : null });
    return readable.text;
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const r = this.rendered.get(doc.uri.toString());
    if (!r) return [];
    const out: vscode.DocumentLink[] = [];
    for (const l of r.readable.links) {
      if (l.line >= doc.lineCount) continue;
      let target = r.source;
      if (l.loc.span && r.lines) {
        const a = r.lines.position(l.loc.span.start);
        const b = r.lines.position(l.loc.span.end);
        // VS Code opens a file link at the selection its fragment names.
        target = r.source.with({ fragment: `L${a.line},${a.column}-L${b.line},${b.column}` });
      }
      const link = new vscode.DocumentLink(new vscode.Range(l.line, l.start, l.line, l.end), target);
      link.tooltip = l.loc.page ? `Open the filing (page ${l.loc.page})` : 'Show in the filing';
      out.push(link);
    }
    return out;
  }
}
