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
});
