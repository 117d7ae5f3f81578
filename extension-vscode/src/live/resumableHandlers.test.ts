import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeliveredUpTo, resumableHandlers } from './resumableHandlers';

function handlers(after: string | null, delivered?: DeliveredUpTo) {
  const stored = new Map<string, unknown>();
  const shown: string[] = [];
  const warnings: string[] = [];
  const h = resumableHandlers({
    schema: z.object({ text: z.string() }),
    after,
    memento: { get: (k: string) => stored.get(k), update: async (k: string, v: unknown) => void stored.set(k, v), keys: () => [] } as never,
    key: 'last',
    log: { warn: (m: string) => warnings.push(m), error: () => undefined } as never,
    what: 'release',
    onEvent: (e) => shown.push(e.text),
    onState: () => undefined,
    delivered,
  });
  return { h, stored, shown, warnings };
}

describe('resumableHandlers', () => {
  it('shows each event once, keeps its id, and skips a replay of what was delivered', () => {
    const { h, stored, shown, warnings } = handlers('10');
    h.onData({ id: '10', data: { text: 'resumed after this one' } });
    h.onData({ id: '11', data: { text: 'created' } });
    h.onData({ id: '11', data: { text: 'created' } });
    h.onData({ id: '12', data: { text: 'feedback' } });
    expect(shown).toEqual(['created', 'feedback']);
    expect(stored.get('last')).toBe('12');
    expect(warnings).toEqual([
      'Skipped live release event 10: it was delivered already (last 10).',
      'Skipped live release event 11: it was delivered already (last 11).',
    ]);
  });

  it('starts from the first event when it resumes after nothing', () => {
    const { h, shown } = handlers(null);
    h.onData({ id: '1', data: { text: 'first' } });
    h.onData({ id: 'not-a-number', data: { text: 'kept' } });
    expect(shown).toEqual(['first', 'kept']);
  });

  it('ignores an invalid event without moving the last id', () => {
    const { h, stored, shown } = handlers(null);
    h.onData({ id: '5', data: { wrong: true } });
    expect([shown, stored.get('last')]).toEqual([[], undefined]);
  });

  it('never delivers again what an earlier stream of the same store delivered, even resuming after an older stored id', () => {
    const delivered = new DeliveredUpTo();
    const first = handlers(null, delivered);
    first.h.onData({ id: '11', data: { text: 'created' } });
    expect(delivered.resumeAfter('last', '9')).toBe('11');
    expect(delivered.resumeAfter('last', '12')).toBe('12');
    // A restart that still resumes after 9 (a stored id that lagged behind) replays 10 and 11.
    const second = handlers('9', delivered);
    for (const [id, text] of [
      ['10', 'older'],
      ['11', 'created'],
      ['12', 'feedback'],
    ])
      second.h.onData({ id: id!, data: { text: text! } });
    expect([first.shown, second.shown]).toEqual([['created'], ['feedback']]);
    // The old stream, should it still deliver, repeats nothing either.
    first.h.onData({ id: '12', data: { text: 'feedback' } });
    expect(first.shown).toEqual(['created']);
  });

  it('starts from nothing for another server', () => {
    const delivered = new DeliveredUpTo();
    handlers(null, delivered).h.onData({ id: '40', data: { text: 'on server A' } });
    expect(delivered.resumeAfter('other-server', null)).toBe(null);
    const b = handlers(null, delivered);
    expect(delivered.resumeAfter('last', null)).toBe(null); // back on the first key: also fresh
    b.h.onData({ id: '3', data: { text: 'on server B' } });
    expect(b.shown).toEqual(['on server B']);
  });
});
