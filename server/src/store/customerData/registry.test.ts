import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../server.js';
import { createTestDatabase, type TestDatabase } from '../../testing.js';
import { PERSONAL_DATA_HOLDERS } from './registry.js';

/** Column names that hold a customer's identity; a table with one needs a holder. */
const CUSTOMER_COLUMN = /^(customer|customer_name|customer_email|email|contact|recipient|to_address)$/;
/** Tables whose such columns hold staff members' own data, never a customer's (kept out of customers.export). */
const STAFF_ONLY = new Set(['staff_mail']);

describe('the registry of personal-data holders', () => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof openServices>>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    services = await openServices({ dataDir: db.dataDir });
  });
  afterAll(async () => {
    await services?.close();
    await db?.drop();
  });

  it('has one holder per id, each able to erase', () => {
    const ids = PERSONAL_DATA_HOLDERS.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const h of PERSONAL_DATA_HOLDERS) expect(typeof h.erase).toBe('function');
  });

  it('covers every table with a customer column (a new table with customers in it needs a holder)', async () => {
    const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(services.store.db);
    const withCustomers: string[] = [];
    for (const { name } of tables) {
      const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(services.store.db);
      if (!STAFF_ONLY.has(name) && rows.some((c) => CUSTOMER_COLUMN.test(c.name))) withCustomers.push(name);
    }
    expect(withCustomers).toEqual(expect.arrayContaining(['affected_customers', 'incidents'])); // the check finds them
    const covered = new Set(PERSONAL_DATA_HOLDERS.flatMap((h) => h.tables));
    expect(withCustomers.filter((t) => !covered.has(t))).toEqual([]);
  });
});
