import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enqueue, flushQueue, readQueue, retryItem, type QueueItem, type SendOutcome } from './queue';

const key = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const item = (n: number) => ({ key: key(n), kind: 'create' as const, label: `capture ${n}`, payload: { title: `t${n}` } });

describe('offline queue', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps an item while the server is unreachable, backs off, then sends it exactly once', async () => {
    let t = 1_000_000;
    const now = () => t;
    await enqueue(item(1), t);
    await enqueue(item(1), t); // a double click stores it once
    const calls: string[] = [];
    let online = false;
    const send = async (i: QueueItem): Promise<SendOutcome> => {
      calls.push(i.key);
      return online ? { ok: true, reference: 'INC-7' } : { ok: false, permanent: false, error: 'Failed to fetch' };
    };
    const r1 = await flushQueue(send, { now });
    expect(r1.retrying).toHaveLength(1);
    const { queue } = await readQueue();
    expect(queue[0]).toMatchObject({ attempts: 1, state: 'pending', lastError: 'Failed to fetch' });
    expect(queue[0]!.nextAttemptAt).toBeGreaterThan(t + 10_000);

    online = true;
    expect((await flushQueue(send, { now })).sent).toHaveLength(0); // not due yet
    t += 60_000;
    const r3 = await flushQueue(send, { now });
    expect(r3.sent).toEqual([expect.objectContaining({ key: key(1), reference: 'INC-7' })]);
    expect(await flushQueue(send, { now, force: true })).toEqual({ sent: [], failed: [], retrying: [] });
    expect(calls).toEqual([key(1), key(1)]);
    expect((await readQueue()).queue).toEqual([]);
    expect((await readQueue()).sent[0]).toMatchObject({ reference: 'INC-7' });
  });

  it('marks a permanently failing item failed with its reason and still sends the others', async () => {
    await enqueue(item(1));
    await enqueue(item(2));
    const send = async (i: QueueItem): Promise<SendOutcome> =>
      i.key === key(1) ? { ok: false, permanent: true, error: 'Title needs at least 3 characters' } : { ok: true, reference: 'INC-9' };
    const r = await flushQueue(send);
    expect(r.sent.map((s) => s.key)).toEqual([key(2)]);
    expect(r.failed[0]).toMatchObject({ key: key(1), state: 'failed', lastError: 'Title needs at least 3 characters' });
    expect((await flushQueue(send, { force: true })).sent).toHaveLength(0); // failed items wait for the agent
    await retryItem(key(1));
    expect((await readQueue()).queue[0]!.state).toBe('pending');
  });

  it('never sends one item twice when two flushes run at the same time', async () => {
    await enqueue(item(3));
    let sends = 0;
    const send = async (): Promise<SendOutcome> => {
      sends++;
      await new Promise((r) => setTimeout(r, 20));
      return { ok: true, reference: 'INC-3' };
    };
    await Promise.all([flushQueue(send), flushQueue(send)]);
    expect(sends).toBe(1);
  });

  it('drops stored items that do not validate instead of crashing', async () => {
    await fakeBrowser.storage.local.set({ queue: [{ nonsense: true }, 'x'] });
    expect((await readQueue()).queue).toEqual([]);
  });
});
