import { lineText } from './text';
import { isVisible, visibleAll } from './visible';

/** Helpdesk products an agent may work in, found by name in a page's generator, footer or title. */
export const KNOWN_HELPDESKS = [
  'osTicket',
  'OTRS',
  'Znuny',
  'Redmine',
  'GLPI',
  'Request Tracker',
  'FreeScout',
  'UVdesk',
  'Trudesk',
  'Faveo',
  'HESK',
  'Deskpro',
  'Spiceworks',
  'Kayako',
  'LiveAgent',
  'HappyFox',
  'Jitbit',
  'SysAid',
  'ServiceDesk Plus',
  'Zoho Desk',
  'Front',
  'Gorgias',
  'Freshservice',
  'Dynamics 365',
  'Chatwoot',
  'Helpy',
  'iTop',
  'OpenSupports',
  'MantisBT',
  'Bugzilla',
  'Zammad',
  'Zendesk',
  'Freshdesk',
  'Help Scout',
  'Intercom',
  'ServiceNow',
  'HubSpot',
  'Salesforce',
  'Jira Service Management',
  'Teamwork Desk',
  'Groove',
  'Kustomer',
  'Gladly',
  'Re:amaze',
  'Desk365',
  'Helpshift',
  'TOPdesk',
  'Ivanti',
  'BMC Helix',
] as const;

const knownIn = (text: string): string | undefined => {
  const lower = text.toLowerCase();
  return KNOWN_HELPDESKS.find((n) =>
    new RegExp(`(^|[^a-z])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z])`).test(lower),
  );
};

export interface Candidate {
  value: string;
  score: number;
  source: string;
}

