import type { IncidentListItem } from '@handoff/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from '../test/vscodeMock';
import type { IncidentStore } from '../incidents/incidentStore';
import { incident } from '../test/fixtures';
import { IncidentTreeProvider } from './incidentTreeProvider';
import { listItemOf } from './treeModel';

/** The store's part the views read: its lists and its change event. */
function fakeStore() {
  const changed = new EventEmitter<void>();
  const store = {
    assigned: [] as IncidentListItem[],
    teams: [] as IncidentListItem[],
    needsInfo: [],
    recent: [],
    onDidChange: changed.event,
  };
  return { store, reload: () => changed.fire() };
}

describe('IncidentTreeProvider', () => {
  const providers: IncidentTreeProvider[] = [];
  afterEach(() => {
    for (const p of providers.splice(0)) p.dispose();
  });

  it('redraws a view only when its own incidents changed', () => {
    const { store, reload } = fakeStore();
    const teams = new IncidentTreeProvider('teams', store as unknown as IncidentStore);
    const assigned = new IncidentTreeProvider('assigned', store as unknown as IncidentStore);
    providers.push(teams, assigned);
    const redrawn: string[] = [];
    teams.onDidChangeTreeData(() => redrawn.push('teams'));
    assigned.onDidChangeTreeData(() => redrawn.push('assigned'));

    store.teams = [listItemOf(incident({ reference: 'INC-7' }))];
    reload();
    expect(redrawn).toEqual(['teams', 'assigned']); // the first lists: both views draw once
    redrawn.length = 0;

    store.teams = [listItemOf(incident({ reference: 'INC-8' })), ...store.teams];
    reload();
    expect(redrawn).toEqual(['teams']); // a new incident of my teams: "Assigned to me" stays

    reload();
    expect(redrawn).toEqual(['teams']); // the same lists again: nothing is redrawn

    store.teams = [listItemOf(incident({ reference: 'INC-8', status: 'triaged' })), store.teams[1]!];
    reload();
    expect(redrawn).toEqual(['teams', 'teams']); // a status change shows
  });
});
