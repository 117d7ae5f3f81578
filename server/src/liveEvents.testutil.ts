import { type FullIncidentEvent, IncidentEventSchema, type SummaryIncidentEvent } from '@handoff/shared';
import type { testClient } from './testClient.js';

/**
 * Collects events from a subscription until `count` arrived (or fails after `ms`): events of
 * incidents seen in full in `events`, summary events (another team's incident) in `summaries`.
 */
export function collect(client: ReturnType<typeof testClient>, input: Parameters<typeof client.events.onChange.subscribe>[0]) {
  const events: FullIncidentEvent[] = [];
  const summaries: SummaryIncidentEvent[] = [];
  const errors: unknown[] = [];
  let started!: () => void;
  const ready = new Promise<void>((r) => (started = r));
  const sub = client.events.onChange.subscribe(input, {
    onStarted: () => started(),
    onData: (e) => {
      const event = IncidentEventSchema.parse(e.data);
      if (event.access === 'full') events.push(event);
      else summaries.push(event);
    },
    onError: (e) => errors.push(e),
  });
  const waitFor = async (count: number, ms = 10_000) => {
    const until = Date.now() + ms;
    while (events.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (events.length < count) throw new Error(`got ${events.length} of ${count} events; errors: ${errors.map(String).join(', ')}`);
    return events;
  };
  return { events, summaries, errors, ready, waitFor, stop: () => sub.unsubscribe() };
}
