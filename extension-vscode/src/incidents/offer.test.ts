import { describe, expect, it } from 'vitest';
import { incident, lee, me, outline } from '../test/fixtures';
import { factsOfOutline, NOTHING_OFFERED, offerFor } from './offer';

describe('offerFor: what the panel offers, by the shared permission model', () => {
  it('offers a developer of the incident’s team all the work and the status moves developers make', () => {
    expect(offerFor(me(), incident())).toEqual({
      assignToMe: true,
      transitions: ['triaged', 'in_progress', 'needs_info', 'duplicate', 'wont_fix'],
      reasonRequired: ['wont_fix'],
      markFixed: false,
      ask: true,
      comment: true,
      commentToCustomer: true,
      reproduce: true,
      linkDuplicate: true,
      startWork: true,
      openSteps: true,
    });
  });
  it('does not offer to assign an incident to the person who owns it', () => {
    expect(offerFor(me(), incident({ owner: { id: 3, name: 'Dev Dana' } })).assignToMe).toBe(false);
  });
  it('leaves verifying a fix to the reporter or a lead: a developer may only reopen it', () => {
    const fixed = incident({ status: 'fixed', fixedInVersion: '4.2.1' });
    expect(offerFor(me(), fixed)).toMatchObject({ transitions: ['in_progress'], reasonRequired: ['in_progress'] });
    expect(offerFor(me({ ...lee, role: 'lead' }), fixed).transitions).toEqual(['in_progress', 'verified']);
  });
  it('offers "mark fixed" (its own form, with a version) from in progress', () => {
    const offer = offerFor(me(), incident({ status: 'in_progress' }));
    expect([offer.markFixed, offer.transitions, offer.reasonRequired]).toEqual([
      true,
      ['triaged', 'needs_info', 'not_reproducible', 'duplicate', 'wont_fix'],
      ['not_reproducible', 'wont_fix'],
    ]);
  });
  it('offers nothing on another team’s incident: a developer of another team is not offered transitions', () => {
    expect(offerFor(me(), outline())).toEqual(NOTHING_OFFERED);
    expect(offerFor(me(), incident({ team: 'billing' }))).toEqual(NOTHING_OFFERED);
  });
  it('lets the person asked a question on another team’s incident work on it', () => {
    const offer = offerFor(me(), incident({ team: 'billing', participants: [{ id: 3, name: 'Dev Dana' }] }));
    expect([offer.comment, offer.ask, offer.transitions.length > 0]).toEqual([true, true, true]);
  });
  it('follows the server’s visibility: under "open" everyone works on every incident', () => {
    expect(offerFor(me({ visibility: 'open' }), incident({ team: 'billing' })).comment).toBe(true);
  });
  it('reads an outline’s team and owner as its facts, and no reporter', () => {
    expect(factsOfOutline(outline({ owner: { id: 9, name: 'Bo' } }))).toEqual({
      team: 'billing',
      reporterId: 0,
      ownerId: 9,
      participantIds: [],
    });
  });
});
