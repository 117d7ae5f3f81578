import { blockText, lineText } from './text';
import { isVisible } from './visible';

export interface Message {
  author?: string | undefined;
  from: 'customer' | 'staff' | 'unknown';
  text: string;
}

const CUSTOMER =
  /(?:^|[\s_-])(message|customer|requester|requestor|incoming|inbound|client|external|end-?user|from-customer|is-customer|contact|question|user-comment|customer-comment)(?:$|[\s_-])/i;
const STAFF =
  /(?:^|[\s_-])(response|reply|agent|staff|outgoing|outbound|note|internal|admin|operator|support|employee|is-agent|system|event|private)(?:$|[\s_-])/i;
const ENTRY =
  /(thread|message|msg|article|comment|entry|post|reply|response|note|conversation|timeline|chat|bubble|history|journal|item|transaction)/i;
const INLINE = new Set(['SPAN', 'I', 'B', 'A', 'STRONG', 'EM', 'SMALL', 'LABEL', 'CODE', 'TIME', 'IMG', 'BUTTON', 'INPUT']);
/** The opening message shown apart from the replies (Redmine's description, Trudesk's initial issue). */
const OPENING =
  /(?:^|[\s_-])(description|initial-issue|issue-body|ticket-description|original-message|first-message|ticket-body|request-body)(?:$|[\s_-])/i;
const HEADER = /(header|meta|author|sender|from|byline|info|name|user|poster|who)/i;
const BODY = /(body|content|text|message|richtext|markdown|html|description)/i;

const sig = (el: Element) =>
  `${el.tagName}.${(typeof el.className === 'string' ? el.className : '').split(/\s+/).filter((c) => c && !/\d/.test(c))[0] ?? ''}`;
const attrs = (el: Element) =>
  [
    el.id,
    typeof el.className === 'string' ? el.className : '',
    ...Array.from(el.attributes)
      .filter((a) => a.name.startsWith('data-') && a.value !== 'false')
      .map((a) => `${a.name}-${a.value}`),
  ].join(' ');

