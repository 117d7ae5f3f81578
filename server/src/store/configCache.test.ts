import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server.js';
import { testClient } from '../testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { SlaConfigStore } from './sla.js';
import { Store } from './store.js';

/**
 * The server caches tokens, templates, routing and service levels; every change to them made
 * elsewhere — another instance on the same database, or a command-line tool beside the server
 * (here: a second store on the same database) — must count from the next request on.
 */
describe.each(['sqlite', 'postgres'] as const)('cached configuration on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let other: Store;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true, sla: { scheduler: false } });
    other = await Store.open({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
  });
  afterAll(async () => {
    await other?.close();
    await server?.close();
    await db?.drop();
  });

  const agentClient = () => testClient(server.url, server.demoTokens!.agent);

  it('refuses a token at once after it is revoked elsewhere, and an account deactivated elsewhere', async () => {
    const person = await other.addUser({ name: 'Cached Agent', role: 'agent', teams: [] });
    const client = testClient(server.url, person.token);
    await client.incidents.create.mutate(sampleIncident());
    await client.incidents.create.mutate(sampleIncident());
    const fresh = await other.resetToken(person.user.id);
    await expect(client.incidents.create.mutate(sampleIncident())).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });

    const freshClient = testClient(server.url, fresh);
    await freshClient.incidents.create.mutate(sampleIncident());
    await sql`update users set deactivated_at = ${new Date().toISOString()} where id = ${person.user.id}`.execute(other.db);
    await expect(freshClient.incidents.create.mutate(sampleIncident())).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('captures with a template and routes by a rule saved elsewhere from the next create on', async () => {
    const before = await agentClient().incidents.create.mutate(sampleIncident());
    expect(before.team).toBe('accounts');

    await other.upsertTeam({ id: 'web-login', name: 'Web login' });
    await other.addRoutingRule({ category: 'login', component: 'Web app', team: 'web-login' });
    expect((await agentClient().incidents.create.mutate(sampleIncident())).team).toBe('web-login');

    const current = (await other.latestTemplate('login'))!;
    await other.upsertTemplate({
      category: 'login',
      label: current.label,
      questions: [
        ...current.questions,
        { id: 'tenant', text: 'Which tenant?', why: 'Tenants run different builds.', required: true, kind: 'text' },
      ],
    });
    await expect(agentClient().incidents.create.mutate(sampleIncident())).rejects.toThrow(
      /answers: required question not answered: "tenant"/,
    );
    const withTenant = await agentClient().incidents.create.mutate(
      sampleIncident({ answers: { ...sampleIncident().answers, tenant: 'eu-1' } }),
    );
    expect(withTenant.created).toBe(true);
  });

  it("applies a customer organisation's new plan to the next incident's service level", async () => {
    const policyOf = async (ref: string) => {
      const view = await agentClient().incidents.byRef.query({ ref });
      return view.access === 'full' ? view.sla?.policy.id : undefined;
    };
    // (The template of the test before asks which tenant.)
    const sample = () => sampleIncident({ answers: { ...sampleIncident().answers, tenant: 'eu-1' } });
    const standard = await agentClient().incidents.create.mutate(sample());
    expect(await policyOf(standard.reference)).toBe('high');
    await new SlaConfigStore(other).setCustomerPlan({ org: 'Example Ltd', plan: 'premium' });
    const premium = await agentClient().incidents.create.mutate(sample());
    expect(await policyOf(premium.reference)).toBe('high-premium');
  });
});
