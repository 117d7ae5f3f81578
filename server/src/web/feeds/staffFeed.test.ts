import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server.js';
import { testClient } from '../../testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../../testing.js';

const BILLING_ANSWERS = {
  invoice_id: 'INV-1',
  amount_expected: '10 EUR, charged 12 EUR',
  payment_method: 'Card',
  plan_change: 'no',
};

describe.each(['sqlite', 'postgres'] as const)('the personal staff feed on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it("holds changes to the incidents one sees in full, internal ones too, inert; other teams' stay out; a new address replaces the old", async () => {
    const agent = testClient(server.url, server.demoTokens!.agent);
    const developer = testClient(server.url, server.demoTokens!.developer);
    const lead = testClient(server.url, server.demoTokens!.lead);
    const { reference } = await agent.incidents.create.mutate(sampleIncident());
    await developer.incidents.comment.mutate({ ref: reference, text: 'Internal: <script>alert(1)</script> check the Okta logs' });
    // Billing's incident (the developer is not in billing): a lead of billing comments on it.
    const billing = await lead.incidents.create.mutate(
      sampleIncident({ category: 'billing', title: 'Billing-only invoice riddle', answers: BILLING_ANSWERS }),
    );
    expect(billing.team).toBe('billing');
    await lead.incidents.comment.mutate({ ref: billing.reference, text: 'Billing internal: refund approved' });

    const first = await developer.feeds.token.mutate();
    expect(first.url).toMatch(new RegExp(`^${server.url}/feeds/[A-Za-z0-9_-]{43}\\.atom$`));
    const res = await fetch(first.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const atom = await res.text();
    expect(atom).toContain(`${reference} · comment · Dev Dana`);
    expect(atom).toContain('&lt;script&gt;alert(1)&lt;/script&gt; check the Okta logs');
    expect(atom).not.toContain('<script>alert(1)');
    expect(atom).not.toContain('Billing-only invoice riddle');
    expect(atom).not.toContain('refund approved');

    const second = await developer.feeds.token.mutate();
    expect((await fetch(first.url)).status).toBe(404);
    expect((await fetch(second.url)).status).toBe(200);
    expect((await fetch(`${server.url}/feeds/${'A'.repeat(43)}.atom`)).status).toBe(404);
  });
});
