import { afterAll, describe, expect, it, vi } from 'vitest';
import { collect } from '../liveEvents.testutil.js';
import { type RunningServer, startServer } from '../server.js';
import { testClient } from '../testClient.js';
import { createTestDatabase, sampleIncident, type TestDatabase } from '../testing.js';

/**
 * Real servers, real clock, a one-minute target: the warning fires while the first instance
 * runs; it stops before the due time; after the due time one instance (SQLite) or two at once
 * (PostgreSQL, racing for the same timer) start on the same store, and the breach is raised
 * exactly once, reaches the reporting agent's live stream, and survives the restart.
 */
describe('service-level scheduler with real servers', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it.concurrent.each(['sqlite', 'postgres'] as const)(
    'raises warning and breach once across a restart and instances on %s',
    async (engine) => {
      const db: TestDatabase = await createTestDatabase(engine);
      cleanup.push(() => db.drop());
      const opts = { port: 0, dataDir: db.dataDir, databaseUrl: db.databaseUrl, sla: { pollMs: 250 } };
      const first = await startServer({ ...opts, demo: true });
      const tokens = first.demoTokens!;
      const lead = testClient(first.url, tokens.lead);
      await lead.sla.calendars.upsert.mutate({ id: 'always', name: '24/7', timeZone: 'UTC', alwaysOpen: true });
      await lead.sla.policies.upsert.mutate({
        id: 'critical', // the demo's critical policy, made a one-minute one
        name: 'Critical',
        severity: 'critical',
        calendar: 'always',
        firstResponseMinutes: 1,
        resolutionMinutes: 60,
        warnAtPercent: 50,
      });
      const { reference } = await testClient(first.url, tokens.agent).incidents.create.mutate(sampleIncident({ severity: 'critical' }));
      const sla = await lead.sla.ofIncident.query({ ref: reference });
      const dueAt = Date.parse(sla!.targets[0]!.dueAt!);
      expect(sla!.targets[0]!.kind).toBe('first_response');

      const timeline = async (server: RunningServer) => {
        const view = await testClient(server.url, tokens.lead).incidents.byRef.query({ ref: reference });
        return view.access === 'full' ? view.timeline.filter((e) => e.kind.startsWith('sla_')) : [];
      };
      // The warning at 50 % (30 s), raised by the running instance.
      const [warning] = await vi.waitFor(
        async () => {
          const raised = await timeline(first);
          if (raised.length === 0) throw new Error('no warning yet');
          return raised;
        },
        { timeout: 45_000, interval: 200 },
      );
      expect([warning?.kind, warning?.data.target]).toEqual(['sla_warning', 'first_response']);
      expect(Date.parse(warning!.at)).toBeGreaterThanOrEqual(dueAt - 30_000);
      await first.close();

      // Down at the due time: nothing can fire until an instance starts again.
      await vi.waitFor(
        () => {
          if (Date.now() <= dueAt) throw new Error('not due yet');
        },
        { timeout: 40_000, interval: 100 },
      );
      const instances = await Promise.all((engine === 'postgres' ? [1, 2] : [1]).map(() => startServer(opts)));
      cleanup.push(async () => {
        for (const s of instances) await s.close();
      });
      const ticksAfterDue = instances.map(() => 0);
      instances.forEach((s, i) => {
        s.services.sla.scheduler.onTick = () => {
          ticksAfterDue[i]!++;
        };
      });
      // The agent's client was offline too: it resumes after the last event it saw (the warning).
      const agentStream = collect(testClient(instances[0]!.url, tokens.agent), { lastEventId: String(warning!.id) });
      cleanup.push(async () => agentStream.stop());
      await vi.waitFor(
        async () => {
          if ((await timeline(instances[0]!)).length < 2) throw new Error('no breach yet');
        },
        { timeout: 10_000, interval: 100 },
      );
      // Every instance has looked at the store at least twice since: a second raise would be there now.
      await vi.waitFor(
        () => {
          if (ticksAfterDue.some((n) => n < 2)) throw new Error('an instance has not ticked twice yet');
        },
        { timeout: 10_000, interval: 50 },
      );
      const raised = await timeline(instances[0]!);
      expect(raised.map((e) => e.kind)).toEqual(['sla_warning', 'sla_breached']);
      expect(Date.parse(raised[1]!.at)).toBeGreaterThan(dueAt);
      const events = await agentStream.waitFor(1);
      const breach = events.find((e) => e.kind === 'sla_breached');
      expect(breach?.reference).toBe(reference);
      expect(breach?.data.notify).toContain(breach?.reporter.id);
    },
    120_000,
  );
});
