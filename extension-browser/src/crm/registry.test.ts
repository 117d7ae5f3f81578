import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crmSystemName } from '@handoff/shared';
import { ADAPTERS } from './registry';
import { FIXTURES } from './fixtures/expected';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('CRM adapter registry', () => {
  it.each(ADAPTERS.map((a) => a.id))('%s has a fixture page, an expected-values entry and an extract entrypoint', (id) => {
    const fx = FIXTURES.find((f) => f.crm === id);
    expect(fx, `no FIXTURES entry for ${id}`).toBeDefined();
    expect(existsSync(join(root, 'src/crm/fixtures', fx!.file))).toBe(true);
    expect(existsSync(join(root, `entrypoints/extract-${id}.ts`))).toBe(true);
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
  it('has ten CRMs with unique ids', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(10);
  });
});
