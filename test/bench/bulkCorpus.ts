import { randomUUID } from 'node:crypto';
import { type Database, searchDocument, type Services } from '@handoff/server';
import type { Insertable } from 'kysely';
import { corpusIncident } from './corpus.js';

const DAY = 86_400_000;
const TEAMS = ['accounts', 'billing', 'platform', 'mobile'];
const STATUSES = ['new', 'in_progress', 'fixed', 'closed'] as const;
const BATCH = 500;

/**
 * Writes `count` incidents of the search corpus (corpus.ts) straight into the store, each with
 * its "created" timeline entry and the search text the create path would store, so the lookups
 * at 1M incidents search realistic ticket text. Seeding through the API would take hours at
 * 1M; the create path is measured on its own. Spread over a year and four teams.
 */
export async function seedCorpusBulk(services: Services, count: number, reporterId: number): Promise<void> {
  const db = services.store.db;
  const max = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  const start = Number(max?.m ?? 1000) + 1;
  const now = Date.now();
  for (let b = 0; b < count; b += BATCH) {
    const incidents: Insertable<Database['incidents']>[] = [];
    const timeline: Insertable<Database['timeline']>[] = [];
    for (let i = b; i < Math.min(count, b + BATCH); i++) {
      const c = corpusIncident(i);
      const id = start + i;
      // Older ids are older incidents, a few hours apart at 1M, as a store filled over a year.
      const created = new Date(now - Math.floor(((count - i) / count) * 365 * DAY)).toISOString();
      const team = TEAMS[i % TEAMS.length]!;
      const doc = searchDocument(c.title, c.description, c.steps);
      incidents.push({
        id,
        idempotency_key: randomUUID(),
        title: c.title,
        description: c.description,
        category: c.category,
        answers: JSON.stringify(c.answers),
        template_version: null,
        product: c.product,
        version: c.version,
        component: c.component,
        environment: JSON.stringify(c.environment),
        customer: JSON.stringify(c.customer),
        crm: JSON.stringify(c.crm),
        steps: JSON.stringify(c.steps),
        reproduced_by_agent: c.reproducedByAgent ? 1 : 0,
        workaround: null,
        severity: c.severity,
        status: STATUSES[i % STATUSES.length]!,
        team,
        owner_id: null,
        reporter_id: reporterId,
        affected_customers: 1,
        duplicate_of: null,
        fixed_in_version: null,
        created_at: created,
        updated_at: created,
        search_title: doc.title,
        search_body: doc.body,
      });
      timeline.push({
        incident_id: id,
        at: created,
        actor_id: reporterId,
        kind: 'created',
        text: 'created',
        data: '{}',
        status: 'new',
        team,
        owner_id: null,
        reporter_id: reporterId,
        title: c.title,
      });
    }
    await services.store.write(async (trx) => {
      await trx.insertInto('incidents').values(incidents).execute();
      await trx.insertInto('timeline').values(timeline).execute();
    });
    if (b > 0 && b % 100_000 === 0) console.log(`  … ${b}`);
  }
  if (services.store.engine === 'postgres') {
    // The ids were given explicitly: move the identity past them, or the next create collides.
    await db
      .selectNoFrom((eb) =>
        eb.fn('setval', [eb.fn('pg_get_serial_sequence', [eb.val('incidents'), eb.val('id')]), eb.val(start + count - 1)]).as('v'),
      )
      .execute();
  }
  await services.store.searchIndex?.flush();
}
