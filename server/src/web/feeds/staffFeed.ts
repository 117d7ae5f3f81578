import type http from 'node:http';
import { incidentAccess } from '@handoff/shared';
import { Feed } from 'feed';
import { escape as escapeHtml } from 'html-escaper';
import type { Services } from '../../context.js';
import { log } from '../../log.js';
import { factsOfEvent } from '../../store/mapping.js';

/** Entries a feed holds; rows read to find them (the newest changes of all incidents). */
const FEED_ENTRIES = 50;
const SCAN_ROWS = 2000;

/**
 * `GET /feeds/<token>.atom`: a staff member's personal Atom feed — the latest changes to the
 * incidents they see in full (the same rule as `incidents.byRef`), internal entries included.
 * Built with `feed`; every text is escaped, so it stays inert in a reader. Unknown tokens: 404.
 */
export function staffFeeds(services: Services) {
  async function handle(res: http.ServerResponse, token: string): Promise<void> {
    const userId = await services.feedTokens.userOf(token);
    const user = userId === null ? null : await services.store.userById(userId);
    if (!user) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-robots-tag': 'noindex' });
      res.end('No feed here: ask Handoff for your feed address again (feeds.token).');
      return;
    }
    const last = await services.incidents.lastEventId();
    const rows = (await services.incidents.eventsAfter(Math.max(0, last - SCAN_ROWS), SCAN_ROWS))
      .filter((r) => incidentAccess(user, factsOfEvent(r), services.policy) === 'full')
      .slice(-FEED_ENTRIES)
      .reverse();
    const users = await services.store.userRefs(rows.map((r) => r.actor_id));
    const base = services.publicUrl.replace(/\/+$/, '');
    const feed = new Feed({
      title: `Handoff — ${user.name}`,
      description: 'Changes to the incidents you see in full',
      id: `urn:handoff:feed:user:${user.id}`,
      link: base,
      copyright: '',
      updated: rows[0] ? new Date(rows[0].at) : new Date(0),
      generator: 'Handoff',
    });
    for (const r of rows) {
      const ref = `${services.incidents.prefix}-${r.incident_id}`;
      feed.addItem({
        title: escapeHtml(`${ref} · ${r.kind.replace(/_/g, ' ')} · ${users.get(r.actor_id)?.name ?? ''}: ${r.title}`),
        id: `urn:handoff:event:${r.id}`,
        link: `vscode://handoff.handoff-vscode/open?ref=${ref}`,
        date: new Date(r.at),
        content: escapeHtml(r.text),
      });
    }
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
    res.end(feed.atom1());
  }
  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const token = /^\/feeds\/([^/]+)\.atom$/.exec(url.pathname)?.[1] ?? '';
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    handle(res, token).catch((err: unknown) => {
      log.error({ err, path: '/feeds/…' }, 'staff feed failed'); // the path carries the token
      if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain' }).end('The feed is not available right now.');
      else res.end();
    });
  };
}
