import { can, factsOf, type Incident, type Me } from '@handoff/shared';

export type Tab = 'capture' | 'escalations' | 'releases' | 'queue';

/**
 * The panel's tabs for the signed-in person, decided by the shared permission model: capturing (with one's
 * escalations and the send queue) for those who may create incidents, Releases for those who give release
 * feedback. Until the server has said who is signed in, or while it is unreachable, the capture tabs stay
 * offered so a capture can still be queued offline; the server decides when it arrives.
 */
export function panelTabs(me: Me | undefined): Tab[] {
  const capture = me === undefined || can(me, 'incident.create', undefined, me);
  const review = me !== undefined && can(me, 'release.feedback', undefined, me);
  const tabs: Tab[] = capture ? ['capture', 'escalations'] : [];
  if (review) tabs.push('releases');
  if (capture) tabs.push('queue');
  return tabs;
}

/** "Same problem — add this customer": on any incident one may see, another team's too (its summary is enough). */
export const mayAddCustomer = (me: Me | undefined): boolean => me === undefined || can(me, 'incident.addAffectedCustomer', undefined, me);

/** "Resolve with known solution": capture and resolve at L1 with a problem group's known solution. */
export const mayResolveKnown = (me: Me | undefined): boolean => me === undefined || can(me, 'incident.resolveKnown', undefined, me);

/** Whether the server takes an answer to a developer's question on this incident from this person. */
export const mayAnswer = (me: Me | undefined, incident: Incident): boolean =>
  me === undefined || can(me, 'incident.answer', factsOf(incident), me);

/** Whether this person may speak to the customer on this incident (share its page, relay, visible comments). */
export const mayShare = (me: Me | undefined, incident: Incident): boolean =>
  me !== undefined && can(me, 'incident.share', factsOf(incident), me);
