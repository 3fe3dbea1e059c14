import { silentLogger, type Logger } from "../log";
import type { Feed, QuoteSink } from "../stream/feed";
import { PENDING, type WatchCondition } from "../stream/watch-condition";
import type { QuoteMessage, QuoteType, StreamLevel } from "../wire/realtime";
import { applyQuoteMessage, emptyQuote, type InstrumentQuote } from "./quote-state";

/** What a watch receives: the instrument's state (the same object, updated in place), or why there is none. */
export type QuoteWatchUpdate = { kind: "quote"; quote: Readonly<InstrumentQuote> } | { kind: "condition"; condition: WatchCondition };
export type QuoteWatchListener = (update: QuoteWatchUpdate) => void;

/** One watched instrument: its state, its watchers, and the feed's word on it. */
class WatchedQuote implements QuoteSink {
  readonly state: InstrumentQuote;
  readonly listeners = new Set<QuoteWatchListener>();
  /** Types updated (qu) in the current subscription round: their qi is stale. */
  private readonly updatedTypes = new Set<QuoteType>();
  private feedCondition: WatchCondition | null = PENDING;
  /** The condition message last told (undefined after a state), so a repeated condition is not told twice. */
  private toldCondition?: string = PENDING.message;

  constructor(instrumentId: string, private readonly logger: Logger) {
    this.state = emptyQuote(instrumentId);
  }

  quote(message: QuoteMessage): void {
    if (!applyQuoteMessage(this.state, message, this.updatedTypes)) return;
    if (this.feedCondition === null) this.emit(this.current());
  }

  resubscribing(): void {
    this.updatedTypes.clear();
  }

  condition(condition: WatchCondition | null): void {
    if ((condition?.message ?? null) === (this.feedCondition?.message ?? null)) return;
    this.feedCondition = condition;
    const update = this.current();
    if (update.kind === "condition" && update.condition.message === this.toldCondition) return;
    this.emit(update);
  }

  current(): QuoteWatchUpdate {
    if (this.feedCondition) return { kind: "condition", condition: this.feedCondition };
    if (this.state.values.size === 0) return { kind: "condition", condition: PENDING };
    return { kind: "quote", quote: this.state };
  }

  tell(listener: QuoteWatchListener, update: QuoteWatchUpdate): void {
    try {
      listener(update);
    } catch (error) {
      this.logger.log("error", `A quote watcher of ${this.state.instrumentId} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private emit(update: QuoteWatchUpdate): void {
    this.toldCondition = update.kind === "condition" ? update.condition.message : undefined;
    for (const listener of this.listeners) this.tell(listener, update);
  }
}

/**
 * The quote state of the instruments somebody watches, and nothing else: a Quote message costs one map look-up in
 * the feed, the item updates and one call per watcher. Subscriptions are the feed's (counted per level).
 */
export class QuoteStore {
  private readonly watched = new Map<string, WatchedQuote>();

  constructor(private readonly feed: Feed, private readonly logger: Logger = silentLogger) {}

  /** Watches `instrumentId` at `level`; `listener` hears the current state at once and every change after. */
  watch(instrumentId: string, level: StreamLevel, givenListener: QuoteWatchListener): () => void {
    const listener: QuoteWatchListener = (update) => givenListener(update); // one per watch, even for the same function
    let entry = this.watched.get(instrumentId);
    if (!entry) {
      entry = new WatchedQuote(instrumentId, this.logger);
      this.watched.set(instrumentId, entry);
    }
    const watchedEntry = entry;
    const unsubscribe = this.feed.watchQuotes(instrumentId, level, watchedEntry);
    watchedEntry.listeners.add(listener);
    watchedEntry.tell(listener, watchedEntry.current());
    let done = false;
    return () => {
      if (done) return;
      done = true;
      watchedEntry.listeners.delete(listener);
      unsubscribe();
      if (watchedEntry.listeners.size === 0 && this.watched.get(instrumentId) === watchedEntry) this.watched.delete(instrumentId);
    };
  }

  /** The current state of a watched instrument. */
  quote(instrumentId: string): Readonly<InstrumentQuote> | undefined {
    return this.watched.get(instrumentId)?.state;
  }

  get watchedCount(): number {
    return this.watched.size;
  }
}
