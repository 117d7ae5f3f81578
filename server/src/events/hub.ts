import { CoalescingRunner } from '../util/coalescingRunner.js';
import { log } from '../log.js';

/** Where a hub reads its events from: an append-only table with increasing ids. */
export interface EventSource<Row extends { id: number }> {
  eventsAfter(afterId: number, limit: number): Promise<Row[]>;
  lastEventId(): Promise<number>;
}

const BATCH = 1000;
/** A lost wake-up (a dropped LISTEN connection, say) delays events by at most this long. */
const SAFETY_POLL_MS = 5000;

/**
 * Reads new events from the store once per commit and fans them out to every live
 * subscriber in this process, so 1,000 subscribers cost one query, not 1,000. Woken after
 * each local commit and, with PostgreSQL, by NOTIFY from other instances.
 */
export class EventHub<Row extends { id: number }> {
  private lastId = 0;
  private readonly listeners = new Set<(rows: Row[]) => void>();
  private readonly reader = new CoalescingRunner(() => this.readNew());
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly source: EventSource<Row>) {}

  async start(): Promise<void> {
    this.lastId = await this.source.lastEventId();
    this.timer = setInterval(() => this.poke(), SAFETY_POLL_MS);
    this.timer.unref();
  }

  /** Stops polling; waits for a read in flight so the store can close under it safely. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.listeners.clear();
    await this.reader.idle();
  }

  /** The id of the newest event already fanned out. */
  get position(): number {
    return this.lastId;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: (rows: Row[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for a read of new events; calls while a read runs coalesce into one more read. */
  poke(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.reader.run();
  }

  private async readNew(): Promise<void> {
    try {
      let rows: Row[];
      do {
        rows = await this.source.eventsAfter(this.lastId, BATCH);
        const last = rows[rows.length - 1];
        if (!last) break;
        this.lastId = last.id;
        for (const listener of this.listeners) listener(rows);
      } while (rows.length === BATCH);
    } catch (err) {
      // The next poke or the safety poll retries from the same position; nothing is skipped.
      log.warn({ error: (err as Error).message }, 'reading new events failed; retrying from the same position');
    }
  }
}
