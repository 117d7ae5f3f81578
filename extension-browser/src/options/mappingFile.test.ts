import { describe, expect, it } from 'vitest';
import { exportMappings, importMappings } from './mappingFile';
import { SettingsSchema } from '../settings';

const mine = { 'https://desk.acme.test': { subject: { css: '.tixTitle h3' }, customerOrg: { css: '.org' } } };

describe('sharing taught sites as JSON', () => {
  it('an export imports back into the same mappings', () => {
    expect(importMappings({}, exportMappings(mine))).toEqual({ merged: mine, sites: 1 });
  });
  it('imported fields replace the same fields of a site and keep the others', () => {
    const file = JSON.stringify({
      handoffSiteMappings: 1,
      sites: {
        'https://desk.acme.test': { subject: { css: 'h1.subject', label: 'Subject' } },
        'https://rt.acme.test': { ticketId: { css: '#id', pattern: '(\\d+)' } },
      },
    });
    expect(importMappings(mine, file)).toEqual({
      merged: {
        'https://desk.acme.test': { subject: { css: 'h1.subject', label: 'Subject' }, customerOrg: { css: '.org' } },
        'https://rt.acme.test': { ticketId: { css: '#id', pattern: '(\\d+)' } },
      },
      sites: 2,
    });
  });
  it('names what is wrong with a bad file', () => {
    expect(() => importMappings({}, 'nope')).toThrow('not JSON');
    expect(() =>
      importMappings({}, JSON.stringify({ handoffSiteMappings: 1, sites: { 'https://x.test': { subject: { css: '' } } } })),
    ).toThrow(/^sites\.https:\/\/x\.test\.subject/);
    expect(() => importMappings({}, JSON.stringify({ handoffSiteMappings: 1, sites: { 'x.test/path': {} } }))).toThrow(/origin/);
  });
  it('settings from before teach mode stored objects still load: a bare selector becomes { css }', () => {
    const s = SettingsSchema.parse({ siteMappings: { 'https://old.test': { subject: '.title' } } });
    expect(s.siteMappings['https://old.test']).toEqual({ subject: { css: '.title' } });
  });
});
