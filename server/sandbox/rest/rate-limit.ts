import type { Clock } from "../../../src/core/clock";

/** Counts requests per key in a sliding window; `hit` says whether the key is now over the limit. */
export class SlidingWindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string): boolean {
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((time) => now - time < this.windowMs);
    recent.push(now);
    this.hits.set(key, recent);
    return recent.length > this.limit;
  }

  clear(): void {
    this.hits.clear();
  }
}
