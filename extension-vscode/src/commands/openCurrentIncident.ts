import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

/** "Open Current Incident" (the status bar item): the current incident's panel, beside the code. */
export function openCurrentIncident(deps: CommandDeps) {
  return async (): Promise<string | undefined> => {
    const ref = deps.current.reference;
    if (!ref) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No current incident. Open one by its reference first.'));
      return undefined;
    }
    return vscode.commands.executeCommand<string | undefined>('handoff.openIncident', ref);
  };
}
