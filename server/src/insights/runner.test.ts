import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCallers, openDemoCallers } from '../routers/demoCallers.testutil.js';
import { sampleIncident } from '../testing.js';
import { customers } from './customers.js';

describe.each(['sqlite', 'postgres'] as const)('the insight worker on %s', (engine) => {
  let h: DemoCallers;
  beforeAll(async () => {
    h = await openDemoCallers(engine);
    for (const org of ['Umbrella', 'Umbrella', 'Wayne']) {
      await h.as('agent').incidents.create(sampleIncident({ product: 'Runner', customer: { name: 'C', org } }));
    }
  });
  afterAll(() => h?.close());

  it('answers in a worker thread on its own connection exactly what the insight gives in-process', async () => {
    const scope = { filter: { product: 'Runner' }, teams: null, now: new Date() };
    const deps = { db: h.services.store.db, engine, prefix: h.services.incidents.prefix };
    const inWorker = await h.services.insights.run('customers', scope);
    expect(h.services.insights.inWorker).toBe(true);
    expect(inWorker).toEqual(await customers(deps, scope));
    expect(inWorker.map((c) => [c.org, c.incidents])).toEqual([
      ['Umbrella', 2],
      ['Wayne', 1],
    ]);
  });

  it('sees a write committed a moment ago (its connection reads the same database)', async () => {
    await h.as('agent').incidents.create(sampleIncident({ product: 'Runner', customer: { name: 'C', org: 'Wayne' } }));
    const after = await h.services.insights.run('customers', { filter: { product: 'Runner' }, teams: null, now: new Date() });
    expect(after.find((c) => c.org === 'Wayne')?.incidents).toBe(2);
  });
});
