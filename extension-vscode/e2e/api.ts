import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@handoff/server';

/** A plain HTTP client for the test to seed data and check effects on the server. */
export function apiClient(url: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })],
  });
}
