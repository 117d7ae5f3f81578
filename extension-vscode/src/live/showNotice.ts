import * as vscode from 'vscode';
import { targetLabel, timeLeftText } from '../sla/timeLeftText';
import type { Notice } from './notifications';

/** Shows a live-event notice with an Open button that opens the incident. */
export async function showNotice(notice: Notice): Promise<void> {
  const open = vscode.l10n.t('Open');
  let message: string;
  switch (notice.kind) {
    case 'assignedToMe':
      message = vscode.l10n.t('{0} assigned {1} to you: {2}', notice.actor, notice.reference, notice.title);
      break;
    case 'assignedToTeam':
      message = vscode.l10n.t('New incident for team {0}: {1} {2}', notice.team, notice.reference, notice.title);
      break;
    case 'answered':
      message = vscode.l10n.t('{0} answered your question on {1}: {2}', notice.actor, notice.reference, notice.title);
      break;
    case 'verified':
      message = vscode.l10n.t('{0} verified the fix of {1} with the customer: {2}', notice.actor, notice.reference, notice.title);
      break;
    case 'closed':
      message = vscode.l10n.t('{0} closed {1}: {2}', notice.actor, notice.reference, notice.title);
      break;
    case 'evaluated':
      message = notice.comment
        ? vscode.l10n.t('The customer rated {0} {1}/5: {2}', notice.reference, notice.rating, notice.comment)
        : vscode.l10n.t('The customer rated {0} {1}/5', notice.reference, notice.rating);
      break;
    case 'reopened':
      message = notice.reason
        ? vscode.l10n.t('{0} reopened {1}, it still fails: {2}', notice.actor, notice.reference, notice.reason)
        : vscode.l10n.t('{0} reopened {1}: {2}', notice.actor, notice.reference, notice.title);
      break;
    case 'slaWarning':
      message = vscode.l10n.t(
        '{0} target of {1} is nearly due ({2}): {3}',
        targetLabel(notice.target),
        notice.reference,
        timeLeftText(notice.dueAt, Date.now()),
        notice.title,
      );
      break;
    case 'slaBreached':
      message = vscode.l10n.t(
        '{0} target of {1} is breached ({2}): {3}',
        targetLabel(notice.target),
        notice.reference,
        timeLeftText(notice.dueAt, Date.now()),
        notice.title,
      );
      break;
  }
  const show =
    notice.kind === 'slaBreached'
      ? vscode.window.showErrorMessage
      : notice.kind === 'reopened' || notice.kind === 'slaWarning'
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  if ((await show(message, open)) === open) {
    await vscode.commands.executeCommand('handoff.openIncident', notice.reference);
  }
}
