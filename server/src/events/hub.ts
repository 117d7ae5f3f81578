import type { IncidentStore } from '../store/incidents.js';
import type { TimelineRow } from '../store/schema.js';

type Listener = (rows: TimelineRow[]) => void;

const BATCH = 1000;
/** A lost wake-up (a dropped LISTEN connection, say) delays events by at most this long. */
const SAFETY_POLL_MS = 5000;

/**
 * Reads new events from the store once per commit and fans them out to every live
 * subscriber in this process, so 1,000 subscribers cost one query, not 1,000. Woken after
 * each local commit and, with PostgreSQL, by NOTIFY from other instances.
 */
export class EventHub {
  private lastId = 0;
  private readonly listeners = new Set<Listener>();
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly incidents: IncidentStore) {}

  async start(): Promise<void> {
    this.lastId = await this.incidents.lastEventId();
    this.timer = setInterval(() => this.poke(), SAFETY_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }

  /** The id of the newest event already fanned out. */
  get position(): number {
    return this.lastId;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for a read of new events; calls while a read runs coalesce into one more read. */
  poke(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        let rows: TimelineRow[];
        do {
          rows = await this.incidents.eventsAfter(this.lastId, BATCH);
          const last = rows[rows.length - 1];
          if (!last) break;
          this.lastId = last.id;
          for (const listener of this.listeners) listener(rows);
        } while (rows.length === BATCH);
      } while (this.again);
    } catch (err) {
      // The next poke or the safety poll retries from the same position; nothing is skipped.
      console.error(`[handoff] reading new events failed: ${(err as Error).message}`);
    }
  }
}
