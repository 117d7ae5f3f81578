import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from './store/schema.js';

/** The PostgreSQL server tests use; a fresh database is created on it per test file. */
export const TEST_PG_ADMIN_URL = process.env.HANDOFF_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  engine: Engine;
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

/**
 * A throw-away store location: a temporary data folder for SQLite, or a new database for
 * PostgreSQL (dropped again by `drop`). For tests and benchmarks only.
 */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-test-'));
  if (engine === 'sqlite') {
    return { engine, dataDir, databaseUrl: undefined, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `handoff_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    engine,
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A complete, valid `incidents.create` input for the demo `login` template. */
export function sampleIncident(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: crypto.randomUUID(),
    title: 'Login fails with SessionStore.handle error after update',
    description: 'Since 4.2 the customer sees "TypeError in SessionStore.handle (CartReducer.ts:43)" when signing in.',
    category: 'login',
    answers: { error_message: 'TypeError in SessionStore.handle', sso: 'Password', other_browser: 'no', scope: 'Everyone' },
    product: 'Acme Cloud',
    version: '4.2.0',
    component: 'Web app',
    environment: { os: 'macOS 15', browser: 'Safari 18' },
    customer: { name: 'Jane Roe', email: 'jane@example.com', org: 'Example Ltd' },
    crm: { system: 'zendesk', ticketId: '123', url: 'https://example.zendesk.com/agent/tickets/123' },
    steps: [
      { action: 'Open the sign-in page' },
      { action: 'Enter valid credentials and submit', expected: 'Dashboard', actual: 'Error page' },
    ],
    reproducedByAgent: true,
    severity: 'high' as const,
    ...overrides,
  };
}
