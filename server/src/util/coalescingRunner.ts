/**
 * Runs an async task one at a time. A call while it runs does not start a second run; it makes
 * exactly one more run follow the current one, and its promise resolves after that run, so no
 * request to run is lost and none runs twice concurrently.
 */
export class CoalescingRunner {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.task();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Resolves when no run is in progress (errors of the run are not re-thrown here). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
