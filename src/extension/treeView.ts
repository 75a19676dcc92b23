/**
 * The "Form 4" view in the Explorer: the tree of the active filing (see treeModel.ts). Follows the active editor and
 * edits; selecting an item reveals it in the source and in the preview. With no active filing the view is empty and
 * shows its welcome content (package.json `viewsWelcome`).
 */
import * as vscode from 'vscode';
import type { ActiveFiling } from './activeFiling';
import { Disposable } from './dispose';
import type { FilingService } from './filingService';
import { failureTree, filingTree, type TreeNode } from './treeModel';

export const TREE_VIEW_ID = 'form4Inspector.filingTree';

/** A node with children opens as its model says (expanded or collapsed); one without has no twistie. */
function collapsibleState(node: {
  children?: readonly unknown[];
  expanded?: boolean;
}): vscode.TreeItemCollapsibleState {
  if (!node.children?.length) return vscode.TreeItemCollapsibleState.None;
  return node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
}

/** A tree node as VS Code shows it: label, twistie, description, icon, context value and an escaped tooltip. */
export function treeItemOf(
  node: Omit<TreeNode, 'children'> & { children?: readonly unknown[] },
  id: string,
): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, collapsibleState(node));
  item.id = id;
  item.description = node.description;
  item.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
  item.contextValue = node.contextValue;
  if (node.tooltip) {
    const md = new vscode.MarkdownString();
    // appendText escapes: filing text is never read as Markdown or HTML.
    for (const [i, line] of node.tooltip.split('\n').entries()) {
      if (i > 0) md.appendMarkdown('  \n');
      md.appendText(line);
    }
    item.tooltip = md;
  }
  return item;
}

export class FilingTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TreeNode[] = [];
  private uri: vscode.Uri | undefined;
  private readonly parents = new Map<TreeNode, TreeNode>();

  constructor(
    private readonly service: FilingService,
    private readonly active: ActiveFiling,
  ) {
    super();
    // ActiveFiling also re-announces the active filing when its content changes (edits, settings, a PDF re-read).
    this.register(active.onDidChange(() => this.rebuild()));
    this.rebuild();
  }

  /** The file the tree shows. */
  get file(): vscode.Uri | undefined {
    return this.uri;
  }

  /** The current roots (plain data; tests read them). */
  get nodes(): readonly TreeNode[] {
    return this.roots;
  }

  rebuild(): void {
    this.uri = this.active.uri;
    this.parents.clear();
    const outcome = this.uri ? this.service.outcomeFor(this.uri) : undefined;
    if (!outcome) this.roots = [];
    else if (outcome.ok) this.roots = [filingTree(outcome.filing)];
    else this.roots = [failureTree(outcome.reason, outcome.findings)];
    const walk = (n: TreeNode) => {
      for (const c of n.children ?? []) {
        this.parents.set(c, n);
        walk(c);
      }
    };
    this.roots.forEach(walk);
    this.emitter.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = treeItemOf(node, `${this.uri?.toString() ?? ''}#${node.id}`);
    if (this.uri && (node.span || node.path)) {
      item.command = {
        command: 'form4Inspector.revealInSource',
        title: 'Reveal in Source',
        arguments: [this.uri, node.span ?? null, node.path ?? null],
      };
    }
    return item;
  }
}
