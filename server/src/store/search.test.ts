import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentCreateInputSchema } from '@handoff/shared';
import { seedDemo } from '../demo.js';
import { openServices } from '../server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { searchIncidentIds } from './search.js';

describe.each(['sqlite', 'postgres'] as const)('search windows on %s', (engine) => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof openServices>>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    await seedDemo(services);
    const agent = (await services.store.listUsers()).find((u) => u.role === 'agent')!;
    // Matches spread among non-matching incidents, so small windows hold only some of them.
    for (let i = 0; i < 30; i++) {
      const title = i % 3 === 0 ? `Quokka sync ${i} stalls` : `Unrelated billing question ${i}`;
      await services.incidents.create(IncidentCreateInputSchema.parse(sampleIncident({ title, description: `Case ${i}.` })), agent);
    }
    await services.store.searchIndex?.flush();
  });
  afterAll(async () => {
    await services?.close();
    await db?.drop();
  });

  it('finds the same incidents window by window as in one look over all ids', async () => {
    for (const text of ['quokka sync', 'quokka', 'quok', 'quokka billing', 'billing question']) {
      const whole = await searchIncidentIds(services.store.db, engine, text, 20, [1_000_000_000]);
      expect(whole.length, text).toBeGreaterThan(0);
      expect(await searchIncidentIds(services.store.db, engine, text, 20, [2, 3]), text).toEqual(whole);
      expect(await searchIncidentIds(services.store.db, engine, text, 20), text).toEqual(whole);
    }
  });
});
