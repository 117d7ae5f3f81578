import { cleanBlock, emailsIn } from './dom';
import { personName, readConversation } from './read/conversation';
import { fieldsForLabel, labelledValues } from './read/labels';
import { NUMBER_HEADING, TICKET_NUMBER_RE, ticketNumberOf } from './read/numbers';
import { breadcrumbs, type Candidate, mailtoLinks, siteNameCandidates, structuredData, titleParts, urlNumbers } from './read/signals';
import { readTaught, type SiteMapping, TEACHABLE_FIELDS, type TeachableField } from './read/taught';
import { blockText, lineText } from './read/text';
import { isVisible, visibleAll } from './read/visible';
import type { RawTicket } from './types';

export { TEACHABLE_FIELDS, type SiteMapping, type TeachableField };

export interface GenericTicket extends RawTicket {
  selection?: string | undefined;
  site?: string | undefined;
  emails: string[];
  ticketNumbers: string[];
  /** Taught fields that found nothing on this page (the site's layout may have changed). */
  warnings: string[];
}

type Field = 'ticketId' | 'subject' | 'customerName' | 'customerEmail' | 'customerOrg';

const best = (cs: Candidate[]): string | undefined =>
  cs
    .filter((c) => c.value.trim())
    .sort((a, b) => b.score - a.score)[0]
    ?.value.trim();

const NOREPLY = /^(no-?reply|do-?not-?reply|support|help|helpdesk|service|info|admin|notifications?|mailer-daemon)@/i;
const stripEmail = (s: string) =>
  s
    .replace(/\s*[<([]?[^\s<>()]+@[^\s<>()]+[>)\]]?\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** Two to four words that start with a capital letter (any script): how a person's name looks. */
const PERSON = /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|van|von|der|da|di|le|la)){1,3}$/u;
const IN_CHROME = 'header, nav, [role="banner"], [role="navigation"], #header, #nav, .navbar, #logo, .logo';
const inChrome = (el: Element) => !!el.closest(IN_CHROME);

