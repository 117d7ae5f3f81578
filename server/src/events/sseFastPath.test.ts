import { describe, expect, it } from 'vitest';
import { frame } from './sseFastPath.js';

describe('SSE frames', () => {
  it('encodes a shared event once: every stream is handed the same bytes, not a copy of its own', () => {
    const event = { id: '7', kind: 'created', text: 'Login fails' };
    const a = frame('7', event);
    expect(a.toString('utf8')).toBe(`data: ${JSON.stringify(event)}\nid: 7\n\n\n`);
    expect(frame('7', event)).toBe(a);
    // Another id (never the case for one event, but the cache must not answer wrongly).
    expect(frame('8', event).toString('utf8')).toBe(`data: ${JSON.stringify(event)}\nid: 8\n\n\n`);
    expect(frame('9', 'text').toString('utf8')).toBe('data: "text"\nid: 9\n\n\n');
  });
});
