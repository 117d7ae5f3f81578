import { StaffMail } from './mail/staffMail.js';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { DEFAULT_REF_PREFIX, isValidRefPrefix, type Role, type Visibility } from '@handoff/shared';
import type { Services } from './context.js';
import { DEMO_TOKEN_FILE, seedDemo } from './demo.js';
import { CredentialWatch } from './events/credentialWatch.js';
import { EventHub } from './events/hub.js';
import { InsightRunner } from './insights/runner.js';
import { UpgradeWatch } from './insights/upgradeWatch.js';
import { PgListener } from './events/pgListener.js';
import { capConnectionsPerAddress, createRequestListener } from './http.js';
import { DEFAULT_ALLOWED_ORIGINS } from './http/cors.js';
import { DEFAULT_LIMITS, type HttpLimits } from './http/limits.js';
import { DEFAULT_SIGN_IN_GUARD, SignInGuard, type SignInGuardOptions } from './http/signInGuard.js';
import { AdminStore } from './store/admin.js';
import { CatalogCache } from './store/catalog.js';
import { CustomerData } from './store/customerData/customerData.js';
import { type RetentionOptions, RetentionScheduler } from './store/customerData/retention.js';
import { lockDataDir } from './store/dataDirLock.js';
import { IncidentReader } from './store/incidentReads.js';
import { IncidentStore } from './store/incidents.js';
import { ReleaseStore } from './store/releases.js';
import { SlaConfigStore } from './store/sla.js';
import { SlaTimerStore } from './store/slaTimers.js';
import { Store } from './store/store.js';
import { type SchedulerOptions, SlaScheduler } from './sla/scheduler.js';
import { FeedTokenStore } from './store/feedTokens.js';
import { ShareStore } from './store/shares.js';
import { CrmMappingStore } from './store/crmMappings.js';
import type { CustomerLimits } from './web/customer/routes.js';
import { MailScheduler, outboxFolder } from './mail/mailScheduler.js';
import { DEFAULT_OUTBOX_TIMING, MailOutbox, type OutboxTiming } from './mail/outbox.js';
import { OutboxFiles } from './mail/outboxFiles.js';
import { folderSender, smtpSender } from './mail/sender.js';
import { MailSubscriptions } from './mail/subscriptions.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string | undefined;
  refPrefix?: string;
  demo?: boolean;
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** SQLite: checkpoint the write-ahead log from a worker thread (default true; benchmarks turn it off to compare). */
  walCheckpointer?: boolean;
  /** `team` (default): other teams' incidents in summary only; `open`: everyone sees everything. */
  visibility?: Visibility;
  /** Origins whose pages may call the API (CORS); default: browser-extension pages. */
  allowedOrigins?: readonly string[];
  limits?: Partial<HttpLimits>;
  signInGuard?: SignInGuardOptions;
  /** Service-level scheduler: how often it looks at the store at most (ms), or off (tests of other things, benchmarks). */
  sla?: SchedulerOptions & { scheduler?: boolean };
  /** Upgrade warnings: how often a serving instance looks for new ones (ms), or off. */
  upgrades?: { intervalMs?: number; watch?: boolean };
  /** Erase the personal data of incidents closed longer than this many days (off when absent). */
  retentionDays?: number | undefined;
  /** How often retention is due and checked (tests shorten them). */
  retentionTiming?: Omit<RetentionOptions, 'days'>;
  /** The address customers' page links use (the server may sit behind a proxy); default: its own. */
  publicUrl?: string;
  /** Rate limits of customers' comment and evaluation forms. */
  customerLimits?: CustomerLimits;
  /** Days a customer's link keeps working after its incident closed (default 30). */
  shareDaysAfterClose?: number;
  /** SMTP server for customers' e-mail updates (`smtp://user:pass@host:587`); without it mails go to `<data dir>/outbox` and the page says updates are off. */
  smtpUrl?: string | undefined;
  /** Mail delivery: sender address, outbox timing (tests shorten it), or no scheduler (command-line tools). */
  mail?: { from?: string; timing?: Partial<OutboxTiming>; pollMs?: number; scheduler?: boolean; staffImagesMaxBytes?: number };
}

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  /** The retention policy's scheduler, when `retentionDays` is set. */
  retention: RetentionScheduler | null;
  /** Tokens of the demo users, by role (only with `demo`). */
  demoTokens: Record<Role, string> | null;
  addUser(input: { name: string; role: Role; teams?: string[] }): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_SHARE_DAYS_AFTER_CLOSE = 30;

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
    walCheckpointer: opts.walCheckpointer,
  });
  const incidents = new IncidentStore(store, prefix.toUpperCase());
  const reads = new IncidentReader(store, prefix.toUpperCase());
  const releases = new ReleaseStore(store, incidents);
  const slaConfig = new SlaConfigStore(store);
  const slaTimers = new SlaTimerStore(store, slaConfig, opts.sla?.now);
  incidents.slaHook = (trx, before, after, entry) => slaTimers.onIncidentChange(trx, before, after, entry);
  reads.slaOf = (ids) => slaTimers.slaOf(ids);
  const scheduler = new SlaScheduler(store, incidents, opts.sla);
  const hub = new EventHub(incidents);
  const releaseHub = new EventHub(releases);
  const upgradeWatch = new UpgradeWatch(store, prefix.toUpperCase(), opts.upgrades?.intervalMs);
  const upgradeHub = new EventHub(upgradeWatch);
  upgradeWatch.onRaised = () => void upgradeHub.poke();
  await Promise.all([hub.start(), releaseHub.start(), upgradeHub.start()]);
  const poke = () => {
    void hub.poke();
    void releaseHub.poke();
    void upgradeHub.poke();
  };
  store.onCommit = poke;
  const listener = store.pgConfig ? new PgListener(store.pgConfig, poke) : null;
  await listener?.start();
  const credentials = new CredentialWatch(store.db);
  const admin = new AdminStore(store);
  admin.onCredentialsChanged = () => void credentials.check();
  const outbox = new MailOutbox(store, { ...DEFAULT_OUTBOX_TIMING, ...opts.mail?.timing });
  incidents.entryHook = (trx, incident, entry) => outbox.onEntry(trx, incident, entry);
  const policy = { visibility: opts.visibility ?? 'team' } as const;
  outbox.staff = new StaffMail(store, () => policy);
  const sender = opts.smtpUrl ? smtpSender(opts.smtpUrl) : folderSender(outboxFolder(opts.dataDir ?? './data'));
  // Swept also with SMTP on: the folder may hold copies from before it was configured.
  const outboxFiles = new OutboxFiles(store, outboxFolder(opts.dataDir ?? './data'));
  const insights = new InsightRunner(store, prefix.toUpperCase());
  upgradeWatch.compute = (now) => insights.run('upgradeWarnings', { filter: {}, teams: null, now });
  const services = {
    store,
    incidents,
    reads,
    releases,
    catalog: new CatalogCache(store.db),
    customerData: new CustomerData(store, incidents, outboxFiles),
    policy,
    tokenHelp: 'Ask an admin for a new one (handoff-server user add).',
    hub,
    releaseHub,
    signInGuard: new SignInGuard(opts.signInGuard ?? DEFAULT_SIGN_IN_GUARD),
    sla: { config: slaConfig, timers: slaTimers, scheduler },
    upgrades: { watch: upgradeWatch, hub: upgradeHub },
    insights,
    shares: new ShareStore(store, incidents, opts.shareDaysAfterClose ?? DEFAULT_SHARE_DAYS_AFTER_CLOSE),
    feedTokens: new FeedTokenStore(store),
    crmMappings: new CrmMappingStore(store),
    publicUrl: opts.publicUrl ?? `http://127.0.0.1:${opts.port ?? 4100}`,
    admin,
    credentials,
    mail: {
      enabled: sender.via === 'smtp',
      subscriptions: new MailSubscriptions(store),
      outbox,
      staff: outbox.staff,
      files: outboxFiles,
      scheduler: null as unknown as MailScheduler,
    },
    async close() {
      await scheduler.stop();
      await services.mail.scheduler.stop();
      await upgradeWatch.stop();
      await insights.close();
      credentials.stop();
      await Promise.all([hub.stop(), releaseHub.stop(), upgradeHub.stop()]);
      await listener?.stop();
      await store.close();
    },
  };
  services.mail.scheduler = new MailScheduler(store, outbox, sender, {
    publicUrl: () => services.publicUrl,
    from: opts.mail?.from ?? `Handoff <no-reply@${new URL(services.publicUrl).hostname}>`,
    prefix: prefix.toUpperCase(),
    policy: () => policy,
    files: outboxFiles,
    ...(opts.mail?.staffImagesMaxBytes === undefined ? {} : { staffImagesMaxBytes: opts.mail.staffImagesMaxBytes }),
    ...(opts.mail?.pollMs === undefined ? {} : { pollMs: opts.mail.pollMs }),
  });
  return services;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  // One server per SQLite data directory (PostgreSQL is shared by design).
  const lock = opts.databaseUrl ? null : lockDataDir(opts.dataDir ?? './data');
  let services: Awaited<ReturnType<typeof openServices>>;
  try {
    services = await openServices(opts);
  } catch (err) {
    lock?.release();
    throw err;
  }
  let demoTokens: Record<Role, string> | null = null;
  if (opts.demo) {
    const tokenFile = path.resolve(opts.dataDir ?? './data', DEMO_TOKEN_FILE);
    demoTokens = await seedDemo(services, { tokenFile });
    services.tokenHelp = `This is a demo server: use a token it printed when it started (they stay the same across restarts; also in ${tokenFile}).`;
  }
  const retention =
    opts.retentionDays === undefined
      ? null
      : new RetentionScheduler(services.store, services.customerData, { ...opts.retentionTiming, days: opts.retentionDays });
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node checks those timeouts (its default, 30 s, would let a slow body live a minute).
      connectionsCheckingInterval: Math.min(5000, limits.headersTimeoutMs),
    },
    createRequestListener(services, {
      limits,
      allowedOrigins: opts.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
      ...(opts.customerLimits ? { customerLimits: opts.customerLimits } : {}),
    }),
  );
  // Receiving a request is timed (a body trickled in byte by byte is cut off); answering a live
  // stream is not: it stays open, kept alive by pings.
  server.maxConnections = limits.maxConnections;
  capConnectionsPerAddress(server, limits.maxConnectionsPerAddress);
  const host = opts.host ?? '127.0.0.1';
  try {
    await services.sla.config.prepareCalendars();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 4100, host, () => resolve());
    });
  } catch (err) {
    await services.close();
    lock?.release();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      throw new PortInUseError(`Port ${opts.port} on ${host} is already in use: stop the other server or choose another with --port.`);
    }
    throw err;
  }
  // Background work starts once the port answers: none of it is needed to serve a request, and
  // on a busy machine the insight worker's start (its own module graph, on the other core) and
  // the first scheduler and upgrade checks (over every incident) would otherwise delay listening.
  // Only a serving instance raises warnings and breaches (command-line tools open the store too).
  if (opts.sla?.scheduler !== false) services.sla.scheduler.start();
  if (opts.mail?.scheduler !== false) services.mail.scheduler.start();
  if (opts.upgrades?.watch !== false) services.upgrades.watch.start();
  services.insights.warm();
  retention?.start();
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  if (!opts.publicUrl) services.publicUrl = `http://${urlHost}:${port}`;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    services,
    retention,
    demoTokens,
    async addUser(input) {
      return (await services.store.addUser({ ...input, teams: input.teams ?? [] })).token;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await retention?.stop();
      await services.close();
      lock?.release();
    },
  };
}
