import type { ExtensionToPanel } from '../../webviews/incident/protocol';
import { renderActions } from './actionsView';
import { field, h } from './dom';
import type { RenderContext } from './render';

type OutlineMessage = Extract<ExtensionToPanel, { type: 'outline' }>;

/**
 * Another team's incident: what everyone may see of it (enough to recognise a duplicate), the line
 * saying whose it is and whom to ask, and only what the model offers on it (normally: Refresh).
 */
export function renderOutline(msg: OutlineMessage, ctx: RenderContext): HTMLElement {
  const { outline: o, labels: L } = msg;
  return h(
    'article',
    { class: 'incident outline', 'data-reference': o.reference, 'data-access': 'summary' },
    h(
      'header',
      {},
      h('h1', { id: 'title' }, h('span', { class: 'ref' }, o.reference), ' ', h('span', { class: 'title-text' }, o.title)),
      h('p', { class: 'badges' }, h('span', { class: `badge status-${o.status}`, id: 'status' }, L[`status.${o.status}`] ?? o.status)),
    ),
    h('p', { class: 'whose', id: 'whose', role: 'note' }, msg.whose),
    h(
      'dl',
      { class: 'facts' },
      field(L.team!, o.team ?? '—'),
      h('div', { class: 'field', id: 'owner' }, h('dt', {}, L.owner!), h('dd', {}, o.owner?.name ?? L.unassigned!)),
      field(L.customers!, String(o.affectedCustomers)),
      o.duplicateOf ? field(L.duplicateOf!, o.duplicateOf) : null,
      o.fixedInVersion ? field(L.fixedInVersion!, o.fixedInVersion) : null,
      field(L.updated!, h('time', { datetime: o.updatedAt }, new Date(o.updatedAt).toLocaleString())),
    ),
    o.workaround ? h('section', {}, h('h2', {}, L.workaround!), h('p', { class: 'pre', id: 'workaround' }, o.workaround)) : null,
    h('section', {}, h('h2', {}, L.actions!), renderActions(msg.offer, L, [], ctx)),
  );
}
