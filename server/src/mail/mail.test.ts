import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../server.js';
import { testClient } from '../testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { visitor } from '../web/customer/customerPage.testutil.js';
import { outboxFolder } from './mailScheduler.js';
import { linkIn, startSmtpServer, waitUntil } from './smtpServer.testutil.js';

const FAST = { debounceMs: 400, retryBaseMs: 150, retryMaxMs: 600, leaseMs: 10_000, maxAttempts: 5 };
const pageOf = (link: string) => link.replace(/\/(confirm|unsubscribe)?(\?.*)?$/, '').replace(/\?.*$/, '');

interface Ctx {
  server: RunningServer;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  agentToken: string;
}

/** A shared incident with a confirmed subscriber `email`; returns the reference and the confirmation mail's link. */
async function subscribe(ctx: Ctx, email: string) {
  const { server, smtp } = ctx;
  const agent = () => testClient(server.url, ctx.agentToken);
  const { reference: ref } = await agent().incidents.create.mutate(sampleIncident());
  const { url } = await agent().incidents.share.mutate({ ref });
  const page = visitor(url);
  const { body } = await page.get();
  expect(body).toContain('Get e-mail updates');
  const posted = await page.post('subscribe', { email });
  expect(posted.res.status).toBe(303);
  expect(posted.res.headers.get('location')).toContain('done=subscribed');
  await waitUntil(() => smtp.to(email).length === 1, `confirmation mail to ${email}`);
  const confirmation = smtp.to(email)[0]!;
  const link = linkIn(confirmation, '/confirm');
  const mailPage = visitor(pageOf(link));
  const form = await mailPage.get('/confirm');
  expect(form.res.status).toBe(200);
  const confirmed = await mailPage.post('confirm', {});
  expect(confirmed.res.status).toBe(303);
  return { ref, link, confirmation, mailPage, shareUrl: url };
}

const outboxRows = (server: RunningServer, email: string) =>
  server.services.store.db
    .selectFrom('mail_outbox as o')
    .innerJoin('mail_subscriptions as s', 's.id', 'o.subscription_id')
    .select(['o.id', 'o.kind', 'o.state', 'o.attempts', 'o.last_error', 'o.entry_ids'])
    .where('s.email', '=', email)
    .orderBy('o.id')
    .execute();

