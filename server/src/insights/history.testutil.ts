import type { Services } from '../context.js';
import type { DemoCallers } from '../routers/demoCallers.testutil.js';
import { rebuildInsightRollups } from '../store/insightRollups.js';
import { sampleIncident } from '../testing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A seeded history with known answers, created through the normal create / link / transition
 * paths and then moved back in time (only the timestamps are rewritten):
 * - Beacon: one problem of 40 incidents (an original, 39 linked duplicates; 30 on Edge 131,
 *   10 on Firefox 128; 25 in the last 14 days, 15 in the 14 before; all from Globex, with a
 *   workaround) and 60 other incidents from Initech on Chrome 120; every Beacon incident is 2.0,
 *   half on Windows 11 and half on macOS 15. One more unlinked Beacon incident reads like the
 *   problem (offered for linking).
 * - Atlas: 4.8 (50 incidents, one a day from day −100), 4.9 (10 in its first 7 days from day −40),
 *   5.0 (40 in its first 7 days from day −20): only 5.0 spikes.
 * - Comet: three login incidents created 10 days ago, first answered after 1, 3 and 5 hours,
 *   fixed after 10, 20 and 30 hours; one closed after 48 hours; one routed to team mobile.
 */
export async function seedHistory(h: { services: Services; as: DemoCallers['as'] }, now = Date.now()) {
  const { services } = h;
  const at = (ms: number) => new Date(ms).toISOString();
  /** Runs `action` on incident `id`, then moves the timeline entries it added to `ms`. */
  const atTime = async (id: number, ms: number, action: () => Promise<unknown>) => {
    const last = await services.store.db
      .selectFrom('timeline')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    await action();
    await services.store.db
      .updateTable('timeline')
      .set({ at: at(ms) })
      .where('incident_id', '=', id)
      .where('id', '>', Number(last.id))
      .execute();
  };
  const create = async (overrides: Record<string, unknown>, createdAt: number) => {
    const res = await h.as('agent').incidents.create(sampleIncident(overrides));
    const id = services.incidents.idOf(res.reference);
    await services.store.db
      .updateTable('incidents')
      .set({ created_at: at(createdAt) })
      .where('id', '=', id)
      .execute();
    await services.store.db
      .updateTable('timeline')
      .set({ at: at(createdAt) })
      .where('incident_id', '=', id)
      .execute();
    return { id, ref: res.reference };
  };

  // Beacon: the problem group.
  const beaconTitle = 'Export button does nothing in the reports view';
  const globex = { name: 'Gina Globex', email: 'gina@globex.example', org: 'Globex' };
  const group: { id: number; ref: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const days = i < 25 ? 1 + (i % 13) : 15 + (i % 13);
    group.push(
      await create(
        {
          title: beaconTitle,
          product: 'Beacon',
          version: '2.0',
          customer: globex,
          workaround: 'Export from the dashboard instead',
          environment: { browser: i < 30 ? 'Edge 131' : 'Firefox 128', os: i % 2 ? 'Windows 11' : 'macOS 15' },
        },
        now - days * DAY,
      ),
    );
  }
  const root = group[0]!;
  for (const dup of group.slice(1)) await h.as('developer').incidents.linkDuplicate({ ref: dup.ref, of: root.ref });
  for (let i = 0; i < 60; i++) {
    await create(
      {
        title: `Invoice ${i} shows the wrong tax rate`,
        product: 'Beacon',
        version: '2.0',
        customer: { name: 'Ivan Initech', org: 'Initech' },
        environment: { browser: 'Chrome 120', os: i % 2 ? 'Windows 11' : 'macOS 15' },
      },
      now - (30 + (i % 20)) * DAY,
    );
  }
  const lookalike = await create(
    { title: 'Export button does nothing in reports', product: 'Beacon', version: '2.1', environment: { browser: 'Edge 131' } },
    now - 2 * DAY,
  );

  // Atlas: versions, one of which spikes.
  for (let i = 0; i < 50; i++) await create({ product: 'Atlas', version: '4.8' }, now - (100 - i) * DAY);
  for (let i = 0; i < 10; i++) await create({ product: 'Atlas', version: '4.9' }, now - 40 * DAY + i * 12 * HOUR);
  for (let i = 0; i < 40; i++) await create({ product: 'Atlas', version: '5.0' }, now - 20 * DAY + i * 4 * HOUR);

  // Comet: known durations.
  const t0 = now - 10 * DAY;
  const comet = [];
  for (const [i, [respond, fix]] of [
    [1, 10],
    [3, 20],
    [5, 30],
  ].entries()) {
    const inc = await create({ product: 'Comet', version: '1.0', title: `Comet sign-in problem ${i}` }, t0);
    const dev = h.as('developer').incidents;
    const agent = h.as('agent').incidents;
    await atTime(inc.id, t0 + respond! * HOUR, () => dev.comment({ ref: inc.ref, text: 'Looking into it' }));
    await atTime(inc.id, t0 + (respond! + 1) * HOUR, () => dev.transition({ ref: inc.ref, to: 'in_progress' }));
    await atTime(inc.id, t0 + fix! * HOUR, () => dev.transition({ ref: inc.ref, to: 'fixed', version: '1.1' }));
    if (i === 0) {
      await atTime(inc.id, t0 + 40 * HOUR, () => agent.transition({ ref: inc.ref, to: 'verified' }));
      await atTime(inc.id, t0 + 48 * HOUR, () => agent.transition({ ref: inc.ref, to: 'closed' }));
    }
    comet.push(inc);
  }
  // One Comet incident belongs to a team the agent is not in.
  await services.store.db.updateTable('incidents').set({ team: 'mobile' }).where('id', '=', comet[2]!.id).execute();
  await services.store.searchIndex?.flush();
  // Times and a team were rewritten behind the store's back: rebuild the insights' rollups from the
  // incidents, as migration 0016's backfill does (the store keeps them for its own writes).
  await services.store.write((trx) => rebuildInsightRollups(trx));
  return { root, group, lookalike, comet };
}
