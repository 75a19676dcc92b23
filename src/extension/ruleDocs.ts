/**
 * The rules reference inside the editor: the Problems panel's rule link (a diagnostic's `code.target`) runs the
 * Show Rule command, which opens that rule's section of docs/RULES.md rendered by VS Code's Markdown preview. The
 * documents come from a content provider of the scheme `form4-rules`, so they are read-only by construction: the
 * installed extension's docs are never opened as an editable file. The command URI works as a code target because
 * the Problems panel, the hover and the peek view open it with commands allowed (VS Code 1.100).
 */
import * as vscode from 'vscode';
import { RULES } from '../core/rules';
import { Disposable } from './dispose';
import { ruleOfPath, ruleSection, WHOLE_REFERENCE } from './ruleDocsText';

export const RULES_SCHEME = 'form4-rules';
export const SHOW_RULE_COMMAND = 'form4Inspector.showRule';

/** The link of a rule id in the Problems panel: the Show Rule command with the id as its argument. */
export function ruleLink(rule: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: 'command',
    path: SHOW_RULE_COMMAND,
    query: encodeURIComponent(JSON.stringify([rule])),
  });
}

/** The read-only document of one rule (or of the whole reference). */
export function ruleDocUri(rule?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULES_SCHEME, path: `/${rule ?? WHOLE_REFERENCE.replace(/\.md$/, '')}.md` });
}

export class RuleDocs extends Disposable implements vscode.TextDocumentContentProvider {
  private reference: Promise<string> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(RULES_SCHEME, this));
    this.register(vscode.commands.registerCommand(SHOW_RULE_COMMAND, (rule?: unknown) => this.show(rule)));
  }

  /** Opens a rule's documentation rendered; with no (or an unknown) id, the user picks the rule. */
  async show(rule?: unknown): Promise<void> {
    let id = typeof rule === 'string' && RULES.some((r) => r.id === rule) ? rule : undefined;
    if (!id) {
      const picked = await vscode.window.showQuickPick(
        RULES.map((r) => ({ label: r.id, description: r.title })),
        { placeHolder: 'Which rule?', matchOnDescription: true },
      );
      if (!picked) return;
      id = picked.label;
    }
    await vscode.commands.executeCommand('markdown.showPreview', ruleDocUri(id));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const reference = await this.text();
    const rule = ruleOfPath(uri.path);
    if (!rule) return reference;
    return ruleSection(reference, rule) ?? `# ${rule}\n\nThe rules reference has no section for \`${rule}\`.\n`;
  }

  private text(): Promise<string> {
    this.reference ??= Promise.resolve(
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', 'RULES.md')),
    ).then((bytes) => new TextDecoder().decode(bytes));
    return this.reference;
  }
}
