import { CUSTOMER_ACTOR_ID } from '@handoff/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.js';
import { collect } from '../../liveEvents.testutil.js';
import { createCaller } from '../../routers/_app.js';
import { type RunningServer, startServer } from '../../server.js';
import { testClient } from '../../testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../../testing.js';
import { customerStream, visitor } from './customerPage.testutil.js';

/** Text written for staff only: none of it may reach the customer's page, stream or feed. */
const INTERNAL = {
  description: 'INTERNAL-DESCRIPTION stack trace in SessionStore.handle',
  comment: 'INTERNAL-COMMENT the customer is on an old contract',
  question: 'INTERNAL-QUESTION which proxy does their network use?',
  answer: 'INTERNAL-ANSWER they use squid 4',
  reproduction: 'INTERNAL-REPRO reproduced with the staging key',
  reason: 'INTERNAL-REASON blocked by the auth refactor',
  customerEmail: 'secret.customer@example.org',
  otherCustomer: 'Other Customer Ltd',
  attachment: 'internal-screenshot.png',
};
const VISIBLE = 'VISIBLE-COMMENT we found the cause and are testing a fix';

describe.each(['sqlite', 'postgres'] as const)("the customer's page on %s", (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let agent: ReturnType<typeof testClient>;
  let developer: ReturnType<typeof testClient>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({
      port: 0,
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      demo: true,
      customerLimits: { postsPerLinkPerHour: 6, postsPerAddressPerHour: 1000 },
    });
    agent = testClient(server.url, server.demoTokens!.agent);
    developer = testClient(server.url, server.demoTokens!.developer);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  async function newIncident(overrides: Record<string, unknown> = {}) {
    const { reference } = await agent.incidents.create.mutate(sampleIncident(overrides));
    return reference;
  }

  it('shares a link of 256 random bits under the public address, shows it to staff without its token, and serves the page with strict headers', async () => {
    const ref = await newIncident();
    const shared = await agent.incidents.share.mutate({ ref, email: 'jane@example.com' });
    expect(shared.url).toMatch(new RegExp(`^${server.url}/c/[A-Za-z0-9_-]{43}$`));
    expect(shared.expiresAt).toBeNull();
    const list = await developer.incidents.shares.query({ ref });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: shared.id, email: 'jane@example.com', revokedAt: null, evaluated: false });
    expect(JSON.stringify(list)).not.toContain(shared.url.split('/c/')[1]);
    const { res, body } = await visitor(shared.url).get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(body).toContain(ref);
    expect(body).toContain('Login fails with SessionStore.handle error after update');
    expect(body).toContain('We have received your report');
    expect(body).toContain('Alice Agent');
    // The page reads without JavaScript: everything is in the HTML; the only script is our own file.
    expect(body.match(/<script[^>]*>/g)).toEqual(['<script src="/c/static/live.js" defer>']);
    expect(body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('uses the public address (--public-url) for the links it makes', async () => {
    const me = await agent.auth.whoami.query();
    const behindProxy = { ...server.services, publicUrl: 'https://support.example.com/' };
    const caller = createCaller(createContextInner(behindProxy, { id: me!.id, name: me!.name, role: me!.role, teams: me!.teams }));
    const { url } = await caller.incidents.share({ ref: await newIncident() });
    expect(url).toMatch(/^https:\/\/support\.example\.com\/c\/[A-Za-z0-9_-]{43}$/);
    expect((await visitor(`${server.url}/c/${url.split('/c/')[1]}`).get()).res.status).toBe(200);
  });

  it('shows nothing internal on the page, in its live stream or in its feed', async () => {
    const ref = await newIncident({
      description: INTERNAL.description,
      customer: { name: 'Jane Roe', email: INTERNAL.customerEmail, org: 'Example Ltd' },
      attachments: [{ name: INTERNAL.attachment, mediaType: 'text/plain', dataBase64: Buffer.from('log').toString('base64') }],
    });
    const { url } = await agent.incidents.share.mutate({ ref, email: INTERNAL.customerEmail });
    const stream = customerStream(`${url}/events?lastEventId=0`);
    await stream.open;
    await agent.incidents.comment.mutate({ ref, text: INTERNAL.comment });
    await agent.incidents.addAffectedCustomer.mutate({
      ref,
      idempotencyKey: crypto.randomUUID(),
      customer: { name: INTERNAL.otherCustomer, email: 'other@example.net' },
      crm: { system: 'zendesk' },
    });
    await developer.incidents.ask.mutate({ ref, question: INTERNAL.question });
    await agent.incidents.answer.mutate({ ref, answer: INTERNAL.answer });
    await developer.incidents.reproduction.mutate({ ref, result: 'reproduced', notes: INTERNAL.reproduction });
    await developer.incidents.transition.mutate({ ref, to: 'needs_info', reason: INTERNAL.reason });
    await developer.incidents.comment.mutate({ ref, text: VISIBLE, visibleToCustomer: true });

    await stream.waitFor(() => stream.messages.some((m) => m.text === VISIBLE), 'the visible comment');
    const visit = visitor(url);
    const page = (await visit.get()).body;
    const feed = (await visit.get('/feed.atom')).body;
    stream.close();
    expect(page).toContain(VISIBLE);
    expect(feed).toContain('VISIBLE-COMMENT');
    expect(page).toContain('Dev Dana'); // who wrote the visible comment
    expect(page).toContain('We need a little more information'); // the status, in the customer's words
    for (const [what, secret] of Object.entries(INTERNAL)) {
      expect(page, `page shows ${what}`).not.toContain(secret);
      expect(feed, `feed shows ${what}`).not.toContain(secret);
      expect(stream.raw.join('\n'), `stream shows ${what}`).not.toContain(secret);
    }
    expect(page).not.toMatch(/@example\.(com|org|net)/);
    // The stream carried the status moves (as words) and the visible comment, nothing else.
    expect(new Set(stream.messages.map((m) => m.kind))).toEqual(new Set(['status', 'message']));
  });

  it('answers unknown, malformed, revoked and expired links with the same 404 page', async () => {
    const ref = await newIncident();
    const revoked = await agent.incidents.share.mutate({ ref });
    await agent.incidents.unshare.mutate({ ref, id: revoked.id });
    expect((await developer.incidents.shares.query({ ref }))[0]?.revokedAt).not.toBeNull();

    const closedRef = await newIncident();
    const expired = await agent.incidents.share.mutate({ ref: closedRef });
    for (const to of ['in_progress', 'fixed'] as const)
      await developer.incidents.transition.mutate({ ref: closedRef, to, version: '4.2.1' });
    await agent.incidents.transition.mutate({ ref: closedRef, to: 'verified' });
    await agent.incidents.transition.mutate({ ref: closedRef, to: 'closed' });
    expect((await visitor(expired.url).get()).res.status).toBe(200); // closed, but within the 30 days
    const id = Number(closedRef.split('-')[1]);
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await server.services.store.write((trx) =>
      trx.updateTable('timeline').set({ at: longAgo }).where('incident_id', '=', id).where('status', '=', 'closed').execute(),
    );
    const unknown = `${server.url}/c/${'A'.repeat(43)}`;
    const pages = await Promise.all(
      [unknown, `${server.url}/c/short`, revoked.url, expired.url, `${revoked.url}/feed.atom`, `${expired.url}/events`].map((u) =>
        visitor(u).get(),
      ),
    );
    for (const p of pages) {
      expect(p.res.status).toBe(404);
      expect(p.body).toBe(pages[0]!.body);
      expect(p.res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(pages[0]!.body).toContain('This link does not work');
  });

  it('takes a customer comment through the CSRF-protected form, inert as HTML, live to staff', async () => {
    const ref = await newIncident();
    const { url } = await agent.incidents.share.mutate({ ref });
    const staff = collect(agent, { ref });
    await staff.ready;
    const visit = visitor(url);
    await visit.get();
    const text = '<script>alert(1)</script> It still fails on <b>Safari</b>';
    expect((await visit.post('comments', { text }, { cookie: false })).res.status).toBe(403);
    expect((await visit.post('comments', { text }, { csrf: 'x'.repeat(24) })).res.status).toBe(403);
    expect((await visit.post('comments', { text }, { origin: 'https://evil.example' })).res.status).toBe(403);
    const empty = await visit.post('comments', { text: '   ' });
    expect(empty.res.status).toBe(400);
    expect(empty.body).toContain('text: text must not be empty');
    const sent = await visit.post('comments', { text });
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toMatch(/done=comment/);
    const [event] = await staff.waitFor(1);
    staff.stop();
    expect(event).toMatchObject({
      kind: 'customer_comment',
      text,
      visibility: 'customer',
      actor: { id: CUSTOMER_ACTOR_ID, name: 'Customer' },
    });
    const page = (await visit.get()).body;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; It still fails on &lt;b&gt;Safari&lt;/b&gt;');
    expect(page).not.toContain('<script>alert(1)');
    const incident = await developer.incidents.byRef.query({ ref });
    expect(incident.access === 'full' && incident.timeline.at(-1)).toMatchObject({ kind: 'customer_comment', text });
  });

  it('says when the customer was promised a response (customer-facing service level), and stops once it is met', async () => {
    const ref = await newIncident({ severity: 'critical' }); // demo: first response within 1 h, around the clock
    const { url } = await agent.incidents.share.mutate({ ref });
    const sla = await developer.sla.ofIncident.query({ ref });
    const due = sla!.targets.find((t) => t.kind === 'first_response')!.dueAt!;
    expect(sla!.policy.customerFacing).toBe(true);
    const page = (await visitor(url).get()).body;
    expect(page).toContain('We will respond by');
    expect(page).toContain(new Date(due).getUTCFullYear().toString());
    // The developer answers visibly: the first response is met, the next update is the promise now.
    await developer.incidents.comment.mutate({ ref, text: 'We found the cause.', visibleToCustomer: true });
    const next = (await developer.sla.ofIncident.query({ ref }))!.targets.find((t) => t.kind === 'next_update')!;
    expect(next.state).not.toBe('met');
    expect((await visitor(url).get()).body).toContain('We will respond by');
  });

  it('limits comments per link', async () => {
    const ref = await newIncident();
    const { url } = await agent.incidents.share.mutate({ ref });
    const visit = visitor(url);
    await visit.get();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await visit.post('comments', { text: `Comment ${i}` })).res.status);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 303, 429]);
  });

  it('relays a developer question to the customer', async () => {
    const ref = await newIncident();
    const { url } = await agent.incidents.share.mutate({ ref });
    const asked = await developer.incidents.ask.mutate({ ref, question: 'INTERNAL wording: does SSO use Okta?' });
    const question = asked.entries.find((e) => e.kind === 'question')!;
    await agent.incidents.relay.mutate({ ref, entryId: question.id, text: 'Do you sign in with Okta?' });
    const page = (await visitor(url).get()).body;
    expect(page).toContain('Do you sign in with Okta?');
    expect(page).not.toContain('INTERNAL wording');
    await expect(agent.incidents.relay.mutate({ ref, entryId: asked.entries[0]!.id - 1 })).rejects.toThrow(/entryId/);
  });

  it('asks for the evaluation once the fix is confirmed, once per link, and shows it to the developer', async () => {
    const ref = await newIncident();
    const { url } = await agent.incidents.share.mutate({ ref });
    const visit = visitor(url);
    expect((await visit.get()).body).not.toContain('name="rating"');
    for (const to of ['in_progress', 'fixed'] as const) await developer.incidents.transition.mutate({ ref, to, version: '4.2.1' });
    await agent.incidents.transition.mutate({ ref, to: 'verified' });
    expect((await visit.get()).body).toContain('name="rating"');
    const bad = await visit.post('evaluation', { rating: '9' });
    expect(bad.res.status).toBe(400);
    expect(bad.body).toContain('rating: choose 1 to 5');
    expect((await visit.post('evaluation', { rating: '4', comment: 'Quick and friendly' })).res.status).toBe(303);
    expect((await visit.post('evaluation', { rating: '1' })).res.status).toBe(409);
    const after = (await visit.get()).body;
    expect(after).toContain('You rated this 4 out of 5.');
    expect(after).not.toContain('name="rating"');
    const incident = await developer.incidents.byRef.query({ ref });
    expect(incident.access === 'full' && incident.timeline.at(-1)).toMatchObject({
      kind: 'evaluation',
      data: { rating: 4, comment: 'Quick and friendly' },
      visibility: 'customer',
    });
  });

  it('speaks German and French by Accept-Language or the switcher', async () => {
    const ref = await newIncident();
    const { url } = await agent.incidents.share.mutate({ ref });
    const de = await visitor(url, { 'accept-language': 'de-CH,de;q=0.9,en;q=0.5' }).get();
    expect(de.body).toContain('<html lang="de">');
    expect(de.body).toContain('Wir haben Ihre Meldung erhalten');
    const fr = await visitor(url, { 'accept-language': 'de' }).get('?lang=fr');
    expect(fr.body).toContain('Nous avons reçu votre signalement');
    const missing = await visitor(`${server.url}/c/${'B'.repeat(43)}`, { 'accept-language': 'fr' }).get();
    expect(missing.body).toContain('Page introuvable');
  });

  it('refuses a visible comment from a reviewer (speaking to the customer is not theirs) but takes it internally', async () => {
    const ref = await newIncident();
    const reviewer = testClient(server.url, server.demoTokens!.reviewer);
    await expect(reviewer.incidents.comment.mutate({ ref, text: 'For you', visibleToCustomer: true })).rejects.toThrow(/incident\.share/);
    const change = await reviewer.incidents.comment.mutate({ ref, text: 'Internal note' });
    expect(change.entries[0]?.visibility).toBe('internal');
  });

  it('takes an image with a comment (checked by its bytes, at most 5 MB), shows it on the page and to staff as an attachment; a wrong file keeps the text', async () => {
    const ref = await newIncident();
    const { url } = await agent.incidents.share.mutate({ ref });
    const page = visitor(url);
    await page.get();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const form = new FormData();
    form.set('text', 'Here is what I see');
    form.set('image', new Blob([png], { type: 'image/gif' }), '../../etc/screen shot<1>.gif');
    const sent = await page.postMultipart('comments', form);
    expect(sent.res.status).toBe(303);
    const incident = await developer.incidents.byRef.query({ ref });
    if (incident.access !== 'full') throw new Error('expected the full incident');
    const entry = incident.timeline.find((e) => e.kind === 'customer_comment')!;
    expect(entry.text).toBe('Here is what I see');
    const attachment = incident.attachments.find((a) => a.id === entry.data.attachmentId)!;
    expect(attachment).toMatchObject({ name: 'screen shot1.png', mediaType: 'image/png', size: png.length });
    const { body } = await page.get();
    expect(body).toContain(`<img src="/c/${url.split('/c/')[1]}/images/${attachment.id}" alt="Image added by you"`);
    const image = await fetch(`${url}/images/${attachment.id}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png);
    // The live stream carries the image's address (the page's script shows it without a reload).
    const stream = customerStream(`${url}/events?lastEventId=0`);
    try {
      await stream.waitFor(() => stream.raw.some((r) => r.includes('/images/')), 'the image entry');
      const live = stream.raw.map((r) => JSON.parse(r)).find((m) => m.kind === 'yours');
      expect(live.image).toEqual({ src: `/c/${url.split('/c/')[1]}/images/${attachment.id}`, alt: 'Image added by you' });
    } finally {
      stream.close();
    }
    // Staff attachments are not the customer's to see, even by number.
    const staffAttachment = incident.attachments.find((a) => a.id !== attachment.id);
    if (staffAttachment) expect((await fetch(`${url}/images/${staffAttachment.id}`)).status).toBe(404);

    const html = new FormData();
    html.set('text', 'My second try');
    html.set('image', new Blob(['<svg onload="alert(1)"/>'], { type: 'image/png' }), 'picture.png');
    const wrong = await page.postMultipart('comments', html);
    expect(wrong.res.status).toBe(400);
    expect(wrong.body).toContain('The file is not a PNG, JPEG, WebP or GIF image.');
    expect(wrong.body).toContain('>My second try</textarea>');

    const big = new FormData();
    big.set('text', 'A big one');
    big.set('image', new Blob([png, Buffer.alloc(5 * 1024 * 1024)], { type: 'image/png' }), 'big.png');
    const tooLarge = await page.postMultipart('comments', big);
    expect(tooLarge.res.status).toBe(413);
    expect(tooLarge.body).toContain('The image is larger than 5 MB.');
    expect(tooLarge.body).toContain('>A big one</textarea>');
    const after = await developer.incidents.byRef.query({ ref });
    if (after.access !== 'full') throw new Error('expected the full incident');
    expect(after.timeline.filter((e) => e.kind === 'customer_comment').map((e) => e.text)).toEqual(['Here is what I see']);
  });

  it('links to the known-issues page once the problem group has a published answer, and not before', async () => {
    const title = 'Invoice PDF shows the wrong VAT rate after update';
    const root = await newIncident({ title });
    const mine = await newIncident({ title });
    await agent.incidents.linkDuplicate.mutate({ ref: mine, of: root });
    await developer.incidents.transition.mutate({ ref: root, to: 'in_progress' });
    await developer.incidents.transition.mutate({ ref: root, to: 'fixed', version: '4.3.2' });
    await agent.incidents.transition.mutate({ ref: root, to: 'verified' });
    await developer.knownSolutions.record.mutate({
      ref: root,
      solution: 'The VAT table was cached across tenants.',
      customerAnswer: 'Re-open the invoice after updating to 4.3.2.',
    });
    const { url } = await agent.incidents.share.mutate({ ref: mine });
    const link = `/known-issues/Acme%20Cloud?q=${encodeURIComponent(title)}`;
    expect((await visitor(url).get()).body).not.toContain('/known-issues/');
    await testClient(server.url, server.demoTokens!.lead).knownSolutions.publish.mutate({ ref: root, published: true });
    const page = (await visitor(url).get()).body;
    expect(page).toContain(`<p class="known-issue"><a href="${link.replaceAll('&', '&amp;')}">This is a known issue`);
    const published = await fetch(`${server.url}${link}`).then((r) => r.text());
    expect(published).toContain('Re-open the invoice after updating to 4.3.2.');
    expect(published).toContain('1 answer for');
    const german = (await visitor(url).get('?lang=de')).body;
    expect(german).toContain('Dies ist ein bekanntes Problem');
  });
});
