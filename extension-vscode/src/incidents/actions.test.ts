import { describe, expect, it } from 'vitest';
import type { IncidentChange } from '@handoff/shared';
import type { HandoffClient } from '../api/client';
import { dana, entry, incident, me, outline } from '../test/fixtures';
import { ActionRefusedError } from './actionRefusedError';
import { performAction } from './actions';

/** A client that records each call; every procedure not given fails the test when called. */
function fakeClient(answers: Record<string, (input: unknown) => unknown>) {
  const calls: string[] = [];
  const procedure = (name: string) => {
    const run = async (input: unknown) => {
      calls.push(name);
      const answer = answers[name];
      if (!answer) throw new Error(`${name} was not expected`);
      return answer(input);
    };
    return { query: run, mutate: run };
  };
  const incidents = new Proxy({}, { get: (_, name) => procedure(`incidents.${String(name)}`) });
  return { client: { incidents } as unknown as HandoffClient, calls };
}

const change = (patch: Partial<IncidentChange>): IncidentChange => ({
  reference: 'INC-7',
  title: 'SSO login loops',
  status: 'new',
  team: 'accounts',
  owner: null,
  affectedCustomers: 1,
  duplicateOf: null,
  fixedInVersion: null,
  updatedAt: '2026-11-03T00:00:00Z',
  participants: [],
  entries: [],
  ...patch,
});

describe('performAction', () => {
  it('merges the change a mutation returns into the incident, without reading it again', async () => {
    const { client, calls } = fakeClient({
      'incidents.assign': () => change({ owner: dana, entries: [entry(2, { kind: 'assigned', text: 'Assigned to Dev Dana' })] }),
    });
    const after = await performAction(client, me(), incident(), { type: 'assignToMe' });
    expect(calls).toEqual(['incidents.assign']);
    expect(after).toMatchObject({ access: 'full', owner: dana, customer: { name: 'Maria Lopez' } });
    expect(after?.access === 'full' && after.timeline.map((e) => e.kind)).toEqual(['created', 'assigned']);
  });
  it('loads the page of entries before the oldest one it has', async () => {
    let asked: unknown;
    const { client } = fakeClient({
      'incidents.timeline': (input) => {
        asked = input;
        return { entries: [entry(40), entry(41)], earlier: false };
      },
    });
    const shown = incident({ timeline: [entry(42), entry(43)], earlierTimeline: true });
    const after = await performAction(client, me(), shown, { type: 'loadEarlier' });
    expect(asked).toEqual({ ref: 'INC-7', beforeId: 42, limit: 100 });
    expect(after?.access === 'full' && [after.timeline.map((e) => e.id), after.earlierTimeline]).toEqual([[40, 41, 42, 43], false]);
  });
  it('names a missing reason from the shared model before sending anything', async () => {
    const { client, calls } = fakeClient({});
    const fixed = incident({ status: 'fixed' });
    await expect(performAction(client, me(), fixed, { type: 'transition', to: 'in_progress', reason: ' ' })).rejects.toThrow(
      'reason: say what still fails.',
    );
    expect(calls).toEqual([]);
  });
  it('refuses every action on an outline with whose incident it is; refreshing reads it again', async () => {
    const { client, calls } = fakeClient({ 'incidents.byRef': () => outline({ status: 'triaged' }) });
    const refused = performAction(client, me(), outline(), { type: 'comment', text: 'hi', visibleToCustomer: false });
    await expect(refused).rejects.toBeInstanceOf(ActionRefusedError);
    await expect(refused).rejects.toThrow('INC-8 belongs to team billing and has no owner yet.');
    expect(await performAction(client, me(), outline(), { type: 'refresh' })).toEqual(outline({ status: 'triaged' }));
    expect(calls).toEqual(['incidents.byRef']);
  });
});
