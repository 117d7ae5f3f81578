import type { Incident } from '@handoff/shared';
import { field, h } from './dom';
import { renderMarkdown } from './markdown';
import type { RenderContext } from './render';

// Customers' words are shown as plain text, never as Markdown.
const MARKDOWN_KINDS = new Set(['comment', 'question', 'answer', 'reproduction']);

/** Hand-overs between L1 and developers stand out in the timeline (see incident.css). */
const HANDOVER_KINDS = new Set(['question', 'answer', 'released', 'verified', 'reproduction']);

/**
 * The timeline, newest first. An incident comes with its latest entries only; when older ones
 * exist, "Show earlier entries" at the end of the list loads the next page of them.
 */
export function renderTimeline(i: Incident, L: Record<string, string>, ctx: RenderContext): HTMLElement {
  const list = h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    ...[...i.timeline].reverse().map((e) =>
      h(
        'li',
        {
          class: `entry kind-${e.kind}${HANDOVER_KINDS.has(e.kind) ? ' handover' : ''}${e.visibility === 'customer' ? ' customer-visible' : ''}`,
          'data-kind': e.kind,
          'data-id': String(e.id),
          'data-visibility': e.visibility,
        },
        h(
          'div',
          { class: 'meta' },
          h('span', { class: 'kind' }, L[`kind.${e.kind}`] ?? e.kind),
          ' · ',
          e.kind === 'customer_comment' || e.kind === 'evaluation' ? L.customerActor! : e.actor.name,
          ' · ',
          h('time', { datetime: e.at }, new Date(e.at).toLocaleString()),
          e.visibility === 'customer' ? h('span', { class: 'badge customer-visible-badge' }, L.visibleToCustomer!) : null,
        ),
        MARKDOWN_KINDS.has(e.kind) ? h('div', { class: 'markdown' }, renderMarkdown(e.text)) : h('div', { class: 'text' }, e.text),
        e.kind === 'reproduction' ? reproductionFacts(e.data, L) : null,
        e.kind === 'customer_comment' ? commentImage(i, e.data.attachmentId, L) : null,
      ),
    ),
  );
  if (!i.earlierTimeline) return list;
  return h('div', {}, list, earlierButton(L, ctx));
}

function earlierButton(L: Record<string, string>, ctx: RenderContext): HTMLElement {
  const button = h('vscode-button', { id: 'timeline-earlier', secondary: true }, L.earlierEntries);
  const status = h('span', { class: 'result', role: 'status' });
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = L.working!;
    ctx.act({ type: 'loadEarlier' }, (ok, message) => {
      // on success the panel re-renders with the older entries (and without this button when none are left)
      button.disabled = false;
      status.textContent = ok ? '' : (message ?? '');
      status.className = ok ? 'result' : 'result error';
    });
  });
  return h('div', { class: 'row earlier' }, button, status);
}

/** Result and environment of a reproduction entry (its data: { result, notes, environment }). */
function reproductionFacts(data: Record<string, unknown>, L: Record<string, string>): HTMLElement | null {
  const result = data.result === 'reproduced' ? L.reproducedResult : data.result === 'not_reproduced' ? L.notReproducedResult : null;
  const env = data.environment && typeof data.environment === 'object' ? Object.entries(data.environment as Record<string, unknown>) : [];
  if (!result && !env.length) return null;
  return h('dl', { class: 'kv repro-facts' }, result ? field(L.reproduction!, result) : null, ...env.map(([k, v]) => field(k, String(v))));
}

/** The customer's image on their comment: named here, shown with the incident's other attachments. */
function commentImage(i: Incident, attachmentId: unknown, L: Record<string, string>): HTMLElement | null {
  const a = i.attachments.find((x) => x.id === attachmentId);
  if (!a) return null;
  return h('p', { class: 'entry-attachment' }, h('a', { href: `#attachment-${a.id}` }, L.customerImage!.replace('{0}', a.name)));
}
