import type { Role, User } from '@handoff/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.js';
import { createCaller } from '../../routers/_app.js';
import { type RunningServer, startServer } from '../../server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../../testing.js';

describe.each(['sqlite', 'postgres'] as const)('the public known-issues page on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let as: (role: Role) => ReturnType<typeof createCaller>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    const users = {} as Record<Role, User>;
    for (const [role, token] of Object.entries(server.demoTokens!)) users[role as Role] = (await server.services.store.userByToken(token))!;
    as = (role) => createCaller(createContextInner(server.services, users[role]));
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  async function solved(title: string, customerAnswer: string) {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident({ title, product: 'Orbit' }));
    await as('developer').incidents.transition({ ref, to: 'in_progress' });
    await as('developer').incidents.transition({ ref, to: 'fixed', version: '2.4.1' });
    await as('agent').incidents.transition({ ref, to: 'verified' });
    await as('agent').knownSolutions.record({ ref, solution: 'Internal: cache key fixed', customerAnswer });
    return ref;
  }

  const page = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('shows only answers a lead published, without signing in, searchable, with markup as text', async () => {
    const published = await solved('Calendar sync skips <b>recurring</b> events', 'Update to 2.4.1, then <script>x</script> sync again.');
    await solved('Unpublished printer problem', 'Not for the public yet');
    expect((await as('lead').knownSolutions.publish({ ref: published, published: true })).publishedAt).not.toBeNull();

    const index = await page('/known-issues/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<a href="/known-issues/Orbit">Orbit</a>');

    const orbit = await page('/known-issues/Orbit');
    expect(orbit.type).toBe('text/html; charset=utf-8');
    expect(orbit.text).toContain('<h2>Calendar sync skips &lt;b&gt;recurring&lt;/b&gt; events</h2>');
    expect(orbit.text).toContain('Update to 2.4.1, then &lt;script&gt;x&lt;/script&gt; sync again.');
    expect(orbit.text).toContain('Fixed in version 2.4.1.');
    expect(orbit.text).not.toContain('Unpublished printer problem');
    expect(orbit.text).not.toContain('Internal: cache key fixed');

    expect((await page('/known-issues/Orbit?q=CALENDAR%20recurring')).text).toContain('1 answer for “CALENDAR recurring”.');
    const miss = await page('/known-issues/Orbit?q=printer');
    expect(miss.text).toContain('0 answers for “printer”.');
    expect(miss.text).not.toContain('<article>');

    await as('lead').knownSolutions.publish({ ref: published, published: false });
    expect((await page('/known-issues/Orbit')).text).toContain('No published answers match.');
  });

  it('refuses to publish a solution without an answer for customers, naming the field', async () => {
    const { reference: ref } = await as('agent').incidents.create(sampleIncident({ title: 'No answer yet', product: 'Orbit' }));
    await as('developer').incidents.transition({ ref, to: 'in_progress' });
    await as('developer').incidents.transition({ ref, to: 'fixed', version: '2.5' });
    await as('agent').incidents.transition({ ref, to: 'verified' });
    await as('agent').knownSolutions.record({ ref, solution: 'Internal only' });
    await expect(as('lead').knownSolutions.publish({ ref, published: true })).rejects.toThrow(
      `ref: ${ref} has no answer for customers; record one (customerAnswer) before publishing.`,
    );
  });
});
