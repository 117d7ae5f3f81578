import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface SignInGuardOptions {
  /** Failed sign-ins an address may make per window before it must wait. */
  failures: number;
  windowSeconds: number;
  /** How long an address that went over must wait (every request, valid token or not). */
  blockSeconds: number;
}

export const DEFAULT_SIGN_IN_GUARD: SignInGuardOptions = { failures: 20, windowSeconds: 60, blockSeconds: 120 };

/**
 * Backs off an address that keeps sending wrong tokens (rate-limiter-flexible, in memory: each
 * instance counts its own). While an address waits, its requests are refused before any token
 * is checked, so a guesser cannot tell a right token from a wrong one.
 */
export class SignInGuard {
  private readonly limiter: RateLimiterMemory;

  constructor(private readonly opts: SignInGuardOptions = DEFAULT_SIGN_IN_GUARD) {
    this.limiter = new RateLimiterMemory({ points: opts.failures, duration: opts.windowSeconds });
  }

  /** Milliseconds `address` must still wait, or 0 when it may try. */
  async waitFor(address: string): Promise<number> {
    const res = await this.limiter.get(address);
    return res && res.consumedPoints > this.opts.failures ? Math.max(res.msBeforeNext, 1) : 0;
  }

  /** Counts one failed sign-in from `address`; the last one allowed starts the wait. */
  async failed(address: string): Promise<void> {
    let consumed: number;
    try {
      consumed = (await this.limiter.consume(address)).consumedPoints;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      consumed = err.consumedPoints;
    }
    if (consumed >= this.opts.failures) await this.limiter.block(address, this.opts.blockSeconds);
  }
}
