import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IncidentCreateInputSchema } from '@handoff/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cliProcess.testutil.js';
import { seedDemo } from './demo.js';
import { openServices } from './server.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from './testing.js';

const EMAIL = 'wanda.cli@mail.example';

describe.each(['sqlite', 'postgres'] as const)('handoff-server customer … on %s', (engine) => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('exports a customer to a zip and erases them with one command each; erasing again is harmless', async () => {
    const db = await createTestDatabase(engine);
    dbs.push(db);
    const flags = db.databaseUrl ? ['--database-url', db.databaseUrl] : ['--data-dir', db.dataDir];
    const services = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    let ref: string;
    try {
      await seedDemo(services);
      const agent = (await services.store.listUsers()).find((u) => u.role === 'agent')!;
      const created = await services.incidents.create(
        IncidentCreateInputSchema.parse(sampleIncident({ customer: { name: 'Wanda Cliford', email: EMAIL } })),
        agent,
      );
      ref = created.reference;
    } finally {
      await services.close();
    }

    const out = path.join(db.dataDir, 'wanda.zip');
    const exported = await runCli(['customer', 'export', '--email', EMAIL, '--out', out, ...flags]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toEqual([
      `Exported 1 incident (${ref}): incidents 1, affectedCustomers 0, timeline 0, attachments 0, shareLinks 0, mailSubscriptions 0.`,
      out,
    ]);
    const json = JSON.parse(strFromU8(unzipSync(readFileSync(out))['customer.json']!));
    expect(json.incidents).toEqual([expect.objectContaining({ reference: ref, customer: { name: 'Wanda Cliford', email: EMAIL } })]);

    const erased = await runCli(['customer', 'erase', '--email', EMAIL, '--reason', 'customer request 2026-11-30', ...flags]);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(new RegExp(`^Erased: now "erased customer #1" on ${ref} \\(incidents 1, `));
    const again = await runCli(['customer', 'erase', '--email', EMAIL, '--reason', 'customer request 2026-11-30', ...flags]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(`Nothing is held about ${EMAIL} (already erased, or never recorded).`);

    const check = await openServices({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    try {
      const row = await check.incidents.row(check.incidents.idOf(ref));
      expect(JSON.parse(row.customer)).toEqual({ name: 'erased customer #1' });
    } finally {
      await check.close();
    }
  });
});

describe('handoff-server customer … input', () => {
  it('names the flag and what to give when an address, a reason or the retention is wrong', async () => {
    const bad = await runCli(['customer', 'erase', '--email', 'wanda', '--reason', 'x', '--data-dir', '/nonexistent/never']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'handoff-server: --email: give the customer\'s e-mail address, e.g. "jane@example.com"; ' +
        '--reason: say why the data is erased (at least 3 characters), e.g. "customer request 2026-11-30"',
    );
    const missing = await runCli(['customer', 'erase', '--email', EMAIL]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/required option '--reason <reason>' not specified/);
    const days = await runCli(['start', '--retention-days', '0']);
    expect(days.code).not.toBe(0);
    expect(days.stderr).toMatch(/--retention-days <days>' argument '0' is invalid. Use a whole number of days from 1 to 36500/);
  });
});
