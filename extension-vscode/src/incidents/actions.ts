import * as vscode from 'vscode';
import {
  applyIncidentChange,
  checkTransitionFor,
  factsOf,
  type Incident,
  type IncidentChange,
  type IncidentView,
  type Me,
  TIMELINE_PAGE,
  type TransitionRequest,
} from '@handoff/shared';
import type { HandoffClient } from '../api/client';
import type { PanelAction } from '../webviews/incident/protocol';
import { ActionRefusedError } from './actionRefusedError';
import { withEarlierPage } from './timeline';
import { whoseLine } from './whose';

/**
 * Performs one panel action on the server and returns the incident as it is now, or null for
 * actions that only open something locally. A change comes back as an `IncidentChange` (the new
 * state and the entries it appended), merged into the panel's copy — the incident is not read
 * again. Status moves are checked against the shared model first, so a missing reason is named
 * before anything is sent.
 */
export async function performAction(client: HandoffClient, me: Me, view: IncidentView, action: PanelAction): Promise<IncidentView | null> {
  const ref = view.reference;
  if (action.type === 'refresh') return client.incidents.byRef.query({ ref });
  if (view.access !== 'full') throw new ActionRefusedError(whoseLine(view));
  const merge = (change: IncidentChange) => applyIncidentChange(view, change);
  switch (action.type) {
    case 'assignToMe':
      return merge(await client.incidents.assign.mutate({ ref, owner: 'me' }));
    case 'transition': {
      const reason = action.reason || undefined;
      assertMove(me, view, { to: action.to, reason });
      return merge(await client.incidents.transition.mutate({ ref, to: action.to, reason }));
    }
    case 'markFixed':
      assertMove(me, view, { to: 'fixed', version: action.version });
      return merge(await client.incidents.transition.mutate({ ref, to: 'fixed', version: action.version }));
    case 'ask':
      return merge(await client.incidents.ask.mutate({ ref, question: action.question }));
    case 'comment':
      return merge(await client.incidents.comment.mutate({ ref, text: action.text, visibleToCustomer: action.visibleToCustomer }));
    case 'reproduction':
      return merge(
        await client.incidents.reproduction.mutate({ ref, result: action.result, notes: action.notes, environment: action.environment }),
      );
    case 'linkDuplicate':
      return merge(await client.incidents.linkDuplicate.mutate({ ref, of: action.of }));
    case 'loadEarlier': {
      const first = view.timeline[0];
      if (!first || !view.earlierTimeline) return view;
      return withEarlierPage(view, await client.incidents.timeline.query({ ref, beforeId: first.id, limit: TIMELINE_PAGE }));
    }
    case 'openStepsBeside':
      await vscode.commands.executeCommand('handoff.openStepsBeside', ref);
      return null;
    case 'startWork':
      await vscode.commands.executeCommand('handoff.startWork', ref);
      return null;
  }
}

/** Refuses a status move the shared model refuses, with its reason ("reason: say what still fails."). */
function assertMove(me: Me, incident: Incident, req: TransitionRequest): void {
  const verdict = checkTransitionFor(me, { ...factsOf(incident), status: incident.status }, req, me);
  if (!verdict.ok) throw new ActionRefusedError(verdict.message);
}
