/** How long a read started for a live event stays the answer for a detail that opens after it. */
const FRESH_MS = 5_000;

/**
 * Reads of an incident started the moment a live event names it. The escalation list reloads on
 * the event (one round trip) and only then opens or re-stamps the incident's detail, which reads
 * the incident (a second round trip). Started at the event, that read runs beside the list's
 * instead of after it; the detail takes it once. A read older than FRESH_MS is not used (the
 * person opened the detail later: it reads afresh), nor kept.
 */
export class EventPrefetch<T> {
  private readonly reads = new Map<string, { at: number; read: Promise<T> }>();

  constructor(
    private readonly load: (ref: string) => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A live event named `ref`: start reading it now (a later event replaces the read). */
  start(ref: string): void {
    const at = this.now();
    for (const [key, hit] of this.reads) if (at - hit.at > FRESH_MS) this.reads.delete(key);
    const read = this.load(ref);
    read.catch(() => undefined); // whoever takes it reads again
    this.reads.set(ref, { at, read });
  }

  /** The read started for `ref` within FRESH_MS, once; null when there is none. */
  take(ref: string): Promise<T> | null {
    const hit = this.reads.get(ref);
    this.reads.delete(ref);
    return hit && this.now() - hit.at <= FRESH_MS ? hit.read : null;
  }

  /** How many reads are waiting to be taken (tests). */
  get size(): number {
    return this.reads.size;
  }
}
