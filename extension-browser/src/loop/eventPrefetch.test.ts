import { describe, expect, it } from 'vitest';
import { EventPrefetch } from './eventPrefetch';

describe('reads started at a live event', () => {
  const setup = () => {
    let now = 1_000;
    const loads: string[] = [];
    const prefetch = new EventPrefetch(
      async (ref: string) => {
        loads.push(ref);
        return `${ref}@${loads.length}`;
      },
      () => now,
    );
    return { prefetch, loads, advance: (ms: number) => (now += ms) };
  };

  it('starts the read at the event and hands it over once', async () => {
    const { prefetch, loads } = setup();
    prefetch.start('INC-1');
    expect(loads).toEqual(['INC-1']);
    expect(await prefetch.take('INC-1')).toBe('INC-1@1');
    expect(prefetch.take('INC-1')).toBeNull();
    expect(prefetch.take('INC-2')).toBeNull();
  });

  it('a later event replaces the read; a stale one is neither used nor kept', async () => {
    const { prefetch, advance } = setup();
    prefetch.start('INC-1');
    prefetch.start('INC-1');
    expect(await prefetch.take('INC-1')).toBe('INC-1@2');
    prefetch.start('INC-1');
    advance(5_001);
    expect(prefetch.take('INC-1')).toBeNull();
    prefetch.start('INC-2');
    advance(5_001);
    prefetch.start('INC-3');
    expect(prefetch.size).toBe(1);
  });

  it('a failed read is handed over as failed (the taker reads again), without an unhandled rejection', async () => {
    const prefetch = new EventPrefetch(async () => {
      throw new Error('offline');
    });
    prefetch.start('INC-1');
    await expect(prefetch.take('INC-1')).rejects.toThrow('offline');
  });
});
