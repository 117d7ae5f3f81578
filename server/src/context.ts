import type { StaffMail } from './mail/staffMail.js';
import type { IncomingMessage } from 'node:http';
import type { AccessPolicy, User } from '@handoff/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { CredentialWatch } from './events/credentialWatch.js';
import type { EventHub } from './events/hub.js';
import type { InsightRunner } from './insights/runner.js';
import type { UpgradeWarningRow, UpgradeWatch } from './insights/upgradeWatch.js';
import type { SignInGuard } from './http/signInGuard.js';
import type { AdminStore } from './store/admin.js';
import type { CatalogCache } from './store/catalog.js';
import type { CustomerData } from './store/customerData/customerData.js';
import type { IncidentReader } from './store/incidentReads.js';
import type { IncidentStore } from './store/incidents.js';
import type { ReleaseStore } from './store/releases.js';
import type { FeedTokenStore } from './store/feedTokens.js';
import type { ShareStore } from './store/shares.js';
import type { CrmMappingStore } from './store/crmMappings.js';
import type { EventRow, ReleaseLogRow } from './store/schema.js';
import type { Store } from './store/store.js';
import type { SlaConfigStore } from './store/sla.js';
import type { SlaTimerStore } from './store/slaTimers.js';
import type { SlaScheduler } from './sla/scheduler.js';
import type { MailScheduler } from './mail/mailScheduler.js';
import type { MailOutbox } from './mail/outbox.js';
import type { OutboxFiles } from './mail/outboxFiles.js';
import type { MailSubscriptions } from './mail/subscriptions.js';
import { FAULT_MESSAGES, storeFault } from './store/errors.js';
import { csrfProblem } from './web/console/csrf.js';
import { ConsoleSessions, sessionIdOf } from './web/console/sessions.js';

export interface Services {
  store: Store;
  incidents: IncidentStore;
  reads: IncidentReader;
  releases: ReleaseStore;
  catalog: CatalogCache;
  /** Customers' data rights: export and erasure over every holder of personal data. */
  customerData: CustomerData;
  /** Who sees what beyond their teams (see the shared permission model). */
  policy: AccessPolicy;
  /** Fans out incident timeline rows and release log rows to live subscribers. */
  hub: EventHub<EventRow>;
  releaseHub: EventHub<ReleaseLogRow>;
  signInGuard: SignInGuard;
  /** Service levels: configuration, the incidents' stored timers, and the scheduler that raises them. */
  sla: { config: SlaConfigStore; timers: SlaTimerStore; scheduler: SlaScheduler };
  /** Upgrade warnings, raised once per version, and their live events. */
  upgrades: { watch: UpgradeWatch; hub: EventHub<UpgradeWarningRow> };
  /** Runs insights off the main thread (a worker with its own connection). */
  insights: InsightRunner;
  /** Links to customers' pages. */
  shares: ShareStore;
  /** Staff members' personal feed tokens. */
  feedTokens: FeedTokenStore;
  /** Teams' shared helpdesk mappings (taught fields per site). */
  crmMappings: CrmMappingStore;
  /** The address customers' links use (`--public-url`; the server's own address by default). */
  publicUrl: string;
  /** Accounts, tokens and the audit log. */
  admin: AdminStore;
  /** Ends open live streams whose token is revoked or whose account changes. */
  credentials: CredentialWatch;
  /** Customers' e-mail updates: `enabled` only with an SMTP server (otherwise mails go to the outbox folder). */
  mail: {
    enabled: boolean;
    subscriptions: MailSubscriptions;
    outbox: MailOutbox;
    scheduler: MailScheduler;
    staff: StaffMail;
    /** This instance's outbox folder (.eml copies without SMTP), swept of erased mails. */
    files: OutboxFiles;
  };
  /** What a person whose token is refused should do (a demo server says where its tokens are). */
  tokenHelp: string;
}

export interface Context extends Services {
  /** Null when the request carried no token or an unknown one. */
  user: User | null;
  /** True when a token was sent but matched no user (401 says "invalid" rather than "missing"). */
  tokenRejected: boolean;
  /** Which of the user's tokens the request came with (open streams end when it is revoked). */
  tokenId: number | null;
  /** The caller's network address (for the sign-in back-off and logs). */
  clientAddress: string;
}

/** Builds a context without HTTP, for tests and `createCaller`. */
export function createContextInner(services: Services, user: User | null): Context {
  return { ...services, user, tokenRejected: false, tokenId: null, clientAddress: 'local' };
}

function bearer(value: string | string[] | undefined): string | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

const ConnectionParamsSchema = z.object({ token: z.string().max(200).optional(), csrf: z.string().max(100).optional() }).nullish();

/**
 * Reads the caller's token from `Authorization: Bearer …`, or, for EventSource clients that
 * cannot set headers, from the tRPC `connectionParams` (`{ token }`). An address that sent too
 * many wrong tokens waits (429) before any token is looked at.
 */
export async function createContext(services: Services, req: IncomingMessage, connectionParams: unknown): Promise<Context> {
  const clientAddress = req.socket.remoteAddress ?? 'unknown';
  const params = ConnectionParamsSchema.safeParse(connectionParams);
  if (!params.success) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'connectionParams.token: must be a string (the bearer token).' });
  }
  const token = bearer(req.headers.authorization) ?? params.data?.token;
  const base = { ...services, clientAddress };
  if (!token) return { ...base, user: await consoleUser(services, req, params.data?.csrf), tokenRejected: false, tokenId: null };
  const wait = await services.signInGuard.waitFor(clientAddress);
  if (wait > 0) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many wrong tokens from your address: wait ${Math.ceil(wait / 1000)} s, then sign in with a valid token.`,
    });
  }
  let credential: { user: User; tokenId: number } | null;
  try {
    credential = await services.store.credentialByToken(token);
  } catch (err) {
    const fault = storeFault(err);
    if (!fault) throw err;
    services.store.noteFault(fault, err);
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: FAULT_MESSAGES[fault], cause: err });
  }
  if (!credential) {
    await services.signInGuard.failed(clientAddress);
    return { ...base, user: null, tokenRejected: true, tokenId: null };
  }
  return { ...base, user: credential.user, tokenRejected: false, tokenId: credential.tokenId };
}

/**
 * The user of the staff console's session cookie (HttpOnly, SameSite=Strict), if the request
 * carries one: only from the console's own pages and with the session's CSRF token (a header, or
 * for the console's live streams — EventSource sends no headers — a connection parameter); the session
 * is looked up on every request, so it ends with its token or user.
 */
async function consoleUser(services: Services, req: IncomingMessage, csrfParam: string | undefined): Promise<User | null> {
  const id = sessionIdOf(req.headers.cookie);
  if (!id) return null;
  const session = await new ConsoleSessions(services.store).find(id);
  if (!session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your console session has ended: sign in again with your token.' });
  }
  const problem = csrfProblem(req, session.csrf, csrfParam);
  if (problem) throw new TRPCError({ code: 'FORBIDDEN', message: problem });
  return session.user;
}
