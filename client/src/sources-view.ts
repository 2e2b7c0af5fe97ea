import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ListSourcesRequest,
  SourceDetailsRequest,
  type SourceDetails,
  type SourceListItem,
  type SourcePassage,
} from '../../server/src/protocol/requests';
import { quickPickText as plain } from './quick-pick-text';

/** A node of the Sources tree: a source, one of its two groups, or a quotation / actor with its passage. */
type Node =
  | { kind: 'source'; source: SourceListItem }
  | { kind: 'group'; source: SourceListItem; group: 'quotes' | 'actors'; details: SourceDetails }
  | { kind: 'passage'; source: SourceListItem; passage: SourcePassage; group: 'quotes' | 'actors' };

const ACTOR_ICON: Record<string, string> = { person: 'person', organisation: 'organization', country: 'globe', place: 'location' };

/** Shortens a quotation for a tree label. */
function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}\u2026`;
}

/**
 * The Sources view (Explorer): every source with its title, outlet and date; under it its quotations (with their
 * speakers) and its actors. Selecting any of them opens the source at that passage. Labels are plain text: they
 * come from untrusted source files.
 */
export class SourcesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('sourced.sources', { treeDataProvider: this, showCollapseAll: true });
  }

  /** Reloads the tree, at most once per half second while the index keeps changing. */
  refresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire(undefined);
    }, 500);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    // Before the server runs, the view stays empty; the first status notification refreshes it.
    if (!this.client.isRunning()) return [];
    try {
      if (!node) {
        const sources = await this.client.sendRequest(ListSourcesRequest, {});
        this.view.message = sources.length ? undefined : 'No sources indexed yet.';
        return sources.map((source) => ({ kind: 'source', source }));
      }
      if (node.kind === 'source') {
        const details = await this.client.sendRequest(SourceDetailsRequest, { uri: node.source.uri });
        if (!details) return [];
        return (['quotes', 'actors'] as const)
          .filter((g) => details[g].length)
          .map((group) => ({ kind: 'group', source: node.source, group, details }));
      }
      if (node.kind === 'group')
        return node.details[node.group].map((passage) => ({ kind: 'passage', source: node.source, passage, group: node.group }));
    } catch (error) {
      // The server may be restarting; the next status change refreshes the view.
      this.view.message = `Sources are not available: ${error instanceof Error ? error.message : String(error)}`;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.source.uri);
    if (node.kind === 'source') {
      const s = node.source;
      const item = new vscode.TreeItem(plain(s.title || s.path), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = [s.outlet, s.date]
        .filter(Boolean)
        .map((v) => plain(String(v)))
        .join(' \u00b7 ');
      item.tooltip = `${plain(s.path)}\n${s.quotes} quotations \u00b7 ${s.actors} actors`;
      item.iconPath = new vscode.ThemeIcon('book');
      item.resourceUri = uri;
      item.command = this.open(uri, undefined);
      item.contextValue = 'source';
      return item;
    }
    if (node.kind === 'group') {
      const count = node.details[node.group].length;
      const item = new vscode.TreeItem(
        `${node.group === 'quotes' ? 'Quotations' : 'Actors'} (${count})`,
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.iconPath = new vscode.ThemeIcon(node.group === 'quotes' ? 'quote' : 'organization');
      return item;
    }
    const p = node.passage;
    const label = node.group === 'quotes' ? `\u201c${shorten(plain(p.label))}\u201d` : plain(p.label);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = p.detail ? plain(p.detail) : undefined;
    item.tooltip = node.group === 'quotes' ? `${plain(p.label)}${p.detail ? `\n\u2014 ${plain(p.detail)}` : ''}` : plain(p.label);
    item.iconPath = new vscode.ThemeIcon(node.group === 'quotes' ? 'quote' : (ACTOR_ICON[p.type ?? ''] ?? 'symbol-misc'));
    item.command = this.open(uri, this.client.protocol2CodeConverter.asRange(p.range));
    return item;
  }

  private open(uri: vscode.Uri, selection: vscode.Range | undefined): vscode.Command {
    return { title: 'Open Source', command: 'vscode.open', arguments: [uri, { selection, preview: true }] };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.view.dispose();
  }
}
