import { describe, expect, it } from 'vitest';
import type { IncidentEvent, User } from '@handoff/shared';
import { noticeFor } from './notifications';

const me: User = { id: 3, name: 'Dev Dana', role: 'developer', teams: ['platform'] };
const lead = { id: 4, name: 'Lee Lead' };
const agent = { id: 1, name: 'Alice Agent' };
function event(patch: Partial<IncidentEvent>): IncidentEvent {
  return {
    id: '1', at: '2026-11-23T10:00:00Z', reference: 'INC-7', kind: 'assigned', text: '', actor: lead, title: 'Crash',
    status: 'triaged', team: 'platform', owner: null, reporter: agent, ...patch,
  };
}

describe('noticeFor', () => {
  it('notifies about incidents assigned to me and to my teams', () => {
    expect(noticeFor(event({ owner: { id: 3, name: 'Dev Dana' } }), me)).toMatchObject({ kind: 'assignedToMe', actor: 'Lee Lead' });
    expect(noticeFor(event({ kind: 'created', actor: agent }), me)).toMatchObject({ kind: 'assignedToTeam', team: 'platform' });
    expect(noticeFor(event({ team: 'billing' }), me)).toBeNull();
  });
  it('notifies when L1 answers on my incident, never about my own actions', () => {
    expect(noticeFor(event({ kind: 'answer', actor: agent, owner: { id: 3, name: 'Dev Dana' } }), me)).toMatchObject({ kind: 'answered' });
    expect(noticeFor(event({ kind: 'answer', actor: agent, owner: lead }), me)).toBeNull();
    expect(noticeFor(event({ actor: { id: 3, name: 'Dev Dana' }, owner: { id: 3, name: 'Dev Dana' } }), me)).toBeNull();
  });
});
