import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_REF_PREFIX, isValidRefPrefix, type Role } from '@handoff/shared';
import type { Services } from './context.js';
import { seedDemo } from './demo.js';
import { EventHub } from './events/hub.js';
import { PgListener } from './events/pgListener.js';
import { createRequestListener } from './http.js';
import { CatalogCache } from './store/catalog.js';
import { IncidentStore } from './store/incidents.js';
import { ReleaseStore } from './store/releases.js';
import { Store } from './store/store.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string | undefined;
  refPrefix?: string;
  demo?: boolean;
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  /** Tokens of the demo users, by role (only with `demo`). */
  demoTokens: Record<Role, string> | null;
  addUser(input: { name: string; role: Role; teams?: string[] }): Promise<string>;
  close(): Promise<void>;
}

/** Thrown when the port cannot be bound; the message says what to do. */
export class PortInUseError extends Error {
  static is(e: unknown): e is PortInUseError {
    return e instanceof PortInUseError;
  }
}

/** Opens the store (migrating it), then serves HTTP; `close()` ends streams and connections. */
export async function openServices(opts: ServerOptions): Promise<Services & { close(): Promise<void> }> {
  const prefix = opts.refPrefix ?? DEFAULT_REF_PREFIX;
  if (!isValidRefPrefix(prefix)) throw new Error(`Reference prefix "${prefix}" must be one to ten letters.`);
  const store = await Store.open({
    dataDir: opts.dataDir ?? './data',
    databaseUrl: opts.databaseUrl,
    sqliteSynchronous: opts.sqliteSynchronous,
  });
  const incidents = new IncidentStore(store, prefix.toUpperCase());
  const releases = new ReleaseStore(store, incidents);
  const hub = new EventHub(incidents);
  const releaseHub = new EventHub(releases);
  await Promise.all([hub.start(), releaseHub.start()]);
  const poke = () => {
    void hub.poke();
    void releaseHub.poke();
  };
  store.onCommit = poke;
  const listener = store.pgConfig ? new PgListener(store.pgConfig, poke) : null;
  await listener?.start();
  return {
    store,
    incidents,
    releases,
    catalog: new CatalogCache(store.db),
    hub,
    releaseHub,
    async close() {
      await Promise.all([hub.stop(), releaseHub.stop()]);
      await listener?.stop();
      await store.close();
    },
  };
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const services = await openServices(opts);
  const demoTokens = opts.demo ? await seedDemo(services) : null;
  const server = http.createServer(createRequestListener(services));
  server.requestTimeout = 0; // SSE streams stay open; tRPC pings keep them alive
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 4100, host, () => resolve());
    });
  } catch (err) {
    await services.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      throw new PortInUseError(`Port ${opts.port} on ${host} is already in use: stop the other server or choose another with --port.`);
    }
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    services,
    demoTokens,
    async addUser(input) {
      return (await services.store.addUser({ ...input, teams: input.teams ?? [] })).token;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.close();
    },
  };
}
