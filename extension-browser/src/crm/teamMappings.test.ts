import { CRM_MAPPING_FIELDS, type CrmMapping } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { TEACHABLE_FIELDS } from './read/taught';
import { effectiveMappings, teamMappingsByOrigin } from './teamMappings';

const shared = (team: string, origin: string, fields: CrmMapping['fields']): CrmMapping => ({
  team,
  origin,
  fields,
  updatedAt: '2026-11-30T10:00:00.000Z',
  updatedBy: { id: 4, name: 'Lee Lead' },
});

describe('team mappings and the agent’s own', () => {
  it('teaches the same fields the server stores (content scripts keep their own list to stay free of zod)', () => {
    expect([...TEACHABLE_FIELDS]).toEqual([...CRM_MAPPING_FIELDS]);
  });
  it('an agent in two teams gets the first team’s field, and the other team’s only where the first taught nothing', () => {
    const by = teamMappingsByOrigin([
      shared('accounts', 'https://desk.example', { subject: { css: '#a-subject' } }),
      shared('billing', 'https://desk.example', { subject: { css: '#b-subject' }, note: { css: '#b-note' } }),
    ]);
    expect(by).toEqual({ 'https://desk.example': { subject: { css: '#a-subject' }, note: { css: '#b-note' } } });
  });
  it('the agent’s own taught field wins; every field they did not teach follows the team (so a lead’s update arrives)', () => {
    const team = { 'https://desk.example': { subject: { css: '#v2-subject' }, ticketId: { css: '#num', pattern: '#(\\d+)' } } };
    const own = { 'https://desk.example': { subject: { css: 'h1.mine' } }, 'https://other.example': { note: { css: 'textarea' } } };
    expect(effectiveMappings(own, team)).toEqual({
      'https://desk.example': { subject: { css: 'h1.mine' }, ticketId: { css: '#num', pattern: '#(\\d+)' } },
      'https://other.example': { note: { css: 'textarea' } },
    });
    expect(effectiveMappings({}, team)).toEqual(team);
  });
});
