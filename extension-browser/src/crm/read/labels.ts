import { lineText } from './text';
import { isVisible } from './visible';

export type LabelledField = 'ticketId' | 'subject' | 'customerName' | 'customerEmail' | 'customerOrg';

/** Labels helpdesks put before a value, in English, German and French (compared lower-case, without ":" or "#"). */
export const LABELS: Record<LabelledField, readonly string[]> = {
  ticketId: [
    'ticket',
    'ticket number',
    'ticket no',
    'ticket no.',
    'ticket id',
    'ticket nr',
    'id',
    'number',
    'no.',
    'case',
    'case number',
    'case id',
    'request',
    'request id',
    'request number',
    'reference',
    'ref',
    'issue',
    'incident',
    'conversation',
    'ticketnummer',
    'ticket-nr',
    'ticket-nr.',
    'nummer',
    'nr',
    'nr.',
    'vorgang',
    'vorgangsnummer',
    'anfrage',
    'anfragenummer',
    'fall',
    'numéro',
    'numéro de ticket',
    'n°',
    'no',
    'demande',
    'référence',
    'ticket n°',
    'dossier',
  ],
  subject: [
    'subject',
    'title',
    'summary',
    'topic',
    'issue summary',
    'short description',
    'betreff',
    'titel',
    'thema',
    'zusammenfassung',
    'kurzbeschreibung',
    'objet',
    'sujet',
    'titre',
    'résumé',
  ],
  customerName: [
    'requester',
    'requestor',
    'requesters',
    'requestors',
    'customer',
    'contact',
    'from',
    'user',
    'client',
    'name',
    'full name',
    'requested by',
    'reporter',
    'reported by',
    'submitted by',
    'opened by',
    'caller',
    'end user',
    'owner name',
    'anfragender',
    'anfragesteller',
    'anforderer',
    'antragsteller',
    'kunde',
    'kontakt',
    'von',
    'absender',
    'benutzer',
    'melder',
    'ersteller',
    'demandeur',
    'client',
    'expéditeur',
    'utilisateur',
    'nom',
    'de',
    'auteur',
  ],
  customerEmail: [
    'email',
    'e-mail',
    'mail',
    'email address',
    'e-mail address',
    'e-mail-adresse',
    'adresse e-mail',
    'courriel',
    'adresse électronique',
  ],
  customerOrg: ['organization', 'organisation', 'company', 'account', 'firma', 'unternehmen', 'société', 'entreprise', 'organisme'],
};

const LOOKUP = new Map<string, LabelledField[]>();
for (const [field, words] of Object.entries(LABELS) as [LabelledField, readonly string[]][])
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), field]);

/** "Ticket #:" → "ticket"; "E-Mail-Adresse :" → "e-mail-adresse". */
export function normLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/[:：*#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function fieldsForLabel(s: string): LabelledField[] {
  return LOOKUP.get(normLabel(s)) ?? [];
}

export interface LabelledValue {
  field: LabelledField;
  label: string;
  value: string;
  /** The element holding the value (for teach mode's "value next to label"). */
  el: Element | null;
}

function valueElementFor(labelEl: Element): Element | null {
  const doc = labelEl.ownerDocument;
  if (labelEl.tagName === 'LABEL') {
    const id = labelEl.getAttribute('for');
    const byId = id ? doc.getElementById(id) : null;
    if (byId) return byId;
    const inner = labelEl.querySelector('input, textarea, select');
    if (inner) return inner;
  }
  if (labelEl.tagName === 'DT') return labelEl.nextElementSibling?.tagName === 'DD' ? labelEl.nextElementSibling : null;
  let next = labelEl.nextElementSibling;
  while (next && !isVisible(next)) next = next.nextElementSibling;
  if (next) return next;
  // <div><span>Label</span></div><div>value</div>
  const parent = labelEl.parentElement;
  if (parent && parent.children.length === 1) {
    let pn = parent.nextElementSibling;
    while (pn && !isVisible(pn)) pn = pn.nextElementSibling;
    return pn;
  }
  return null;
}

const LABEL_TAGS = 'th, dt, label, td, span, b, strong, div, p, li, em, small, h4, h5, h6, legend';

/**
 * Every "Label: value" on the page whose label names one of our fields: table rows, definition lists,
 * form labels, "<b>From:</b> Jane" and "Subject: text" on one line. Hidden parts are skipped.
 */
export function labelledValues(doc: Document): LabelledValue[] {
  const found: LabelledValue[] = [];
  for (const el of Array.from(doc.querySelectorAll(LABEL_TAGS))) {
    const own = el.textContent ?? '';
    if (own.length > 60 || !own.trim()) continue;
    if (el.children.length > 2 || el.querySelector('input, textarea, select, button')) continue;
    if (Array.from(el.children).some((c) => (c.textContent ?? '').trim() === own.trim())) continue; // the child is the label
    const fields = fieldsForLabel(own);
    if (fields.length && isVisible(el)) {
      const v = valueElementFor(el);
      const value = v && isVisible(v) ? lineText(v) : '';
      if (value && value.length < 400 && !fieldsForLabel(value).length)
        for (const field of fields) found.push({ field, label: own.trim(), value, el: v });
      continue;
    }
    // "Subject: Printer on fire" in one element
    const m = /^\s*([^:：]{1,30})[:：]\s*(.+)$/s.exec(own);
    if (m && el.children.length <= 1 && isVisible(el))
      for (const field of fieldsForLabel(m[1]!)) found.push({ field, label: m[1]!.trim(), value: m[2]!.replace(/\s+/g, ' ').trim(), el });
  }
  // Form fields named by aria-label or placeholder-less labels
  for (const el of Array.from(doc.querySelectorAll('input[aria-label], textarea[aria-label], [aria-label][role="textbox"]'))) {
    const fields = fieldsForLabel(el.getAttribute('aria-label') ?? '');
    const value = lineText(el);
    if (value && isVisible(el)) for (const field of fields) found.push({ field, label: el.getAttribute('aria-label')!, value, el });
  }
  return found;
}
