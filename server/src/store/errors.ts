import { TRPCError } from '@trpc/server';

export const notFound = (what: string) => new TRPCError({ code: 'NOT_FOUND', message: `${what} was not found.` });
export const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
export const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });
export const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

/** Unique-key violations look different on each engine; this is the one check for both. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505';
}
