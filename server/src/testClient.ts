import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from './routers/_app.js';

/**
 * A tRPC client as the extensions build it, for tests and benchmarks: batched HTTP for queries
 * and mutations, SSE for subscriptions. `auth: 'header'` sends the bearer token on the event
 * stream too; `'connectionParams'` sends it the way a browser EventSource must.
 */
export function testClient(url: string, token: string | null, auth: 'header' | 'connectionParams' = 'header') {
  const headers = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          EventSource,
          ...(auth === 'header'
            ? {
                eventSourceOptions: () => ({
                  fetch: (input: string | URL | Request, init?: RequestInit) =>
                    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers() } }),
                }),
              }
            : { connectionParams: () => (token ? { token } : {}) }),
        }),
        false: httpBatchLink({ url: `${url}/trpc`, headers }),
      }),
    ],
  });
}
