import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../insights/history.testutil.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

describe.each(['sqlite', 'postgres'] as const)('insights over a seeded history on %s', (engine) => {
  let h: DemoCallers;
  let seeded: Awaited<ReturnType<typeof seedHistory>>;

  beforeAll(async () => {
    h = await openDemoCallers(engine);
    seeded = await seedHistory(h);
  }, 120_000);
  afterAll(() => h?.close());

  it('puts the over-represented environment value of a problem group first', async () => {
    // Asked by a duplicate's reference: the group is its original's.
    const diffs = await h.as('lead').insights.configDifferences({ ref: seeded.group[7]!.ref });
    expect(diffs).toEqual([
      { key: 'browser', value: 'Edge 131', share: 0.75, baselineShare: 31 / 101 },
      { key: 'browser', value: 'Firefox 128', share: 0.25, baselineShare: 10 / 101 },
    ]);
  });

  it('raises exactly one upgrade warning: for the version whose first days spiked', async () => {
    const warnings = await h.as('lead').insights.upgradeWarnings({});
    expect(warnings.map((w) => [w.product, w.version, w.previousVersion])).toEqual([['Atlas', '5.0', '4.9']]);
    expect(warnings[0]).toMatchObject({ rate: 5.71, previousRate: 1.43, days: 7 });
    expect(warnings[0]!.groups).toHaveLength(5);
  });

  it('times first response, fix and close with known medians and p90', async () => {
    const v = await h.as('lead').insights.volume({ product: 'Comet' });
    const login = v.durations.find((d) => d.by === 'category' && d.key === 'login');
    expect(login).toEqual({
      by: 'category',
      key: 'login',
      firstResponse: { count: 3, medianHours: 3, p90Hours: 4.6 },
      fix: { count: 3, medianHours: 20, p90Hours: 28 },
      close: { count: 1, medianHours: 48, p90Hours: 48 },
    });
    expect(v.perWeek).toHaveLength(1);
    expect(v.perWeek[0]).toMatchObject({ category: 'login', incidents: 3 });
    // new → in_progress after 2, 4 and 6 hours; in_progress → fixed after 8, 16 and 24.
    expect(v.waiting.find((w) => w.status === 'new')).toEqual({ status: 'new', totalHours: 12, medianHours: 4 });
    expect(v.waiting.find((w) => w.status === 'in_progress')).toEqual({ status: 'in_progress', totalHours: 48, medianHours: 16 });
  });

  it('ranks repeated problems by customers affected, with their trend, and offers a look-alike for linking', async () => {
    const { groups, suggestions } = await h.as('lead').insights.repeatedProblems({ product: 'Beacon' });
    expect(groups).toEqual([
      {
        reference: seeded.root.ref,
        title: 'Export button does nothing in the reports view',
        product: 'Beacon',
        category: 'login',
        incidents: 40,
        customersAffected: 40,
        recent: 25,
        previous: 15,
        withWorkaround: 40,
      },
    ]);
    expect(suggestions).toEqual([
      { group: seeded.root.ref, reference: seeded.lookalike.ref, title: 'Export button does nothing in reports' },
    ]);
  });

  it('lists the customers with the most incidents, their categories and repeat rate', async () => {
    const list = await h.as('lead').insights.customers({ product: 'Beacon' });
    expect(list.slice(0, 2)).toEqual([
      { org: 'Initech', incidents: 60, categories: [{ category: 'login', incidents: 60 }], repeatRate: 0 },
      { org: 'Globex', incidents: 40, categories: [{ category: 'login', incidents: 40 }], repeatRate: 39 / 40 },
    ]);
  });

  it('lists open problems customers live with a workaround for, most customers first', async () => {
    const list = await h.as('lead').insights.workarounds({ product: 'Beacon' });
    expect(list).toEqual([
      {
        reference: seeded.root.ref,
        title: 'Export button does nothing in the reports view',
        product: 'Beacon',
        workaround: 'Export from the dashboard instead',
        customers: 40,
        incidents: 40,
      },
    ]);
  });

  it('filters by period: nothing before the history began', async () => {
    const v = await h.as('lead').insights.volume({ product: 'Comet', to: '2020-01-31' });
    expect(v).toEqual({ perWeek: [], durations: [], waiting: [] });
  });

  it('counts only their own teams for agents and developers; names the field for a team they are not in', async () => {
    const v = await h.as('agent').insights.volume({ product: 'Comet' });
    expect(v.durations.find((d) => d.by === 'category')?.firstResponse).toEqual({ count: 2, medianHours: 2, p90Hours: 2.8 });
    const err = await h
      .as('agent')
      .insights.volume({ team: 'mobile' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('FORBIDDEN');
    expect((err as TRPCError).message).toMatch(/^team: you see insights for your own teams \(accounts\)/);
  });

  it('refuses a malformed filter with a 400 naming the field', async () => {
    const err = await h
      .as('lead')
      .insights.volume({ from: 'yesterday' })
      .catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect((err as TRPCError).message).toMatch(/from/);
  });
});
