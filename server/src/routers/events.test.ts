import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleIncident } from '../testing.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

const SUBSCRIBERS = 20;

describe.each(['sqlite', 'postgres'] as const)('live incident events on %s', (engine) => {
  let h: DemoCallers;
  beforeAll(async () => {
    h = await openDemoCallers(engine);
  });
  afterAll(() => h?.close());

  it('maps a change once for all its subscribers, woken together (one user lookup, one shared event)', async () => {
    const lookups = vi.spyOn(h.services.store, 'userRefs');
    // What a create looks up by itself, with nobody listening.
    await h.as('agent').incidents.create(sampleIncident({ title: 'Nobody listens yet' }));
    const ownLookups = lookups.mock.calls.length;

    // From a known position, so a stream still reading its backlog misses nothing.
    const lastEventId = String(await h.services.incidents.lastEventId());
    const streams = await Promise.all(
      Array.from({ length: SUBSCRIBERS }, async () => {
        const events = await h.as('admin').events.onChange({ lastEventId });
        return events[Symbol.asyncIterator]();
      }),
    );
    const next = () => Promise.all(streams.map((s) => s.next()));
    // Once every stream has the first change, all of them are past their backlog, waiting on the hub.
    const warmUp = next();
    await h.as('agent').incidents.create(sampleIncident({ title: 'Everyone gets ready' }));
    await warmUp;
    lookups.mockClear();

    const live = next();
    const { reference } = await h.as('agent').incidents.create(sampleIncident({ title: 'Everyone listens' }));
    const received = await live;
    await Promise.all(streams.map((s) => s.return?.(undefined)));

    const events = received.map((r) => (r.value as unknown as [string, { reference: string }])[1]);
    expect(events.map((e) => e.reference)).toEqual(Array(SUBSCRIBERS).fill(reference));
    // The very same object for everyone (the SSE path serialises it once, by identity).
    for (const e of events) expect(e).toBe(events[0]);
    expect(lookups.mock.calls.length - ownLookups).toBe(1);
    lookups.mockRestore();
  });
});
