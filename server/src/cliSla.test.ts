import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cliProcess.testutil.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

describe('handoff-server sla', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('applies calendars and policies from a file, shows them, and names the field of a bad one', async () => {
    const db = await createTestDatabase('sqlite');
    dbs.push(db);
    const good = path.join(db.dataDir, 'sla.json');
    writeFileSync(
      good,
      JSON.stringify({
        calendars: [
          {
            id: 'office',
            name: 'Office',
            timeZone: 'Europe/Berlin',
            hours: { mon: [{ from: '09:00', to: '17:00' }] },
            holidayCountry: 'DE',
          },
        ],
        policies: [{ id: 'high', name: 'High', severity: 'high', calendar: 'office', firstResponseMinutes: 240, resolutionMinutes: 2400 }],
      }),
    );
    const applied = await runCli(['sla', 'apply', good, '--data-dir', db.dataDir]);
    expect([applied.code, applied.stdout.trim()]).toEqual([
      0,
      'Applied 1 calendar(s), 0 plan(s), 0 customer plan(s), 1 policy; due times recomputed on 0 open incident(s).',
    ]);
    const shown = JSON.parse((await runCli(['sla', 'show', '--data-dir', db.dataDir])).stdout) as {
      policies: { id: string; calendar: string }[];
    };
    expect(shown.policies.map((p) => [p.id, p.calendar])).toEqual([['high', 'office']]);
    const bad = path.join(db.dataDir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        policies: [{ id: 'x', name: 'X', severity: 'high', calendar: 'nowhere', firstResponseMinutes: 0, resolutionMinutes: 5 }],
      }),
    );
    const refused = await runCli(['sla', 'apply', bad, '--data-dir', db.dataDir]);
    expect([refused.code, refused.stderr.trim()]).toEqual([
      1,
      'handoff-server: policies.0.firstResponseMinutes: firstResponseMinutes must be at least 1 minute',
    ]);
  }, 90_000);
});
