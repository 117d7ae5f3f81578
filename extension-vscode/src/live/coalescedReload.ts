/**
 * Reloads a view's data on live events without delay and without piling up: the first event
 * starts a load at once; events that arrive while it runs ask for exactly one more load after it
 * (the data a burst left behind), never one per event. A debounce would add its delay to every
 * change a person is waiting to see.
 */
export class CoalescedReload {
  private pending: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly load: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Loads now, or joins the load in progress (which the caller may await). */
  run(): Promise<void> {
    this.pending ??= this.load().finally(() => {
      this.pending = null;
      if (this.again) {
        this.again = false;
        this.soon();
      }
    });
    return this.pending;
  }

  /** For a live event: loads now, or once more after the load in progress. */
  soon(): void {
    if (this.pending !== null) {
      this.again = true;
      return;
    }
    this.run().catch(this.onError);
  }
}
