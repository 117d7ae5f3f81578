import type { IncidentSummary } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { incident, outline } from '../test/fixtures';
import { IncidentNode } from './nodes';
import { listItemOf } from './treeModel';

describe('IncidentNode', () => {
  it('offers the inline actions on an incident seen in full', () => {
    const node = new IncidentNode(listItemOf(incident({ owner: { id: 3, name: 'Dev Dana' } })));
    expect([node.label, node.description, node.contextValue]).toEqual(['INC-7 SSO login loops', 'New · Dev Dana', 'handoff.incident']);
  });
  it('marks another team’s incident as an outline: whose it is, and no inline actions', () => {
    const node = new IncidentNode(outline({ status: 'triaged', owner: { id: 4, name: 'Lee Lead' } }));
    expect([node.description, node.contextValue]).toEqual(['Triaged · Lee Lead · team billing', 'handoff.incidentOutline']);
    expect((node.tooltip as { value: string }).value).toBe(
      'INC-8: Invoice shows the old number of seats\n\nINC-8 belongs to team billing and is owned by Lee Lead. You see its summary only — ask its team or a lead.',
    );
  });
  it('leads with the time left on the next service-level target and turns the clock red once breached', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    const sla = (dueAt: string, state: 'running' | 'warning') => ({
      policy: { id: 'high', name: 'High', customerFacing: true, calendar: 'office-de' },
      targets: [{ kind: 'first_response' as const, dueAt, state, metAt: null, remainingMs: null }],
    });
    const summary = listItemOf(incident()) as IncidentSummary;
    const running = new IncidentNode({ ...summary, sla: sla('2026-11-30T12:05:00Z', 'running') }, now);
    expect([running.description, (running.iconPath as { id: string }).id]).toEqual(['2 h 5 min left · New · unassigned', 'warning']);
    const warned = new IncidentNode({ ...summary, sla: sla('2026-11-30T10:40:00Z', 'warning') }, now);
    expect([warned.description, (warned.iconPath as { id: string; color: { id: string } }).color.id]).toEqual([
      '40 min left · New · unassigned',
      'list.warningForeground',
    ]);
    const breached = new IncidentNode({ ...summary, sla: sla('2026-11-30T09:30:00Z', 'warning') }, now);
    expect([breached.description, (breached.iconPath as { id: string; color: { id: string } }).color.id]).toEqual([
      '30 min overdue · New · unassigned',
      'errorForeground',
    ]);
  });
});
