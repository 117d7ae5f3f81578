import type { Incident } from '@handoff/shared';
import { h } from './dom';

/**
 * The promise on the incident: the policy (and whether the customer was told) and each target
 * with its due time and state — running, paused while waiting on the customer, warning, breached, met.
 */
export function renderTargets(i: Incident, L: Record<string, string>): HTMLElement | null {
  if (!i.sla) return null;
  const when = (iso: string) => new Date(iso).toLocaleString();
  return h(
    'div',
    { class: 'sla' },
    h('p', { class: 'sla-policy' }, `${i.sla.policy.name} · ${i.sla.policy.customerFacing ? L['sla.customerFacing'] : L['sla.internal']}`),
    h(
      'table',
      { class: 'sla-targets' },
      ...i.sla.targets.map((t) =>
        h(
          'tr',
          { class: `sla-target sla-${t.state}`, 'data-kind': t.kind, 'data-state': t.state },
          h('th', { scope: 'row' }, L[`sla.${t.kind}`] ?? t.kind),
          h('td', { class: 'sla-due' }, t.dueAt ? when(t.dueAt) : t.metAt ? `${L['sla.metAt']} ${when(t.metAt)}` : '—'),
          h('td', { class: 'sla-state' }, L[`slaState.${t.state}`] ?? t.state),
        ),
      ),
    ),
  );
}
