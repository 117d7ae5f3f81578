import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { refusalOf } from './refusal.js';

/** A client error as the tRPC client builds it from the server's answer. */
const answer = (message: string, data: Record<string, unknown>) =>
  new TRPCClientError(message, { result: { error: { message, code: -32600, data } } as never });

describe('refusalOf', () => {
  it('names the fields of zod issues by path', () => {
    const err = answer('id: Use lower-case letters', {
      code: 'BAD_REQUEST',
      issues: [{ path: ['id'], message: 'Use lower-case letters' }],
    });
    expect(refusalOf(err).fields).toEqual({ id: 'Use lower-case letters' });
  });

  it('names the field a check beyond zod puts before the colon', () => {
    const err = answer('plan: unknown plan "gold". Known plans: premium.', { code: 'BAD_REQUEST' });
    expect(refusalOf(err)).toEqual({
      message: 'plan: unknown plan "gold". Known plans: premium.',
      fields: { plan: 'unknown plan "gold". Known plans: premium.' },
    });
  });

  it('names no field for other refusals or plain sentences', () => {
    expect(refusalOf(answer('plan: not yours', { code: 'FORBIDDEN' })).fields).toEqual({});
    expect(refusalOf(answer("The server's disk is full: nothing was saved.", { code: 'BAD_REQUEST' })).fields).toEqual({});
    expect(refusalOf(new Error('offline')).fields).toEqual({});
  });
});
