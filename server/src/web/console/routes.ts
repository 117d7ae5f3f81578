import type http from 'node:http';
import { z } from 'zod';
import type { Services } from '../../context.js';
import { sameOrigin, csrfProblem } from './csrf.js';
import { ConsoleSessions, SESSION_COOKIE, SESSION_HOURS, sessionIdOf } from './sessions.js';
import { loadConsoleFiles, type StaticFile } from './staticFiles.js';

const SignInSchema = z.object({ token: z.string().min(1, 'token: paste your personal token').max(200, 'token: at most 200 characters') });

/** Scripts and styles only from the console itself; Plot writes a <style> inside each chart. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function cookie(req: http.IncomingMessage, value: string, maxAgeSeconds: number): string {
  const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/**
 * The staff console under `/console/`: the built app, and its session endpoint
 * (`POST /console/session` with `{ token }` signs in, `GET` says who is signed in with the CSRF
 * token, `DELETE` signs out). Returns false for paths that are not the console's.
 */
export function createConsoleHandler(services: Services) {
  const files = loadConsoleFiles();
  const sessions = new ConsoleSessions(services.store);

  async function session(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!sameOrigin(req)) {
      send(res, 403, { error: 'The console session can only be used from the console itself.' });
      return;
    }
    const id = sessionIdOf(req.headers.cookie);
    if (req.method === 'POST') {
      const address = req.socket.remoteAddress ?? 'unknown';
      const wait = await services.signInGuard.waitFor(address);
      if (wait > 0) {
        send(res, 429, { error: `Too many wrong tokens from your address: wait ${Math.ceil(wait / 1000)} s.` });
        return;
      }
      let body: unknown;
      try {
        body = await readJson(req, 4096);
      } catch {
        send(res, 400, { error: 'Send JSON: { "token": "<your personal token>" }.' });
        return;
      }
      const input = SignInSchema.safeParse(body);
      if (!input.success) {
        send(res, 400, { error: input.error.issues.map((i) => i.message).join('; ') });
        return;
      }
      const created = await sessions.create(input.data.token);
      if (!created) {
        await services.signInGuard.failed(address);
        send(res, 401, { error: `That token is not valid. ${services.tokenHelp}` });
        return;
      }
      send(
        res,
        200,
        { user: created.session.user, csrf: created.session.csrf, visibility: services.policy.visibility },
        {
          'set-cookie': cookie(req, created.id, SESSION_HOURS * 3600),
        },
      );
      return;
    }
    const current = id ? await sessions.find(id) : null;
    if (req.method === 'GET') {
      if (!current) send(res, 401, { error: 'Not signed in.' });
      else send(res, 200, { user: current.user, csrf: current.csrf, visibility: services.policy.visibility });
      return;
    }
    if (req.method === 'DELETE') {
      const problem = current ? csrfProblem(req, current.csrf) : null;
      if (problem) {
        send(res, 403, { error: problem });
        return;
      }
      if (id) await sessions.end(id);
      send(res, 200, { ok: true }, { 'set-cookie': cookie(req, '', 0) });
      return;
    }
    send(res, 405, { error: 'Use POST to sign in, GET to check, DELETE to sign out.' }, { allow: 'GET, POST, DELETE' });
  }

  function asset(pathname: string, res: http.ServerResponse): void {
    const rel = pathname.slice('/console/'.length);
    // Every path that is not a built file is a page of the app (client-side navigation).
    const file: StaticFile | undefined = files.get(rel) ?? files.get('index.html');
    if (!file) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console is not built: run "npm run build" in the repository.');
      return;
    }
    const immutable = rel.startsWith('assets/');
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(file.body);
  }

  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean => {
    if (url.pathname === '/console') {
      res.writeHead(308, { location: '/console/' });
      res.end();
      return true;
    }
    if (!url.pathname.startsWith('/console/')) return false;
    if (url.pathname === '/console/session') {
      session(req, res).catch((err: Error) => send(res, 503, { error: `The console could not check the session: ${err.message}` }));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: 'The console pages are read with GET.' }, { allow: 'GET' });
      return true;
    }
    asset(url.pathname, res);
    return true;
  };
}
