import * as vscode from 'vscode';
import type { IncidentListItem } from '@handoff/shared';
import type { IncidentStore } from '../incidents/incidentStore';
import { groupByStatus } from './treeModel';
import { IncidentNode, StatusGroupNode, type HandoffNode } from './nodes';

export type ViewKind = 'assigned' | 'teams' | 'needsInfo' | 'recent';

export const VIEW_IDS: Record<ViewKind, string> = {
  assigned: 'handoff.assigned',
  teams: 'handoff.teams',
  needsInfo: 'handoff.needsInfo',
  recent: 'handoff.recent',
};

/** One provider class for the four views; `kind` picks the list and whether it groups by status. */
export class IncidentTreeProvider implements vscode.TreeDataProvider<HandoffNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HandoffNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(
    readonly kind: ViewKind,
    private readonly store: IncidentStore,
  ) {
    this.sub = store.onDidChange(() => this.changed.fire(undefined));
  }

  items(): IncidentListItem[] {
    switch (this.kind) {
      case 'assigned':
        return this.store.assigned;
      case 'teams':
        return this.store.teams;
      case 'needsInfo':
        return this.store.needsInfo;
      case 'recent':
        return this.store.recent;
    }
  }

  getTreeItem(node: HandoffNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: HandoffNode): HandoffNode[] {
    if (node instanceof StatusGroupNode) return node.items.map((i) => new IncidentNode(i));
    if (node) return [];
    if (this.kind === 'teams') return groupByStatus(this.items()).map((g) => new StatusGroupNode(g.status, g.items));
    return this.items().map((i) => new IncidentNode(i));
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
