import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { checkConnection } from './checkConnection';

const trpcError = (code: string) =>
  new TRPCClientError('nope', { result: { error: { message: 'nope', code: -32001, data: { code } } } as never });

describe('options: server check', () => {
  const agent = async () => ({ id: 1, name: 'Alice', role: 'agent' as const, teams: [] });
  it('accepts an agent and normalises the URL', async () => {
    expect(await checkConnection(' http://127.0.0.1:4100/ ', 't', agent)).toMatchObject({ ok: true, serverUrl: 'http://127.0.0.1:4100' });
  });
  it('names each failure', async () => {
    expect(await checkConnection('ftp://x', 't', agent)).toMatchObject({ reason: 'badUrl' });
    expect(await checkConnection('http://x', ' ', agent)).toMatchObject({ reason: 'noToken' });
    expect(await checkConnection('http://x', 't', agent, async () => false)).toMatchObject({ reason: 'noPermission' });
    expect(await checkConnection('http://x', 't', async () => Promise.reject(new TypeError('Failed to fetch')))).toMatchObject({
      reason: 'unreachable',
    });
    expect(await checkConnection('http://x', 't', async () => Promise.reject(trpcError('UNAUTHORIZED')))).toMatchObject({
      reason: 'wrongToken',
    });
    expect(
      await checkConnection('http://x', 't', async () => ({ id: 2, name: 'Dana', role: 'developer' as const, teams: [] })),
    ).toMatchObject({ reason: 'wrongRole', detail: 'developer' });
  });
});
