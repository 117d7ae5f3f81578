import * as vscode from 'vscode';
import { describeError, IncidentPanel } from '../webviews/incident/panel';
import type { CommandDeps } from './deps';
import { refPrefix } from './prefix';
import { refFromArg } from './refArg';

export function assignToMe(deps: CommandDeps) {
  return async (arg?: unknown): Promise<void> => {
    const ref = refFromArg(arg, refPrefix()) ?? deps.activeReference();
    if (!ref) return;
    try {
      await deps.session.client.incidents.assign.mutate({ ref, owner: 'me' });
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now assigned to you.', ref));
      IncidentPanel.refresh(ref);
      await deps.store.refresh();
    } catch (err) {
      void vscode.window.showErrorMessage(describeError(err, ref));
    }
  };
}
