import * as vscode from 'vscode';
import { byUrgency, type IncidentListItem } from '@handoff/shared';
import type { IncidentStore } from '../incidents/incidentStore';
import { groupByStatus } from './treeModel';
import { IncidentNode, StatusGroupNode, type HandoffNode } from './nodes';

/** Incidents seen in full by urgency; outlines (no promise shown) after them. */
const urgencyOrder = (a: IncidentListItem, b: IncidentListItem) =>
  byUrgency(a.access === 'full' ? a : { ...a, sla: null }, b.access === 'full' ? b : { ...b, sla: null });

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
  /** Time left changes by itself: the lines are redrawn every half minute. */
  private readonly tick = setInterval(() => this.changed.fire(undefined), 30_000);
  /** What the view was last told to show (its items as the server sent them). */
  private shown = '';

  constructor(
    readonly kind: ViewKind,
    private readonly store: IncidentStore,
  ) {
    this.sub = store.onDidChange(() => {
      // Each refresh is a round trip through the workbench for every row: only a view whose
      // incidents changed is redrawn (a new incident in "My teams" leaves "Recent" alone).
      const shown = JSON.stringify(this.items());
      if (shown === this.shown) return;
      this.shown = shown;
      this.changed.fire(undefined);
    });
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
    // Most urgent first (the earliest service-level due time); "Recent" keeps the order of use.
    const sorted = (items: IncidentListItem[]) => (this.kind === 'recent' ? items : [...items].sort(urgencyOrder));
    if (node instanceof StatusGroupNode) return sorted(node.items).map((i) => new IncidentNode(i));
    if (node) return [];
    if (this.kind === 'teams') return groupByStatus(this.items()).map((g) => new StatusGroupNode(g.status, g.items));
    return sorted(this.items()).map((i) => new IncidentNode(i));
  }

  dispose(): void {
    clearInterval(this.tick);
    this.sub.dispose();
    this.changed.dispose();
  }
}
