import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Services } from '../context.js';
import { log } from '../log.js';
import { readForm } from '../web/customer/formBody.js';
import { pickLanguage, translator } from '../web/customer/i18n.js';
import { renderMailAction, renderMessage, renderNotFound } from '../web/customer/render.js';
import { SECURITY_HEADERS } from '../web/customer/routes.js';
import { hashMailLink } from './links.js';

/**
 * `/m/<token>/unsubscribe`: the link in every staff mail. GET shows one button (a link scanner
 * that fetches it changes nothing); its POST — or a mail client's one-click POST (RFC 8058) —
 * turns the person's incident mails off. The link is the secret (stored hashed, one per mail), so
 * no sign-in and no cookie is needed; unknown links get a 404. Tokens are never logged.
 */
export function staffMailLinks(services: Services) {
  const send = (res: http.ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': type });
    res.end(body);
  };

  async function userOf(token: string): Promise<number | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const hash = hashMailLink(token);
    const row = await services.store.db
      .selectFrom('mail_outbox')
      .select(['user_id', 'link_hash'])
      .where('link_hash', '=', hash)
      .where('kind', '=', 'staff')
      .executeTakeFirst();
    if (!row?.link_hash || row.user_id === null) return null;
    return timingSafeEqual(Buffer.from(row.link_hash, 'hex'), Buffer.from(hash, 'hex')) ? row.user_id : null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const t = translator(pickLanguage(req.headers['accept-language'], url.searchParams.get('lang')));
    const m = /^\/m\/([^/]+)\/unsubscribe$/.exec(url.pathname);
    const userId = m && (req.method === 'GET' || req.method === 'POST') ? await userOf(m[1]!) : null;
    if (userId === null) return send(res, 404, 'text/html; charset=utf-8', renderNotFound(t));
    const title = t.t('staffMailStopTitle');
    if (req.method === 'GET') {
      const action = `${url.pathname}?lang=${t.lang}`;
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderMailAction(t, title, t.t('staffMailStopText'), action, '', t.t('mailUnsubscribeButton')),
      );
    }
    const form = (await readForm(req))?.fields;
    if (!form) return send(res, 400, 'text/plain; charset=utf-8', 'Send the form of the page, or List-Unsubscribe=One-Click.');
    await services.mail.staff.unsubscribe(userId);
    if (form.get('List-Unsubscribe') === 'One-Click') return send(res, 200, 'text/plain; charset=utf-8', t.t('staffMailStopped'));
    return send(res, 200, 'text/html; charset=utf-8', renderMessage(t, title, t.t('staffMailStopped'), `${services.publicUrl}/console/`));
  }

  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    handle(req, res, url).catch((err: Error) => {
      log.error({ err: err.message }, 'staff mail link failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Something went wrong; try again.');
    });
  };
}
