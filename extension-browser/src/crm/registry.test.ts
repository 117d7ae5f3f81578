import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crmSystemName } from '@handoff/shared';
import { ADAPTERS, adapterFor } from './registry';
import { allOptionalOrigins } from './origins';
import { runAdapter } from './runAdapter';
import { FIXTURES } from './fixtures/expected';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('CRM adapter registry', () => {
  it.each(ADAPTERS.map((a) => a.id))('%s has a fixture page and an expected-values entry', (id) => {
    const fx = FIXTURES.find((f) => f.crm === id);
    expect(fx, `no FIXTURES entry for ${id}`).toBeDefined();
    expect(existsSync(join(root, 'src/crm/fixtures', fx!.file))).toBe(true);
  });
  it('has one extract entrypoint for all adapters, which reads the registry', () => {
    const extract = readdirSync(join(root, 'entrypoints')).filter((f) => f.startsWith('extract-'));
    expect(extract.sort()).toEqual(['extract-crm.ts', 'extract-generic.ts']);
    expect(readFileSync(join(root, 'entrypoints/extract-crm.ts'), 'utf8')).toContain('runAdapter()');
  });
  it('has an adapter file for every registered id and registers every adapter file', () => {
    const files = readdirSync(join(root, 'src/crm')).filter(
      (f) =>
        /^[a-z]+\.ts$/.test(f) &&
        ![
          'types.ts',
          'dom.ts',
          'registry.ts',
          'origins.ts',
          'generic.ts',
          'ticketContext.ts',
          'ticketContextSchema.ts',
          'teach.ts',
          'runAdapter.ts',
          'runGeneric.ts',
          'genericId.ts',
        ].includes(f),
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
  it('names every adapter as the shared list does (VS Code and the console show that name)', () => {
    expect(ADAPTERS.map((a) => [a.id, a.label])).toEqual(ADAPTERS.map((a) => [a.id, crmSystemName(a.id)]));
  });
  it('has seventeen CRMs with unique ids and labels', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(17);
    expect(new Set(ADAPTERS.map((a) => a.label)).size).toBe(17);
  });
  it("asks for every hosted helpdesk's origins as optional host permissions", () => {
    const origins = allOptionalOrigins();
    for (const a of ADAPTERS) for (const o of a.origins) expect(origins).toContain(o);
    for (const o of [
      'https://desk.zoho.eu/*',
      'https://app.frontapp.com/*',
      'https://*.gorgias.com/*',
      'https://*.freshservice.com/*',
      'https://*.kayako.com/*',
      'https://*.dynamics.com/*',
      'https://app.chatwoot.com/*',
    ])
      expect(origins).toContain(o);
  });
  it('picks each hosted helpdesk by its host, and each self-hosted one by its path', () => {
    expect(adapterFor('https://desk.zoho.eu/agent/acme/support/tickets/details/4829130000012')?.id).toBe('zohodesk');
    expect(adapterFor('https://app.frontapp.com/open/cnv_5k8x2q')?.id).toBe('front');
    expect(adapterFor('https://shop.gorgias.com/app/ticket/24680')?.id).toBe('gorgias');
    // Freshservice's agent URL has Freshdesk's shape: its host decides
    expect(adapterFor('https://acme.freshservice.com/a/tickets/2231')?.id).toBe('freshservice');
    expect(adapterFor('https://acme.freshdesk.com/a/tickets/2231')?.id).toBe('freshdesk');
    expect(adapterFor('https://acme.kayako.com/agent/conversations/5120')?.id).toBe('kayako');
    expect(adapterFor('https://contoso.crm4.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=incident&id=2')?.id).toBe('dynamics');
    expect(adapterFor('https://contoso.crm4.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=account&id=2')).toBeNull();
    expect(adapterFor('https://chat.acme.test/app/accounts/1/inbox/3/conversations/42')?.id).toBe('chatwoot');
    expect(adapterFor('https://app.chatwoot.com/app/accounts/1/conversations/42')?.id).toBe('chatwoot');
  });
  it('the injected script reads with the adapter of the page it runs in, and gives way to the generic reader elsewhere', () => {
    const doc = new DOMParser().parseFromString(readFileSync(join(root, 'src/crm/fixtures/kayako.html'), 'utf8'), 'text/html');
    const ctx = runAdapter('https://acme.kayako.com/agent/conversations/5120', doc);
    expect(ctx?.crm).toBe('kayako');
    expect(ctx?.ticketId).toBe('5120');
    expect(runAdapter('https://acme.kayako.com/agent/dashboard', doc)).toBeNull();
  });
});
