import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server.js';
import { createTestDatabase, type TestDatabase } from '../../testing.js';
import { CSRF_HEADER } from './sessions.js';

describe.each(['sqlite', 'postgres'] as const)('console sessions over HTTP on %s', (engine) => {
  let db: TestDatabase;
  let server: RunningServer;
  let tokens: NonNullable<RunningServer['demoTokens']>;
  let origin: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    server = await startServer({ port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, demo: true });
    tokens = server.demoTokens!;
    origin = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  async function signIn(token: string) {
    const res = await fetch(`${server.url}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ token }),
    });
    const body = (await res.json()) as { csrf?: string; user?: { name: string }; error?: string };
    const cookie = res.headers.get('set-cookie') ?? '';
    return { res, body, cookie, session: cookie.split(';')[0]! };
  }

  const whoami = (session: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/trpc/auth.whoami`, { headers: { cookie: session, ...headers } });

  it('exchanges a token for an HttpOnly, SameSite=Strict session cookie and a CSRF token', async () => {
    const { res, body, cookie } = await signIn(tokens.lead);
    expect(res.status).toBe(200);
    expect(body.user?.name).toBe('Lee Lead');
    expect(body.csrf).toMatch(/^[\w-]{32}$/);
    expect(cookie).toMatch(/^handoff_console=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  });

  it('refuses a wrong token (401) and a malformed body (400 naming the field)', async () => {
    const wrong = await signIn('hnd_wrong');
    expect(wrong.res.status).toBe(401);
    expect(wrong.body.error).toMatch(/not valid/);
    expect(wrong.cookie).toBe('');
    const empty = await fetch(`${server.url}/console/session`, { method: 'POST', headers: { origin }, body: '{"token":""}' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toBe('token: paste your personal token');
  });

  it('answers API calls with the cookie only with the CSRF token and from its own origin', async () => {
    const { body, session } = await signIn(tokens.developer);
    const csrf = body.csrf!;
    const ok = await whoami(session, { [CSRF_HEADER]: csrf, origin });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { data: { name: string } } }).result.data.name).toBe('Dev Dana');
    expect((await whoami(session)).status).toBe(403);
    expect((await whoami(session, { [CSRF_HEADER]: 'guessed' })).status).toBe(403);
    expect((await whoami(session, { [CSRF_HEADER]: csrf, origin: 'https://evil.example' })).status).toBe(403);
    const crossSiteSignIn = await fetch(`${server.url}/console/session`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ token: tokens.developer }),
    });
    expect(crossSiteSignIn.status).toBe(403);
  });

  it('ends the session when its token is replaced, and on sign-out', async () => {
    const { body, session } = await signIn(tokens.agent);
    const headers = { [CSRF_HEADER]: body.csrf!, origin };
    expect((await whoami(session, headers)).status).toBe(200);
    const agent = (await server.services.store.userByToken(tokens.agent))!;
    tokens.agent = await server.services.store.resetToken(agent.id);
    const ended = await whoami(session, headers);
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { error: { message: string } }).error.message).toMatch(/session has ended/);

    const again = await signIn(tokens.agent);
    const h2 = { [CSRF_HEADER]: again.body.csrf!, origin };
    const out = await fetch(`${server.url}/console/session`, { method: 'DELETE', headers: { cookie: again.session, ...h2 } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await whoami(again.session, h2)).status).toBe(401);
    expect((await fetch(`${server.url}/console/session`, { headers: { cookie: again.session } })).status).toBe(401);
  });

  it('serves the console with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${server.url}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    expect(await res.text()).toMatch(/<script type="module" crossorigin src="\/console\/assets\/index-[\w-]+\.js">/);
    // Only built files are served: a path reaching out of the build gets the app's page, not the file.
    const outside = await fetch(`${server.url}/console/..%2F..%2Fpackage.json`);
    expect(outside.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await outside.text()).not.toContain('@handoff/server');
  });
});
