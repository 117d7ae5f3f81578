import { MAX_BATCH_SIZE } from '@handoff/shared';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from '@handoff/server';

export type Api = ReturnType<typeof createApi>;

/**
 * tRPC client for the Handoff server: batched HTTP for calls, SSE (token in connectionParams) for live events.
 * A batch never carries more calls than the server accepts in one request (it refuses the whole batch).
 */
export function createApi(serverUrl: string, token: string) {
  const url = `${serverUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, connectionParams: () => ({ token }) }),
        false: httpBatchLink({ url, maxItems: MAX_BATCH_SIZE, headers: () => ({ authorization: `Bearer ${token}` }) }),
      }),
    ],
  });
}
