/** One request's place in the window: it counts from its start until `windowMs` after it ends. */
export interface WindowSlot {
  endMs: number;
}

/**
 * The requests of the last window. A request counts from the moment it starts until `windowMs` after its answer:
 * Binck counts a request when it arrives, which is somewhere between the two (a browser may hold a request back
 * in its own queue), so this way no window of `windowMs` at Binck — any start point, not calendar minutes — ever
 * holds more than `maxPerWindow` of them. `nextFreeAtMs` says when one more may start.
 */
export class SlidingWindow {
  private slots: WindowSlot[] = [];

  constructor(readonly maxPerWindow: number, readonly windowMs: number) {
    if (!Number.isInteger(maxPerWindow) || maxPerWindow < 1) throw new RangeError(`maxPerWindow must be a whole number of at least 1, not ${maxPerWindow}.`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be more than 0, not ${windowMs}.`);
  }

  /** Requests in flight, and those answered within the last window. */
  count(nowMs: number): number {
    this.forget(nowMs);
    return this.slots.length;
  }

  /** When the next start is allowed: `nowMs` when there is room, Infinity while only an answer can make room. */
  nextFreeAtMs(nowMs: number): number {
    const counted = this.count(nowMs);
    if (counted < this.maxPerWindow) return nowMs;
    const frees = this.slots.map((slot) => slot.endMs + this.windowMs).sort((a, b) => a - b);
    return frees[counted - this.maxPerWindow];
  }

  /** A request starts now; complete its slot when it is answered. */
  record(_nowMs: number): WindowSlot {
    const slot = { endMs: Infinity };
    this.slots.push(slot);
    return slot;
  }

  complete(slot: WindowSlot, nowMs: number): void {
    slot.endMs = nowMs;
  }

  /** When each request counted now ended, one in flight at `nowMs` (it may end later): to hand the window over. */
  ends(nowMs: number): number[] {
    this.forget(nowMs);
    return this.slots.map((slot) => Math.min(slot.endMs, nowMs));
  }

  /** Counts requests that ended at `endsMs` (another runtime's): one later than `nowMs` ended now, an old one is dropped. */
  restore(endsMs: readonly number[], nowMs: number): void {
    for (const endMs of endsMs) this.slots.push({ endMs: Math.min(endMs, nowMs) });
    this.forget(nowMs);
  }

  private forget(nowMs: number): void {
    if (this.slots.some((slot) => nowMs - slot.endMs >= this.windowMs)) this.slots = this.slots.filter((slot) => nowMs - slot.endMs < this.windowMs);
  }
}
