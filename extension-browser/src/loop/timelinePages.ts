import type { Incident, IncidentView, TimelinePage } from '@handoff/shared';

/** The incident with an older page of its timeline in front of the entries it holds. */
export function withEarlier(incident: Incident, page: TimelinePage): Incident {
  const known = new Set(incident.timeline.map((e) => e.id));
  const older = page.entries.filter((e) => !known.has(e.id));
  return { ...incident, timeline: [...older, ...incident.timeline], earlierTimeline: page.earlier };
}

/**
 * A fresh read of an incident keeps the older entries the agent already paged in: a live change re-reads
 * only the latest page, and the history must not shrink under the agent's eyes.
 */
export function keepEarlier(previous: IncidentView | null, fresh: IncidentView): IncidentView {
  if (previous?.access !== 'full' || fresh.access !== 'full' || previous.reference !== fresh.reference) return fresh;
  const oldest = fresh.timeline[0]?.id;
  if (oldest === undefined || !fresh.earlierTimeline) return fresh;
  const paged = previous.timeline.filter((e) => e.id < oldest);
  if (paged.length === 0) return fresh;
  // What was paged reaches back as far as before; it is complete where it meets the fresh page.
  const reachesFresh = previous.timeline.some((e) => e.id >= oldest);
  if (!reachesFresh) return fresh;
  return { ...fresh, timeline: [...paged, ...fresh.timeline], earlierTimeline: previous.earlierTimeline };
}
