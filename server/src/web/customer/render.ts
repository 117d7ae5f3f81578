import { MAX_CUSTOMER_COMMENT, MAX_CUSTOMER_IMAGE_BYTES } from '@handoff/shared';
import { escape as escapeHtml } from 'html-escaper';
import { LANGUAGE_NAMES, LANGUAGES, type Language, type Translator } from './i18n.js';
import type { CustomerEntry, CustomerPageModel } from './pageModel.js';

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
type Part = Html | string | number | null | undefined | Part[];
function part(p: Part): string {
  if (p === null || p === undefined) return '';
  if (Array.isArray(p)) return p.map(part).join('');
  return p instanceof Html ? p.value : escapeHtml(String(p));
}
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? part(parts[i]!) : ''), ''));
}

/** Notices and form problems shown at the top of the page. */
export interface PageState {
  notice?: string;
  error?: { field: 'text' | 'rating' | 'email' | 'image'; message: string };
  commentDraft?: string;
  /** Whether the server sends mail (SMTP configured); otherwise the page says updates are off. */
  mailEnabled?: boolean;
}

const ASSETS = '/c/static';

function layout(t: Translator, title: string, body: Html, langLinks: Html | null): string {
  return `<!doctype html>${html`<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${title}</title><link rel="stylesheet" href="${ASSETS}/page.css"></head><body>${langLinks}<main id="main">${body}</main></body></html>`}`;
}

function languageSwitcher(t: Translator, base: string): Html {
  return html`<nav class="langs" aria-label="${t.t('language')}"><ul>${LANGUAGES.map((l: Language) =>
    l === t.lang
      ? html`<li><span aria-current="true" lang="${l}">${LANGUAGE_NAMES[l]}</span></li>`
      : html`<li><a href="${base}?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
  )}</ul></nav>`;
}

/** The parts of one history line: the page renders them, the live stream sends them as text. */
export interface EntryParts {
  id: number;
  kind: CustomerEntry['kind'];
  at: string;
  when: string;
  who: string | null;
  summary: string | null;
  text: string | null;
}

export function entryParts(e: CustomerEntry, t: Translator): EntryParts {
  const base = { id: e.id, kind: e.kind, at: e.at, when: t.dateTime(e.at) };
  if (e.kind === 'status') return { ...base, who: null, summary: t.t('statusChanged', { status: t.status(e.status!) }), text: null };
  if (e.kind === 'evaluation') return { ...base, who: t.t('you'), summary: t.t('evaluation', { rating: e.rating ?? '' }), text: e.text };
  return { ...base, who: e.kind === 'yours' ? t.t('you') : e.author, summary: null, text: e.text };
}

/** One history line; live.js builds the same markup from {@link EntryParts}, as text (an image shows after a reload). */
export function entryHtml(e: CustomerEntry, t: Translator, base: string): Html {
  const p = entryParts(e, t);
  const image =
    e.imageId === null ? null : html`<p class="image"><img src="${base}/images/${e.imageId}" alt="${t.t('imageAlt')}" loading="lazy"></p>`;
  return html`<li class="entry entry-${p.kind}" id="e${p.id}"><time datetime="${p.at}">${p.when}</time>${p.who ? html`<p class="who">${p.who}</p>` : null}${p.summary ? html`<p class="summary">${p.summary}</p>` : null}${p.text ? html`<p class="text">${p.text}</p>` : null}${image}</li>`;
}

function progress(m: CustomerPageModel, t: Translator): Html {
  return html`<ol class="milestones">${m.milestones.map((s) => {
    const state = s.at ? 'done' : 'ahead';
    const when = s.at
      ? html`<time datetime="${s.at}">${t.date(s.at)}</time>`
      : s.expected
        ? html`<span class="expected">${t.t('expected')} <time datetime="${s.expected}">${t.date(s.expected)}</time></span>`
        : null;
    return html`<li class="milestone ${state}"><span class="dot" aria-hidden="true"></span><span class="label">${t.t(`milestone_${s.key}`)}</span> ${when}</li>`;
  })}</ol>`;
}

function whatNext(m: CustomerPageModel, t: Translator): Html {
  const lines: Html[] = [];
  const r = m.next.release;
  if (r?.shippedAt) lines.push(html`<p>${t.t('shippedRelease', { version: r.version, date: t.date(r.shippedAt) })}</p>`);
  else if (r) lines.push(html`<p>${t.t('plannedRelease', { version: r.version, date: t.date(r.plannedDate) })}</p>`);
  else if (m.next.fixedIn) lines.push(html`<p>${t.t('fixedIn', { version: m.next.fixedIn })}</p>`);
  else if (m.status !== 'closed') lines.push(html`<p>${t.t('noPlanYet')}</p>`);
  if (m.next.knownIssue) lines.push(html`<p class="known-issue"><a href="${m.next.knownIssue}">${t.t('knownIssue')}</a></p>`);
  if (m.next.promisedResponseBy) lines.push(html`<p>${t.t('promisedResponse', { date: t.dateTime(m.next.promisedResponseBy) })}</p>`);
  return html`${lines}`;
}

function errorFor(state: PageState, field: NonNullable<PageState['error']>['field']): Html | null {
  return state.error?.field === field ? html`<p class="error" id="${field}-error" role="alert">${state.error.message}</p>` : null;
}

/** The customer's page: reads completely without JavaScript; live.js only adds new entries. */
export function renderPage(m: CustomerPageModel, t: Translator, base: string, csrf: string, state: PageState = {}): string {
  const q = `?lang=${t.lang}`;
  const commentError = errorFor(state, 'text');
  const ratingError = errorFor(state, 'rating');
  const imageError = errorFor(state, 'image');
  const body = html`
