import { MAX_RECORDING_BYTES, type Recording } from '@handoff/shared';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncident } from '../testing.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

const recording: Recording = {
  title: 'Pay now fails',
  steps: [
    { type: 'navigate', url: 'http://127.0.0.1:4100/checkout' },
    { type: 'change', value: '•••• •••• •••• ••••', selectors: [['aria/Card number[role="textbox"]']], handoff: { masked: 'card' } },
    {
      type: 'click',
      selectors: [['aria/Pay now[role="button"]'], ['#pay']],
      offsetX: 4,
      offsetY: 4,
      handoff: { failing: true, expected: 'Order confirmed', console: [{ level: 'error', text: 'Payment failed' }] },
    },
  ],
};

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

describe.each(['sqlite', 'postgres'] as const)('recorded reproductions on %s', (engine) => {
  let h: DemoCallers;
  beforeAll(async () => {
    h = await openDemoCallers(engine);
  });
  afterAll(() => h?.close());

  it('stores the recording with the incident and gives it to whoever sees the incident in full', async () => {
    const { reference } = await h.as('agent').incidents.create(sampleIncident({ recording }));
    expect(await h.as('developer').incidents.recording({ ref: reference })).toEqual(recording);
    const plain = await h.as('agent').incidents.create(sampleIncident());
    expect(await h.as('developer').incidents.recording({ ref: plain.reference })).toBeNull();
  });

  it("keeps another team's recording from those who see that incident's summary only", async () => {
    const { reference } = await h.as('agent').incidents.create(sampleIncident({ recording }));
    const stranger = (await h.services.store.addUser({ name: 'Other Otto', role: 'developer', teams: ['elsewhere'] })).user;
    const err = await failure(h.as(stranger).incidents.recording({ ref: reference }));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toMatch(/summary only/);
  });

  it('refuses a malformed or oversized recording with a 400 naming the field, and stores nothing', async () => {
    const bad = { ...recording, steps: [{ type: 'click', selectors: [], offsetX: 1, offsetY: 1 }] };
    const err = await failure(h.as('agent').incidents.create(sampleIncident({ recording: bad })));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/recording\.steps\.0\.selectors|a step needs at least one selector/);

    const noisy = {
      ...recording.steps[0],
      handoff: { console: Array.from({ length: 20 }, () => ({ level: 'error', text: 'x'.repeat(1000) })) },
    };
    const big = { ...recording, steps: Array.from({ length: 12 }, () => noisy) };
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_RECORDING_BYTES);
    const tooBig = await failure(h.as('agent').incidents.create(sampleIncident({ recording: big })));
    expect(tooBig.code).toBe('BAD_REQUEST');
    expect(tooBig.message).toMatch(/recording: at most 200 KB/);
    const rows = await h.services.store.db
      .selectFrom('recordings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(2); // only the two stored by the tests above
  });
});
