import { describe, expect, it } from 'vitest';
import type { FullIncidentEvent, IncidentEvent, User } from '@handoff/shared';
import { noticeFor } from './notifications';

const me: User = { id: 3, name: 'Dev Dana', role: 'developer', teams: ['platform'] };
const lead = { id: 4, name: 'Lee Lead' };
const agent = { id: 1, name: 'Alice Agent' };
function event(patch: Partial<FullIncidentEvent>): FullIncidentEvent {
  return {
    access: 'full',
    id: '1',
    at: '2026-11-23T10:00:00Z',
    reference: 'INC-7',
    kind: 'assigned',
    text: '',
    data: {},
    visibility: 'internal',
    actor: lead,
    title: 'Crash',
    status: 'triaged',
    team: 'platform',
    owner: null,
    reporter: agent,
    ...patch,
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

describe('noticeFor: the close-out', () => {
  const dana = { id: 3, name: 'Dev Dana' };
  const closed = (data: Record<string, unknown>, owner: FullIncidentEvent['owner'] = lead) =>
    event({ kind: 'status_changed', status: 'closed', text: 'Status verified → closed', actor: agent, owner, data });
  it('tells everyone the server names (reporter, owner, commenters), and no one else', () => {
    // I only commented: the owner is the lead, and I am on the list.
    expect(noticeFor(closed({ from: 'verified', notify: [1, 4, 3] }), me)).toMatchObject({ kind: 'closed', actor: 'Alice Agent' });
    // Owner, but not named (a list from the server is what counts).
    expect(noticeFor(closed({ from: 'verified', notify: [1, 4] }, dana), me)).toBeNull();
    // An older server without a list: the owner is told.
    expect(noticeFor(closed({ from: 'verified' }, dana), me)).toMatchObject({ kind: 'closed' });
    expect(noticeFor(closed({ from: 'verified' }), me)).toBeNull();
    // My own close tells me nothing.
    expect(noticeFor({ ...closed({ notify: [3] }), actor: dana }, me)).toBeNull();
  });
});

describe('noticeFor: summary events', () => {
  it('never notifies about a summary event (another team’s incident: no actor, no text)', () => {
    const { text: _t, data: _d, actor: _a, reporter: _r, ...rest } = event({ owner: { id: 3, name: 'Dev Dana' } });
    const summary: IncidentEvent = { ...rest, access: 'summary' };
    expect(noticeFor(summary, me)).toBeNull();
  });
});

describe('noticeFor: the loop back from L1', () => {
  const dana = { id: 3, name: 'Dev Dana' };
  it('notifies the owner when L1 verifies, closes or reopens with the reason', () => {
    expect(noticeFor(event({ kind: 'verified', status: 'verified', actor: agent, owner: dana }), me)).toMatchObject({
      kind: 'verified',
      actor: 'Alice Agent',
    });
    expect(
      noticeFor(event({ kind: 'status_changed', status: 'closed', text: 'Status verified → closed', actor: agent, owner: dana }), me),
    ).toMatchObject({ kind: 'closed' });
    expect(
      noticeFor(
        event({
          kind: 'status_changed',
          status: 'in_progress',
          text: 'Status fixed → in_progress: still fails on iOS 18',
          actor: agent,
          owner: dana,
        }),
        me,
      ),
    ).toMatchObject({ kind: 'reopened', reason: 'still fails on iOS 18' });
    // From the event's data, whatever the wording of the text.
    const data = { from: 'verified', to: 'in_progress', reason: 'Safari 18 still loops' };
    expect(
      noticeFor(event({ kind: 'status_changed', status: 'in_progress', text: 'anything', data, actor: agent, owner: dana }), me),
    ).toMatchObject({ kind: 'reopened', reason: 'Safari 18 still loops' });
  });
  it('does not take an ordinary start of work for a reopen, nor notify about incidents I do not own', () => {
    expect(
      noticeFor(
        event({ kind: 'status_changed', status: 'in_progress', text: 'Status triaged → in_progress', actor: lead, owner: dana }),
        me,
      ),
    ).toBeNull();
    expect(noticeFor(event({ kind: 'verified', status: 'verified', actor: agent, owner: lead }), me)).toBeNull();
    const answered = { from: 'needs_info', to: 'in_progress', reason: null };
    expect(
      noticeFor(
        event({
          kind: 'status_changed',
          status: 'in_progress',
          text: 'Status fixed → in_progress: x',
          data: answered,
          actor: agent,
          owner: dana,
        }),
        me,
      ),
    ).toBeNull();
  });
  it("tells the owner and the team's leads the customer's closing evaluation, nobody else", () => {
    const customer = { id: -1, name: 'Customer' };
    const rated = (patch: Partial<FullIncidentEvent>) =>
      event({ kind: 'evaluation', actor: customer, status: 'closed', data: { rating: 4, comment: 'Quick fix, thanks' }, ...patch });
    expect(noticeFor(rated({ owner: { id: 3, name: 'Dev Dana' } }), me)).toEqual({
      kind: 'evaluated',
      reference: 'INC-7',
      title: 'Crash',
      rating: 4,
      comment: 'Quick fix, thanks',
    });
    const teamLead: User = { id: 4, name: 'Lee Lead', role: 'lead', teams: ['platform'] };
    expect(noticeFor(rated({ owner: { id: 3, name: 'Dev Dana' } }), teamLead)).toMatchObject({ kind: 'evaluated', rating: 4 });
    expect(noticeFor(rated({ owner: { id: 3, name: 'Dev Dana' }, team: 'billing' }), teamLead)).toBeNull();
    expect(noticeFor(rated({ owner: lead }), me)).toBeNull();
  });
  it('notifies of a service-level warning or breach the server addressed to me, and only then', () => {
    const system = { id: 0, name: 'Handoff' };
    const data = { target: 'first_response', dueAt: '2026-11-23T11:00:00Z', notify: [1, 3, 4] };
    expect(noticeFor(event({ kind: 'sla_breached', actor: system, data }), me)).toEqual({
      kind: 'slaBreached',
      reference: 'INC-7',
      title: 'Crash',
      target: 'first_response',
      dueAt: '2026-11-23T11:00:00Z',
    });
    expect(noticeFor(event({ kind: 'sla_warning', actor: system, data }), me)?.kind).toBe('slaWarning');
    expect(noticeFor(event({ kind: 'sla_breached', actor: system, data: { ...data, notify: [1, 4] } }), me)).toBeNull();
  });
});
