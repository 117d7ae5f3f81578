import { crmSystemName, type Incident } from '@handoff/shared';
import type { ExtensionToPanel, PanelAction, PanelToExtension } from '../../webviews/incident/protocol';
import { h, field } from './dom';
import { renderMarkdown } from './markdown';
import { renderActions } from './actionsView';
import { renderTimeline } from './timelineView';
import { renderTargets } from './slaView';

type IncidentMessage = Extract<ExtensionToPanel, { type: 'incident' }>;

export interface RenderContext {
  send(message: PanelToExtension): void;
  act(action: PanelAction, done: (ok: boolean, message?: string) => void): void;
}

/** Builds the whole panel from a validated incident message; all text goes in as text nodes. */
export function renderIncident(msg: IncidentMessage, ctx: RenderContext): HTMLElement {
  const { incident: i, labels: L } = msg;
  const st = (s: string) => L[`status.${s}`] ?? s;
  return h(
    'article',
    { class: 'incident', 'data-reference': i.reference, 'data-access': 'full' },
    h(
      'header',
      {},
      h('h1', { id: 'title' }, h('span', { class: 'ref' }, i.reference), ' ', h('span', { class: 'title-text' }, i.title)),
      h(
        'p',
        { class: 'badges' },
        h('span', { class: `badge status-${i.status}`, id: 'status' }, st(i.status)),
        h('span', { class: `badge severity-${i.severity}` }, i.severity),
      ),
      msg.customerLinks === null
        ? null
        : h(
            'p',
            { class: 'shared-note', id: 'shared', 'data-links': String(msg.customerLinks) },
            msg.customerLinks > 0 ? L.sharedWithCustomer!.replace('{0}', String(msg.customerLinks)) : L.notShared!,
          ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('div', { class: 'field', id: 'owner' }, h('dt', {}, L.owner!), h('dd', {}, i.owner?.name ?? L.unassigned!)),
      field(L.team!, i.team ?? '—'),
      field(L.customers!, String(i.affectedCustomers)),
      i.duplicateOf ? field(L.duplicateOf!, i.duplicateOf) : null,
      i.fixedInVersion ? field(L.fixedInVersion!, i.fixedInVersion) : null,
      field(L.customer!, [i.customer.name, i.customer.org, i.customer.email].filter(Boolean).join(' · ')),
      field(L.crmTicket!, crmLink(i, L, ctx)),
      field(L.product!, [i.product, i.version, i.component].filter(Boolean).join(' · ')),
      field(L.category!, msg.categoryLabel ?? i.category),
    ),
    i.sla ? section(L['sla.title']!, renderTargets(i, L)) : null,
    section(L.environment!, envList(i)),
    section(L.answers!, answers(msg)),
    i.description ? section(L.description!, h('div', { class: 'markdown', id: 'description' }, renderMarkdown(i.description))) : null,
    section(L.steps!, steps(msg, ctx), i.reproducedByAgent ? h('p', { class: 'note' }, L.reproducedByAgent) : null),
    i.workaround ? section(L.workaround!, h('p', { class: 'pre' }, i.workaround)) : null,
    i.attachments.length ? section(L.attachments!, attachments(i, L, ctx)) : null,
    section(L.actions!, renderActions(msg.offer, L, msg.releaseVersions, ctx)),
    section(L.timeline!, renderTimeline(i, L, ctx)),
  );
}

function section(title: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), ...body);
}

/** The helpdesk by its proper name ("Zendesk 4821"), never by its id. */
export function helpdeskName(system: string, L: Record<string, string>): string {
  return crmSystemName(system) ?? (system === 'other' ? (L.otherHelpdesk ?? system) : system);
}

function crmLink(i: Incident, L: Record<string, string>, ctx: RenderContext): Node {
  const label = [helpdeskName(i.crm.system, L), i.crm.ticketId].filter(Boolean).join(' ');
  const url = i.crm.url;
  if (!url || !/^https?:\/\//i.test(url)) return document.createTextNode(label);
  const a = h('a', { href: url, id: 'crm-link' }, label || url);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    ctx.send({ type: 'openLink', url });
  });
  return a;
}

function envList(i: Incident): HTMLElement {
  const entries = Object.entries(i.environment);
  if (!entries.length) return h('p', { class: 'muted' }, '—');
  return h('dl', { class: 'kv' }, ...entries.map(([k, v]) => field(k, v)));
}

function answers(msg: IncidentMessage): HTMLElement {
  const { incident: i, questions, labels: L } = msg;
  const known = new Set(questions.map((q) => q.id));
  const rows = questions.map((q) =>
    h(
      'div',
      { class: 'qa', 'data-question': q.id },
      h('dt', { title: q.why }, q.text),
      h('dd', {}, i.answers[q.id]?.trim() ? i.answers[q.id]! : h('span', { class: 'muted' }, L.noAnswer)),
    ),
  );
  for (const [id, answer] of Object.entries(i.answers)) {
    if (!known.has(id)) rows.push(h('div', { class: 'qa', 'data-question': id }, h('dt', {}, id), h('dd', {}, answer)));
  }
  return h('dl', { class: 'answers' }, ...rows);
}

function steps(msg: IncidentMessage, ctx: RenderContext): HTMLElement {
  const { incident: i, labels: L } = msg;
  if (!i.steps.length) return h('p', { class: 'muted' }, L.noSteps);
  const checked = new Set(msg.checkedSteps);
  return h(
    'ol',
    { class: 'steps', id: 'steps' },
    ...i.steps.map((s, index) => {
      const box = h('vscode-checkbox', { id: `step-${index}`, checked: checked.has(index) }, h('span', { class: 'action' }, s.action));
      box.addEventListener('change', () => ctx.send({ type: 'stepToggled', index, done: box.checked }));
      return h(
        'li',
        {},
        box,
        s.expected ? h('div', { class: 'expected' }, h('strong', {}, `${L.expected}: `), s.expected) : null,
        s.actual ? h('div', { class: 'actual' }, h('strong', {}, `${L.actual}: `), s.actual) : null,
      );
    }),
  );
}

function attachments(i: Incident, L: Record<string, string>, ctx: RenderContext): HTMLElement {
  return h(
    'ul',
    { class: 'attachments' },
    ...i.attachments.map((a) => {
      const holder = h('div', { class: 'attachment-body' });
      const button = h('vscode-button', { secondary: true }, L.loadAttachment);
      button.addEventListener('click', () => ctx.send({ type: 'loadAttachment', id: a.id }));
      document.addEventListener('handoff-attachment', (e) => {
        const d = (e as CustomEvent<Extract<ExtensionToPanel, { type: 'attachment' }>>).detail;
        if (d.id !== a.id) return;
        if (d.mediaType === 'text/plain') holder.replaceChildren(h('pre', {}, decodeBase64Text(d.dataBase64)));
        else holder.replaceChildren(h('img', { src: `data:${d.mediaType};base64,${d.dataBase64}`, alt: a.name }));
        button.remove();
      });
      return h('li', { id: `attachment-${a.id}` }, `${a.name} (${Math.ceil(a.size / 1024)} KB) `, button, holder);
    }),
  );
}

function decodeBase64Text(b64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
}
