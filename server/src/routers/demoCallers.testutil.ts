import type { Role, User } from '@handoff/shared';
import { createContextInner } from '../context.js';
import { seedDemo } from '../demo.js';
import { openServices } from '../server.js';
import { createTestDatabase } from '../testing.js';
import type { Engine } from '../store/schema.js';
import { createCaller } from './_app.js';

/** A fresh store with demo data, and `as(role or user)` giving a caller acting as that user. */
export async function openDemoCallers(engine: Engine) {
  const db = await createTestDatabase(engine);
  const services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
  const users = {} as Record<Role, User>;
  for (const [role, token] of Object.entries(await seedDemo(services))) {
    users[role as Role] = (await services.store.userByToken(token))!;
  }
  return {
    services,
    users,
    as: (who: Role | User) => createCaller(createContextInner(services, typeof who === 'string' ? users[who] : who)),
    async close() {
      await services.close();
      await db.drop();
    },
  };
}
export type DemoCallers = Awaited<ReturnType<typeof openDemoCallers>>;