describe.each(['sqlite', 'postgres'] as const)('e-mail updates on %s', (engine) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;
  const opts = (): ServerOptions => ({
    port: 0,
    dataDir: db.dataDir,
    databaseUrl: db.databaseUrl,
    smtpUrl: smtp.url,
    mail: { timing: FAST, pollMs: 100 },
    sla: { scheduler: false },
  });
  const agent = () => testClient(server.url, tokens.agent);
  const developer = () => testClient(server.url, tokens.developer);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    smtp = await startSmtpServer();
    server = await startServer({ ...opts(), demo: true });
    tokens = server.demoTokens!;
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await db?.drop();
  });

  const ctx = {
    get server() {
      return server;
    },
    get smtp() {
      return smtp;
    },
    get agentToken() {
      return tokens.agent;
    },
  };
  const subscribed = (email: string) => subscribe(ctx, email);
  const outboxOf = (email: string) => outboxRows(server, email);

  it('double opt-in: the confirmation mail links to a page that only confirms; once confirmed, that link opens the page', async () => {
    const email = `optin-${engine}@example.com`;
    const { reference: other } = await agent().incidents.create.mutate(sampleIncident());
    const { url } = await agent().incidents.share.mutate({ ref: other });
    const page = visitor(url);
    await page.get();
    expect((await page.post('subscribe', { email: 'not an address' })).res.status).toBe(400);
    await page.post('subscribe', { email });
    await waitUntil(() => smtp.to(email).length === 1, 'confirmation mail');
    const mail = smtp.to(email)[0]!;
    expect(mail.subject).toBe(`Please confirm: e-mail updates about ${other}`);
    const link = linkIn(mail, '/confirm');
    expect(link.startsWith(`${server.url}/c/`)).toBe(true);
    expect(link).not.toContain(url.split('/c/')[1]);
    const mailPage = visitor(pageOf(link));
    // Pending: the link confirms, nothing else (someone else's address cannot be used to read the page).
    expect((await mailPage.get()).res.status).toBe(404);
    const form = await mailPage.get('/confirm');
    expect(form.body).toContain('Yes, send me updates');
    // Without the page's cookie (a forged cross-site post) nothing is confirmed.
    expect((await mailPage.post('confirm', {}, { cookie: false })).res.status).toBe(403);
    const done = await mailPage.post('confirm', {});
    expect(done.res.headers.get('location')).toContain('done=mail-confirmed');
    const opened = await mailPage.get(`?lang=en&done=mail-confirmed`);
    expect(opened.res.status).toBe(200);
    expect(opened.body).toContain(other);
    expect(opened.body).toContain('E-mail updates are on.');
  });

  it('a burst of customer-visible changes is one mail (text and escaped HTML, with the page and unsubscribe links); internal ones are not mailed', async () => {
    const email = `burst-${engine}@example.com`;
    const { ref } = await subscribed(email);
    await developer().incidents.comment.mutate({ ref, text: 'INTERNAL-ONLY note about the contract' });
    await developer().incidents.comment.mutate({ ref, text: 'We found it <b>here</b> & fixed it', visibleToCustomer: true });
    await developer().incidents.transition.mutate({ ref, to: 'in_progress' });
    await waitUntil(() => smtp.to(email).length === 2, 'the update mail');
    const mail = smtp.to(email)[1]!;
    expect(mail.subject).toBe(`Update on ${ref}: We are working on a fix`);
    expect(mail.text).toContain('We found it <b>here</b> & fixed it');
    expect(mail.text).toContain('Status: We are working on a fix');
    expect(mail.text).not.toContain('INTERNAL-ONLY');
    expect(mail.html).toContain('We found it &lt;b&gt;here&lt;/b&gt; &amp; fixed it');
    expect(mail.html).not.toContain('<b>here</b>');
    expect(mail.html).not.toContain('INTERNAL-ONLY');
    const unsubscribe = linkIn(mail, '/unsubscribe');
    expect(mail.headers.get('list')).toMatchObject({
      unsubscribe: { url: unsubscribe },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    const opened = await visitor(pageOf(linkIn(mail, ''))).get();
    expect(opened.res.status).toBe(200);
    expect(opened.body).toContain('We found it &lt;b&gt;here&lt;/b&gt;');
    const rows = await outboxOf(email);
    expect(rows.map((r) => [r.kind, r.state])).toEqual([
      ['confirm', 'sent'],
      ['update', 'sent'],
    ]);
    expect(JSON.parse(rows[1]!.entry_ids)).toHaveLength(2);
  });

  it('the close-out mail asks for the evaluation, and the page it links to offers it', async () => {
    const email = `close-${engine}@example.com`;
    const { ref } = await subscribed(email);
    for (const to of ['in_progress', 'fixed'] as const) await developer().incidents.transition.mutate({ ref, to, version: '4.2.1' });
    await agent().incidents.transition.mutate({ ref, to: 'verified' });
    await agent().incidents.transition.mutate({ ref, to: 'closed' });
    const closedMail = () => smtp.to(email).find((m) => m.subject === `${ref} is closed — how did we do?`);
    await waitUntil(() => closedMail() !== undefined, 'the close-out mail');
    expect(closedMail()!.text).toContain('Your request is closed. Please tell us how we did');
    expect(closedMail()!.text).toContain('Status: Closed');
    const page = await visitor(pageOf(linkIn(closedMail()!, ''))).get();
    expect(page.body).toContain('How did we do?');
  });

  it('mails in the language the customer subscribed in', async () => {
    const email = `de-${engine}@example.com`;
    const { reference: ref } = await agent().incidents.create.mutate(sampleIncident());
    const { url } = await agent().incidents.share.mutate({ ref });
    const page = visitor(url, { 'accept-language': 'de-CH, de;q=0.9' });
    await page.get();
    const { res } = await page.post('subscribe', { email });
    expect(res.status).toBe(303);
    await waitUntil(() => smtp.to(email).length === 1, 'German confirmation mail');
    expect(smtp.to(email)[0]!.subject).toBe(`Bitte bestätigen: E-Mail-Benachrichtigung zu ${ref}`);
  });

  it('a restart between the change and its mail neither loses nor repeats it', async () => {
    const email = `restart-${engine}@example.com`;
    const { ref } = await subscribed(email);
    await server.close();
    // The change is committed with its outbox row while no instance delivers (scheduler off).
    server = await startServer({ ...opts(), mail: { timing: FAST, scheduler: false } });
    await developer().incidents.comment.mutate({ ref, text: 'Written before the restart', visibleToCustomer: true });
    expect((await outboxOf(email)).map((r) => r.state)).toEqual(['sent', 'pending']);
    await server.close();
    server = await startServer(opts());
    await waitUntil(() => smtp.to(email).length === 2, 'the update mail after the restart');
    await server.close();
    server = await startServer({ ...opts(), mail: { timing: FAST, scheduler: false } });
    // Nothing is due any more: a tick of the restarted instance sends nothing.
    await server.services.mail.scheduler.tick();
    expect(smtp.to(email)).toHaveLength(2);
    expect(smtp.to(email)[1]!.text).toContain('Written before the restart');
    await server.close();
    server = await startServer(opts());
  });

  it('retries a temporarily refused mail with back-off and delivers it once; a permanent refusal is recorded and not retried', async () => {
    const email = `retry-${engine}@example.com`;
    const { ref } = await subscribed(email);
    smtp.refuse.push(451, 421);
    await developer().incidents.comment.mutate({ ref, text: 'After two refusals', visibleToCustomer: true });
    await waitUntil(() => smtp.to(email).length === 2, 'the update mail after retries');
    await waitUntil(async () => (await outboxOf(email))[1]?.state === 'sent', 'the delivery to be recorded');
    const [, update] = await outboxOf(email);
    expect(update).toMatchObject({ state: 'sent', attempts: 2 });
    expect(update!.last_error).toBeNull();

    smtp.refuse.push(550);
    await developer().incidents.comment.mutate({ ref, text: 'Refused for good', visibleToCustomer: true });
    await waitUntil(async () => (await outboxOf(email))[2]?.state === 'failed', 'the permanent failure to be recorded');
    const failed = (await outboxOf(email))[2]!;
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/^550 /);
    expect(await server.services.mail.outbox.due(10)).not.toContain(failed.id);
    expect(smtp.to(email)).toHaveLength(2);
  });

  it('one-click unsubscribe (RFC 8058) stops all further mails', async () => {
    const email = `stop-${engine}@example.com`;
    const { ref } = await subscribed(email);
    await developer().incidents.comment.mutate({ ref, text: 'One more thing', visibleToCustomer: true });
    await waitUntil(() => smtp.to(email).length === 2, 'the update mail');
    const stop = linkIn(smtp.to(email)[1]!, '/unsubscribe');
    const res = await fetch(stop, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`You will get no more e-mail updates about ${ref}.`);
    await developer().incidents.transition.mutate({ ref, to: 'in_progress' });
    // Nothing was queued for the ended subscription, so nothing can be sent later.
    expect((await outboxOf(email)).map((r) => r.kind)).toEqual(['confirm', 'update']);
    // The link in the mail still opens the page; its unsubscribe page is one button (a link scanner changes nothing).
    const page = visitor(pageOf(stop));
    expect((await page.get()).res.status).toBe(200);
    const form = await page.get('/unsubscribe');
    expect(form.body).toContain(`Stop sending updates about ${ref} to this address?`);
    const done = await page.post('unsubscribe', {});
    expect(done.res.status).toBe(200);
    expect(done.body).toContain(`You will get no more e-mail updates about ${ref}.`);
  });
});

