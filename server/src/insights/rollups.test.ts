import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEMPLATES } from '../demoTemplates.js';
import { type DemoCallers, openDemoCallers } from '../routers/demoCallers.testutil.js';
import { rebuildInsightRollups } from '../store/insightRollups.js';
import { sampleIncident } from '../testing.js';
import { configDifferences } from './configDifferences.js';
import { escalations } from './escalations.js';
import { configDifferencesOracle } from './oracle/configDifferences.testutil.js';
import { escalationsOracle } from './oracle/escalations.testutil.js';
import { repeatedProblemsOracle } from './oracle/repeatedProblems.testutil.js';
import { upgradeWarningsOracle } from './oracle/upgradeWarnings.testutil.js';
import { volumeOracle } from './oracle/volume.testutil.js';
import { workaroundsOracle } from './oracle/workarounds.testutil.js';
import { repeatedProblems } from './repeatedProblems.js';
import type { InsightDeps, InsightScope } from './scope.js';
import { upgradeWarnings } from './upgradeWarnings.js';
import { volume } from './volume.js';
import { workarounds } from './workarounds.js';

const SEED = 1109;
const INCIDENTS = 60;
const STEPS = 260;
const PRODUCTS = ['Atlas', 'Beacon', 'Comet'];
/** The first third on 1.0 and 1.1; the rest on 2.0, whose first days then spike (an upgrade warning). */
const VERSIONS = ['1.0', '1.1'];
const CATEGORIES = ['login', 'billing', 'performance', 'crash'];
const COMPONENTS = ['Web app', 'iOS app', null];
const STATUSES = ['triaged', 'in_progress', 'needs_info', 'fixed', 'verified', 'closed', 'wont_fix', 'not_reproducible'] as const;
const ROLES = ['agent', 'developer', 'lead', 'admin'] as const;

/** An answer to every question of the category's demo list (a choice's first option). */
const answersFor = (category: string) =>
  Object.fromEntries(
    (DEMO_TEMPLATES.find((t) => t.category === category)?.questions ?? []).map((q) => [
      q.id,
      q.options?.[0] ?? (q.kind === 'yesno' ? 'yes' : 'Some answer'),
    ]),
  );

/** Each insight read from the rollups, and the same insight computed the old way (the oracle). */
const PAIRS = {
  volume: [volume, volumeOracle],
  repeatedProblems: [repeatedProblems, repeatedProblemsOracle],
  workarounds: [workarounds, workaroundsOracle],
  escalations: [escalations, escalationsOracle],
  upgradeWarnings: [upgradeWarnings, upgradeWarningsOracle],
} as const;

/**
 * A random history written through the real store (creates, comments, transitions, assignments,
 * duplicate links, escalations, known solutions; refused actions are skipped as a person's would
 * be), then every insight from the rollups against the old query over incidents and timelines.
 */
