import * as vscode from 'vscode';
import { describeError } from '../incidents/describeError';
import { refusal } from '../incidents/whose';
import { IncidentPanel } from '../webviews/incident/panel';
import type { CommandDeps } from './deps';
import { refPrefix } from './prefix';
import { refFromArg } from './refArg';

/** "Assign to Me": takes the incident on, if the shared model lets the signed-in person assign it. */
export function assignToMe(deps: CommandDeps) {
  return async (arg?: unknown): Promise<void> => {
    const ref = refFromArg(arg, refPrefix()) ?? deps.activeReference();
    if (!ref) return;
    try {
      const me = deps.session.user;
      const view = await deps.store.get(ref, 10_000);
      const refused = me && refusal(me, view, 'incident.assign');
      if (refused) {
        void vscode.window.showWarningMessage(refused);
        return;
      }
      const change = await deps.session.client.incidents.assign.mutate({ ref, owner: 'me' });
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now assigned to you.', ref));
      IncidentPanel.applyChange(change);
      await deps.store.refresh();
    } catch (err) {
      void vscode.window.showErrorMessage(describeError(err, ref));
    }
  };
}
