import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { checkedStepsKey, CurrentIncident } from './currentIncident';

/** A workspace's state as VS Code keeps it (a key-value store). */
function memento(initial: Record<string, unknown> = {}): vscode.Memento {
  const data = new Map(Object.entries(initial));
  return {
    keys: () => [...data.keys()],
    get: <T>(key: string, fallback?: T) => (data.has(key) ? (data.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => {
      if (value === undefined) data.delete(key);
      else data.set(key, value);
    },
  } as vscode.Memento;
}

describe('CurrentIncident', () => {
  it('remembers the last incident set, says when it changes, and clears', async () => {
    const current = new CurrentIncident(memento());
    const seen: (string | undefined)[] = [];
    current.onDidChange((r) => seen.push(r));
    await current.set('INC-1001');
    await current.set('INC-1001'); // the same again: no change
    await current.set('INC-1003');
    expect(current.reference).toBe('INC-1003');
    await current.clear();
    expect(current.reference).toBeUndefined();
    expect(seen).toEqual(['INC-1001', 'INC-1003', undefined]);
  });

  it('reads what the workspace kept, and ignores what is not a reference', () => {
    expect(new CurrentIncident(memento({ 'handoff.currentIncident': 'INC-1042' })).reference).toBe('INC-1042');
    expect(new CurrentIncident(memento({ 'handoff.currentIncident': { ref: 1 } })).reference).toBeUndefined();
  });

  it('keeps ticked steps per incident, sorted, and says which incident they changed for', async () => {
    const state = memento({ [checkedStepsKey('INC-1')]: 'not a list' });
    const current = new CurrentIncident(state);
    const changed: string[] = [];
    current.onDidChangeChecks((r) => changed.push(r));
    expect(current.checked('INC-1')).toEqual([]);
    await current.setChecked('INC-1', 2, true);
    await current.setChecked('INC-1', 0, true);
    await current.setChecked('INC-1', 0, true); // already ticked: no change
    await current.setChecked('INC-2', 1, true);
    await current.setChecked('INC-1', 2, false);
    expect(current.checked('INC-1')).toEqual([0]);
    expect(current.checked('INC-2')).toEqual([1]);
    expect(state.get(checkedStepsKey('INC-1'))).toEqual([0]);
    expect(changed).toEqual(['INC-1', 'INC-1', 'INC-2', 'INC-1']);
  });
});
