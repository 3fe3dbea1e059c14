/** How long to hold back requests after Binck could not be reached: doubling from the first delay up to the cap. */
export interface BackoffPolicy {
  backoffInitialMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_BACKOFF_POLICY: BackoffPolicy = { backoffInitialMs: 1_000, backoffMaxMs: 30_000 };

/** Consecutive failures and the instant before which nothing should be sent. */
export class Backoff {
  private failures = 0;
  private until = 0;

  constructor(private readonly policy: BackoffPolicy) {
    if (!(policy.backoffInitialMs > 0)) throw new RangeError(`backoffInitialMs must be more than 0, not ${policy.backoffInitialMs}.`);
    if (!(policy.backoffMaxMs >= policy.backoffInitialMs)) throw new RangeError(`backoffMaxMs must be at least backoffInitialMs (${policy.backoffInitialMs}), not ${policy.backoffMaxMs}.`);
  }

  get untilMs(): number {
    return this.until;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * A failure at `nowMs`: the pause grows (1 s, 2 s, 4 s … the cap). Failures during a pause (requests that were
   * already on their way) do not make it longer.
   */
  failed(nowMs: number): void {
    if (nowMs < this.until) return;
    const delayMs = Math.min(this.policy.backoffMaxMs, this.policy.backoffInitialMs * 2 ** this.failures);
    this.failures++;
    this.until = Math.max(this.until, nowMs + delayMs);
  }

  reset(): void {
    this.failures = 0;
    this.until = 0;
  }
}
