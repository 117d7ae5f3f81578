import * as vscode from 'vscode';
import { type IncidentListItem, type IncidentSummary, type Status, urgencyOf } from '@handoff/shared';
import { statusLabel } from '../incidents/labels';
import { targetLabel, timeLeftText } from '../sla/timeLeftText';
import { whoseLine } from '../incidents/whose';

const SEVERITY_ICON: Record<IncidentSummary['severity'], vscode.ThemeIcon> = {
  critical: new vscode.ThemeIcon('flame', new vscode.ThemeColor('errorForeground')),
  high: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  medium: new vscode.ThemeIcon('issues'),
  low: new vscode.ThemeIcon('circle-outline'),
};

/** The clock icon of a promise past its warning share (yellow) or breached (red). */
const URGENCY_ICON = {
  warning: new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground')),
  breached: new vscode.ThemeIcon('watch', new vscode.ThemeColor('errorForeground')),
};

/**
 * One incident in a tree: "INC-1042 Title", described by the time left on its next service-level
 * target (if a policy covers it), status and owner; click opens the panel.
 * Another team's incident (an outline) says whose it is and carries another context value, so
 * none of the inline actions (steps, start work, assign — all need the whole incident) shows on it.
 */
export class IncidentNode extends vscode.TreeItem {
  readonly kind = 'incident';
  constructor(
    readonly item: IncidentListItem,
    now: number = Date.now(),
  ) {
    super(`${item.reference} ${item.title}`, vscode.TreeItemCollapsibleState.None);
    this.id = undefined; // the same incident may show in several groups
    const owner = item.owner?.name ?? vscode.l10n.t('unassigned');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${item.reference}: ${item.title}\n\n`);
    if (item.access === 'full') {
      const urgency = urgencyOf(item.sla, now);
      const left = urgency ? timeLeftText(urgency.target.dueAt!, now) : null;
      this.description = [...(left ? [left] : []), statusLabel(item.status), owner].join(' · ');
      if (urgency && left)
        tooltip.appendText(`${targetLabel(urgency.target.kind)}: ${left} (${new Date(urgency.target.dueAt!).toLocaleString()})\n\n`);
      tooltip.appendText(
        vscode.l10n.t(
          '{0} · severity {1} · team {2} · {3} customer(s)',
          statusLabel(item.status),
          item.severity,
          item.team ?? '—',
          item.affectedCustomers,
        ),
      );
      this.iconPath = urgency && urgency.level !== 'ok' ? URGENCY_ICON[urgency.level] : SEVERITY_ICON[item.severity];
      this.contextValue = 'handoff.incident';
    } else {
      this.description = [statusLabel(item.status), owner, vscode.l10n.t('team {0}', item.team ?? '—')].join(' · ');
      tooltip.appendText(whoseLine(item));
      this.iconPath = new vscode.ThemeIcon('eye');
      this.contextValue = 'handoff.incidentOutline';
    }
    this.tooltip = tooltip;
    this.command = { command: 'handoff.openIncident', title: vscode.l10n.t('Open'), arguments: [item.reference] };
  }
}

/** A status heading in "My teams", e.g. "In progress (3)". */
export class StatusGroupNode extends vscode.TreeItem {
  readonly kind = 'group';
  constructor(
    readonly status: Status,
    readonly items: IncidentListItem[],
  ) {
    super(`${statusLabel(status)} (${items.length})`, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `status:${status}`;
    this.contextValue = 'handoff.statusGroup';
  }
}

export type HandoffNode = IncidentNode | StatusGroupNode;
