import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncident } from '../testing.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

const PRODUCT = 'Zeta Ledger';

describe.each(['sqlite', 'postgres'] as const)('escalations and evaluations insights on %s', (engine) => {
  let h: DemoCallers;
  let root: string;

  /**
   * Four login incidents of one product (routed to accounts, tier 2): R fixed and verified (its
   * solution recorded), Y fixed and verified, X escalated to engineering (tier 3, still open), and
   * Z resolved at L1 with R's known solution. Customers rated R 5 and 4, Y 2.
   */
  beforeAll(async () => {
    h = await openDemoCallers(engine);
    const agent = h.as('agent');
    const dev = h.as('developer');
    const create = async (title: string) => (await agent.incidents.create(sampleIncident({ title, product: PRODUCT }))).reference;
    root = await create('Ledger totals drift after a currency switch');
    const y = await create('Ledger export misses the last day');
    const x = await create('Ledger locks up when two clerks post at once');
    for (const ref of [root, y]) {
      await dev.incidents.transition({ ref, to: 'in_progress' });
      await dev.incidents.transition({ ref, to: 'fixed', version: '3.1' });
      await agent.incidents.transition({ ref, to: 'verified' });
    }
    await dev.incidents.escalate({ ref: x, reason: 'Needs a change in the posting engine' });
    await dev.knownSolutions.record({ ref: root, solution: 'Rates are cached per day now', customerAnswer: 'Update to 3.1.' });
    await agent.knownSolutions.resolve({ ...sampleIncident({ title: 'Ledger totals drift', product: PRODUCT }), group: root });
    for (const [ref, rating] of [
      [root, 5],
      [root, 4],
      [y, 2],
    ] as const) {
      const { url } = await agent.incidents.share({ ref });
      const open = await h.services.shares.open(url.split('/c/')[1]!);
      await h.services.shares.evaluate(open!, { rating, comment: '' });
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('gives the escalation rate per category and over all, the resolving tiers, and the escalations avoided', async () => {
    const e = await h.as('lead').insights.escalations({ product: PRODUCT });
    expect(e.rates).toEqual([
      { key: null, incidents: 4, escalated: 1, rate: 0.25 },
      { key: 'login', incidents: 4, escalated: 1, rate: 0.25 },
    ]);
    // R and Y were resolved by accounts (tier 2); Z at L1 with the known solution (tier 1); X is still open.
    expect(e.resolvingTiers).toEqual([
      { tier: 1, resolved: 1, share: 0.3333 },
      { tier: 2, resolved: 2, share: 0.6667 },
    ]);
    expect(e.avoided).toEqual({
      total: 1,
      groups: [{ reference: root, title: 'Ledger totals drift after a currency switch', resolvedAtL1: 1 }],
    });
  });

  it("gives each team's customer evaluations: count, average and the spread of 1–5", async () => {
    expect(await h.as('lead').insights.evaluations({ product: PRODUCT })).toEqual([
      { team: 'accounts', evaluations: 3, averageRating: 3.67, ratings: [0, 1, 0, 1, 1] },
    ]);
    // The period filter applies: nothing created in 2001.
    expect(await h.as('lead').insights.evaluations({ product: PRODUCT, from: '2001-01-01', to: '2001-12-31' })).toEqual([]);
  });

  it("counts only the person's own teams: the escalated incident left accounts for engineering", async () => {
    // The agent is in accounts: X now sits with engineering (tier 3), outside the agent's teams.
    const e = await h.as('agent').insights.escalations({ product: PRODUCT });
    expect(e.rates[0]).toEqual({ key: null, incidents: 3, escalated: 0, rate: 0 });
    await expect(h.as('agent').insights.evaluations({ team: 'billing' })).rejects.toThrow(TRPCError);
  });
});
