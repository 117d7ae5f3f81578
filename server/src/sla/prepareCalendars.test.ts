import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server.js';
import { Store } from '../store/store.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';

/**
 * A serving instance builds its calendars (and loads the public-holiday rules they use) before it
 * listens, not inside the first create that needs one, where loading them stalled every request.
 */
describe('calendars at start-up', () => {
  let db: TestDatabase;
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('are built, holidays included, by the time the server listens', async () => {
    db = await createTestDatabase('sqlite');
    // Defined by a first run (the demo's policies); the restarted server has done nothing yet.
    await (await startServer({ port: 0, dataDir: db.dataDir, demo: true, sla: { scheduler: false } })).close();
    server = await startServer({ port: 0, dataDir: db.dataDir, sla: { scheduler: false } });
    const defined = await server.services.sla.config.listCalendars();
    expect(defined.some((c) => c.holidayCountry)).toBe(true); // the demo's business hours keep German holidays
    expect(server.services.sla.config.builtCalendars).toEqual(defined.map((c) => c.id).sort());
  });

  it('a calendar that cannot be built does not stop the server from starting', async () => {
    await server?.close();
    const broken = await Store.open({ dataDir: db.dataDir });
    await broken.db.updateTable('sla_calendars').set({ definition: '{"id": "office-de"}' }).where('id', '=', 'office-de').execute();
    await broken.close();
    server = await startServer({ port: 0, dataDir: db.dataDir, sla: { scheduler: false } });
    expect(server.services.sla.config.builtCalendars).toEqual(['always']);
  });
});
