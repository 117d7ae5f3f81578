import type { Role, User } from '@handoff/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.js';
import { seedDemo } from '../demo.js';
import { createCaller } from '../routers/_app.js';
import { openServices } from '../server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { startSmtpServer, waitUntil } from './smtpServer.testutil.js';

/** Image-like bytes of `size` (a PNG signature, then filler): the store keeps what the page accepted. */
const image = (size: number, fill: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(size - 8, fill)]);
const SMALL = image(3000, 1);
const LARGE = image(6000, 2);
const CAP = 8000; // room for SMALL and another SMALL, not for LARGE after SMALL

describe.each(['sqlite', 'postgres'] as const)("customers' images in staff mails on %s", (engine) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let services: Awaited<ReturnType<typeof openServices>>;
  const users = {} as Record<Role, User>;
  const as = (role: Role) => createCaller(createContextInner(services, users[role]));
  const agentMail = `alice-${engine}@staff.example`;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    smtp = await startSmtpServer();
    services = await openServices({
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      smtpUrl: smtp.url,
      mail: { timing: { debounceMs: 60_000 }, scheduler: false, staffImagesMaxBytes: CAP },
    });
    for (const [role, token] of Object.entries(await seedDemo(services))) users[role as Role] = (await services.store.userByToken(token))!;
    await services.mail.staff.set(users.agent.id, { email: agentMail, mode: 'mine', lang: 'en' }, users.agent);
  });
  afterAll(async () => {
    await services?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('attaches them inline under their comments, up to the size cap; one past it is named, not attached', async () => {
    const { reference } = await as('agent').incidents.create(sampleIncident());
    const row = await services.incidents.row(services.incidents.idOf(reference));
    const page = (await services.shares.open((await services.shares.create(row, null, users.developer.id)).token))!;
    // One burst (one mail): three comments with images, one without.
    await services.shares.comment(page, 'Here is the error.', { name: 'error.png', mediaType: 'image/png', bytes: SMALL });
    await services.shares.comment(page, 'And the whole screen.', { name: 'screen.png', mediaType: 'image/png', bytes: LARGE });
    await services.shares.comment(page, 'Only words this time.');
    await services.shares.comment(page, 'The settings.', { name: 'settings.png', mediaType: 'image/png', bytes: SMALL });
    // Due now (the burst's window shortened by moving its due time, as the clock would).
    await services.store.write((trx) =>
      trx
        .updateTable('mail_outbox')
        .set({ due_at: new Date(0).toISOString() })
        .execute(),
    );
    await services.mail.scheduler.tick();
    await waitUntil(() => smtp.to(agentMail).length === 1, 'the staff mail');
    const mail = smtp.to(agentMail)[0]!;
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.size, a.contentDisposition])).toEqual([
      ['error.png', 'image/png', SMALL.length, 'inline'],
      ['settings.png', 'image/png', SMALL.length, 'inline'],
    ]);
    expect(Buffer.compare(mail.attachments[0]!.content, SMALL)).toBe(0);
    expect(mail.text).toContain('Image from the customer: error.png (attached)');
    expect(mail.text).toContain(
      'Image from the customer: screen.png — not attached (the mail would be too large); open the incident to see it.',
    );
    expect(mail.text).toContain('Image from the customer: settings.png (attached)');
    expect(mail.text).toContain('Only words this time.');
    // The HTML shows each attached image under its comment, by its content id.
    for (const a of mail.attachments) expect(mail.html || '').toContain(`alt="${a.filename}"`);
    expect(mail.attachments.every((a) => a.cid)).toBe(true);
  });
});
