import { DEFAULT_RESULT_INTERVAL_MS, type Clock, type TimerHandle } from "../core";

/**
 * Between a streaming cell and Excel: at most one setResult per interval, the newest value always delivered in
 * the end, and nothing sent when the value has not changed (arrays compared element by element).
 */
export class ResultCoalescer<T> {
  private delivered: { value: T } | undefined;
  private pending: { value: T } | undefined;
  private lastDeliveryMs = -Infinity;
  private timer: TimerHandle | undefined;
  private closed = false;

  constructor(
    private readonly setResult: (value: T) => void,
    private readonly clock: Clock,
    private readonly intervalMs = DEFAULT_RESULT_INTERVAL_MS,
  ) {}

  push(value: T): void {
    if (this.closed) return;
    this.pending = { value };
    if (this.timer) return;
    const dueMs = this.lastDeliveryMs + this.intervalMs;
    const now = this.clock.now();
    if (now >= dueMs) this.deliver();
    else this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.deliver();
    }, dueMs - now);
  }

  /** The cell was removed or recalculated away: nothing more is delivered. */
  close(): void {
    this.closed = true;
    this.pending = undefined;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private deliver(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending || this.closed) return;
    if (this.delivered && sameResult(this.delivered.value, pending.value)) return;
    this.delivered = pending;
    this.lastDeliveryMs = this.clock.now();
    this.setResult(pending.value);
  }
}

/** Equality of cell results: scalars by value (NaN equals NaN), arrays and plain objects by their contents. */
export function sameResult(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameResult(item, b[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // An error's message is not enumerable; CustomFunctions.Error may come from another realm (the preview's host frame).
  if (isError(a) && (!isError(b) || a.message !== b.message || a.name !== b.name)) return false;
  const keys = Object.keys(a);
  const record = (value: object) => value as Record<string, unknown>;
  return keys.length === Object.keys(b).length && keys.every((key) => sameResult(record(a)[key], record(b)[key]));
}

/** An Error of any realm (instanceof sees only this realm's). */
function isError(value: object): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === "[object Error]";
}