/** The repeated elements that look like a conversation's entries: siblings of one kind, with text, named like messages. */
function findEntries(doc: Document): Element[] {
  let best: { els: Element[]; score: number } | null = null;
  for (const parent of Array.from(doc.querySelectorAll('body, body *'))) {
    if (parent.children.length < 1 || !isVisible(parent)) continue;
    const groups = new Map<string, Element[]>();
    for (const c of Array.from(parent.children)) {
      if (INLINE.has(c.tagName) || (!ENTRY.test(attrs(c)) && c.tagName !== 'ARTICLE')) continue;
      const k = sig(c);
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    for (const els of groups.values()) {
      const shown = els.filter(isVisible);
      const texts = shown.map((e) => lineText(e).length);
      const withText = texts.filter((n) => n >= 15).length;
      if (!withText) continue;
      const score =
        withText * 10 +
        Math.min(
          2000,
          texts.reduce((a, b) => a + b, 0),
        ) /
          100 +
        (shown.length > 1 ? 20 : 0);
      if (!best || score > best.score) best = { els: shown, score };
    }
  }
  return best?.els ?? [];
}

const AUTHOR_INSIDE =
  '[class*="author" i], [class*="sender" i], [class*="person" i], [class*="user" i], a[href*="user" i], a[href*="customer" i], [class*="name" i], b, strong, [class*="bold" i]';

/** "<hans@x.example> (Hans Meier)" → "Hans Meier"; "root (Enoch Root)" → "Enoch Root"; "Jane Doe posted" → "Jane Doe". */
export function personName(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  const paren = /^\S+\s+\(([^()]+)\)$/.exec(t) ?? /^<?[^\s<>]+@[^\s<>]+>?\s*\(([^()]+)\)$/.exec(t);
  if (paren) return paren[1]!.trim();
  return t
    .replace(/\s*<[^>]*>\s*/g, ' ')
    .replace(/\s+(posted|wrote|replied|added a note|schrieb|a écrit|said|-\s.*)$/i, '')
    .replace(/^(created by|added by|erstellt von|ajouté par|mis à jour par|updated by)\s+/i, '')
    .trim();
}

function authorOf(entry: Element): string | undefined {
  for (const el of Array.from(entry.querySelectorAll('*'))) {
    if (!HEADER.test(attrs(el)) || !isVisible(el)) continue;
    for (const inner of [...Array.from(el.querySelectorAll(AUTHOR_INSIDE)), el]) {
      if (!isVisible(inner)) continue;
      const t = personName(lineText(inner));
      if (t && t.length < 80 && /\p{L}{2}/u.test(t)) return t;
    }
  }
  return undefined;
}

/** The opening message when the page shows it apart from the replies, else undefined. */
function openingMessage(doc: Document, entries: Element[]): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    if (!OPENING.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`)) continue;
    if (entries.some((e) => e.contains(el) || el.contains(e)) || !isVisible(el)) continue;
    const text = trimMessage(blockText(el).replace(/^(description|beschreibung)\s*\n/i, ''));
    if (text.length >= 30) return text;
  }
  return undefined;
}

function bodyOf(entry: Element): string {
  const bodies = Array.from(entry.querySelectorAll('*')).filter((el) => BODY.test(attrs(el)) && !HEADER.test(attrs(el)) && isVisible(el));
  const outer = bodies.filter((b) => !bodies.some((o) => o !== b && o.contains(b)));
  if (outer.length) return outer.map(blockText).join('\n\n');
  return blockText(entry);
}

function roleOf(entry: Element): Message['from'] {
  const own = attrs(entry);
  if (STAFF.test(own)) return 'staff';
  if (CUSTOMER.test(own)) return 'customer';
  const inner = Array.from(entry.querySelectorAll('[class], [data-role], [data-author-type], [data-sender]'))
    .slice(0, 20)
    .map(attrs)
    .join(' ');
  if (/(?:^|[\s_-])(agent|staff|admin|operator|outgoing|internal)(?:$|[\s_-])/i.test(inner)) return 'staff';
  if (/(?:^|[\s_-])(customer|requester|incoming|client|end-?user)(?:$|[\s_-])/i.test(inner)) return 'customer';
  return 'unknown';
}

const QUOTE_START = [
  /^On .{5,120} wrote:$/i,
  /^Am .{5,120} schrieb .{1,80}:$/i,
  /^Le .{5,120} a écrit\s?:$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}/i,
  /^(From|Von|De)\s*:\s.+@/i,
  /^_{5,}$/,
];
const SIGNATURE_START = [
  /^-- ?$/,
  /^(Best regards|Kind regards|Regards|Thanks|Thank you|Cheers|Best|Mit freundlichen Grüßen|Viele Grüße|Beste Grüße|Gruß|Grüße|Cordialement|Bien cordialement|Merci|Salutations)[,!.]?$/i,
  /^Sent from my /i,
];

/** A message without the quoted history below it and the sign-off/signature at its end. */
export function trimMessage(text: string): string {
  const lines = text.split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.startsWith('>') || QUOTE_START.some((r) => r.test(l))) {
      end = i;
      break;
    }
  }
  for (let i = 1; i < end; i++)
    if (SIGNATURE_START.some((r) => r.test(lines[i]!.trim()))) {
      end = i;
      break;
    }
  return lines.slice(0, end).join('\n').trim() || text.trim();
}

/**
 * The conversation on a ticket page, oldest first, each message marked as the customer's or staff's.
 * Unmarked entries count as the customer's when their author is the customer (or wrote the first message).
 */
export function readConversation(doc: Document, customerName?: string): Message[] {
  const entries = findEntries(doc);
  const msgs: Message[] = entries.map((e) => ({ author: authorOf(e), from: roleOf(e), text: trimMessage(bodyOf(e)) }));
  // A class every entry has ("message" on all of RT's transactions) tells nobody apart: go by author then.
  const authors = new Set(msgs.map((m) => m.author?.toLowerCase()).filter(Boolean));
  if (msgs.length > 1 && authors.size > 1 && msgs.every((m) => m.from === msgs[0]!.from)) for (const m of msgs) m.from = 'unknown';
  const firstAuthor = msgs.find((m) => m.from !== 'staff')?.author;
  for (const m of msgs) {
    if (m.from !== 'unknown') continue;
    const who = m.author?.toLowerCase();
    if (who && customerName && (who.includes(customerName.toLowerCase()) || customerName.toLowerCase().includes(who))) m.from = 'customer';
    else if (who && firstAuthor && who === firstAuthor.toLowerCase()) m.from = 'customer';
    else if (!m.author && msgs.indexOf(m) === 0) m.from = 'customer';
  }
  const opening = openingMessage(doc, entries);
  if (opening && !msgs.some((m) => m.text.includes(opening.slice(0, 40))))
    msgs.unshift({ author: customerName, from: 'customer', text: opening });
  return msgs.filter((m) => m.text);
}
