import * as vscode from 'vscode';
import type { IncidentSummary, Status } from '@handoff/shared';
import { statusLabel } from '../incidents/labels';

const SEVERITY_ICON: Record<IncidentSummary['severity'], vscode.ThemeIcon> = {
  critical: new vscode.ThemeIcon('flame', new vscode.ThemeColor('errorForeground')),
  high: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  medium: new vscode.ThemeIcon('issues'),
  low: new vscode.ThemeIcon('circle-outline'),
};

/** One incident in a tree: "INC-1042 Title", described by status and owner; click opens the panel. */
export class IncidentNode extends vscode.TreeItem {
  readonly kind = 'incident';
  constructor(readonly summary: IncidentSummary) {
    super(`${summary.reference} ${summary.title}`, vscode.TreeItemCollapsibleState.None);
    this.id = undefined; // the same incident may show in several groups
    this.description = [statusLabel(summary.status), summary.owner?.name ?? vscode.l10n.t('unassigned')].join(' · ');
    this.tooltip = new vscode.MarkdownString();
    this.tooltip.appendText(`${summary.reference}: ${summary.title}\n\n`);
    this.tooltip.appendText(
      vscode.l10n.t(
        '{0} · severity {1} · team {2} · {3} customer(s)',
        statusLabel(summary.status),
        summary.severity,
        summary.team ?? '—',
        summary.affectedCustomers,
      ),
    );
    this.iconPath = SEVERITY_ICON[summary.severity];
    this.contextValue = 'handoff.incident';
    this.command = { command: 'handoff.openIncident', title: vscode.l10n.t('Open'), arguments: [summary.reference] };
  }
}

/** A status heading in "My teams", e.g. "In progress (3)". */
export class StatusGroupNode extends vscode.TreeItem {
  readonly kind = 'group';
  constructor(
    readonly status: Status,
    readonly items: IncidentSummary[],
  ) {
    super(`${statusLabel(status)} (${items.length})`, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `status:${status}`;
    this.contextValue = 'handoff.statusGroup';
  }
}

export type HandoffNode = IncidentNode | StatusGroupNode;
