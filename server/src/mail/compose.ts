import type Mail from 'nodemailer/lib/mailer/index.js';
import { StatusSchema } from '@handoff/shared';
import { pickLanguage, translator } from '../web/customer/i18n.js';
import type { CustomerEntry } from '../web/customer/pageModel.js';
import { entryParts, html } from '../web/customer/render.js';

/** What one mail is about; every text in it is escaped in the HTML part (nothing of an incident is markup). */
export interface MailContent {
  kind: 'confirm' | 'update';
  outboxId: number;
  to: string;
  lang: string;
  reference: string;
  title: string;
  status: string;
  entries: CustomerEntry[];
  /** The server's public address and the mail's own link token. */
  publicUrl: string;
  linkToken: string;
  from: string;
}

/** The mail as nodemailer sends it: plain text and HTML, a stable Message-ID, one-click unsubscribe (RFC 8058). */
export function composeMail(c: MailContent): Mail.Options {
  const t = translator(pickLanguage(undefined, c.lang));
  const q = `?lang=${t.lang}`;
  const base = `${c.publicUrl}/c/${c.linkToken}`;
  const page = `${base}${q}`;
  const stop = `${base}/unsubscribe${q}`;
  const vars = { reference: c.reference, title: c.title };
  const host = new URL(c.publicUrl).hostname || 'handoff';
  const common: Mail.Options = {
    from: c.from,
    to: c.to,
    messageId: `<handoff-mail-${c.outboxId}@${host}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
  if (c.kind === 'confirm') {
    const confirm = `${base}/confirm${q}`;
    const text = `${t.t('mailConfirmBody', vars)}\n\n${confirm}\n\n${t.t('mailConfirmIgnore')}\n`;
    return {
      ...common,
      subject: t.t('mailConfirmSubject', vars),
      text,
      html: doc(
        t.lang,
        html`<p>${t.t('mailConfirmBody', vars)}</p><p><a href="${confirm}">${t.t('mailConfirmButton')}</a></p><p>${t.t('mailConfirmIgnore')}</p>`,
      ),
    };
  }
  const status = StatusSchema.parse(c.status);
  const closed = status === 'closed';
  const parts = c.entries.map((e) => entryParts(e, t));
  const lines = parts.map((p) => [p.when, p.who, p.summary, p.text].filter(Boolean).join(' — '));
  const text = [
    t.t('mailUpdateIntro', vars),
    '',
    ...lines.map((l) => `* ${l}`),
    '',
    ...(closed ? [t.t('mailClosedText'), ''] : []),
    t.t('mailOpenPage'),
    page,
    '',
    t.t('mailStop'),
    stop,
    '',
  ].join('\n');
  const body = html`<p>${t.t('mailUpdateIntro', vars)}</p><ul>${parts.map(
    (p) =>
      html`<li><strong>${p.when}</strong>${p.who ? html` — ${p.who}` : null}${p.summary ? html` — ${p.summary}` : null}${p.text ? html`<br>${p.text}` : null}</li>`,
  )}</ul>${closed ? html`<p>${t.t('mailClosedText')}</p>` : null}<p>${t.t('mailOpenPage')} <a href="${page}">${page}</a></p><hr><p><small>${t.t('mailStop')} <a href="${stop}">${stop}</a></small></p>`;
  return {
    ...common,
    subject: closed ? t.t('mailClosedSubject', vars) : t.t('mailUpdateSubject', { ...vars, status: t.status(status) }),
    text,
    html: doc(t.lang, body),
    list: { unsubscribe: stop },
    headers: { ...common.headers, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

function doc(lang: string, body: ReturnType<typeof html>): string {
  return `<!doctype html>${html`<html lang="${lang}"><head><meta charset="utf-8"></head><body>${body}</body></html>`}`;
}

/** One change as a staff member sees it: everything on the timeline, internal entries included. */
export interface StaffMailEntry {
  at: string;
  who: string;
  kind: string;
  text: string;
  /** The image a customer sent with their comment; without `bytes` when it did not fit the mail (see staffImages.ts). */
  image?: { name: string; mediaType: string; bytes?: Buffer };
}

/** What a staff mail is about: the changes of one burst to an incident the person sees in full. */
export interface StaffMailContent {
  outboxId: number;
  to: string;
  lang: string;
  reference: string;
  title: string;
  status: string;
  entries: StaffMailEntry[];
  publicUrl: string;
  linkToken: string;
  from: string;
}

/** A staff member's mail about their incident, with a one-click unsubscribe from every incident mail. */
export function composeStaffMail(c: StaffMailContent): Mail.Options {
  const t = translator(pickLanguage(undefined, c.lang));
  const stop = `${c.publicUrl}/m/${c.linkToken}/unsubscribe?lang=${t.lang}`;
  const status = StatusSchema.parse(c.status);
  const vars = { reference: c.reference, title: c.title, status: t.status(status) };
  // Customers' images go along as inline attachments (shown under their comment), as far as the size cap allows.
  const attachments: NonNullable<Mail.Options['attachments']> = [];
  const lines = c.entries.map((e) => {
    const image = e.image;
    let cid: string | null = null;
    if (image?.bytes) {
      cid = `image-${attachments.length + 1}-${c.outboxId}@handoff`;
      attachments.push({ filename: image.name, content: image.bytes, contentType: image.mediaType, cid });
    }
    const note = image ? t.t(image.bytes ? 'staffMailImage' : 'staffMailImageLeftOut', { name: image.name }) : null;
    return { when: t.dateTime(e.at), head: `${e.who} · ${e.kind}`, text: e.text, note, cid, alt: image?.name ?? '' };
  });
  const text = [
    t.t('staffMailIntro', vars),
    '',
    ...lines.map((l) => `* ${l.when} — ${l.head}${l.text ? `\n  ${l.text.replace(/\n/g, '\n  ')}` : ''}${l.note ? `\n  ${l.note}` : ''}`),
    '',
    t.t('staffMailWhy'),
    t.t('mailStop'),
    stop,
    '',
  ].join('\n');
  const body = html`<p>${t.t('staffMailIntro', vars)}</p><ul>${lines.map(
    (l) =>
      html`<li><strong>${l.when}</strong> — ${l.head}${l.text ? html`<br>${l.text}` : null}${l.note ? html`<br><em>${l.note}</em>` : null}${
        l.cid ? html`<br><img src="cid:${l.cid}" alt="${l.alt}" style="max-width:100%">` : null
      }</li>`,
  )}</ul><hr><p><small>${t.t('staffMailWhy')} ${t.t('mailStop')} <a href="${stop}">${stop}</a></small></p>`;
  const host = new URL(c.publicUrl).hostname || 'handoff';
  return {
    from: c.from,
    to: c.to,
    messageId: `<handoff-mail-${c.outboxId}@${host}>`,
    subject: status === 'closed' ? t.t('staffMailClosedSubject', vars) : t.t('staffMailSubject', vars),
    text,
    html: doc(t.lang, body),
    ...(attachments.length ? { attachments } : {}),
    list: { unsubscribe: stop },
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
