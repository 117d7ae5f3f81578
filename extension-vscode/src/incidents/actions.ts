import * as vscode from 'vscode';
import { nextStatuses, type Incident } from '@handoff/shared';
import type { HandoffClient } from '../api/client';
import type { PanelAction } from '../webviews/incident/protocol';
import { parseEnvironmentText } from './environmentText';

/**
 * Performs one panel action on the server and returns the updated incident (or null for actions
 * that only open something locally). Offers only transitions the status machine allows.
 */
export async function performAction(client: HandoffClient, incident: Incident, action: PanelAction): Promise<Incident | null> {
  const ref = incident.reference;
  switch (action.type) {
    case 'assignToMe':
      return (await client.incidents.assign.mutate({ ref, owner: 'me' })) as Incident;
    case 'transition':
      if (!nextStatuses(incident.status).includes(action.to)) {
        throw new Error(vscode.l10n.t('{0} cannot move from {1} to {2}.', ref, incident.status, action.to));
      }
      return (await client.incidents.transition.mutate({ ref, to: action.to, reason: action.reason || undefined })) as Incident;
    case 'ask':
      return (await client.incidents.ask.mutate({ ref, question: action.question })) as Incident;
    case 'comment':
      return (await client.incidents.comment.mutate({ ref, text: action.text })) as Incident;
    case 'reproduction':
      return (await client.incidents.reproduction.mutate({
        ref,
        result: action.result,
        notes: action.notes,
        environment: parseEnvironmentText(action.environment ?? ''),
      })) as Incident;
    case 'linkDuplicate':
      await client.incidents.linkDuplicate.mutate({ ref, of: action.of });
      return (await client.incidents.byRef.query({ ref })) as Incident;
    case 'markFixed':
      return (await client.incidents.transition.mutate({ ref, to: 'fixed', version: action.version })) as Incident;
    case 'openStepsBeside':
      await vscode.commands.executeCommand('handoff.openStepsBeside', ref);
      return null;
    case 'startWork':
      await vscode.commands.executeCommand('handoff.startWork', ref);
      return null;
    case 'refresh':
      return (await client.incidents.byRef.query({ ref })) as Incident;
  }
}
