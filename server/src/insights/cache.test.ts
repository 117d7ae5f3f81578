import { describe, expect, it } from 'vitest';
import { InsightMemo } from './cache.js';

/** The memo's bookkeeping (pure logic: the change marker is a counter here; runner.test.ts reads real databases). */
describe('InsightMemo', () => {
  const counting = () => {
    let marker = 1;
    let computed = 0;
    const memo = new InsightMemo(async () => String(marker)).memo;
    const part = (key: unknown) =>
      memo('part', key, async () => {
        computed++;
        return { computed };
      });
    return { part, change: () => marker++, computed: () => computed };
  };

  it('computes a part once while the marker stays, and again after it moves', async () => {
    const m = counting();
    expect(await m.part({ filter: {} })).toEqual({ computed: 1 });
    expect(await m.part({ filter: {} })).toEqual({ computed: 1 });
    expect(await m.part({ filter: { product: 'A' } })).toEqual({ computed: 2 });
    m.change();
    expect(await m.part({ filter: {} })).toEqual({ computed: 3 });
    expect(m.computed()).toBe(3);
  });

  it('shares one computation between concurrent calls, and computes a failed part again', async () => {
    let calls = 0;
    const memo = new InsightMemo(async () => 'm').memo;
    const failing = () =>
      memo('part', 1, async () => {
        calls++;
        throw new Error('database gone');
      });
    await expect(Promise.all([failing(), failing()])).rejects.toThrow('database gone');
    expect(calls).toBe(1);
    await expect(failing()).rejects.toThrow('database gone');
    expect(calls).toBe(2);
  });
});
