import type { Kysely } from 'kysely';
import { log } from '../log.js';
import type { Database } from '../store/schema.js';

/** An open live stream, as far as its credentials go. */
export interface WatchedStream {
  tokenId: number;
  userId: number;
  /** Role and teams when the stream opened: what it was allowed to see. */
  grant: string;
  /** The token was revoked or the account deactivated: the stream must end with 401. */
  revoked(): void;
  /** Role or teams changed: the stream must reconnect to be filtered by the new ones. */
  changed(): void;
}

export const grantOf = (user: { role: string; teams: readonly string[] }) => `${user.role}|${JSON.stringify(user.teams)}`;

/**
 * Ends open live streams whose token stops working. Requests check their token every time;
 * a stream was authorised once, so this re-checks all of them in one query: at once after a
 * change on this server, and every `intervalMs` for changes made through another server
 * sharing the database (or through the command line).
 */
export class CredentialWatch {
  private readonly streams = new Set<WatchedStream>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly intervalMs = 2_000,
  ) {}

  watch(stream: WatchedStream): () => void {
    this.streams.add(stream);
    this.timer ??= setInterval(() => void this.check(), this.intervalMs).unref();
    return () => {
      this.streams.delete(stream);
      if (this.streams.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Re-checks every open stream now (one query); concurrent calls share a run plus one more. */
  check(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.run()
      .catch((err: unknown) => log.warn({ err }, 'could not re-check the credentials of open live streams'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.check();
        }
      });
    return this.running;
  }

  private async run(): Promise<void> {
    if (this.streams.size === 0) return;
    const ids = [...new Set([...this.streams].map((s) => s.tokenId))];
    const rows = await this.db
      .selectFrom('tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 'u.role', 'u.teams'])
      .where('t.id', 'in', ids)
      .where('t.revoked_at', 'is', null)
      .where('u.deactivated_at', 'is', null)
      .execute();
    const working = new Map(rows.map((r) => [Number(r.id), grantOf({ role: r.role, teams: JSON.parse(r.teams) as string[] })]));
    for (const s of [...this.streams]) {
      const grant = working.get(s.tokenId);
      if (grant === undefined) {
        this.streams.delete(s);
        s.revoked();
      } else if (grant !== s.grant) {
        this.streams.delete(s);
        s.changed();
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.streams.clear();
  }
}
