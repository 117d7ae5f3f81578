import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role, User } from '@handoff/shared';
import { strFromU8, unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.js';
import { seedDemo } from '../demo.js';
import { createCaller } from '../routers/_app.js';
import { openServices } from '../server.js';
import { COMMAND_LINE_ACTOR } from '../store/customerData/customerData.js';
import { RetentionScheduler } from '../store/customerData/retention.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';
import { outboxFolder } from './mailScheduler.js';

type Services = Awaited<ReturnType<typeof openServices>>;
const DAY = 24 * 60 * 60 * 1000;
const NAME = 'Quentin Zabriskie';
const EMAIL = 'q.zabriskie@mail.example';
/** What must not survive: their address, their name, and words only they wrote. */
const TRACES = ['zabriskie', 'quentin', 'blue-lantern'];
const OTHER = { name: 'Olga Otherton', email: 'olga@other.example' };

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * The traces a file holds: in its bytes as they are, and — for a mail — in its decoded
 * headers and text (a name may be quoted-printable, base64 or an encoded word in the bytes).
 */
async function tracesIn(file: string, traces: string[]): Promise<string[]> {
  const bytes = readFileSync(file);
  let text = bytes.toString('latin1').toLowerCase();
  if (file.endsWith('.eml')) {
    const mail = await simpleParser(bytes);
    text += ` ${mail.subject ?? ''} ${JSON.stringify(mail.to)} ${mail.text ?? ''} ${mail.html || ''}`.toLowerCase();
  }
  return traces.filter((t) => text.includes(t));
}

async function tracesUnder(dir: string, traces = TRACES): Promise<string[]> {
  const found: string[] = [];
  for (const f of filesUnder(dir)) for (const t of await tracesIn(f, traces)) found.push(`${path.relative(dir, f)}: ${t}`);
  return found;
}

const outboxNames = (dataDir: string) => (existsSync(outboxFolder(dataDir)) ? readdirSync(outboxFolder(dataDir)).sort() : []);

/** Sends every mail due now (the scheduler's own tick, as a serving instance runs it). */
async function drain(services: Services): Promise<void> {
  for (let i = 0; i < 20 && (await services.mail.outbox.due(100)).length > 0; i++) await services.mail.scheduler.tick();
  expect(await services.mail.outbox.due(100)).toEqual([]);
}

describe.each(['sqlite', 'postgres'] as const)('erasure reaches the outbox folder (no SMTP) on %s', (engine) => {
  let db: TestDatabase;
  let services: Services;
  const users = {} as Record<Role, User>;
  const as = (role: Role) => createCaller(createContextInner(services, users[role]));
  const open = (dataDir = db.dataDir) =>
    openServices({ dataDir, databaseUrl: db.databaseUrl, mail: { timing: { debounceMs: 0 }, scheduler: false } });

  /**
   * An incident of `customer`'s, shared with them, to which they subscribed: the confirmation mail
   * written (by `via`), then confirmed — unless `confirm` is false (the confirmation mail then waits).
   */
  async function subscribedIncident(
    customer: { name: string; email: string },
    { title = 'Export fails after update', confirm = true, via = services } = {},
  ) {
    const { reference } = await as('agent').incidents.create(sampleIncident({ title, customer }));
    const row = await services.incidents.row(services.incidents.idOf(reference));
    const shared = await services.shares.create(row, customer.email, users.agent.id);
    const sub = await services.mail.subscriptions.subscribe(shared.share, customer.email, 'en');
    if (confirm) {
      await drain(via);
      await services.mail.subscriptions.confirm(sub.id);
    }
    return { reference, token: shared.token };
  }

  /** The one file in the outbox folder addressed to `email`. */
  const fileTo = (email: string) => {
    const files = outboxNames(db.dataDir).filter((n) =>
      readFileSync(path.join(outboxFolder(db.dataDir), n), 'latin1').includes(`To: ${email}`),
    );
    expect(files).toHaveLength(1);
    return files[0]!;
  };

  const newestPending = async (kind: 'confirm' | 'staff') =>
    (
      await services.store.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('state', '=', 'pending')
        .where('kind', '=', kind)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;

  /** Commits an erasure without what follows the commit: a crash right after it. */
  const eraseThenCrash = (email: string) =>
    services.store.write((trx) =>
      services.customerData.eraseIn(trx, { kind: 'email', email }, { kind: 'request', actor: COMMAND_LINE_ACTOR, reason: 'asked' }),
    );

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    services = await open();
    for (const [role, token] of Object.entries(await seedDemo(services))) users[role as Role] = (await services.store.userByToken(token))!;
    // The reporting agent hears of changes to their incidents by mail (staff mails quote customers' comments).
    await services.mail.staff.set(users.agent.id, { email: 'agent@staff.example', mode: 'mine', lang: 'en' }, users.agent);
  });
  afterAll(async () => {
    await services?.close().catch(() => undefined);
    await db?.drop();
  });

  it('removes every copy of a mail to or about the erased customer, keeps the others, and the rows as the record', async () => {
    const own = await subscribedIncident({ name: NAME, email: EMAIL }, { title: `Export fails for ${NAME}` });
    // Their own words through their page (told to the agent by a staff mail) and a staff reply
    // naming them that the page shows (an update mail to them).
    await services.shares.comment((await services.shares.open(own.token))!, 'Still broken; my code word is blue-lantern.');
    await as('agent').incidents.comment({ ref: own.reference, text: `Thanks ${NAME}, we are on it.`, visibleToCustomer: true });
    const other = await subscribedIncident(OTHER);
    await drain(services);

    const before = outboxNames(db.dataDir);
    expect(before.map((n) => n.replace(/^\d+-/, ''))).toEqual(['confirm.eml', 'staff.eml', 'update.eml', 'confirm.eml']);
    // The check finds what is there.
    expect(await tracesUnder(outboxFolder(db.dataDir))).toEqual(
      expect.arrayContaining([`${before[0]}: zabriskie`, `${before[1]}: blue-lantern`, `${before[2]}: quentin`]),
    );
    // The export lists the mails written to the folder for them, by file.
    const exported = await as('admin').customers.export({ email: EMAIL });
    const json = JSON.parse(strFromU8(unzipSync(Buffer.from(exported.archiveBase64, 'base64'))['customer.json']!));
    expect(json.mailSubscriptions[0].mails).toEqual([
      expect.objectContaining({ kind: 'confirm', state: 'sent', via: 'folder', outboxFile: before[0] }),
      expect.objectContaining({ kind: 'update', state: 'sent', via: 'folder', outboxFile: before[2] }),
    ]);

    const result = await as('admin').customers.erase({ email: EMAIL, reason: 'customer request' });
    expect(result.incidents).toEqual([own.reference]);
    expect(result.counts).toMatchObject({ mailCopies: 3 });
    // Only the other customer's mail is left, untouched.
    expect(outboxNames(db.dataDir)).toEqual([before[3]]);
    expect(await tracesUnder(outboxFolder(db.dataDir), ['olga@other.example'])).toEqual([`${before[3]}: olga@other.example`]);
    expect(await tracesUnder(outboxFolder(db.dataDir))).toEqual([]);
    // The rows stay as the record of what was sent when, marked, without the address.
    const rows = await services.store.db
      .selectFrom('mail_outbox')
      .select(['kind', 'state', 'via', 'recipient', 'erased_at'])
      .where('incident_id', '=', services.incidents.idOf(own.reference))
      .where('state', '=', 'sent') // (the agent's mail about the erasure itself waits, to be composed from the erased text)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.kind, r.state, r.via, r.recipient === null, r.erased_at !== null])).toEqual([
      ['confirm', 'sent', 'folder', true, true],
      ['staff', 'sent', 'folder', false, true], // the agent's own address stays (staff data)
      ['update', 'sent', 'folder', true, true],
    ]);
    // A mail about the incident written after the erasure is composed from the erased text and kept.
    await as('developer').incidents.comment({ ref: own.reference, text: 'Fix in review' });
    await drain(services);
    const added = outboxNames(db.dataDir).filter((n) => n !== before[3]);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((n) => n.endsWith('-staff.eml'))).toBe(true); // to the agent, who opted in
    expect(await tracesUnder(outboxFolder(db.dataDir))).toEqual([]);
    expect(other.reference).not.toBe(own.reference);
  });

  it('a crash between the commit and the removal: repeating the erasure finishes the job', async () => {
    const email = 'rita.repeat@mail.example';
    await subscribedIncident({ name: 'Rita Repeat', email });
    await drain(services);
    const file = fileTo(email);
    await eraseThenCrash(email);
    expect(outboxNames(db.dataDir)).toContain(file); // the commit alone removes nothing
    const again = await as('admin').customers.erase({ email, reason: 'again' });
    expect(again.placeholder).toBeNull(); // nothing left in the database …
    expect(outboxNames(db.dataDir)).not.toContain(file); // … and the file is gone
  });

  it('a crash between the commit and the removal: the restarted instance sweeps at its first tick', async () => {
    const email = 'sam.restart@mail.example';
    await subscribedIncident({ name: 'Sam Restart', email });
    await drain(services);
    const file = fileTo(email);
    await eraseThenCrash(email);
    await services.close();
    services = await open();
    expect(outboxNames(db.dataDir)).toContain(file);
    await services.mail.scheduler.tick();
    expect(outboxNames(db.dataDir)).not.toContain(file);
    expect(await tracesUnder(outboxFolder(db.dataDir), ['sam.restart', 'restart'])).toEqual([]);
  });

  it('records no address for a mail an erasure reached while it was written, and says its copy must go', async () => {
    const email = 'wanda.inflight@mail.example';
    await drain(services);
    const { reference, token } = await subscribedIncident({ name: 'Wanda Inflight', email }, { confirm: false });
    const id = services.incidents.idOf(reference);
    const claimed = (await services.mail.outbox.claim(await newestPending('confirm')))!;
    expect(claimed.row.incident_id).toBe(id);
    // A staff mail about the same incident (her comment, to the agent), also being written when the erasure commits.
    await services.shares.comment((await services.shares.open(token))!, 'hello');
    const claimedStaff = (await services.mail.outbox.claim(await newestPending('staff')))!;
    expect(claimedStaff.row.incident_id).toBe(id);
    await as('admin').customers.erase({ email, reason: 'asked' });
    // The customer's mail was deleted with their subscription; the staff mail was marked.
    expect(await services.mail.outbox.sent(claimed.row.id, email, 'folder')).toBe('erased');
    expect(await services.mail.outbox.sent(claimedStaff.row.id, 'agent@staff.example', 'folder')).toBe('erased');
    const rows = await services.store.db.selectFrom('mail_outbox').select(['id', 'recipient']).where('incident_id', '=', id).execute();
    expect(rows.find((r) => r.id === claimed.row.id)).toBeUndefined();
    expect(rows.find((r) => r.id === claimedStaff.row.id)).toEqual({ id: claimedStaff.row.id, recipient: null });
    // Mails nobody erased are recorded as before.
    await subscribedIncident(OTHER, { confirm: false });
    const next = await newestPending('confirm');
    expect(await services.mail.outbox.claim(next)).not.toBeNull();
    expect(await services.mail.outbox.sent(next, OTHER.email, 'folder')).toBe('sent');
  });

  it('retention removes the copies of the mails about the incidents it erases', async () => {
    const { reference } = await subscribedIncident({ name: 'Ursula Oldcase', email: 'ursula.oldcase@mail.example' });
    await as('lead').incidents.transition({ ref: reference, to: 'wont_fix', reason: 'works as designed' });
    await as('lead').incidents.transition({ ref: reference, to: 'closed' });
    await drain(services);
    expect((await tracesUnder(outboxFolder(db.dataDir), ['oldcase'])).length).toBeGreaterThanOrEqual(2); // confirmation and the close
    const retention = new RetentionScheduler(services.store, services.customerData, { days: 30 });
    expect(await retention.tick(new Date(Date.now() + 31 * DAY))).toEqual([reference]);
    expect(await tracesUnder(outboxFolder(db.dataDir), ['oldcase', 'ursula'])).toEqual([]);
  });

  // Several instances share one database only on PostgreSQL (one server per SQLite data directory).
  if (engine === 'postgres')
    it('each instance sweeps its own folder when it sees an erasure made by another', async () => {
      const otherDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-test-b-'));
      const b = await open(otherDir);
      try {
        await b.mail.scheduler.tick(); // b's first sweep (nothing of its own yet)
        const email = 'bea.elsewhere@mail.example';
        await subscribedIncident({ name: 'Bea Elsewhere', email }, { via: b }); // instance b writes the mail, to its own folder
        expect(await tracesUnder(outboxFolder(otherDir), ['elsewhere'])).toHaveLength(1);
        await as('admin').customers.erase({ email, reason: 'asked' }); // on this instance
        expect(await tracesUnder(outboxFolder(otherDir), ['elsewhere'])).toHaveLength(1); // not this instance's folder
        await b.mail.scheduler.tick();
        expect(await tracesUnder(outboxFolder(otherDir), ['elsewhere'])).toEqual([]);
      } finally {
        await b.close();
        rmSync(otherDir, { recursive: true, force: true });
      }
    });

  it('leaves no file under the data directory holding their name, address or words (database files included)', async () => {
    await services.close();
    const files = filesUnder(db.dataDir);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
    if (engine === 'sqlite') expect(files.map((f) => path.basename(f))).toContain('handoff.sqlite');
    expect(await tracesUnder(db.dataDir)).toEqual([]);
    // The check can find what is there: the other customer is.
    expect((await tracesUnder(db.dataDir, ['olga@other.example'])).length).toBeGreaterThan(0);
  });
});
