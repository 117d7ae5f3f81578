import { type Action, check } from '@handoff/shared';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.js';
import { FAULT_MESSAGES, storeFault } from './store/errors.js';

/** "title: Too small …; customer.email: Invalid email" — names each field and what is allowed. */
function describeZodError(err: ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

/** SSE keep-alive: a ping every 15 s; clients reconnect after 40 s of silence. */
export const SSE_OPTIONS = {
  ping: { enabled: true, intervalMs: 15_000 },
  client: { reconnectAfterInactivityMs: 40_000 },
};

const t = initTRPC.context<Context>().create({
  isDev: false, // never send stack traces to clients
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    if (zod) {
      return {
        ...shape,
        message: describeZodError(zod),
        data: { ...shape.data, issues: zod.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
      };
    }
    // Unexpected failures are logged in full; the caller gets no internals.
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error' };
    return shape;
  },
  sse: SSE_OPTIONS,
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure's base: a full disk or an unreachable database is the server's condition,
 * not a bug — the caller gets 503 with what happened (nothing was saved), never a 500.
 */
const base = t.procedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const fault = storeFault(result.error.cause);
    if (fault) {
      ctx.store.noteFault(fault, result.error.cause);
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: FAULT_MESSAGES[fault], cause: result.error.cause });
    }
  }
  return result;
});
export const publicProcedure = base;

/**
 * A procedure for one action of the shared permission model: 401 without a valid token, 403 for
 * a role the model does not allow (checks on the incident itself happen in the handler, where
 * the incident is known — see access.ts).
 */
export function procedureFor(action: Action) {
  return base.use(({ ctx, next }) => {
    if (!ctx.user) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: ctx.tokenRejected
          ? `The token is not valid: it is unknown or was revoked, or its account was deactivated. ${ctx.tokenHelp}`
          : 'Sign in first: send "Authorization: Bearer <token>".',
      });
    }
    const decision = check(ctx.user, action);
    if (!decision.ok) throw new TRPCError({ code: 'FORBIDDEN', message: decision.reason });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}
