import * as vscode from 'vscode';
import type { Notice } from './notifications';

/** Shows a live-event notice with an Open button that opens the incident. */
export async function showNotice(notice: Notice): Promise<void> {
  const open = vscode.l10n.t('Open');
  const message =
    notice.kind === 'assignedToMe'
      ? vscode.l10n.t('{0} assigned {1} to you: {2}', notice.actor, notice.reference, notice.title)
      : notice.kind === 'assignedToTeam'
        ? vscode.l10n.t('New incident for team {0}: {1} {2}', notice.team, notice.reference, notice.title)
        : vscode.l10n.t('{0} answered your question on {1}: {2}', notice.actor, notice.reference, notice.title);
  if ((await vscode.window.showInformationMessage(message, open)) === open) {
    await vscode.commands.executeCommand('handoff.openIncident', notice.reference);
  }
}
