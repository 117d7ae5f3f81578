import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

export function signOut(deps: CommandDeps) {
  return async (): Promise<void> => {
    await deps.session.signOut();
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of Handoff.'));
  };
}