const meta = (doc: Document, sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || undefined;

/** The helpdesk's name from the page itself: generator, "Powered by", og:site_name, application-name, the title's tail. */
export function siteNameCandidates(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  const gen = meta(doc, 'meta[name="generator" i]');
  if (gen) out.push({ value: knownIn(gen) ?? gen.replace(/\s+v?\d[\w.-]*$/, ''), score: 90, source: 'generator' });
  for (const el of Array.from(doc.querySelectorAll('a, span, div, p, small, footer, img[alt]'))) {
    const text = el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : el.children.length <= 2 ? (el.textContent ?? '') : '';
    const m = /powered by\s+([^\s©|,.;][^|,;©]{1,40}?)(?:\s*[|,;©]|\s*$|\s+v?\d)/i.exec(text.replace(/\s+/g, ' ').trim());
    if (m) {
      out.push({ value: knownIn(m[1]!) ?? m[1]!.trim(), score: 85, source: 'powered-by' });
      break;
    }
  }
  const app = meta(doc, 'meta[name="application-name" i]');
  if (app) out.push({ value: knownIn(app) ?? app, score: 80, source: 'application-name' });
  const og = meta(doc, 'meta[property="og:site_name" i]');
  if (og) out.push({ value: knownIn(og) ?? og, score: knownIn(og) ? 82 : 70, source: 'og:site_name' });
  const title = doc.title ?? '';
  const k = knownIn(title);
  if (k) out.push({ value: k, score: 75, source: 'title' });
  for (const img of visibleAll(
    doc,
    'header img[alt], #logo img[alt], .logo img[alt], img[class*="logo" i][alt], a[id*="logo" i] img[alt]',
  )) {
    const alt = img.getAttribute('alt')!.trim();
    if (alt) out.push({ value: knownIn(alt) ?? alt.split(/\s[—–-]\s/)[0]!, score: knownIn(alt) ? 72 : 45, source: 'logo' });
  }
  const parts = titleParts(title);
  if (parts.length > 1) out.push({ value: parts.at(-1)!, score: 40, source: 'title-tail' });
  const body = knownIn(lineText(doc.body ?? doc.documentElement).slice(-3000));
  if (body) out.push({ value: body, score: 35, source: 'footer-text' });
  return out;
}

/** "Printer jam [#4411] – Acme Support" → ["Printer jam [#4411]", "Acme Support"]. */
export function titleParts(title: string): string[] {
  return title
    .split(/\s+(?:[|–—·»:]{1,2}|-)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

type Json = Record<string, unknown>;

function walkJson(v: unknown, visit: (o: Json) => void, depth = 0): void {
  if (depth > 6 || !v || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) walkJson(x, visit, depth + 1);
    return;
  }
  visit(v as Json);
  for (const x of Object.values(v as Json)) walkJson(x, visit, depth + 1);
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** schema.org JSON-LD and microdata: a headline/name, an identifier, the author (name, e-mail). */
export function structuredData(doc: Document): Partial<Record<'subject' | 'ticketId' | 'customerName' | 'customerEmail', string>> {
  const out: Partial<Record<'subject' | 'ticketId' | 'customerName' | 'customerEmail', string>> = {};
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    walkJson(data, (o) => {
      const type = String(o['@type'] ?? '');
      if (/Person|Organization/.test(type)) return;
      out.subject ??= str(o.headline) ?? str(o.name);
      out.ticketId ??= str(o.identifier) ?? str((o.identifier as Json | undefined)?.value);
      const author = (Array.isArray(o.author) ? o.author[0] : o.author) as Json | undefined;
      if (author && typeof author === 'object') {
        out.customerName ??= str(author.name);
        out.customerEmail ??= str(author.email)?.replace(/^mailto:/, '');
      }
    });
  }
  const item = (sel: string) => {
    const el = visibleAll(doc, sel)[0];
    return el ? (el.getAttribute('content') ?? el.getAttribute('href')?.replace(/^mailto:/, '') ?? lineText(el)) || undefined : undefined;
  };
  out.subject ??= item('[itemscope] > [itemprop="headline"], [itemscope] > [itemprop="name"]:not([itemscope] [itemscope] *)');
  out.ticketId ??= item('[itemprop="identifier"]');
  out.customerName ??= item('[itemprop="author"] [itemprop="name"], [itemprop="author"][itemscope] [itemprop="name"]');
  out.customerEmail ??= item('[itemprop="author"] [itemprop="email"], [itemprop="email"]');
  return out;
}

/** Visible mailto: links with the name beside them (the link's own text, or the text just before it). */
export function mailtoLinks(doc: Document): { email: string; name?: string; el: Element }[] {
  return visibleAll(doc, 'a[href^="mailto:" i]').map((a) => {
    const email = decodeURIComponent(
      a
        .getAttribute('href')!
        .replace(/^mailto:/i, '')
        .split('?')[0]!,
    ).trim();
    const text = lineText(a);
    let name = text && !text.includes('@') ? text : undefined;
    if (!name) {
      const prev = a.previousElementSibling;
      const before = (prev && isVisible(prev) ? lineText(prev) : (a.previousSibling?.textContent ?? '')).replace(/[<(:,]\s*$/, '').trim();
      if (before && before.length < 60 && !before.includes('@') && /\p{L}/u.test(before)) name = before;
    }
    return { email, name, el: a };
  });
}

/** Visible breadcrumb trail texts. */
export function breadcrumbs(doc: Document): string[] {
  const trail = visibleAll(doc, 'nav[aria-label*="breadcrumb" i], .breadcrumb, .breadcrumbs, [class*="breadcrumb" i]')[0];
  if (!trail) return [];
  return visibleAll(trail, 'li, a, span')
    .map(lineText)
    .filter((s, i, all) => s && all.indexOf(s) === i);
}

/** Numbers in the URL that look like a ticket's: `/tickets/4411`, `?id=4411`, `#ticket/zoom/4411`, `/SUP-217`. */
export function urlNumbers(url: URL): Candidate[] {
  const out: Candidate[] = [];
  const path = decodeURIComponent(url.pathname + url.hash);
  const key = /\b([A-Z][A-Z0-9]{1,9}-\d{1,7})\b/.exec(path);
  if (key) out.push({ value: key[1]!, score: 62, source: 'url-key' });
  const named =
    /(?:ticket|tickets|case|cases|request|requests|issue|issues|incident|conversation|conversations|view|zoom|show)[/=_-](\d{1,12})\b/i.exec(
      path,
    );
  if (named) out.push({ value: named[1]!, score: 60, source: 'url-path' });
  for (const p of ['id', 'ticket', 'ticket_id', 'ticketid', 'tid', 'case', 'number', 'TicketID', 'TicketNumber', 'track']) {
    const v = url.searchParams.get(p);
    if (v && /^[A-Z0-9-]{1,20}$/i.test(v) && /\d/.test(v)) out.push({ value: v, score: 58, source: `url-${p}` });
  }
  const last = /\/(\d{2,12})(?:\/?$|[/?#])/.exec(path);
  if (last) out.push({ value: last[1]!, score: 40, source: 'url-number' });
  return out;
}