function headingCandidates(doc: Document, c: Record<Field, Candidate[]>): void {
  const seen = new Set<string>();
  for (const [sel, score] of [
    ['h1', 70],
    ['h2', 56],
    ['h3', 52],
  ] as const) {
    for (const h of visibleAll(doc, sel)) {
      const text = lineText(h);
      if (!text || text.length > 250 || seen.has(text)) continue;
      seen.add(text);
      const penalty = inChrome(h) ? 25 : 0;
      if (NUMBER_HEADING.test(text)) c.ticketId.push({ value: ticketNumberOf(text)!, score: 78 - penalty, source: `${sel}-number` });
      else {
        const m = /^\[?#\s?(\d{2,12})\]?\s*[-–:]?\s*(.+)$/.exec(text);
        if (m) {
          c.ticketId.push({ value: m[1]!, score: 74 - penalty, source: `${sel}-prefix` });
          c.subject.push({ value: m[2]!, score: score - penalty, source: sel });
        } else c.subject.push({ value: text.replace(/\s*\[?#\d{2,12}\]?\s*$/, ''), score: score - penalty, source: sel });
      }
    }
  }
  // Elements named for what they hold: .ticket-subject, .tixTitle, #case-number …
  for (const el of visibleAll(doc, '[class*="subject" i], [id*="subject" i], [class*="title" i], [id*="title" i]')) {
    if (inChrome(el) || el.closest('[class*="thread" i], [class*="message" i], [class*="comment" i]')) continue;
    const name = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
    if (!/(subject|tix-?title|ticket-?title|issue-?title|case-?title|request-?title|conversation-?title)/i.test(name)) continue;
    const text = lineText(el);
    if (text && text.length < 250 && !NUMBER_HEADING.test(text))
      c.subject.push({ value: text.replace(/\s*\[?#\s?\d{1,12}\]?$/, ''), score: 76, source: 'named-subject' });
  }
  for (const el of visibleAll(
    doc,
    '[class*="number" i], [id*="number" i], [class*="ticket-id" i], [class*="ticketid" i], [class*="case-id" i]',
  )) {
    const n = ticketNumberOf(lineText(el));
    if (n && lineText(el).length < 40 && !inChrome(el)) c.ticketId.push({ value: n, score: 77, source: 'named-number' });
  }
}

/** The generic reader's candidates for each field, from every signal the page gives, before picking the best. */
export function candidates(doc: Document, url: URL): Record<Field, Candidate[]> {
  const c: Record<Field, Candidate[]> = { ticketId: [], subject: [], customerName: [], customerEmail: [], customerOrg: [] };
  const sd = structuredData(doc);
  if (sd.subject) c.subject.push({ value: sd.subject, score: 90, source: 'schema.org' });
  if (sd.ticketId) c.ticketId.push({ value: ticketNumberOf(sd.ticketId) ?? sd.ticketId, score: 90, source: 'schema.org' });
  if (sd.customerName) c.customerName.push({ value: sd.customerName, score: 90, source: 'schema.org' });
  if (sd.customerEmail) c.customerEmail.push({ value: sd.customerEmail, score: 90, source: 'schema.org' });

  labelledValues(doc).forEach((lv, i) => {
    const order = Math.min(10, i / 10);
    if (lv.field === 'ticketId') {
      const n = ticketNumberOf(lv.value);
      if (n) c.ticketId.push({ value: n, score: 82 - order, source: `label:${lv.label}` });
    } else if (lv.field === 'customerEmail') {
      const e = emailsIn(lv.value)[0];
      if (e) c.customerEmail.push({ value: e, score: NOREPLY.test(e) ? 50 : 84 - order, source: `label:${lv.label}` });
    } else if (lv.field === 'customerName') {
      const generic = /^(name|user|nom|benutzer|de|von|from|contact|kontakt|utilisateur)$/i.test(lv.label.replace(/[:#*\s]+$/, ''));
      const e = emailsIn(lv.value)[0];
      if (e) c.customerEmail.push({ value: e, score: 78 - order, source: `label-name:${lv.label}` });
      const name = personName(stripEmail(lv.value)).replace(/^\((.*)\)$/, '$1');
      if (name && !/^\d+$/.test(name))
        c.customerName.push({ value: name, score: (generic ? 72 : 82) - order, source: `label:${lv.label}` });
    } else c[lv.field].push({ value: lv.value, score: 80 - order, source: `label:${lv.label}` });
  });

  headingCandidates(doc, c);
  const og = doc.querySelector('meta[property="og:title" i]')?.getAttribute('content')?.trim();
  if (og) c.subject.push({ value: og, score: 60, source: 'og:title' });
  const parts = titleParts(doc.title ?? '');
  for (const p of parts) {
    const n = /#\s?(\d{2,12})\b|\[([A-Z0-9#-]*\d+)\]/.exec(p);
    if (n) c.ticketId.push({ value: ticketNumberOf(n[0]) ?? n[1]!, score: 70, source: 'title-number' });
  }
  const titleSubject = parts
    .map((p) => p.replace(/\[?#?\s?[A-Z0-9-]*\d{2,}\]?:?|\(\s*\)/g, '').trim())
    .filter((p) => p.length > 3 && !NUMBER_HEADING.test(p) && !fieldsForLabel(p).length)[0];
  if (titleSubject && parts.length > 1) c.subject.push({ value: titleSubject, score: 45, source: 'title' });
  const crumbs = breadcrumbs(doc);
  const lastCrumb = crumbs.at(-1);
  if (lastCrumb) {
    const n = ticketNumberOf(lastCrumb);
    if (n && NUMBER_HEADING.test(lastCrumb)) c.ticketId.push({ value: n, score: 68, source: 'breadcrumb' });
    else c.subject.push({ value: lastCrumb, score: 48, source: 'breadcrumb' });
  }
  c.ticketId.push(...urlNumbers(url));

  // "Olga Petrova · olga@…": a person's name right before an e-mail address
  for (const el of visibleAll(doc, 'span, i, em, small, a, div, td, dd')) {
    const text = lineText(el);
    if (el.children.length || !/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(text)) continue;
    const prev = el.previousElementSibling;
    const name = prev && isVisible(prev) ? lineText(prev) : '';
    if (PERSON.test(name)) {
      c.customerName.push({ value: name, score: 58, source: 'beside-email' });
      c.customerEmail.push({ value: text, score: 66, source: 'beside-name' });
    }
  }
  const mailtos = mailtoLinks(doc).filter((m) => !NOREPLY.test(m.email) && !inChrome(m.el));
  mailtos.forEach((m, i) => {
    c.customerEmail.push({ value: m.email, score: 62 - i, source: 'mailto' });
    if (m.name) c.customerName.push({ value: stripEmail(m.name), score: 64 - i, source: 'mailto-name' });
  });
  return c;
}

function mainText(doc: Document): string {
  const main = visibleAll(doc, 'main, [role="main"], #content, .content, article')[0] ?? doc.body;
  return main ? blockText(main) : '';
}

/** Any page: every signal it gives, scored, the best per field; what the agent taught for this site wins. */
export function extractGeneric(
  doc: Document,
  selection: string,
  mapping: SiteMapping = {},
  href = doc.location?.href ?? 'http://x/',
): GenericTicket {
  const url = new URL(URL.canParse(href) ? href : 'http://x/');
  const body = doc.body ? lineText(doc.body) : '';
  const emails = emailsIn(body).slice(0, 20);
  const ticketNumbers = [...new Set(body.match(TICKET_NUMBER_RE) ?? [])].slice(0, 20);
  const c = candidates(doc, url);
  for (const e of emails) if (!NOREPLY.test(e)) c.customerEmail.push({ value: e, score: 30, source: 'text' });
  for (const n of ticketNumbers) c.ticketId.push({ value: n.replace(/^#/, ''), score: 30, source: 'text' });

  const taught: Partial<Record<TeachableField, string>> = {};
  const warnings: string[] = [];
  for (const f of TEACHABLE_FIELDS) {
    if (!mapping[f] || f === 'note') continue;
    let v = readTaught(doc, mapping[f], f === 'latestMessage');
    if (f === 'ticketId' && v && !mapping[f]!.pattern) v = ticketNumberOf(v) ?? v;
    if (f === 'customerEmail') v = emailsIn(v)[0];
    if (v) taught[f] = v;
    else warnings.push(f);
  }
  const customerName = taught.customerName ?? best(c.customerName);
  const conversation = readConversation(doc, customerName);
  const fromCustomer = conversation.filter((m) => m.from === 'customer');
  const firstAuthor = fromCustomer[0]?.author;
  const name = customerName ?? (firstAuthor ? stripEmail(firstAuthor) : undefined);
  if (name && !taught.customerEmail) {
    // the e-mail written beside the customer's name beats one elsewhere on the page
    const near = mailtoLinks(doc).find((m) => m.name && stripEmail(m.name).toLowerCase() === name.toLowerCase());
    if (near) c.customerEmail.push({ value: near.email, score: 86, source: 'mailto-beside-name' });
  }
  const latest = taught.latestMessage ?? fromCustomer.at(-1)?.text;
  const first = fromCustomer[0]?.text;
  const sel = cleanBlock(selection);
  return {
    ticketId: taught.ticketId ?? best(c.ticketId),
    subject: taught.subject ?? best(c.subject),
    customerName: name,
    customerEmail: taught.customerEmail ?? best(c.customerEmail),
    customerOrg: taught.customerOrg ?? best(c.customerOrg),
    firstMessage: first && first !== latest ? first : undefined,
    latestMessage: taught.latestMessage ?? sel ?? fromCustomer.at(-1)?.text ?? (mainText(doc).slice(0, 5000) || undefined),
    selection: sel,
    site: best(siteNameCandidates(doc)),
    emails,
    ticketNumbers,
    warnings,
  };
}

export { isVisible };
