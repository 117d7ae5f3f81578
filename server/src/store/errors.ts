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

/** Why the store cannot serve requests right now: the disk is full, or the database is unreachable. */
export type StoreFault = 'disk_full' | 'unavailable';

const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08P01']);
const NET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN']);

/**
 * Classifies a store error that is the server's condition, not the client's mistake: the
 * caller gets a 503 saying so (and can retry), never a 500.
 */
export function storeFault(err: unknown): StoreFault | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'disk_full';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_BUSY' || code === 'SQLITE_READONLY') return 'unavailable';
  if (PG_UNAVAILABLE.has(code) || NET_ERRORS.has(code)) return 'unavailable';
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) {
    return 'unavailable';
  }
  return null;
}

export const FAULT_MESSAGES: Record<StoreFault, string> = {
  disk_full: "The server's disk is full: nothing was saved. Ask an admin to free space; then try again.",
  unavailable: 'The database is unreachable right now: nothing was saved. Try again in a moment.',
};
