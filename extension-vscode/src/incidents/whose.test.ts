import { describe, expect, it } from 'vitest';
import { incident, me, outline } from '../test/fixtures';
import { refusal, whoseLine } from './whose';

describe('whoseLine', () => {
  it('names the team and the owner, says only the summary is visible and whom to ask', () => {
    expect(whoseLine(outline({ owner: { id: 4, name: 'Lee Lead' } }))).toBe(
      'INC-8 belongs to team billing and is owned by Lee Lead. You see its summary only — ask its team or a lead.',
    );
    expect(whoseLine(outline())).toBe(
      'INC-8 belongs to team billing and has no owner yet. You see its summary only — ask its team or a lead.',
    );
    expect(whoseLine(outline({ team: null, owner: { id: 4, name: 'Lee Lead' } }))).toBe(
      'INC-8 is not routed to a team yet and is owned by Lee Lead. You see its summary only — ask a lead.',
    );
    expect(whoseLine(outline({ team: null }))).toBe(
      'INC-8 is not routed to a team yet and has no owner. You see its summary only — ask a lead.',
    );
  });
});

describe('refusal', () => {
  it('is null when the model allows the action', () => {
    expect(refusal(me(), incident(), 'incident.assign')).toBeNull();
  });
  it('says whose incident an outline is', () => {
    expect(refusal(me(), outline(), 'incident.recordBranch')).toBe(whoseLine(outline()));
  });
  it('gives the model’s reason otherwise', () => {
    expect(refusal(me({ role: 'reviewer' }), incident(), 'incident.assign')).toBe(
      'incident.assign is for developers, leads and admins; you are signed in as reviewer.',
    );
  });
});
