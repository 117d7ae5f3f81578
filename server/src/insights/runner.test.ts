import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCallers, openDemoCallers } from '../routers/demoCallers.testutil.js';
import { sampleIncident } from '../testing.js';
import { INSIGHTS } from './catalog.js';
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

  it('memoises only until the next commit: every insight, asked twice, then after a change, is what it computes afresh', async () => {
    const deps = { db: h.services.store.db, engine, prefix: h.services.incidents.prefix };
    const scope = { filter: { product: 'Runner' }, teams: null, now: new Date() };
    const names = ['repeatedProblems', 'customers', 'volume', 'workarounds', 'escalations', 'evaluations'] as const;
    const fresh = async (name: (typeof names)[number]) => INSIGHTS[name](deps, scope);
    const original = (await h.as('agent').incidents.create(sampleIncident({ product: 'Runner' }))).reference;
    for (const name of names) {
      expect(await h.services.insights.run(name, scope)).toEqual(await fresh(name));
      expect(await h.services.insights.run(name, scope)).toEqual(await fresh(name));
    }
    // A change every insight counts: a duplicate with a workaround, an escalation and a status change.
    const dup = await h
      .as('agent')
      .incidents.create(sampleIncident({ product: 'Runner', workaround: 'Restart', customer: { name: 'D', org: 'Wayne' } }));
    await h.as('agent').incidents.linkDuplicate({ ref: dup.reference, of: original });
    await h.as('agent').incidents.comment({ ref: dup.reference, text: 'Seen again' });
    for (const name of names)
      expect({ name, answer: await h.services.insights.run(name, scope) }).toEqual({ name, answer: await fresh(name) });
    const groups = (await h.services.insights.run('repeatedProblems', scope)).groups;
    expect(groups.map((g) => [g.incidents, g.recent, g.withWorkaround])).toEqual([[2, 2, 1]]);
  });

  it.runIf(process.platform === 'linux')('runs at a lower priority than the main thread (nice 10 on its own thread only)', async () => {
    await h.services.insights.run('evaluations', { filter: {}, teams: null, now: new Date() });
    // /proc/<pid>/stat: the 19th field is the nice value (after the parenthesised name).
    const nice = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    expect(nice(String(process.pid))).toBe(0);
    expect(readdirSync('/proc/self/task').some((t) => nice(t) === 10)).toBe(true);
  });
});
