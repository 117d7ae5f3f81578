import type { IncomingMessage } from 'node:http';
import type { User } from '@handoff/shared';
import type { EventHub } from './events/hub.js';
import type { CatalogCache } from './store/catalog.js';
import type { IncidentStore } from './store/incidents.js';
import type { ReleaseStore } from './store/releases.js';
import type { ReleaseLogRow, TimelineRow } from './store/schema.js';
import type { Store } from './store/store.js';

export interface Services {
  store: Store;
  incidents: IncidentStore;
  releases: ReleaseStore;
  catalog: CatalogCache;
  /** Fans out incident timeline rows and release log rows to live subscribers. */
  hub: EventHub<TimelineRow>;
  releaseHub: EventHub<ReleaseLogRow>;
}

export interface Context extends Services {
  /** Null when the request carried no token or an unknown one. */
  user: User | null;
  /** True when a token was sent but matched no user (401 says "invalid" rather than "missing"). */
  tokenRejected: boolean;
}

/** Builds a context without HTTP, for tests and `createCaller`. */
export function createContextInner(services: Services, user: User | null): Context {
  return { ...services, user, tokenRejected: false };
}

function bearer(value: string | string[] | undefined): string | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

/**
 * Reads the caller's token from `Authorization: Bearer …`, or, for EventSource clients that
 * cannot set headers, from the tRPC `connectionParams` (`{ token }`).
 */
export async function createContext(
  services: Services,
  req: IncomingMessage,
  connectionParams: Record<string, string | undefined> | null,
): Promise<Context> {
  const token = bearer(req.headers.authorization) ?? connectionParams?.token;
  if (!token) return createContextInner(services, null);
  const user = await services.store.userByToken(token);
  return { ...services, user, tokenRejected: user === null };
}