describe.each(['sqlite', 'postgres'] as const)('insights from the rollups on %s', (engine) => {
  let h: DemoCallers;
  let deps: InsightDeps;
  let refs: string[];

  beforeAll(async () => {
    h = await openDemoCallers(engine);
    deps = { db: h.services.store.db, engine, prefix: h.services.incidents.prefix };
    // One random plan, the same on every run (fast-check's generators with a fixed seed).
    const incident = fc.record({
      title: fc.tuple(fc.constantFrom('Export', 'Sign-in', 'Invoice', 'Sync'), fc.constantFrom('save', 'load', 'start')),
      product: fc.constantFrom(...PRODUCTS),
      version: fc.constantFrom(...VERSIONS),
      category: fc.constantFrom(...CATEGORIES),
      component: fc.constantFrom(...COMPONENTS),
      workaround: fc.option(fc.constantFrom('Restart', 'Use the desktop app'), { freq: 2 }),
      org: fc.constantFrom('Globex', 'Initech', 'Umbrella'),
      browser: fc.constantFrom('Edge 131', 'Chrome 120'),
      os: fc.constantFrom('Windows 11', 'macOS 15'),
    });
    const step = fc.record({
      on: fc.nat(INCIDENTS - 1),
      other: fc.nat(INCIDENTS - 1),
      role: fc.constantFrom(...ROLES),
      action: fc.integer({ min: 0, max: 99 }),
      to: fc.constantFrom(...STATUSES),
    });
    const [plan] = fc.sample(
      fc.record({
        incidents: fc.array(incident, { minLength: INCIDENTS, maxLength: INCIDENTS }),
        steps: fc.array(step, { minLength: STEPS, maxLength: STEPS }),
      }),
      {
        seed: SEED,
        numRuns: 1,
      },
    );
    refs = [];
    for (const [i, inc] of plan!.incidents.entries()) {
      const res = await h.as('agent').incidents.create(
        sampleIncident({
          title: `${inc.title[0]} fails on ${inc.title[1]} ${i}`,
          product: inc.product,
          version: i < INCIDENTS / 3 ? inc.version : '2.0',
          category: inc.category,
          answers: answersFor(inc.category),
          component: inc.component ?? undefined,
          workaround: inc.workaround ?? undefined,
          customer: { name: `Customer ${i}`, org: inc.org },
          environment: { browser: inc.browser, os: inc.os },
        }),
      );
      refs.push(res.reference);
    }
    for (const [s, st] of plan!.steps.entries()) {
      const ref = refs[st.on]!;
      const as = h.as(st.role);
      try {
        if (st.action < 25) await as.incidents.comment({ ref, text: `Step ${s}` });
        else if (st.action < 60) await as.incidents.transition(st.to === 'fixed' ? { ref, to: st.to, version: '9.9' } : { ref, to: st.to });
        else if (st.action < 72) await as.incidents.linkDuplicate({ ref, of: refs[st.other]! });
        else if (st.action < 80) await as.incidents.escalate({ ref, reason: 'Needs the next tier' });
        else if (st.action < 88) await as.incidents.assign({ ref, owner: h.users.developer.id });
        else if (st.action < 94) await as.knownSolutions.record({ ref, solution: 'Known fix', customerAnswer: 'Update.' });
        else await h.as('agent').knownSolutions.resolve({ ...sampleIncident({ title: `Resolved ${s}` }), group: ref });
      } catch (err) {
        // A refused step (not allowed now, or not for this person) changes nothing: skip it.
        if (!(err instanceof TRPCError)) throw err;
      }
    }
  }, 180_000);
  afterAll(() => h?.close());

  const scopes = (): [string, InsightScope][] => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    return [
      ['everything', { filter: {}, teams: null, now }],
      ['one product', { filter: { product: 'Beacon' }, teams: null, now }],
      ['one version and category', { filter: { version: '1.1', category: 'login' }, teams: null, now }],
      ['one team', { filter: { team: 'platform' }, teams: null, now }],
      ['an agent of accounts', { filter: {}, teams: ['accounts'], now }],
      ['a period', { filter: { from: today, to: today }, teams: null, now }],
      ['a period that ended', { filter: { to: '2020-01-01' }, teams: null, now }],
      ['in an hour', { filter: {}, teams: null, now: new Date(now.getTime() + 3_600_000) }],
    ];
  };

  it.each(Object.keys(PAIRS) as (keyof typeof PAIRS)[])('gives the same %s as the query over incidents and timelines', async (name) => {
    const [fromRollups, oracle] = PAIRS[name] as unknown as [
      (d: InsightDeps, s: InsightScope) => Promise<unknown>,
      (d: InsightDeps, s: InsightScope) => Promise<unknown>,
    ];
    let nonEmpty = 0;
    for (const [label, scope] of scopes()) {
      const expected = await oracle(deps, scope);
      if (JSON.stringify(expected).length > 40) nonEmpty++;
      expect({ label, answer: await fromRollups(deps, scope) }).toEqual({ label, answer: expected });
    }
    expect(nonEmpty).toBeGreaterThan(0); // the history gives each insight something to count
  });

  it('gives the same configDifferences for every problem group as the query over the environments', async () => {
    const roots = await deps.db.selectFrom('incidents').select(['id', 'product']).where('duplicate_of', 'is', null).orderBy('id').execute();
    let found = 0;
    for (const root of roots) {
      for (const [label, scope] of scopes().slice(0, 5)) {
        const expected = await configDifferencesOracle(deps, scope, root);
        found += expected.length;
        expect({ root: root.id, label, answer: await configDifferences(deps, scope, root) }).toEqual({
          root: root.id,
          label,
          answer: expected,
        });
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('rebuilds (as migration 0016 backfills) exactly the rollups the store kept incrementally', async () => {
    const read = async () => ({
      facts: await deps.db.selectFrom('insight_facts').selectAll().orderBy('incident_id').execute(),
      env: await deps.db.selectFrom('insight_env').selectAll().orderBy('incident_id').orderBy('key').execute(),
      spans: await deps.db
        .selectFrom('insight_spans')
        .select(['incident_id', 'status', 'started_ms', 'duration_ms'])
        .orderBy('incident_id')
        .orderBy('id')
        .execute(),
    });
    const kept = await read();
    expect(kept.facts.length).toBeGreaterThanOrEqual(INCIDENTS);
    await h.services.store.write((trx) => rebuildInsightRollups(trx));
    expect(await read()).toEqual(kept);
  });

  it('keeps no personal data after erasure: the environment pairs follow the scrubbed incident', async () => {
    const email = 'rollup.person@example.com';
    const res = await h.as('agent').incidents.create(
      sampleIncident({
        customer: { name: 'Rolf Rollup', email, org: 'Globex' },
        environment: { browser: 'Edge 131', account: email, owner: 'Rolf Rollup' },
      }),
    );
    const id = h.services.incidents.idOf(res.reference);
    const values = async () =>
      (await deps.db.selectFrom('insight_env').select('value').where('incident_id', '=', id).execute()).map((r) => r.value).sort();
    expect(await values()).toEqual(['Edge 131', 'Rolf Rollup', email]);
    await h.as('admin').customers.erase({ email, reason: 'customer request' });
    const after = await values();
    expect(after).toHaveLength(3);
    expect(after.filter((v) => v.includes(email) || v.includes('Rolf'))).toEqual([]);
  });
});
