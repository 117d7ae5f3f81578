import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CustomerCommentSchema, EvaluationSchema, imageTypeOf, MAX_CUSTOMER_IMAGE_BYTES, MailSubscribeSchema } from '@handoff/shared';
import { TRPCError } from '@trpc/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Services } from '../../context.js';
import type { HttpLimits } from '../../http/limits.js';
import { log } from '../../log.js';
import type { OpenShare } from '../../store/shares.js';
import { renderCustomerFeed } from './feed.js';
import { type MessageKey, pickLanguage, type Translator, translator } from './i18n.js';
import { streamCustomerEvents } from './live.js';
import { buildPageModel } from './pageModel.js';
import type { MailLinkTarget } from '../../mail/subscriptions.js';
import { readForm } from './formBody.js';
import { openLink } from './links.js';
import { type PageState, renderMailAction, renderMessage, renderNotFound, renderPage } from './render.js';

/** Headers of every customer-page answer: nothing from elsewhere, never indexed, no referrer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/customer');
const STATIC_TYPES: Record<string, string> = { 'page.css': 'text/css; charset=utf-8', 'live.js': 'text/javascript; charset=utf-8' };
const staticFiles = new Map(Object.keys(STATIC_TYPES).map((name) => [name, readFileSync(path.join(STATIC_DIR, name))]));

const CSRF_COOKIE = 'handoff_csrf';

/** Rate limits of customers' forms: per link and per address, per hour. */
export interface CustomerLimits {
  postsPerLinkPerHour: number;
  postsPerAddressPerHour: number;
}
export const DEFAULT_CUSTOMER_LIMITS: CustomerLimits = { postsPerLinkPerHour: 30, postsPerAddressPerHour: 60 };

function cookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The customer's page under `/c/<token>`: the page (GET), its live stream (`/events`), its Atom
 * feed (`/feed.atom`), and its forms (POST `/comments`, `/evaluation`, CSRF-protected by a
 * double-submit cookie and an origin check). Unknown, revoked and expired links all get the
 * same 404. Tokens are never logged.
 */
