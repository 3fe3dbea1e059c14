import type { Clock } from "../clock";
import { nextLocalMidnightMs } from "../time/local-time";

/** A DayCache as plain JSON, for OfficeRuntime.storage (a workbook reopened the same day needs no requests). */
export interface DayCacheSnapshot<V> {
  expiresAtMs: number;
  entries: [key: string, value: V][];
}

/**
 * Entries that all end at the next local midnight (instrument ids can change overnight, API.md 3.1). After that
 * the cache starts empty again, until the midnight after.
 */
export class DayCache<V> {
  private entries = new Map<string, V>();
  private expiresAtMs: number;
  private day = 0;

  constructor(private readonly clock: Clock, private readonly timeZone?: string) {
    this.expiresAtMs = nextLocalMidnightMs(clock.now(), timeZone);
  }

  get(key: string): V | undefined {
    this.expireIfDue();
    return this.entries.get(key);
  }

  /** Stores `value` unless the day ended since `dayToken()` was read (an answer of yesterday is not kept). */
  set(key: string, value: V, dayToken = this.dayToken()): void {
    this.expireIfDue();
    if (dayToken === this.day) this.entries.set(key, value);
  }

  /** Which day the cache is in; hand it back to `set` when an answer arrives later. */
  dayToken(): number {
    this.expireIfDue();
    return this.day;
  }

  get size(): number {
    this.expireIfDue();
    return this.entries.size;
  }

  snapshot(): DayCacheSnapshot<V> {
    this.expireIfDue();
    return { expiresAtMs: this.expiresAtMs, entries: [...this.entries] };
  }

  /** Takes over a snapshot's entries while it has not expired; an expired or malformed one is ignored (false). */
  restore(snapshot: DayCacheSnapshot<V> | undefined): boolean {
    this.expireIfDue();
    if (!snapshot || typeof snapshot.expiresAtMs !== "number" || !Array.isArray(snapshot.entries)) return false;
    if (this.clock.now() >= snapshot.expiresAtMs) return false;
    for (const [key, value] of snapshot.entries) this.entries.set(key, value);
    return true;
  }

  private expireIfDue(): void {
    const now = this.clock.now();
    if (now < this.expiresAtMs) return;
    this.entries = new Map();
    this.day++;
    this.expiresAtMs = nextLocalMidnightMs(now, this.timeZone);
  }
}
