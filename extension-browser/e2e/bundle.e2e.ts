import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXT_DIR } from './harness';

// Size budget (not a timing): what is injected into a CRM page must stay small. The numbers are in the report.
it('the one extract script for all CRM adapters, the generic one and teach mode stay under 30 KB', () => {
  const scripts = readdirSync(EXT_DIR).filter((f) => /^(extract-.+|teach)\.js$/.test(f));
  expect(scripts.sort()).toEqual(['extract-crm.js', 'extract-generic.js', 'teach.js']);
  const sizes = Object.fromEntries(scripts.map((f) => [f, statSync(join(EXT_DIR, f)).size]));
  console.log('content script bytes', sizes);
  for (const [f, size] of Object.entries(sizes)) expect(size, f).toBeLessThan(30 * 1024);
});
