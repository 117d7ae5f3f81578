import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { MAX_BATCH_SIZE } from '@handoff/shared';
import type { AppRouter } from '@handoff/server';

export type HandoffClient = ReturnType<typeof createHandoffClient>;

/**
 * The tRPC client: queries and mutations over HTTP batching, live events over SSE.
 * Node's extension host has no global EventSource, so the `eventsource` package provides one;
 * the token travels as a bearer header for HTTP and as connectionParams for SSE (see contract).
 * A batch carries at most MAX_BATCH_SIZE calls: the server refuses bigger ones (400), so calls
 * made together (one list per team) are split into several requests instead.
 */
export function createHandoffClient(serverUrl: string, token: string) {
  const url = `${serverUrl.replace(/\/+$/, '')}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, EventSource, connectionParams: () => ({ token }) }),
        false: httpBatchLink({ url, maxItems: MAX_BATCH_SIZE, headers: () => ({ authorization: `Bearer ${token}` }) }),
      }),
    ],
  });
}
