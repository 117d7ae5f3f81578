import { describe, expect, it } from 'vitest';
import { CoalescedReload } from './coalescedReload';

/** A load that the test finishes by hand, counting how many were started. */
function manualLoad() {
  const finishers: (() => void)[] = [];
  let started = 0;
  const load = () =>
    new Promise<void>((resolve) => {
      started++;
      finishers.push(resolve);
    });
  return {
    load,
    started: () => started,
    finish: async () => {
      finishers.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('CoalescedReload', () => {
  it('starts a load at the first event, without waiting', () => {
    const m = manualLoad();
    new CoalescedReload(m.load, () => undefined).soon();
    expect(m.started()).toBe(1);
  });

  it('turns a burst of events during a load into exactly one more load after it', async () => {
    const m = manualLoad();
    const reload = new CoalescedReload(m.load, () => undefined);
    reload.soon();
    for (let i = 0; i < 10; i++) reload.soon();
    expect(m.started()).toBe(1);
    await m.finish();
    expect(m.started()).toBe(2);
    await m.finish();
    expect(m.started()).toBe(2);
  });

  it('lets a caller await the load in progress instead of starting another', async () => {
    const m = manualLoad();
    const reload = new CoalescedReload(m.load, () => undefined);
    const first = reload.run();
    const second = reload.run();
    expect(m.started()).toBe(1);
    await m.finish();
    await Promise.all([first, second]);
    expect(m.started()).toBe(1);
  });

  it('reports a failed load and loads again at the next event', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const reload = new CoalescedReload(
      async () => {
        calls++;
        if (calls === 1) throw new Error('server unreachable');
      },
      (err) => errors.push(err),
    );
    reload.soon();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map(String)).toEqual(['Error: server unreachable']);
    reload.soon();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
  });
});