<header><p class="ref">${m.reference}</p><h1>${m.title}</h1>
<p class="status status-${m.status}"><span class="visually-hidden">${t.t('status')}: </span><strong id="status">${t.status(m.status)}</strong></p></header>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : null}
<section aria-labelledby="h-progress"><h2 id="h-progress">${t.t('progress')}</h2>${progress(m, t)}</section>
<section aria-labelledby="h-next"><h2 id="h-next">${t.t('next')}</h2>${whatNext(m, t)}</section>
<section aria-labelledby="h-charge"><h2 id="h-charge">${t.t('inCharge')}</h2><dl class="people">
<dt>${t.t('contact')}</dt><dd>${m.contact}</dd>
<dt>${t.t('owner')}</dt><dd>${m.owner ?? t.t('nobodyYet')}</dd>
<dt>${t.t('team')}</dt><dd>${m.team ?? t.t('nobodyYet')}</dd></dl></section>
<section aria-labelledby="h-history"><h2 id="h-history">${t.t('history')}</h2>
<p class="live-note" hidden>${t.t('live')}</p>
<ol class="history" id="history" data-events="${base}/events${q}" data-last-event-id="${m.lastEventId}">${m.entries.map((e) => entryHtml(e, t, base))}</ol>
${m.entries.length === 0 ? html`<p id="no-entries">${t.t('noEntries')}</p>` : null}</section>
${
  m.evaluation.open
    ? html`<section aria-labelledby="h-evaluate"><h2 id="h-evaluate">${t.t('evaluate')}</h2>
<form method="post" action="${base}/evaluation${q}" class="evaluation"><input type="hidden" name="csrf" value="${csrf}">
<fieldset${ratingError ? html` aria-describedby="rating-error"` : null}><legend>${t.t('ratingLabel')}</legend>${ratingError}<div class="ratings">${[
        1, 2, 3, 4, 5,
      ].map((n) => html`<label><input type="radio" name="rating" value="${n}" required> ${n}</label>`)}</div></fieldset>
<label for="eval-comment">${t.t('evaluationComment')}</label><textarea id="eval-comment" name="comment" maxlength="2000" rows="3"></textarea>
<button type="submit">${t.t('sendEvaluation')}</button></form></section>`
    : m.evaluation.rating !== null
      ? html`<p class="evaluated">${t.t('evaluated', { rating: m.evaluation.rating })}</p>`
      : null
}
<section aria-labelledby="h-comment"><h2 id="h-comment">${t.t('addComment')}</h2>
<form method="post" action="${base}/comments${q}" class="comment" enctype="multipart/form-data"><input type="hidden" name="csrf" value="${csrf}">
<label for="comment-text">${t.t('commentLabel')}</label><p class="hint" id="comment-hint">${t.t('commentHint', { max: MAX_CUSTOMER_COMMENT })}</p>${commentError}
<textarea id="comment-text" name="text" rows="4" maxlength="${MAX_CUSTOMER_COMMENT}" required aria-describedby="comment-hint${commentError ? ' text-error' : ''}">${state.commentDraft ?? ''}</textarea>
<label for="comment-image">${t.t('imageLabel')}</label><p class="hint" id="image-hint">${t.t('imageHint', { max: MAX_CUSTOMER_IMAGE_BYTES / 1024 / 1024 })}</p>${imageError}
<input type="file" id="comment-image" name="image" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby="image-hint${imageError ? ' image-error' : ''}">
<button type="submit">${t.t('send')}</button></form></section>
${mailSection(t, base, csrf, state)}
<footer><p><a href="${base}/feed.atom${q}" type="application/atom+xml">${t.t('feed')}</a></p></footer>
<script src="${ASSETS}/live.js" defer></script>`;
  return layout(t, `${m.reference} — ${t.t('pageTitle')}`, body, languageSwitcher(t, base));
}

/** "Get e-mail updates" (a plain form, works without JavaScript), or the plain statement that mail is off here. */
function mailSection(t: Translator, base: string, csrf: string, state: PageState): Html {
  const error = errorFor(state, 'email');
  const form = state.mailEnabled
    ? html`<form method="post" action="${base}/subscribe?lang=${t.lang}" class="mail"><input type="hidden" name="csrf" value="${csrf}">
<label for="mail-email">${t.t('mailLabel')}</label><p class="hint" id="mail-hint">${t.t('mailHint')}</p>${error}
<input type="email" id="mail-email" name="email" autocomplete="email" maxlength="320" required aria-describedby="mail-hint${error ? ' email-error' : ''}">
<button type="submit">${t.t('mailSubscribe')}</button></form>`
    : html`<p class="mail-off" id="mail-off">${t.t('mailOff')}</p>`;
  return html`<section aria-labelledby="h-mail" id="mail"><h2 id="h-mail">${t.t('mailUpdates')}</h2>${form}</section>`;
}

/** A page with one button that posts back to where it is (confirming or ending e-mail updates). */
export function renderMailAction(t: Translator, title: string, text: string, action: string, csrf: string, button: string): string {
  return layout(
    t,
    title,
    html`<h1>${title}</h1><p>${text}</p><form method="post" action="${action}"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">${button}</button></form>`,
    null,
  );
}

/** The one page for unknown, revoked and expired links alike. */
export function renderNotFound(t: Translator): string {
  return layout(t, t.t('notFoundTitle'), html`<h1>${t.t('notFoundTitle')}</h1><p>${t.t('notFoundText')}</p>`, null);
}

/** A short page for a refused form (too many messages). */
export function renderMessage(t: Translator, title: string, message: string, back: string): string {
  return layout(t, title, html`<h1>${title}</h1><p>${message}</p><p><a href="${back}">${t.t('pageTitle')}</a></p>`, null);
}
