import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleIncident } from '../testing.js';
import { type DemoCallers, openDemoCallers } from './demoCallers.testutil.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${e.message}` : Promise.reject(e)),
  );
}

describe.each(['sqlite', 'postgres'] as const)('known solutions on %s', (engine) => {
  let h: DemoCallers;
  const title = 'Quarterly zeppelin report export hangs at 99 percent';

  beforeAll(async () => {
    h = await openDemoCallers(engine);
  });
  afterAll(() => h?.close());

  async function verifiedGroup() {
    const { reference: root } = await h.as('agent').incidents.create(sampleIncident({ title }));
    const { reference: dup } = await h.as('agent').incidents.create(sampleIncident({ title }));
    await h.as('agent').incidents.linkDuplicate({ ref: dup, of: root });
    await h.as('developer').incidents.transition({ ref: root, to: 'in_progress' });
    await h.as('developer').incidents.transition({ ref: root, to: 'fixed', version: '4.3.1' });
    return { root, dup };
  }

  it('records a solution once verified, attaches it to the group and shows it first for similar text', async () => {
    const { root } = await verifiedGroup();
    expect(await codeOf(h.as('developer').knownSolutions.record({ ref: root, solution: 'Upgrade to 4.3.1' }))).toBe(
      `BAD_REQUEST: ref: ${root} is fixed; record its solution once it is verified or closed.`,
    );
    await h.as('agent').incidents.transition({ ref: root, to: 'verified' });
    const known = await h.as('agent').knownSolutions.record({
      ref: root,
      solution: 'Upgrade to 4.3.1; the export no longer waits for the chart renderer.',
      customerAnswer: 'Please update to version 4.3.1.',
    });
    expect(known).toMatchObject({ group: root, title, customerAnswer: 'Please update to version 4.3.1.', recordedBy: 'Alice Agent' });
    await h.services.store.searchIndex?.flush();
    const similar = await h.as('agent').knownSolutions.similar({ text: 'zeppelin export hangs' });
    expect(similar.map((s) => [s.group, s.solution])).toEqual([
      [root, 'Upgrade to 4.3.1; the export no longer waits for the chart renderer.'],
    ]);
  });

  it('resolves a new capture at L1 with the known solution: linked to the group, counted once, no escalation', async () => {
    const { root } = await verifiedGroup();
    await h.as('agent').incidents.transition({ ref: root, to: 'verified' });
    await h.as('developer').knownSolutions.record({ ref: root, solution: 'Upgrade to 4.3.1' });
    const before = await h.as('agent').incidents.byRef({ ref: root });
    const capture = { ...sampleIncident({ title }), group: root };
    const first = await h.as('agent').knownSolutions.resolve(capture);
    const again = await h.as('agent').knownSolutions.resolve(capture); // a retry of the same capture
    expect(again.reference).toBe(first.reference);
    const resolved = await h.as('agent').incidents.byRef({ ref: first.reference });
    expect(resolved).toMatchObject({ status: 'duplicate', duplicateOf: root });
    if (resolved.access !== 'full') throw new Error('the reporter sees it in full');
    expect(first.solution.resolvedAtL1).toBe(1);
    expect(resolved.timeline.map((e) => [e.kind, e.text])).toEqual([
      ['created', `Created by Alice Agent and resolved at L1 with the known solution of ${root}`],
      ['duplicate_linked', `Duplicate of ${root}`],
      ['comment', `Resolved at L1 with the known solution of ${root}: no escalation needed.`],
    ]);
    const after = await h.as('agent').incidents.byRef({ ref: root });
    expect(after.affectedCustomers).toBe(before.affectedCustomers + 1);
    await h.services.store.searchIndex?.flush();
    const similar = await h.as('lead').knownSolutions.similar({ text: title, limit: 20 });
    expect(similar.find((s) => s.group === root)).toMatchObject({ solution: 'Upgrade to 4.3.1', resolvedAtL1: 1 });
  });

  it('refuses to resolve with a group that has no known solution, and creates nothing', async () => {
    const { reference: bare } = await h.as('agent').incidents.create(sampleIncident({ title: 'Unsolved thing' }));
    const key = crypto.randomUUID();
    expect(await codeOf(h.as('agent').knownSolutions.resolve({ ...sampleIncident({ idempotencyKey: key }), group: bare }))).toBe(
      `BAD_REQUEST: group: ${bare} has no known solution yet; capture the incident instead.`,
    );
    const rows = await h.services.store.db.selectFrom('incidents').select('id').where('idempotency_key', '=', key).execute();
    expect(rows).toEqual([]);
  });
});
