import type { AppRouter } from '@handoff/server';
import type { User, Visibility } from '@handoff/shared';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';

/** Who is signed in, and the CSRF token every call with the session cookie must carry. */
export interface Session {
  user: User;
  csrf: string;
  visibility: Visibility;
}

const CSRF_HEADER = 'x-handoff-csrf';

async function sessionCall(method: 'GET' | 'POST' | 'DELETE', body?: unknown, csrf?: string): Promise<Response> {
  return fetch('/console/session', {
    method,
    credentials: 'same-origin',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** The current session, or null when not signed in. */
export async function currentSession(): Promise<Session | null> {
  const res = await sessionCall('GET');
  return res.ok ? ((await res.json()) as Session) : null;
}

/** Exchanges a personal token for a session cookie; throws with the server's message. */
export async function signIn(token: string): Promise<Session> {
  const res = await sessionCall('POST', { token });
  const body = (await res.json()) as Session & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `Sign-in failed (${res.status}).`);
  return body;
}

export async function signOut(session: Session): Promise<void> {
  await sessionCall('DELETE', undefined, session.csrf);
}

export type Api = ReturnType<typeof apiFor>;

/**
 * The tRPC client of a session: the cookie goes along (same origin), the CSRF token as a header —
 * or, for live streams (EventSource sends no headers), as a connection parameter.
 */
export function apiFor(session: Session) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc', connectionParams: () => ({ csrf: session.csrf }) }),
        false: httpBatchLink({ url: '/trpc', headers: () => ({ [CSRF_HEADER]: session.csrf }) }),
      }),
    ],
  });
}

/** True when the server says the session is gone (signed out elsewhere, token replaced). */
export function sessionEnded(err: unknown): boolean {
  return err instanceof TRPCClientError && err.data?.httpStatus === 401;
}
