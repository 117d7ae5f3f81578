import type { Incident, IncidentEvent, IncidentView, TimelinePage } from '@handoff/shared';

/** The incident with an earlier page of its timeline (from `incidents.timeline`) in front. */
export function withEarlierPage(incident: Incident, page: TimelinePage): Incident {
  const first = incident.timeline[0]?.id ?? Number.POSITIVE_INFINITY;
  const older = page.entries.filter((e) => e.id < first);
  return { ...incident, timeline: [...older, ...incident.timeline], earlierTimeline: page.earlier };
}

/**
 * `next` (a fresh read, a merged change or an earlier page) keeping the older entries the person
 * had loaded into `previous`, when the two join up: after more than a page of news they would not,
 * and a timeline with a hole in it would mislead — then `next` alone is shown.
 */
export function keepEarlierEntries(previous: IncidentView | null, next: IncidentView): IncidentView {
  if (previous?.access !== 'full' || next.access !== 'full' || previous.reference !== next.reference) return next;
  const first = next.timeline[0];
  if (!first || !next.earlierTimeline) return next;
  const older = previous.timeline.filter((e) => e.id < first.id);
  const joins = previous.timeline.some((e) => e.id >= first.id);
  if (!older.length || !joins) return next;
  return { ...next, timeline: [...older, ...next.timeline], earlierTimeline: previous.earlierTimeline };
}

/**
 * Whether the panel's copy already holds the change a live event announces — the echo of one's
 * own action, merged from its result, needs no re-read. The server numbers an event as the
 * timeline entry it reports; kind and time are compared too, so should that ever differ the
 * answer is "no" and the panel simply re-reads.
 */
export function holdsEvent(view: IncidentView | null, event: Pick<IncidentEvent, 'id' | 'kind' | 'at'>): boolean {
  return view?.access === 'full' && view.timeline.some((e) => String(e.id) === event.id && e.kind === event.kind && e.at === event.at);
}
