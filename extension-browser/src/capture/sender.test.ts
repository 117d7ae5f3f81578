import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Api } from '../api/client';
import type { QueueItem } from './queue';
import { senderFor } from './sender';

const key = '00000000-0000-4000-8000-0000000000bb';
const queued = (kind: QueueItem['kind'], payload: Record<string, unknown>): QueueItem => ({
  key,
  kind,
  label: 'x',
  payload,
  createdAt: 0,
  attempts: 0,
  nextAttemptAt: 0,
  state: 'pending',
});
const link = { ref: 'INC-9', idempotencyKey: key, customer: { name: 'Olga Petrova' }, crm: { system: 'zendesk' } };

function apiRecording(answer: unknown) {
  const calls: unknown[] = [];
  const mutate = async (input: unknown) => {
    calls.push(input);
    return answer;
  };
  return { calls, api: { incidents: { create: { mutate }, addAffectedCustomer: { mutate } } } as unknown as Api };
}

describe('sending a queued item', () => {
  beforeEach(() => fakeBrowser.reset());

  it("adds the customer and reports the original's reference and its new count", async () => {
    const { api, calls } = apiRecording({ reference: 'INC-3', affectedCustomers: 4 });
    expect(await senderFor(api)(queued('link', link))).toEqual({ ok: true, reference: 'INC-3', affectedCustomers: 4 });
    expect(calls).toEqual([link]);
  });

  it('refuses a stored item that no longer fits the shared schema, without asking the server', async () => {
    const { api, calls } = apiRecording({ reference: 'INC-3', affectedCustomers: 4 });
    expect(await senderFor(api)(queued('link', { ...link, customer: { name: '' } }))).toEqual({
      ok: false,
      permanent: true,
      error: 'Customer name is required',
    });
    expect(await senderFor(api)(queued('create', { title: 'x' }))).toMatchObject({ ok: false, permanent: true });
    expect(calls).toEqual([]);
  });

  it('does not count an answer it cannot read as sent', async () => {
    const { api } = apiRecording({ id: 5 });
    expect(await senderFor(api)(queued('link', link))).toMatchObject({ ok: false, permanent: false });
  });
});
