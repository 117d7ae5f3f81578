import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Incident, IncidentSchema, type Role, type User } from '@handoff/shared';
import { TRPCError } from '@trpc/server';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { createContextInner } from '../../context.js';
import { seedDemo } from '../../demo.js';
import { createCaller } from '../../routers/_app.js';
import { openServices } from '../../server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../../testing.js';

const NAME = 'Quentin Zabriskie';
const EMAIL = 'q.zabriskie@mail.example';
/** Lower-case fragments of the name and e-mail: also what the search index keeps (stems, tokens). */
const TRACES = ['zabrisk', 'quentin', 'q.zabriskie@mail'];
const OTHER = { name: 'Olga Otherton', email: 'olga@other.example', org: 'Other AG' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const REASON = `Request of ${NAME} by mail, 2026-11-30`;

const lower = (v: unknown) => JSON.stringify(v).toLowerCase();

describe.each(['sqlite', 'postgres'] as const)('customer data rights on %s', (engine) => {
  let db: TestDatabase;
  let services: Awaited<ReturnType<typeof openServices>>;
  const users = {} as Record<Role, User>;
  const as = (role: Role) => createCaller(createContextInner(services, users[role]));
  const refs = {} as Record<'asCustomer' | 'mixedCase' | 'affected' | 'otherTeam' | 'unrelated', string>;

  const whole = async (ref: string): Promise<Incident> => IncidentSchema.parse(await as('admin').incidents.byRef({ ref }));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    for (const [role, token] of Object.entries(await seedDemo(services))) users[role as Role] = (await services.store.userByToken(token))!;
    const agent = as('agent');
    // The customer of an incident, named in its text and steps, with a screenshot.
    refs.asCustomer = (
      await agent.incidents.create(
        sampleIncident({
          title: `Export fails for ${NAME}`,
          description: `${NAME} (${EMAIL}) sees a blank page; SessionStore.handle throws.`,
          customer: { name: NAME, email: EMAIL, org: 'Zeta Works' },
          steps: [{ action: `Sign in as ${EMAIL}`, expected: 'Dashboard', actual: 'Blank page' }],
          attachments: [{ name: 'zabriskie-screen.png', mediaType: 'image/png', dataBase64: PNG.toString('base64') }],
        }),
      )
    ).reference;
    // Their address typed in another case on a second incident; an agent's comment names them.
    refs.mixedCase = (await agent.incidents.create(sampleIncident({ customer: { name: NAME, email: EMAIL.toUpperCase() } }))).reference;
    await agent.incidents.comment({ ref: refs.mixedCase, text: `Called ${NAME} back; they will send logs.` });
    // Another customer's incident on which they were added as affected.
    refs.affected = (await agent.incidents.create(sampleIncident({ title: 'Checkout button unresponsive', customer: OTHER }))).reference;
    await agent.incidents.addAffectedCustomer({
      ref: refs.affected,
      idempotencyKey: crypto.randomUUID(),
      customer: { name: NAME, email: EMAIL },
      crm: { system: 'zendesk', ticketId: '777', url: 'https://zeta.zendesk.com/agent/tickets/777' },
      note: `${NAME} sees it on every order`,
    });
    // An incident of a team the lead is not in (mobile).
    refs.otherTeam = (
      await agent.incidents.create(sampleIncident({ component: 'iOS app', customer: { name: NAME, email: EMAIL } }))
    ).reference;
    refs.unrelated = (await agent.incidents.create(sampleIncident({ title: 'Unrelated sign-in problem', customer: OTHER }))).reference;
    // A link to their page, sent to their address, and a comment they wrote through it.
    const shared = await services.shares.create(
      await services.incidents.row(services.incidents.idOf(refs.asCustomer)),
      EMAIL,
      users.agent.id,
    );
    await services.shares.comment((await services.shares.open(shared.token))!, `Quentin again: still blank. Reach me at ${EMAIL}`, {
      name: 'my-screen.png',
      mediaType: 'image/png',
      bytes: PNG,
    });
    // They subscribed to e-mail updates on that page; the confirmation mail went out (to the outbox folder).
    await services.mail.subscriptions.subscribe(shared.share, EMAIL, 'de');
    await services.mail.scheduler.tick();
  });
  afterAll(async () => {
    await services?.close().catch(() => undefined);
    await db?.drop();
  });

  it('exports everything about the customer, as customer and as affected customer, in one zip', async () => {
    const result = await as('admin').customers.export({ email: 'Q.Zabriskie@MAIL.example' });
    expect(result.incidents).toEqual([refs.asCustomer, refs.mixedCase, refs.affected, refs.otherTeam]);
    expect(result.fileName).toMatch(/^customer-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(Buffer.from(result.archiveBase64, 'base64'));
    const json = JSON.parse(strFromU8(files['customer.json']!));
    expect(json.format).toBe('handoff-customer-export/1');
    expect(json.email).toBe(EMAIL);
    expect(json.incidents.map((i: { reference: string }) => i.reference)).toEqual([refs.asCustomer, refs.mixedCase, refs.otherTeam]);
    expect(json.incidents[0]).toMatchObject({
      customer: { name: NAME, email: EMAIL, org: 'Zeta Works' },
      description: `${NAME} (${EMAIL}) sees a blank page; SessionStore.handle throws.`,
      status: 'new',
    });
    expect(json.affectedCustomers).toEqual([
      expect.objectContaining({
        reference: refs.affected,
        customer: { name: NAME, email: EMAIL },
        crm: { system: 'zendesk', ticketId: '777', url: 'https://zeta.zendesk.com/agent/tickets/777' },
        note: `${NAME} sees it on every order`,
      }),
    ]);
    expect(json.timeline.map((t: { reference: string; kind: string }) => `${t.reference} ${t.kind}`)).toEqual([
      `${refs.mixedCase} comment`,
      `${refs.affected} duplicate_added`,
      `${refs.asCustomer} shared`,
      `${refs.asCustomer} customer_comment`,
    ]);
    // The link to their page (never its token) with the comment they wrote through it.
    expect(json.shareLinks).toEqual([
      expect.objectContaining({
        reference: refs.asCustomer,
        sentTo: EMAIL,
        revokedAt: null,
        comments: [
          expect.objectContaining({ text: expect.stringMatching(/^Quentin again/), image: expect.stringMatching(/^comment-images\//) }),
        ],
      }),
    ]);
    // The image they sent with that comment, as a file.
    expect(Buffer.from(files[json.shareLinks[0].comments[0].image]!)).toEqual(PNG);
    // Their e-mail subscription and the mails sent to it.
    expect(json.mailSubscriptions).toEqual([
      expect.objectContaining({
        reference: refs.asCustomer,
        email: EMAIL,
        language: 'de',
        status: 'pending',
        mails: [expect.objectContaining({ kind: 'confirm', state: 'sent', attempts: 0 })],
      }),
    ]);
    const [attachment] = json.attachments;
    expect(attachment).toMatchObject({ reference: refs.asCustomer, name: 'zabriskie-screen.png', mediaType: 'image/png' });
    expect(Buffer.from(files[attachment.file]!)).toEqual(PNG);
    expect(result.counts).toEqual({ incidents: 3, affectedCustomers: 1, timeline: 4, attachments: 2, shareLinks: 1, mailSubscriptions: 1 });
    // Nothing about the other customer whose incident they share.
    expect(lower(json)).not.toContain('olga');
  });

  it('lets leads export only what they see in full, and nobody else export or erase', async () => {
    const lead = await as('lead').customers.export({ email: EMAIL });
    expect(lead.incidents).toEqual([refs.asCustomer, refs.mixedCase, refs.affected]); // not mobile's
    for (const role of ['agent', 'reviewer', 'developer'] as const) {
      await expect(as(role).customers.export({ email: EMAIL })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const role of ['agent', 'reviewer', 'developer', 'lead'] as const) {
      await expect(as(role).customers.erase({ email: EMAIL, reason: 'asked' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/customer\.erase is for admins/),
      });
    }
    expect((await whole(refs.asCustomer)).customer.email).toBe(EMAIL); // nothing was erased by the refused calls
  });

  it('refuses a malformed address or a missing reason with a 400 naming the field', async () => {
    const err = await as('admin')
      .customers.erase({ email: 'not-an-address', reason: '' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    // Over HTTP the message is "email: …; reason: …" (the error formatter joins the issues).
    const issues = ((err as TRPCError).cause as ZodError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      `email: give the customer's e-mail address, e.g. "jane@example.com"`,
      'reason: say why the data is erased (at least 3 characters), e.g. "customer request 2026-11-30"',
    ]);
  });

  it('erases the customer everywhere, keeps the incidents and counts, and records who, when and why', async () => {
    const before = await whole(refs.affected);
    const found = async (text: string) => (await as('admin').incidents.search({ text })).map((i) => i.reference);
    // Before: their name and address find the incidents that name them.
    expect(await found(NAME)).toContain(refs.asCustomer);
    expect(await found(EMAIL)).toContain(refs.asCustomer);
    const result = await as('admin').customers.erase({ email: EMAIL, reason: REASON });
    expect(result.placeholder).toMatch(/^erased customer #\d+$/);
    const placeholder = result.placeholder!;
    expect(result.incidents).toEqual([refs.asCustomer, refs.mixedCase, refs.affected, refs.otherTeam]);
    // Their screenshot and the image they sent through their page (both on their own incident).
    expect(result.counts).toMatchObject({ incidents: 3, affectedCustomers: 1, attachments: 2, mailSubscriptions: 2 });
    const sub = await services.store.db.selectFrom('mail_subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ email: null, status: 'unsubscribed' });
    const mails = await services.store.db.selectFrom('mail_outbox').selectAll().execute();
    expect(mails.map((m) => [m.kind, m.state, m.recipient, m.link_hash])).toEqual([['confirm', 'sent', null, null]]);

    const own = await whole(refs.asCustomer);
    expect(own.customer).toEqual({ name: placeholder });
    expect(own.crm).toEqual({ system: 'zendesk' });
    expect(own.title).toBe(`Export fails for ${placeholder}`);
    expect(own.description).toBe(`${placeholder} (${placeholder}) sees a blank page; SessionStore.handle throws.`);
    expect(own.attachments).toEqual(
      own.attachments.map((a) => ({ id: a.id, name: `erased-attachment-${a.id}.png`, mediaType: 'image/png', size: 0 })),
    );
    expect(own.attachments).toHaveLength(2);
    // The technical content stays.
    expect(own.steps[0]).toEqual({ action: `Sign in as ${placeholder}`, expected: 'Dashboard', actual: 'Blank page' });
    expect(own.product).toBe('Acme Cloud');

    const shared = await whole(refs.affected);
    expect(shared.customer).toEqual(OTHER); // the other customer's data stays
    expect(shared.affectedCustomers).toBe(before.affectedCustomers); // insights keep counting
    const entry = shared.timeline.at(-1)!;
    expect(entry).toMatchObject({ kind: 'customer_data_erased', actor: { id: users.admin.id, name: 'Ada Admin' } });
    expect(entry.text).toBe(
      `Personal data of a customer erased by Ada Admin (now "${placeholder}"): Request of [erased] by mail, 2026-11-30`,
    );
    expect(entry.data).toEqual({
      erasure: Number(placeholder.split('#')[1]),
      placeholder,
      trigger: 'request',
      reason: 'Request of [erased] by mail, 2026-11-30',
    });

    for (const ref of Object.values(refs)) {
      const text = lower(await whole(ref));
      for (const trace of TRACES) expect(text, `${ref} still holds "${trace}"`).not.toContain(trace);
    }
    for (const query of [NAME, EMAIL, 'Zabriskie', 'quentin']) {
      const hits = await found(query);
      for (const ref of Object.values(refs)) expect(hits, `"${query}" finds ${ref}`).not.toContain(ref);
    }
    expect(await found('checkout unresponsive')).toEqual([refs.affected]);
    const exported = await as('admin').customers.export({ email: EMAIL });
    expect(exported.incidents).toEqual([]);
  });

  it('is idempotent: erasing again finds nothing and records nothing', async () => {
    const timeline = (await whole(refs.asCustomer)).timeline.length;
    const [a, b] = await Promise.all([
      as('admin').customers.erase({ email: EMAIL, reason: 'again' }),
      as('admin').customers.erase({ email: EMAIL, reason: 'again' }),
    ]);
    expect(a).toEqual({ placeholder: null, incidents: [], counts: {} });
    expect(b).toEqual(a);
    expect((await whole(refs.asCustomer)).timeline.length).toBe(timeline);
    const erasures = await services.store.db.selectFrom('customer_erasures').select('id').execute();
    expect(erasures).toHaveLength(1);
  });

  it('leaves no copy of the name or address in the database', async () => {
    if (engine === 'postgres') {
      const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb', 'tsvector')`.execute(
        services.store.db,
      );
      expect(columns.rows.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(
        expect.arrayContaining(['incidents.customer', 'incidents.search_vector', 'timeline.text', 'affected_customers.customer']),
      );
      const found: string[] = [];
      for (const c of columns.rows) {
        for (const trace of TRACES) {
          const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(c.table_name)}
            where lower(${sql.ref(c.column_name)}::text) like ${`%${trace}%`}`.execute(services.store.db);
          if (Number(rows[0]!.n) > 0) found.push(`${c.table_name}.${c.column_name}: ${trace}`);
        }
      }
      expect(found).toEqual([]);
      const { rows } = await sql<{ n: string }>`select count(*) as n from incidents
        where search_vector @@ to_tsquery('english', 'zabriskie | quentin')`.execute(services.store.db);
      expect(Number(rows[0]!.n)).toBe(0);
      // The check can find what is there: the other customer is.
      const other = await sql<{ n: string }>`select count(*) as n from incidents where lower(customer) like '%otherton%'`.execute(
        services.store.db,
      );
      expect(Number(other.rows[0]!.n)).toBe(2);
    } else {
      await services.close();
      const file = path.join(db.dataDir, 'handoff.sqlite');
      const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1').toLowerCase());
      expect(bytes.join('').length).toBeGreaterThan(10_000);
      for (const trace of TRACES)
        expect(
          bytes.some((b) => b.includes(trace)),
          `the file still holds "${trace}"`,
        ).toBe(false);
      // The check can find what is there: the other customer is.
      expect(bytes.some((b) => b.includes('otherton'))).toBe(true);
    }
  });
});
