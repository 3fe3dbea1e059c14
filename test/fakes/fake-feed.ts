import type { Feed, FeedStatus, QuoteSink } from "../../src/core/stream/feed";
import type { WatchCondition } from "../../src/core/stream/watch-condition";
import type { NewsMessage, OrderEventMessage, OrderEventName, QuoteItem, StreamLevel } from "../../src/core/wire/realtime";

/** A Feed driven by hand: it records the quote watches and lets a test push messages and conditions to them. */
export class FakeFeed implements Feed {
  readonly watches: Array<{ instrumentId: string; level: StreamLevel; sink: QuoteSink; active: boolean }> = [];
  readonly newsListeners = new Set<(news: NewsMessage) => void>();
  private statusNow: FeedStatus = { state: "connected", subscriptions: 0, subscriptionLimit: 3000, waitingForRoom: 0 };
  private readonly statusListeners = new Set<(status: FeedStatus) => void>();

  watchQuotes(instrumentId: string, level: StreamLevel, sink: QuoteSink): () => void {
    const watch = { instrumentId, level, sink, active: true };
    this.watches.push(watch);
    sink.condition(null);
    return () => {
      watch.active = false;
    };
  }

  watchNews(listener: (news: NewsMessage) => void): () => void {
    this.newsListeners.add(listener);
    return () => this.newsListeners.delete(listener);
  }

  private readonly orderListeners = new Set<(event: OrderEventName, order: OrderEventMessage) => void>();

  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void {
    this.orderListeners.add(listener);
    return () => this.orderListeners.delete(listener);
  }

  /** An order event of the account, as the hub sends it. */
  orderEvent(event: OrderEventName, accountNumber: string, status: string, instrumentId = "eM1X1"): void {
    const order: OrderEventMessage = { accountNumber, number: 1, instrument: { id: instrumentId }, status, dt: "2026-01-05T09:02:10Z" };
    for (const listener of [...this.orderListeners]) listener(event, order);
  }

  status(): FeedStatus {
    return this.statusNow;
  }

  onStatusChange(listener: (status: FeedStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The instruments watched now, each once. */
  active(): string[] {
    return [...new Set(this.watches.filter((watch) => watch.active).map((watch) => watch.instrumentId))];
  }

  quote(instrumentId: string, items: QuoteItem[], sentAt = "2026-01-05T09:00:00.000Z"): void {
    for (const watch of this.watches) if (watch.active && watch.instrumentId === instrumentId) watch.sink.quote({ id: instrumentId, lvl: 2, sdt: sentAt, qt: items });
  }

  condition(instrumentId: string, condition: WatchCondition | null): void {
    for (const watch of this.watches) if (watch.active && watch.instrumentId === instrumentId) watch.sink.condition(condition);
  }

  news(message: NewsMessage): void {
    for (const listener of this.newsListeners) listener(message);
  }

  setStatus(status: Partial<FeedStatus>): void {
    this.statusNow = { ...this.statusNow, ...status };
    for (const listener of this.statusListeners) listener(this.statusNow);
  }
}
