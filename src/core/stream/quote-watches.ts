import { STREAM_LEVELS, type StreamLevel } from "../wire/realtime";
import type { QuoteSink } from "./feed";
import type { WatchCondition } from "./watch-condition";

/** One watched instrument: counts per level, the sinks that receive it, and what they were last told. */
export interface WatchedInstrument {
  readonly id: string;
  /** Watches per level, indexed as STREAM_LEVELS (Trades, TopOfBook, Book). */
  readonly counts: [number, number, number];
  /** Each sink with the number of its watches. */
  readonly sinks: Map<QuoteSink, number>;
  /** The condition last told to the sinks (undefined: nothing told yet). */
  told: WatchCondition | null | undefined;
  /** It streamed once: during a reconnect it keeps its last value instead of turning "pending". */
  everLive: boolean;
}

/**
 * The reference-counted quote watches of a feed. Map order is first-watch order: the 3,000 cap admits the
 * earliest watched instruments, and a waiting one moves up as soon as an earlier one goes.
 */
export class QuoteWatches {
  private readonly byId = new Map<string, WatchedInstrument>();

  get size(): number {
    return this.byId.size;
  }

  get(instrumentId: string): WatchedInstrument | undefined {
    return this.byId.get(instrumentId);
  }

  all(): IterableIterator<WatchedInstrument> {
    return this.byId.values();
  }

  /** Adds one watch; returns the instrument. */
  add(instrumentId: string, level: StreamLevel, sink: QuoteSink): WatchedInstrument {
    let entry = this.byId.get(instrumentId);
    if (!entry) {
      entry = { id: instrumentId, counts: [0, 0, 0], sinks: new Map(), told: undefined, everLive: false };
      this.byId.set(instrumentId, entry);
    }
    entry.counts[STREAM_LEVELS.indexOf(level)]++;
    entry.sinks.set(sink, (entry.sinks.get(sink) ?? 0) + 1);
    return entry;
  }

  /** Removes one watch added with the same arguments; returns whether the instrument is still watched. */
  remove(instrumentId: string, level: StreamLevel, sink: QuoteSink): boolean {
    const entry = this.byId.get(instrumentId);
    if (!entry) return false;
    const index = STREAM_LEVELS.indexOf(level);
    if (entry.counts[index] > 0) entry.counts[index]--;
    const sinkCount = (entry.sinks.get(sink) ?? 0) - 1;
    if (sinkCount > 0) entry.sinks.set(sink, sinkCount);
    else entry.sinks.delete(sink);
    if (entry.counts.some((count) => count > 0)) return true;
    this.byId.delete(instrumentId);
    return false;
  }

  /** The level to subscribe: the highest one in use. */
  static levelOf(entry: WatchedInstrument): StreamLevel {
    for (let index = STREAM_LEVELS.length - 1; index > 0; index--) if (entry.counts[index] > 0) return STREAM_LEVELS[index];
    return STREAM_LEVELS[0];
  }

  /** Tells the instrument's sinks its condition, unless they were told the same already (or `always`). */
  static tell(entry: WatchedInstrument, condition: WatchCondition | null, always: boolean, deliver: (call: () => void) => void): void {
    if (!always && entry.told !== undefined && (entry.told?.message ?? null) === (condition?.message ?? null)) return;
    entry.told = condition;
    for (const sink of entry.sinks.keys()) deliver(() => sink.condition(condition));
  }

  /** The ids the cap admits: the first `max` in first-watch order. */
  admitted(max: number): Set<string> {
    const ids = new Set<string>();
    for (const id of this.byId.keys()) {
      if (ids.size >= max) break;
      ids.add(id);
    }
    return ids;
  }
}
