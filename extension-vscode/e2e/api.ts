import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@handoff/server';
import { type Incident, MAX_BATCH_SIZE } from '@handoff/shared';

/** A plain HTTP client for the test to seed data and check effects on the server. */
export function apiClient(url: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, maxItems: MAX_BATCH_SIZE, headers: () => ({ authorization: `Bearer ${token}` }) })],
  });
}

/** The incident as the token's holder sees it, which must be in full (not another team's outline). */
export async function fullIncident(url: string, token: string, ref: string): Promise<Incident> {
  const view = await apiClient(url, token).incidents.byRef.query({ ref });
  if (view.access !== 'full') throw new Error(`${ref} is another team's incident for this user: only its outline came back`);
  return view;
}