describe('two instances on one PostgreSQL', () => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;
  const opts = (): ServerOptions => ({
    port: 0,
    databaseUrl: db.databaseUrl,
    dataDir: db.dataDir,
    smtpUrl: smtp.url,
    mail: { timing: FAST, pollMs: 50 },
    sla: { scheduler: false },
  });
  const ctx = {
    get server() {
      return server;
    },
    get smtp() {
      return smtp;
    },
    get agentToken() {
      return tokens.agent;
    },
  };
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    smtp = await startSmtpServer();
    server = await startServer({ ...opts(), demo: true });
    tokens = server.demoTokens!;
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('sends each change once', async () => {
    const second = await startServer(opts());
    try {
      const emails = [1, 2, 3, 4].map((i) => `twice-${i}@example.com`);
      const refs: string[] = [];
      for (const e of emails) refs.push((await subscribe(ctx, e)).ref);
      const before = server.services.mail.scheduler.stats.sent + second.services.mail.scheduler.stats.sent;
      for (const ref of refs)
        await testClient(server.url, tokens.developer).incidents.comment.mutate({ ref, text: `News for ${ref}`, visibleToCustomer: true });
      await waitUntil(() => emails.every((e) => smtp.to(e).length === 2), 'one update mail per subscriber');
      await waitUntil(
        async () => (await Promise.all(emails.map((e) => outboxRows(server, e)))).flat().every((r) => r.state === 'sent'),
        'all recorded as sent',
      );
      await Promise.all([server.services.mail.scheduler.tick(), second.services.mail.scheduler.tick()]);
      for (const e of emails) expect(smtp.to(e)).toHaveLength(2);
      const after = server.services.mail.scheduler.stats.sent + second.services.mail.scheduler.stats.sent;
      expect(after - before).toBe(4);
    } finally {
      await second.close();
    }
  });
});

describe('e-mail updates without an SMTP server', () => {
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ port: 0, dataDir: db.dataDir, demo: true, mail: { pollMs: 100 }, sla: { scheduler: false } });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('the page says plainly that updates are off; mails that exist are written to the outbox folder, never dropped', async () => {
    const agent = testClient(server.url, server.demoTokens!.agent);
    const { reference: ref } = await agent.incidents.create.mutate(sampleIncident());
    const { url } = await agent.incidents.share.mutate({ ref });
    const page = visitor(url);
    const { body } = await page.get();
    expect(body).toContain('E-mail updates are off on this server: no mails are sent.');
    expect(body).not.toContain('name="email"');
    const refused = await page.post('subscribe', { email: 'someone@example.com' });
    expect(refused.res.status).toBe(409);
    const open = await server.services.shares.open(url.split('/c/')[1]!);
    await server.services.mail.subscriptions.subscribe(open!.share, 'folder@example.com', 'fr');
    const dir = outboxFolder(db.dataDir);
    await waitUntil(() => {
      try {
        return readdirSync(dir).some((f) => f.endsWith('-confirm.eml'));
      } catch {
        return false;
      }
    }, 'the .eml file');
    const file = readdirSync(dir).find((f) => f.endsWith('-confirm.eml'))!;
    const eml = await simpleParser(readFileSync(path.join(dir, file)));
    expect(eml.to).toMatchObject({ text: 'folder@example.com' });
    expect(eml.subject).toBe(`Veuillez confirmer : mises à jour par e-mail de ${ref}`);
    expect(eml.text).toContain(`${server.url}/c/`);
  });
});
