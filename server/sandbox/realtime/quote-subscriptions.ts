import type { Clock } from "../../../src/core/clock";
import {
  MAX_INSTRUMENTS_PER_SUBSCRIBE_CALL, MAX_QUOTE_SUBSCRIPTIONS, itemAllowedAtLevel, levelNumber,
  type QuoteItem, type QuoteMessage, type StreamLevel,
} from "../../../src/core/wire/realtime";
import type { Market } from "../market/market";

export interface QuoteLimits {
  /** Ids one SubscribeQuotes call may add (API.md 5.7: blocks of at most 100). */
  instrumentsPerCall: number;
  /** Instruments one connection may have subscribed (API.md 5.7: 3,000). */
  instrumentsPerConnection: number;
}

export const binckQuoteLimits: QuoteLimits = {
  instrumentsPerCall: MAX_INSTRUMENTS_PER_SUBSCRIBE_CALL,
  instrumentsPerConnection: MAX_QUOTE_SUBSCRIPTIONS,
};

export type QuoteSubscribeOutcome =
  | { ok: true; subcount: number; sendSnapshots: () => void }
  | { ok: false; subcount: number; reason: string };

interface Subscription {
  level: StreamLevel;
  readonly unwatch: () => void;
}

/**
 * The market hands every watcher of an instrument the same batch per tick: the Quote message for it at each level is
 * made once (level filter, timestamp), and so serialized once by the outbox, however many connections watch. Keyed
 * by the batch, so it lives as long as the tick's batch does. `null`: nothing of the batch is shown at that level.
 */
const updatesByBatch = new WeakMap<readonly QuoteItem[], Map<StreamLevel, QuoteMessage | null>>();

/** The quote subscriptions of one connection: one market watch per instrument, at the level last asked for. */
export class QuoteSubscriptions {
  private readonly byId = new Map<string, Subscription>();

  constructor(
    private readonly market: Market,
    private readonly clock: Clock,
    private readonly send: (message: QuoteMessage) => void,
    private readonly limits: QuoteLimits = binckQuoteLimits,
  ) {}

  get count(): number {
    return this.byId.size;
  }

  levelOf(instrumentId: string): StreamLevel | undefined {
    return this.byId.get(instrumentId)?.level;
  }

  /** All or nothing: a refused call changes no subscription. A re-subscription moves the instrument to `level`. */
  subscribe(instrumentIds: readonly string[], level: StreamLevel): QuoteSubscribeOutcome {
    const refuse = (reason: string): QuoteSubscribeOutcome => ({ ok: false, subcount: this.count, reason });
    if (instrumentIds.length > this.limits.instrumentsPerCall) {
      return refuse(`${instrumentIds.length} instrument ids in one call; at most ${this.limits.instrumentsPerCall} per SubscribeQuotes call.`);
    }
    const unique = [...new Set(instrumentIds)];
    const unquotable = unique.filter((id) => !this.market.catalogue.get(id)?.quotable);
    if (unquotable.length > 0) {
      return refuse(`no quotes for ${unquotable.map((id) => `'${id.slice(0, 20)}'`).join(", ")} (unknown instrument, or an option/future class).`);
    }
    const added = unique.filter((id) => !this.byId.has(id)).length;
    if (this.count + added > this.limits.instrumentsPerConnection) {
      return refuse(`${this.count} subscribed + ${added} new would exceed ${this.limits.instrumentsPerConnection} instruments per connection.`);
    }
    for (const id of unique) {
      const existing = this.byId.get(id);
      if (existing) existing.level = level;
      else this.byId.set(id, { level, unwatch: this.market.watch(id, (items) => this.onUpdate(id, items)) });
    }
    return {
      ok: true,
      subcount: this.count,
      sendSnapshots: () => {
        for (const id of unique) this.sendItems(id, level, this.market.snapshotItems(id, level));
      },
    };
  }

  /** Ids not subscribed are ignored. Returns the count left. */
  unsubscribe(instrumentIds: readonly string[]): number {
    for (const id of instrumentIds) {
      const subscription = this.byId.get(id);
      if (!subscription) continue;
      subscription.unwatch();
      this.byId.delete(id);
    }
    return this.count;
  }

  clear(): void {
    for (const subscription of this.byId.values()) subscription.unwatch();
    this.byId.clear();
  }

  private onUpdate(instrumentId: string, batch: QuoteItem[]): void {
    const level = this.byId.get(instrumentId)?.level;
    if (!level) return;
    const byLevel = updatesByBatch.get(batch) ?? new Map<StreamLevel, QuoteMessage | null>();
    updatesByBatch.set(batch, byLevel);
    if (!byLevel.has(level)) byLevel.set(level, this.message(instrumentId, level, batch.filter((item) => itemAllowedAtLevel(item.typ, level))));
    const message = byLevel.get(level);
    if (message) this.send(message);
  }

  private sendItems(instrumentId: string, level: StreamLevel, items: QuoteItem[]): void {
    const message = this.message(instrumentId, level, items);
    if (message) this.send(message);
  }

  /** The Quote message of these items at this level, stamped now; null when there is nothing to send. */
  private message(instrumentId: string, level: StreamLevel, items: QuoteItem[]): QuoteMessage | null {
    if (items.length === 0) return null;
    return { id: instrumentId, lvl: levelNumber(level), sdt: new Date(this.clock.now()).toISOString(), qt: items };
  }
}
