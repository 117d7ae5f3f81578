import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { ROLES } from '@handoff/shared';
import { checkConnection } from './checkConnection';

const trpcError = (code: string) =>
  new TRPCClientError('nope', { result: { error: { message: 'nope', code: -32001, data: { code } } } as never });

describe('options: server check', () => {
  const agent = async () => ({ id: 1, name: 'Alice', role: 'agent' as const, teams: [], visibility: 'team' as const });
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
    expect(await checkConnection('http://x', 't', async () => Promise.reject(trpcError('FORBIDDEN')))).toMatchObject({
      reason: 'wrongRole',
      detail: 'nope',
    });
    // A server that answers something other than who is signed in is not a Handoff server this panel knows.
    expect(await checkConnection('http://x', 't', async () => ({ id: 1, name: 'Alice', role: 'agent' }))).toMatchObject({
      reason: 'other',
    });
  });

  it.each(ROLES)('accepts a %s: the permission model offers each role something in the panel', async (role) => {
    const r = await checkConnection('http://x', 't', async () => ({ id: 2, name: 'Dana', role, teams: ['alpha'], visibility: 'team' }));
    expect(r).toMatchObject({ ok: true, user: { role } });
  });
});
