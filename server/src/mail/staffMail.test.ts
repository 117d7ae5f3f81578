import { TRPCClientError } from '@trpc/client';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../server.js';
import { testClient } from '../testClient.js';
import { collect } from '../liveEvents.testutil.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { linkIn, startSmtpServer, waitUntil } from './smtpServer.testutil.js';

const FAST = { debounceMs: 400, retryBaseMs: 150, retryMaxMs: 600, leaseMs: 10_000, maxAttempts: 5 };

const staffRows = (server: RunningServer, userId: number) =>
  server.services.store.db
    .selectFrom('mail_outbox')
    .select(['id', 'state', 'entry_ids', 'recipient'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'staff')
    .orderBy('id')
    .execute();

describe.each(['sqlite', 'postgres'] as const)('staff mail on %s', (engine) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;
  const as = (role: keyof NonNullable<RunningServer['demoTokens']>) => testClient(server.url, tokens[role]);
  const devMail = `dana-${engine}@example.com`;
  const leadMail = `lee-${engine}@example.com`;
  const reviewerMail = `rita-${engine}@example.com`;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    smtp = await startSmtpServer();
    server = await startServer({
      port: 0,
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      smtpUrl: smtp.url,
      mail: { timing: FAST, pollMs: 100 },
      sla: { scheduler: false },
      demo: true,
    });
    tokens = server.demoTokens!;
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('own settings: off until opted in, the address validated, someone else’s only for admins (audited)', async () => {
    const dev = as('developer');
    const me = await dev.auth.whoami.query();
    expect(await dev.users.mailSettings.query({})).toEqual({ userId: me.id, email: null, mode: 'off', lang: 'en' });
    const bad = await dev.users.setMailSettings.mutate({ email: 'not an address', mode: 'mine', lang: 'en' }).catch((e) => e);
    expect(bad).toBeInstanceOf(TRPCClientError);
    expect(bad.data?.httpStatus).toBe(400);
    expect(bad.message).toContain('email: give an address like name@example.com');
    const missing = await dev.users.setMailSettings.mutate({ email: null, mode: 'teams', lang: 'en' }).catch((e) => e);
    expect(missing.data?.httpStatus).toBe(400);
    expect(missing.message).toContain('or choose "off"');
    const long = await dev.users.setMailSettings
      .mutate({ email: `${'a'.repeat(250)}@example.com`, mode: 'mine', lang: 'en' })
      .catch((e) => e);
    expect(long.data?.httpStatus).toBe(400);

    expect(await dev.users.setMailSettings.mutate({ email: devMail, mode: 'mine', lang: 'en' })).toEqual({
      userId: me.id,
      email: devMail,
      mode: 'mine',
      lang: 'en',
    });
    // Another person's settings: not for a developer, but for an admin — and that is audited.
    const lead = await as('lead').auth.whoami.query();
    const refused = await dev.users.setMailSettings.mutate({ userId: lead.id, email: leadMail, mode: 'teams', lang: 'en' }).catch((e) => e);
    expect(refused.data?.httpStatus).toBe(403);
    expect((await dev.users.mailSettings.query({ userId: lead.id }).catch((e) => e)).data?.httpStatus).toBe(403);
    await as('admin').users.setMailSettings.mutate({ userId: lead.id, email: leadMail, mode: 'teams', lang: 'de' });
    expect(await as('lead').users.mailSettings.query({})).toMatchObject({ email: leadMail, mode: 'teams', lang: 'de' });
    const audit = await as('admin').audit.list.query({ limit: 5 });
    const entry = audit.find((a) => a.action === 'user.mailSettings');
    expect(entry).toMatchObject({ target: `user ${lead.id}`, after: { email: leadMail, mode: 'teams' } });
    // One's own change is not an administrative act: no audit entry for the developer's.
    expect(audit.filter((a) => a.action === 'user.mailSettings')).toHaveLength(1);
  });

  it('one mail per burst to those who opted in, internal entries included; none to the one who acted or to other teams', async () => {
    const dev = as('developer');
    const devUser = await dev.auth.whoami.query();
    const reviewer = await as('reviewer').auth.whoami.query();
    // The reviewer opts in for their teams' incidents, but the incident goes to a team they are not in.
    await as('reviewer').users.setMailSettings.mutate({ email: reviewerMail, mode: 'teams', lang: 'en' });
    const created = await as('agent').incidents.create.mutate(sampleIncident({ title: 'Staff mail burst' }));
    const ref = created.reference;
    await dev.incidents.assign.mutate({ ref, owner: 'me', team: 'platform' });
    // The developer's own change tells the developer nothing.
    expect(await staffRows(server, devUser.id)).toHaveLength(0);
    await as('agent').incidents.comment.mutate({ ref, text: 'Internal: the customer runs an old proxy' });
    await as('agent').incidents.comment.mutate({ ref, text: 'Internal: second note in the same minute' });
    await waitUntil(() => smtp.to(devMail).length === 1, 'the developer’s mail');
    const mail = smtp.to(devMail)[0]!;
    expect(mail.subject!.startsWith(`[${ref}] Staff mail burst: `)).toBe(true);
    expect(mail.text).toContain('Internal: the customer runs an old proxy');
    expect(mail.text).toContain('Internal: second note in the same minute');
    expect(mail.text).toContain('Alice Agent · comment');
    expect(mail.headers.get('list')).toMatchObject({ 'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' } });
    // Received by the SMTP server; the outbox records it as sent right after.
    await waitUntil(async () => (await staffRows(server, devUser.id))[0]?.state === 'sent', 'the mail recorded as sent');
    const rows = await staffRows(server, devUser.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'sent', recipient: devMail });
    expect(JSON.parse(rows[0]!.entry_ids)).toHaveLength(2);
    // The lead opted in for their teams (platform is one): mailed too. The reviewer is not in platform.
    await waitUntil(() => smtp.to(leadMail).length >= 1, 'the lead’s mail');
    expect(await staffRows(server, reviewer.id)).toHaveLength(0);
    expect(smtp.to(reviewerMail)).toHaveLength(0);
  });

  it('close-out reaches the owner; the unsubscribe link turns mail off in one click; staff addresses are no customer data', async () => {
    const dev = as('developer');
    const agent = as('agent');
    const before = smtp.to(devMail).length;
    const { reference: ref } = await agent.incidents.create.mutate(sampleIncident({ title: 'Closing with mail' }));
    await dev.incidents.assign.mutate({ ref, owner: 'me', team: 'platform' });
    await dev.incidents.transition.mutate({ ref, to: 'in_progress' });
    await dev.incidents.transition.mutate({ ref, to: 'fixed', version: '4.2.1' });
    await agent.incidents.transition.mutate({ ref, to: 'verified' });
    await agent.incidents.transition.mutate({ ref, to: 'closed' });
    await waitUntil(() => smtp.to(devMail).some((m) => m.subject === `[${ref}] closed: Closing with mail`), 'the close-out mail');
    const closing = smtp.to(devMail).slice(before);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.text).toContain('verified');

    const stop = linkIn(closing[0]!, '/unsubscribe');
    expect(stop.startsWith(`${server.url}/m/`)).toBe(true);
    // GET only shows the button (a link scanner changes nothing).
    const page = await fetch(stop);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop all mails about incidents to this address?');
    expect((await dev.users.mailSettings.query({})).mode).toBe('mine');
    const oneClick = await fetch(stop, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('You will get no more mails about incidents');
    expect(await dev.users.mailSettings.query({})).toMatchObject({ mode: 'off', email: devMail });
    // An unknown link is a 404.
    expect((await fetch(`${server.url}/m/${'A'.repeat(43)}/unsubscribe`)).status).toBe(404);
    // Off: the next change queues nothing for the developer.
    const devUser = await dev.auth.whoami.query();
    const queued = (await staffRows(server, devUser.id)).length;
    await agent.incidents.comment.mutate({ ref, text: 'After the unsubscribe' });
    expect(await staffRows(server, devUser.id)).toHaveLength(queued);

    // A customer's export holds nothing of staff addresses.
    const { archiveBase64 } = await as('lead').customers.export.mutate({ email: 'jane@example.com' });
    const files = unzipSync(Buffer.from(archiveBase64, 'base64'));
    const exported = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(exported).toContain('jane@example.com');
    expect(exported).not.toContain(devMail);
    expect(exported).not.toContain(leadMail);
  });

  it('the close names everyone involved — reporter, owner, staff who commented — and reaches a commenter’s "mine" stream', async () => {
    const [agentUser, devUser, leadUser] = await Promise.all([
      as('agent').auth.whoami.query(),
      as('developer').auth.whoami.query(),
      as('lead').auth.whoami.query(),
    ]);
    const { reference: ref } = await as('agent').incidents.create.mutate(sampleIncident({ title: 'Everyone told' }));
    await as('developer').incidents.assign.mutate({ ref, owner: 'me', team: 'platform' });
    await as('lead').incidents.comment.mutate({ ref, text: 'Seen this before in 4.1' });
    // The lead neither reported nor owns it: their "mine" stream and "mine" mails get only what names them.
    await as('lead').users.setMailSettings.mutate({ email: leadMail, mode: 'mine', lang: 'en' });
    // Mails queued under the lead's earlier choice ("teams") go out first; count from there.
    await waitUntil(async () => (await staffRows(server, leadUser.id)).every((r) => r.state === 'sent'), 'earlier mails sent');
    const leadMails = smtp.to(leadMail).length;
    const leadStream = collect(as('lead'), { mine: true });
    await leadStream.ready;
    await as('developer').incidents.transition.mutate({ ref, to: 'in_progress' });
    await as('developer').incidents.transition.mutate({ ref, to: 'fixed', version: '4.2.2' });
    await as('agent').incidents.transition.mutate({ ref, to: 'verified' });
    await as('agent').incidents.transition.mutate({ ref, to: 'closed' });
    const [closed] = await leadStream.waitFor(1);
    leadStream.stop();
    expect(closed).toMatchObject({ reference: ref, kind: 'status_changed', status: 'closed', actor: { id: agentUser.id } });
    expect(closed!.data.notify).toEqual([agentUser.id, devUser.id, leadUser.id]);
    expect(leadStream.events).toHaveLength(1);
    // As a commenter who opted in, the lead gets the close-out mail — and nothing before it.
    await waitUntil(() => smtp.to(leadMail).length > leadMails, 'the commenter’s close-out mail');
    const mails = smtp.to(leadMail).slice(leadMails);
    expect(mails.map((m) => m.subject)).toEqual([`[${ref}] closed: Everyone told`]);
  });
});
