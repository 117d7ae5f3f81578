import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TRPCClientError } from '@trpc/client';
import type { Api } from '../api/client';
import { readQueue } from './queue';
import { submitNow } from './submit';

const key = '00000000-0000-4000-8000-0000000000aa';
const apiThat = (create: () => Promise<unknown>) => ({ incidents: { create: { mutate: create } } }) as unknown as Api;
const payload = {
  idempotencyKey: key,
  title: 'Checkout crashes',
  category: 'crash',
  product: 'Shop',
  customer: { name: 'Abel Tuter' },
  crm: { system: 'servicenow' },
  severity: 'medium',
};
const item = { key, kind: 'create' as const, label: 'x', payload };
const created = { reference: 'INC-5', status: 'new', team: 'platform', created: true };

describe('submit through the queue', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the reference and leaves nothing queued', async () => {
    expect(
      await submitNow(
        apiThat(async () => created),
        item,
      ),
    ).toEqual({ kind: 'created', reference: 'INC-5' });
    expect((await readQueue()).queue).toEqual([]);
  });

  it('keeps the capture queued when the server cannot be reached', async () => {
    const r = await submitNow(
      apiThat(async () => Promise.reject(new TRPCClientError('Failed to fetch'))),
      item,
    );
    expect(r).toEqual({ kind: 'queued', error: 'Failed to fetch' });
    expect((await readQueue()).queue.map((q) => q.key)).toEqual([key]);
  });

  it('hands a rejection back to the form and removes it from the queue', async () => {
    const bad = new TRPCClientError('Required: Which invoice?', {
      result: { error: { message: 'm', code: -32600, data: { code: 'BAD_REQUEST' } } } as never,
    });
    expect(
      await submitNow(
        apiThat(async () => Promise.reject(bad)),
        item,
      ),
    ).toEqual({ kind: 'rejected', error: 'Required: Which invoice?' });
    expect((await readQueue()).queue).toEqual([]);
  });
});
