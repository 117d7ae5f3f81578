import * as vscode from 'vscode';
import type { ReleaseStore } from '../releases/releaseStore';
import { buildReleaseTree, type ReleaseRow } from '../releases/releaseModel';
import { statusLabel } from '../incidents/labels';
import type { Status } from '@handoff/shared';

export const RELEASES_VIEW_ID = 'handoff.releases';

/** A row of the Releases view; `row` keeps the model (commands take the release from it). */
export class ReleaseNode extends vscode.TreeItem {
  constructor(readonly row: ReleaseRow) {
    super('', row.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    this.id = row.id;
    const t = vscode.l10n.t;
    switch (row.kind) {
      case 'group':
        this.label = row.group === 'planned' ? t('Upcoming ({0})', row.count) : t('Recently shipped ({0})', row.count);
        this.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        this.contextValue = 'handoff.releaseGroup';
        break;
      case 'release': {
        const r = row.release;
        // the version leads the label: tests and people find a release by it
        this.label =
          r.status === 'planned'
            ? t('{0} (planned {1})', r.version, r.plannedDate)
            : t('{0} (shipped {1})', r.version, (r.shippedAt ?? '').slice(0, 10));
        const fixes = r.items.filter((i) => i.kind === 'fix').length;
        const parts = [t('{0} fix(es)', fixes)];
        if (row.concerns) parts.push(t('{0} concern(s)', row.concerns));
        else if (r.feedback.some((f) => f.verdict === 'ready')) parts.push(t('ready'));
        this.description = parts.join(' · ');
        this.iconPath =
          r.status === 'shipped'
            ? new vscode.ThemeIcon('package')
            : row.concerns
              ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
              : new vscode.ThemeIcon('milestone');
        const tip = new vscode.MarkdownString();
        tip.appendText(`${r.version} · ${t('created by {0}', r.createdBy.name)}\n\n`);
        if (r.notes) tip.appendText(`${r.notes}\n`);
        this.tooltip = tip;
        this.contextValue = r.status === 'planned' ? 'handoff.release.planned' : 'handoff.release.shipped';
        // upcoming releases open, so new feedback shows without a click; shipped ones stay folded
        this.collapsibleState =
          r.status === 'planned' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        break;
      }
      case 'fix':
        this.label = `${row.reference} ${row.title}`;
        this.description = statusLabel(row.status as Status);
        this.iconPath = new vscode.ThemeIcon('check');
        this.contextValue = 'handoff.releaseFix';
        this.command = { command: 'handoff.openIncident', title: t('Open'), arguments: [row.reference] };
        if (row.children.length) this.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        break;
      case 'knownIssue':
        this.label = row.text;
        this.description = t('known issue');
        this.iconPath = new vscode.ThemeIcon('bug');
        this.contextValue = 'handoff.releaseKnownIssue';
        if (row.children.length) this.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        break;
      case 'feedback': {
        const f = row.feedback;
        const verdict = f.verdict === 'ready' ? t('ready') : t('concern');
        this.label = `${f.reviewer.name}: ${verdict}`;
        this.description = f.text;
        this.tooltip = `${f.reviewer.name} · ${verdict} · ${new Date(f.at).toLocaleString()}\n\n${f.text}`;
        this.iconPath =
          f.verdict === 'ready'
            ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
            : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        this.contextValue = `handoff.releaseFeedback.${f.verdict}`;
        break;
      }
    }
  }
}

/** "Releases": upcoming and recently shipped releases with their items and L1 feedback, live. */
export class ReleaseTreeProvider implements vscode.TreeDataProvider<ReleaseNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReleaseNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly store: ReleaseStore) {
    this.sub = store.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: ReleaseNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: ReleaseNode): ReleaseNode[] {
    const rows = node ? node.row.children : buildReleaseTree(this.store.releases);
    return rows.map((r) => new ReleaseNode(r));
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
