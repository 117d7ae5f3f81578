import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@handoff/shared';
import { environmentText, handOvers, openQuestion, reproductions, sentBack, shippedIn } from './incidentLoop';

const dana = { id: 3, name: 'Dev Dana' };
const alice = { id: 1, name: 'Alice Agent' };
let n = 0;
const e = (kind: TimelineEntry['kind'], text: string, data: Record<string, unknown> = {}, actor = dana): TimelineEntry => ({
  id: ++n,
  at: `2026-11-23T10:00:${String(n).padStart(2, '0')}Z`,
  actor,
  kind,
  text,
  data,
  visibility: 'internal',
});

describe('incident loop', () => {
  it('shows the latest question while unanswered and in needs_info', () => {
    const q1 = e('question', 'Which browser?');
    const a1 = e('answer', 'Edge', {}, alice);
    const q2 = e('question', 'Which version of Edge?');
    expect(openQuestion({ status: 'needs_info', timeline: [q2, q1, a1] })?.text).toBe('Which version of Edge?');
    expect(openQuestion({ status: 'needs_info', timeline: [q1, a1] })).toBeNull();
    expect(openQuestion({ status: 'in_progress', timeline: [q1] })).toBeNull();
  });

  it('lists every reproduction attempt with result, notes and environment', () => {
    const tl = [
      e('reproduction', 'x', { result: 'reproduced', notes: '', environment: {} }, alice),
      e('reproduction', 'y', {
        result: 'not_reproduced',
        notes: 'Need the HAR file',
        environment: { os: 'Linux', browser: 'Firefox 140' },
      }),
    ];
    expect(reproductions(tl)).toEqual([
      { at: tl[0]!.at, actor: alice, reproduced: true, notes: '', environment: '' },
      { at: tl[1]!.at, actor: dana, reproduced: false, notes: 'Need the HAR file', environment: 'os=Linux, browser=Firefox 140' },
    ]);
    expect(environmentText({ a: '1', b: { evil: true } })).toBe('a=1');
    expect(environmentText('nope')).toBe('');
  });

  it('a "could not reproduce" sends it back to L1 until answered', () => {
    const r = e('reproduction', 'y', { result: 'not_reproduced', notes: 'Need exact steps' });
    expect(sentBack({ status: 'needs_info', timeline: [r] })?.notes).toBe('Need exact steps');
    expect(sentBack({ status: 'in_progress', timeline: [r] })).toBeNull();
    expect(sentBack({ status: 'needs_info', timeline: [r, e('answer', 'steps…', {}, alice)] })).toBeNull();
    expect(sentBack({ status: 'needs_info', timeline: [r, e('reproduction', 'z', { result: 'reproduced', notes: '' })] })).toBeNull();
  });

  it('a developer setting not_reproducible with a reason also says what is needed', () => {
    const sc = e('status_changed', 'Status in_progress → not_reproducible: Need a HAR file', {
      from: 'in_progress',
      to: 'not_reproducible',
      reason: 'Need a HAR file',
    });
    expect(sentBack({ status: 'not_reproducible', timeline: [sc] })?.notes).toBe('Need a HAR file');
    expect(sentBack({ status: 'not_reproducible', timeline: [sc, e('answer', 'attached', {}, alice)] })).toBeNull();
  });

  it('knows when the fix shipped, from the data or the text', () => {
    expect(shippedIn([e('released', 'Release 4.3.0 shipped with the fix', { version: '4.3.0' })])?.version).toBe('4.3.0');
    expect(shippedIn([e('released', 'Release 4.3.1 shipped with the fix')])?.version).toBe('4.3.1');
    expect(shippedIn([e('comment', 'hi')])).toBeNull();
  });

  it('hand-overs are in order and skip noise', () => {
    const tl = [e('assigned', 'Assigned to Dev Dana'), e('updated', 'title'), e('question', 'q')];
    expect(handOvers([...tl].reverse()).map((x) => x.kind)).toEqual(['assigned', 'question']);
  });
});
