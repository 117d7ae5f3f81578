import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '@handoff/server';

export type HandoffClient = ReturnType<typeof createHandoffClient>;

/**
 * The tRPC client: queries and mutations over HTTP batching, live events over SSE.
 * Node's extension host has no global EventSource, so the `eventsource` package provides one;
 * the token travels as a bearer header for HTTP and as connectionParams for SSE (see contract).
 */
export function createHandoffClient(serverUrl: string, token: string) {
  const url = `${serverUrl.replace(/\/+$/, '')}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, EventSource, connectionParams: () => ({ token }) }),
        false: httpBatchLink({ url, headers: () => ({ authorization: `Bearer ${token}` }) }),
      }),
    ],
  });
}
