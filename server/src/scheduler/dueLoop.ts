import { log } from '../log.js';

export interface DueWork {
  /** Does what is due; true when there may be more due right away (a full batch). */
  tick(): Promise<boolean>;
  /** Milliseconds until the next stored due time, or null when nothing waits. */
  nextDueIn(): Promise<number | null>;
}

/**
 * Runs `work` whenever something stored in the database falls due: after each tick it sleeps
 * until the next due time, at most `pollMs` (due times written by another instance are seen
 * within it). Nothing is kept in memory, so work due while the server was down runs at start.
 */
export class DueLoop {
  private stopped = true;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly work: DueWork,
    private readonly pollMs: number,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Looks again now (after a change queued something). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let more = false;
      try {
        more = await this.work.tick();
      } catch (err) {
        log.error({ err }, `${this.name}: tick failed; retrying`);
      }
      if (this.stopped) break;
      const next = more ? 0 : await this.work.nextDueIn().catch(() => null);
      const wait = Math.min(this.pollMs, next ?? this.pollMs);
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, wait);
      });
    }
  }
}
