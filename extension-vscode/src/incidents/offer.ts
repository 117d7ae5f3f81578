import {
  type Action,
  allowedTransitions,
  can,
  checkTransitionFor,
  factsOf,
  type IncidentFacts,
  type IncidentOutline,
  type IncidentView,
  type Me,
} from '@handoff/shared';
import type { PanelOffer } from '../webviews/incident/protocol';

/** The model's actions about one incident (all but creating one). */
export type IncidentAction = Exclude<Extract<Action, `incident.${string}`>, 'incident.create'>;

export const NOTHING_OFFERED: PanelOffer = {
  assignToMe: false,
  transitions: [],
  reasonRequired: [],
  markFixed: false,
  ask: false,
  comment: false,
  commentToCustomer: false,
  reproduce: false,
  linkDuplicate: false,
  startWork: false,
  openSteps: false,
};

/**
 * The facts an outline shows: team and owner. Its reporter and the people asked are not in it;
 * the server sends an outline only to someone who is neither (else it sends the whole incident),
 * so here they are nobody (no user has id 0).
 */
export function factsOfOutline(outline: IncidentOutline): IncidentFacts {
  return { team: outline.team, reporterId: 0, ownerId: outline.owner?.id ?? null, participantIds: [] };
}

export function factsOfView(view: IncidentView): IncidentFacts {
  return view.access === 'full' ? factsOf(view) : factsOfOutline(view);
}

/**
 * What the panel offers `me` on `view`: the shared permission model's answers, with the server's
 * visibility setting (`me.visibility`) as the policy. On another team's incident that is nothing.
 */
export function offerFor(me: Me, view: IncidentView): PanelOffer {
  const facts = factsOfView(view);
  const may = (action: IncidentAction) => can(me, action, facts, me);
  const incident = { ...facts, status: view.status };
  const allowed = allowedTransitions(me, incident, me);
  const moves = allowed.filter((s) => s !== 'fixed');
  return {
    assignToMe: may('incident.assign') && view.owner?.id !== me.id,
    transitions: moves,
    reasonRequired: moves.filter((to) => !checkTransitionFor(me, incident, { to }, me).ok),
    markFixed: allowed.includes('fixed'),
    ask: may('incident.ask'),
    comment: may('incident.comment'),
    commentToCustomer: may('incident.share'),
    reproduce: may('incident.reproduce'),
    linkDuplicate: may('incident.linkDuplicate'),
    startWork: may('incident.recordBranch'),
    openSteps: may('incident.read'),
  };
}
