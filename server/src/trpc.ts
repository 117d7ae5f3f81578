import { TRPCError, initTRPC } from '@trpc/server';
import type { Role } from '@handoff/shared';
import { ZodError } from 'zod';
import type { Context } from './context.js';

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
export const publicProcedure = t.procedure;

const ALL_ROLES: readonly Role[] = ['agent', 'reviewer', 'developer', 'lead', 'admin'];

/** A procedure callable by the given roles: 401 without a valid token, 403 for any other role. */
export function procedureFor(...roles: Role[]) {
  const allowed = roles.length ? roles : ALL_ROLES;
  return t.procedure.use(({ ctx, next, path }) => {
    if (!ctx.user) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: ctx.tokenRejected
          ? 'The token is not valid. Ask an admin for a new one (handoff-server user add).'
          : 'Sign in first: send "Authorization: Bearer <token>".',
      });
    }
    if (!allowed.includes(ctx.user.role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `${path} is for ${allowed.join(', ')}; you are signed in as ${ctx.user.role}.`,
      });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const authedProcedure = procedureFor();
