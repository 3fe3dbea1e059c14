/**
 * Start times of the requests of the last window. `nextFreeAtMs` says when one more may start so that no window
 * of `windowMs` (any start point, not calendar minutes) ever holds more than `maxPerWindow` starts.
 */
export class SlidingWindow {
  private readonly starts: number[] = [];
  private head = 0;

  constructor(readonly maxPerWindow: number, readonly windowMs: number) {
    if (!Number.isInteger(maxPerWindow) || maxPerWindow < 1) throw new RangeError(`maxPerWindow must be a whole number of at least 1, not ${maxPerWindow}.`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be more than 0, not ${windowMs}.`);
  }

  /** Starts within the window that ends at `nowMs`. */
  count(nowMs: number): number {
    this.forget(nowMs);
    return this.starts.length - this.head;
  }

  /** When the next start is allowed: `nowMs` itself when there is room. */
  nextFreeAtMs(nowMs: number): number {
    if (this.count(nowMs) < this.maxPerWindow) return nowMs;
    // The oldest start that still counts must leave the window first.
    return this.starts[this.starts.length - this.maxPerWindow] + this.windowMs;
  }

  record(nowMs: number): void {
    this.starts.push(nowMs);
  }

  private forget(nowMs: number): void {
    while (this.head < this.starts.length && nowMs - this.starts[this.head] >= this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.starts.length) {
      this.starts.splice(0, this.head);
      this.head = 0;
    }
  }
}
