import { describe, expect, it } from 'vitest';
import { CoalescingRunner } from './coalescingRunner.js';

describe('CoalescingRunner', () => {
  it('folds calls during a run into exactly one more run', async () => {
    let runs = 0;
    let release!: () => void;
    const runner = new CoalescingRunner(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
    });
    const first = runner.run();
    const second = runner.run();
    const third = runner.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(runs).toBe(2);
    await runner.run();
    expect(runs).toBe(3);
  });

  it('passes a failure to the callers and can run again afterwards', async () => {
    let fail = true;
    const runner = new CoalescingRunner(async () => {
      if (fail) throw new Error('boom');
    });
    await expect(runner.run()).rejects.toThrow('boom');
    await runner.idle();
    fail = false;
    await expect(runner.run()).resolves.toBeUndefined();
  });
});
