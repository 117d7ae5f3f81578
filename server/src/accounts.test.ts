import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.js';
import { testClient } from './testClient.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/** A raw live stream (as an EventSource reads it): its frames as they arrive, and how it ended. */
function rawStream(url: string, token: string) {
  const frames: string[] = [];
  const abort = new AbortController();
  let ended: 'closed' | 'cut' | null = null;
  const opened = fetch(`${url}/trpc/events.onChange?input=${encodeURIComponent('{}')}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  }).then(async (res) => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        frames.push(...decoder.decode(value).split('\n\n\n').filter(Boolean));
      }
      ended = 'closed';
    } catch {
      ended = 'cut';
    }
  });
  const until = async (what: () => boolean, ms = 10_000) => {
    const stop = Date.now() + ms;
    while (!what() && Date.now() < stop) await new Promise((r) => setTimeout(r, 20));
    if (!what()) throw new Error(`stream did not get there; frames: ${frames.join(' | ')}; ended: ${ended}`);
  };
  return {
    frames,
    ended: () => ended,
    connected: () => until(() => frames.some((f) => f.startsWith('event: connected'))),
    until,
    close: () => {
      abort.abort();
      return opened.catch(() => undefined);
    },
  };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCClientError);
  const e = err as TRPCClientError<never>;
  return { code: (e.data as unknown as { code: string }).code, message: e.message };
}

describe.each(['sqlite', 'postgres'] as const)('accounts, tokens and the audit log on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ReturnType<typeof testClient>;
  let adminToken: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    adminToken = server.demoTokens!.admin;
    admin = testClient(server.url, adminToken);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('a revoked token fails on the next request and ends its open live stream with a 401', async () => {
    const { user, token } = await admin.users.add.mutate({ name: 'Dora Dev', role: 'developer', teams: ['accounts'] });
    const dora = testClient(server.url, token);
    expect((await dora.auth.whoami.query()).name).toBe('Dora Dev');
    const stream = rawStream(server.url, token);
    await stream.connected();

    const [first] = await admin.tokens.list.query({ userId: user.id });
    expect(first).toMatchObject({ label: 'first token', revokedAt: null, user: { id: user.id, name: 'Dora Dev' } });
    await admin.tokens.revoke.mutate({ id: first!.id });

    expect(await failure(dora.auth.whoami.query())).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/revoked/) });
    await stream.until(() => stream.ended() === 'closed');
    const error = stream.frames.find((f) => f.startsWith('event: serialized-error'));
    expect(error).toMatch(/"code":-32001/);
    expect(error).toMatch(/Your token was revoked or your account deactivated/);
    // Revoking again is harmless and records nothing new.
    const again = await admin.tokens.revoke.mutate({ id: first!.id });
    expect(again.revokedAt).toEqual(expect.any(String));
    const revocations = (await admin.audit.list.query({ action: 'token.revoke', limit: 200 })).filter(
      (e) => e.target === `token ${first!.id}`,
    );
    expect(revocations).toHaveLength(1);
  });

  it('a deactivated account loses every token until it is reactivated; the last admin and oneself are protected', async () => {
    const { user, token } = await admin.users.add.mutate({ name: 'Rex Reviewer', role: 'reviewer', teams: [] });
    const rex = testClient(server.url, token);
    const stream = rawStream(server.url, token);
    await stream.connected();
    const deactivated = await admin.users.deactivate.mutate({ id: user.id });
    expect(deactivated).toMatchObject({ active: false, deactivatedAt: expect.any(String), activeTokens: 1 });
    expect((await failure(rex.auth.whoami.query())).code).toBe('UNAUTHORIZED');
    await stream.until(() => stream.ended() === 'closed');
    expect(await failure(admin.tokens.issue.mutate({ userId: user.id, label: 'laptop' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/deactivated; reactivate it first/),
    });
    await admin.users.reactivate.mutate({ id: user.id });
    expect((await rex.auth.whoami.query()).name).toBe('Rex Reviewer');

    const me = await admin.auth.whoami.query();
    expect(await failure(admin.users.deactivate.mutate({ id: me.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'id: you cannot deactivate your own account; ask another admin.',
    });
    expect(await failure(admin.users.update.mutate({ id: me.id, role: 'lead' }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/last active admin/),
    });
  });

  it('a changed role cuts open streams so that they reconnect under the new one', async () => {
    const { user, token } = await admin.users.add.mutate({ name: 'Lee Lead', role: 'lead', teams: ['accounts'] });
    const stream = rawStream(server.url, token);
    await stream.connected();
    const updated = await admin.users.update.mutate({ id: user.id, role: 'developer', teams: ['accounts', 'billing'] });
    expect(updated).toMatchObject({ role: 'developer', teams: ['accounts', 'billing'] });
    await stream.until(() => stream.ended() === 'cut');
    expect(stream.frames.some((f) => f.startsWith('event: serialized-error'))).toBe(false);
    expect(await testClient(server.url, token).auth.whoami.query()).toMatchObject({ role: 'developer', teams: ['accounts', 'billing'] });
    expect(await failure(admin.users.update.mutate({ id: user.id, teams: ['nope'] }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^teams: unknown team "nope"/),
    });
  });

  it('people manage their own tokens; rotating gives a new secret and stops the old one', async () => {
    const { token } = await admin.users.add.mutate({ name: 'Abe Agent', role: 'agent', teams: ['accounts'] });
    const abe = testClient(server.url, token);
    const issued = await abe.tokens.issue.mutate({ label: 'home laptop' });
    expect(issued.secret).toMatch(/^hnd_[A-Za-z0-9_-]{32}$/);
    expect((await abe.tokens.list.query()).map((t) => t.label)).toEqual(['home laptop', 'first token']);
    const rotated = await abe.tokens.rotate.mutate({ id: issued.token.id });
    expect(rotated.token.label).toBe('home laptop');
    expect((await failure(testClient(server.url, issued.secret).auth.whoami.query())).code).toBe('UNAUTHORIZED');
    expect((await testClient(server.url, rotated.secret).auth.whoami.query()).name).toBe('Abe Agent');

    // Another person's tokens are for admins only.
    const adminTokens = await admin.tokens.list.query();
    expect((await failure(abe.tokens.revoke.mutate({ id: adminTokens[0]!.id }))).code).toBe('FORBIDDEN');
    expect((await failure(abe.tokens.list.query({ userId: (await admin.auth.whoami.query()).id }))).code).toBe('FORBIDDEN');
    expect(await failure(abe.tokens.issue.mutate({ label: '' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'label: label must not be empty',
    });
  });

  it('records every administrative change with who, when, what, before and after — never a token secret', async () => {
    await admin.teams.upsert.mutate({ id: 'payments', name: 'Payments' });
    await admin.teams.upsert.mutate({ id: 'payments', name: 'Payments and invoices' });
    const rule = await admin.routing.add.mutate({ category: 'billing', component: 'Checkout', team: 'payments' });
    await admin.routing.remove.mutate({ id: rule.id });
    const login = (await admin.templates.list.query()).find((t) => t.category === 'login')!;
    await admin.templates.upsert.mutate({ category: 'login', label: 'Signing in', questions: login.questions });
    const issued = await admin.tokens.issue.mutate({ label: 'CI' });

    const log = await admin.audit.list.query({ limit: 200 });
    const me = await admin.auth.whoami.query();
    const find = (action: string, target: string) => log.filter((e) => e.action === action && e.target === target);
    expect(find('team.upsert', 'team payments').map((e) => [e.before, e.after])).toEqual([
      [
        { id: 'payments', name: 'Payments', tier: 1 },
        { id: 'payments', name: 'Payments and invoices', tier: 1 },
      ],
      [null, { id: 'payments', name: 'Payments', tier: 1 }],
    ]);
    expect(find('routing.add', `routing rule ${rule.id}`)[0]).toMatchObject({
      actor: { id: me.id, name: me.name },
      after: { team: 'payments' },
    });
    expect(find('routing.remove', `routing rule ${rule.id}`)[0]).toMatchObject({ before: { component: 'Checkout' }, after: null });
    expect(find('template.save', 'template login')[0]).toMatchObject({
      before: { label: login.label },
      after: { label: 'Signing in', version: login.version + 1 },
    });
    expect(find('token.issue', `token ${issued.token.id}`)).toHaveLength(1);
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.add', 'user.update', 'user.deactivate', 'user.reactivate', 'token.revoke', 'token.rotate']),
    );
    expect(JSON.stringify(log)).not.toContain(issued.secret);
    expect(log[0]!.at >= log[log.length - 1]!.at).toBe(true);
    // Paging and filtering.
    const page = await admin.audit.list.query({ limit: 2, beforeId: log[0]!.id, action: 'team.upsert' });
    expect(page.map((e) => e.action)).toEqual(['team.upsert', 'team.upsert']);
    // Filters by who, what it was done to and when.
    const byTarget = await admin.audit.list.query({ target: 'team payments', actorId: me.id });
    expect(byTarget.map((e) => [e.action, e.target])).toEqual([
      ['team.upsert', 'team payments'],
      ['team.upsert', 'team payments'],
    ]);
    expect(await admin.audit.list.query({ actorId: me.id + 1000 })).toEqual([]);
    const newest = log[0]!.at;
    expect((await admin.audit.list.query({ from: newest, limit: 200 })).every((e) => e.at >= newest)).toBe(true);
    expect((await admin.audit.list.query({ from: newest })).map((e) => e.id)).toContain(log[0]!.id);
    expect((await admin.audit.list.query({ to: newest, limit: 200 })).map((e) => e.id)).not.toContain(log[0]!.id);
    expect(await admin.audit.list.query({ to: '2000-01-01T00:00:00Z' })).toEqual([]);
    expect((await failure(testClient(server.url, server.demoTokens!.lead).audit.list.query({}))).code).toBe('FORBIDDEN');
  });
});

describe('revocation across servers sharing one PostgreSQL', () => {
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    a = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    b = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await db?.drop();
  });

  it('a token revoked through one server ends the live stream open on the other', async () => {
    const admin = testClient(a.url, a.demoTokens!.admin);
    const { user, token } = await admin.users.add.mutate({ name: 'Ivo', role: 'developer', teams: ['accounts'] });
    const stream = rawStream(b.url, token);
    await stream.connected();
    const [t] = await admin.tokens.list.query({ userId: user.id });
    await admin.tokens.revoke.mutate({ id: t!.id });
    await stream.until(() => stream.ended() === 'closed');
    expect(stream.frames.find((f) => f.startsWith('event: serialized-error'))).toMatch(/revoked/);
    expect((await failure(testClient(b.url, token).auth.whoami.query())).code).toBe('UNAUTHORIZED');
  });
});