export function customerPages(services: Services, limits: HttpLimits, customerLimits: CustomerLimits = DEFAULT_CUSTOMER_LIMITS) {
  const perLink = new RateLimiterMemory({ points: customerLimits.postsPerLinkPerHour, duration: 3600 });
  const perAddress = new RateLimiterMemory({ points: customerLimits.postsPerAddressPerHour, duration: 3600 });

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': type, ...extra });
    res.end(body);
  };
  const notFound = (res: http.ServerResponse, t: Translator) => send(res, 404, 'text/html; charset=utf-8', renderNotFound(t));

  async function page(
    res: http.ServerResponse,
    t: Translator,
    base: string,
    open: OpenShare,
    csrf: string,
    status = 200,
    state: PageState = {},
  ) {
    const model = await pageModelOf(services, open);
    withCsrf(res, status, base, csrf, renderPage(model, t, base, csrf, { mailEnabled: services.mail.enabled, ...state }));
  }

  /** An HTML answer that sets the form's CSRF cookie for the link's path. */
  function withCsrf(res: http.ServerResponse, status: number, base: string, csrf: string, body: string) {
    const secure = services.publicUrl.startsWith('https:') ? '; Secure' : '';
    send(res, status, 'text/html; charset=utf-8', body, {
      'set-cookie': `${CSRF_COOKIE}=${csrf}; Path=${base}; HttpOnly; SameSite=Strict${secure}`,
    });
  }

  /**
   * `/confirm` and `/unsubscribe` under a mail's own link: GET shows one button (a link scanner
   * that fetches the link changes nothing), its POST acts. A mail client's one-click unsubscribe
   * (RFC 8058: a POST of `List-Unsubscribe=One-Click`) needs no cookie: the link is the secret.
   */
  async function mailAction(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    t: Translator,
    base: string,
    open: OpenShare,
    mail: MailLinkTarget,
    what: 'confirm' | 'unsubscribe',
  ) {
    const reference = `${services.incidents.prefix}-${open.incident.id}`;
    const words =
      what === 'confirm'
        ? { title: t.t('mailConfirmTitle'), text: t.t('mailConfirmText', { reference }), button: t.t('mailConfirmButton') }
        : { title: t.t('mailUnsubscribeTitle'), text: t.t('mailUnsubscribeText', { reference }), button: t.t('mailUnsubscribeButton') };
    const action = `${base}/${what}?lang=${t.lang}`;
    const csrf = randomBytes(18).toString('base64url');
    if (req.method === 'GET')
      return withCsrf(res, 200, base, csrf, renderMailAction(t, words.title, words.text, action, csrf, words.button));
    const form = (await readForm(req))?.fields;
    const oneClick = what === 'unsubscribe' && form?.get('List-Unsubscribe') === 'One-Click';
    if (!form || (!oneClick && !fromThePage(req, form))) {
      return withCsrf(res, 403, base, csrf, renderMailAction(t, words.title, t.t('formExpired'), action, csrf, words.button));
    }
    if (what === 'confirm') {
      await services.mail.subscriptions.confirm(mail.subscription.id);
      return redirect(res, `${base}?lang=${t.lang}&done=mail-confirmed#mail`);
    }
    await services.mail.subscriptions.unsubscribe(mail.subscription.id);
    if (oneClick) return send(res, 200, 'text/plain; charset=utf-8', t.t('mailUnsubscribed', { reference }));
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      renderMessage(t, words.title, t.t('mailUnsubscribed', { reference }), `${base}?lang=${t.lang}`),
    );
  }

  /** Whether a form post comes from the page itself (same origin, the cookie matches the field). */
  function fromThePage(req: http.IncomingMessage, form: URLSearchParams): boolean {
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      const own = [new URL(services.publicUrl).origin, `http://${req.headers.host}`, `https://${req.headers.host}`];
      if (!own.includes(origin)) return false;
    }
    return sameValue(cookie(req, CSRF_COOKIE), form.get('csrf'));
  }

  /** Null when the post may go ahead; otherwise the minutes to wait. */
  async function limited(shareId: number, address: string): Promise<number | null> {
    try {
      await Promise.all([perLink.consume(String(shareId)), perAddress.consume(address)]);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 60_000));
      throw err;
    }
  }

  async function post(req: http.IncomingMessage, res: http.ServerResponse, t: Translator, base: string, open: OpenShare, what: string) {
    const body = await readForm(req);
    const csrf = randomBytes(18).toString('base64url');
    if (!body)
      return send(res, 400, 'text/plain; charset=utf-8', 'Send the form from the page (a form post of at most 64 KB and one image).');
    const form = body.fields;
    if (!fromThePage(req, form)) return page(res, t, base, open, csrf, 403, { notice: t.t('formExpired') });
    const wait = await limited(open.share.id, req.socket.remoteAddress ?? 'unknown');
    if (wait !== null) {
      return send(
        res,
        429,
        'text/html; charset=utf-8',
        renderMessage(t, t.t('pageTitle'), t.t('tooMany', { minutes: wait }), `${base}?lang=${t.lang}`),
        {
          'retry-after': String(wait * 60),
        },
      );
    }
    if (what === 'subscribe') {
      if (!services.mail.enabled) return page(res, t, base, open, csrf, 409, { error: { field: 'email', message: t.t('mailOff') } });
      const parsed = MailSubscribeSchema.safeParse({ email: (form.get('email') ?? '').trim() });
      if (!parsed.success) return page(res, t, base, open, csrf, 400, { error: { field: 'email', message: t.t('mailInvalid') } });
      await services.mail.subscriptions.subscribe(open.share, parsed.data.email, t.lang);
      services.mail.scheduler.poke();
      return redirect(res, `${base}?lang=${t.lang}&done=subscribed#mail`);
    }
    if (what === 'comments') {
      const parsed = CustomerCommentSchema.safeParse({ text: form.get('text') ?? '' });
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'text'}: ${i.message}`).join('; ');
        return page(res, t, base, open, csrf, 400, { error: { field: 'text', message }, commentDraft: form.get('text') ?? '' });
      }
      const image = body.image;
      const imageType = image && !image.tooLarge ? imageTypeOf(image.bytes) : null;
      if (image && !imageType) {
        const message = t.t(image.tooLarge ? 'imageTooLarge' : 'imageWrongType', { max: MAX_CUSTOMER_IMAGE_BYTES / 1024 / 1024 });
        return page(res, t, base, open, csrf, image.tooLarge ? 413 : 400, {
          error: { field: 'image', message },
          commentDraft: parsed.data.text,
        });
      }
      await services.shares.comment(
        open,
        parsed.data.text,
        image && imageType ? { name: image.name, mediaType: imageType, bytes: image.bytes } : null,
      );
      return redirect(res, `${base}?lang=${t.lang}&done=comment#history`);
    }
    const parsed = EvaluationSchema.safeParse({ rating: form.get('rating') ?? undefined, comment: form.get('comment') ?? '' });
    if (!parsed.success) {
      return page(res, t, base, open, csrf, 400, {
        error: { field: 'rating', message: parsed.error.issues.map((i) => i.message).join('; ') },
      });
    }
    try {
      await services.shares.evaluate(open, parsed.data);
    } catch (err) {
      if (err instanceof TRPCError && err.code === 'CONFLICT')
        return page(res, t, base, open, csrf, 409, { error: { field: 'rating', message: err.message } });
      throw err;
    }
    return redirect(res, `${base}?lang=${t.lang}&done=evaluation#history`);
  }

  const redirect = (res: http.ServerResponse, to: string) => {
    res.writeHead(303, { ...SECURITY_HEADERS, location: to, 'cache-control': 'no-store' });
    res.end();
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const t = translator(pickLanguage(req.headers['accept-language'], url.searchParams.get('lang')));
    const [, , token = '', sub = '', ...rest] = url.pathname.split('/');
    if (token === 'static' && req.method === 'GET' && STATIC_TYPES[sub] && rest.length === 0) {
      return send(res, 200, STATIC_TYPES[sub], staticFiles.get(sub)!, { 'cache-control': 'public, max-age=3600' });
    }
    if (sub === 'images' && req.method === 'GET' && rest.length === 1 && /^\d{1,9}$/.test(rest[0]!)) {
      const link = await openLink(services, token);
      const image =
        link && !(link.mail?.subscription.status === 'pending')
          ? await services.shares.customerImage(link.open.incident.id, Number(rest[0]))
          : null;
      if (!image) return notFound(res, t);
      return send(res, 200, image.mediaType, image.bytes, { 'cache-control': 'private, max-age=3600', 'content-disposition': 'inline' });
    }
    if (rest.length > 0) return notFound(res, t);
    const link = await openLink(services, token);
    if (!link) return notFound(res, t);
    const { open, mail } = link;
    const base = `/c/${token}`;
    if (sub === 'confirm' || sub === 'unsubscribe') {
      if (!mail || (req.method !== 'GET' && req.method !== 'POST')) return notFound(res, t);
      return mailAction(req, res, t, base, open, mail, sub);
    }
    // A mail's link opens the page once its subscription is confirmed (before: only /confirm).
    if (mail?.subscription.status === 'pending') return notFound(res, t);
    if (req.method === 'GET' && sub === '') {
      const csrf = cookie(req, CSRF_COOKIE) ?? randomBytes(18).toString('base64url');
      const done = url.searchParams.get('done');
      const notice = done ? DONE_NOTICES[done] && t.t(DONE_NOTICES[done]) : undefined;
      return page(
        res,
        t,
        base,
        open,
        /^[A-Za-z0-9_-]{24}$/.test(csrf) ? csrf : randomBytes(18).toString('base64url'),
        200,
        notice ? { notice } : {},
      );
    }
    if (req.method === 'GET' && sub === 'events') {
      return streamCustomerEvents(services, limits, token, open, t, req, res, url.searchParams.get('lastEventId'), SECURITY_HEADERS);
    }
    if (req.method === 'GET' && sub === 'feed.atom') {
      const model = await pageModelOf(services, open);
      return send(
        res,
        200,
        'application/atom+xml; charset=utf-8',
        renderCustomerFeed(model, t, `${services.publicUrl}${base}`, open.share.id),
      );
    }
    if (req.method === 'POST' && (sub === 'comments' || sub === 'evaluation' || sub === 'subscribe'))
      return post(req, res, t, base, open, sub);
    return notFound(res, t);
  }

  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    handle(req, res, url).catch((err: unknown) => {
      // The path carries the token: log only that it was a customer page.
      log.error({ err, path: '/c/…', method: req.method }, 'customer page failed');
      if (!res.headersSent)
        send(res, 503, 'text/plain; charset=utf-8', 'The page is not available right now. Please try again in a moment.');
      else res.end();
    });
  };
}

/** The notice after a form, by the `done` of the redirect. */
const DONE_NOTICES: Record<string, MessageKey | undefined> = {
  comment: 'commentSent',
  evaluation: 'evaluationSent',
  subscribed: 'mailPending',
  'mail-confirmed': 'mailConfirmed',
};

/** What the page shows for a link, with the service-level promise on its incident if a policy covers it. */
async function pageModelOf(services: Services, open: OpenShare) {
  const sla = (await services.sla.timers.slaOf([open.incident.id])).get(open.incident.id) ?? null;
  return buildPageModel(services.store, services.incidents.prefix, open.share, open.incident, sla);
}
