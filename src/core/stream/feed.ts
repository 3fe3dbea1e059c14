import type { NewsMessage, OrderEventMessage, OrderEventName, QuoteMessage, StreamLevel } from "../wire/realtime";
import type { WatchCondition } from "./watch-condition";

/**
 * What the custom functions (through the QuoteStore) and the portfolio and orders work depend on. One
 * RealtimeSession per runtime implements it today; a feed shared by several workbooks (ROADMAP item 1) replaces
 * the implementation and leaves its users alone.
 */
export interface Feed {
  /**
   * Holds a quote subscription of `instrumentId` at `level` (counted; the highest level in use wins) and delivers
   * the instrument's messages and condition to `sink`. The same sink held several times is called once per message.
   */
  watchQuotes(instrumentId: string, level: StreamLevel, sink: QuoteSink): () => void;
  /** News of the current account (SubscribeNews while at least one listener is registered). */
  watchNews(listener: (news: NewsMessage) => void): () => void;
  /** Order events of the person's accounts (SubscribeOrders while at least one listener is registered). */
  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void;
  status(): FeedStatus;
  onStatusChange(listener: (status: FeedStatus) => void): () => void;
}

/** Receives one instrument's stream. */
export interface QuoteSink {
  /** A validated Quote message (API.md 5.4). */
  quote(message: QuoteMessage): void;
  /** A subscription call for the instrument is about to go out: a fresh `qi` snapshot follows (new qi/qu round). */
  resubscribing(): void;
  /** Why no live value can be shown, or null once the instrument streams (again). */
  condition(condition: WatchCondition | null): void;
}

export type FeedState = "stopped" | "connecting" | "connected" | "reconnecting" | "cutOff" | "signedOut";

/** For BINCK.STATUS and the taskpane. */
export interface FeedStatus {
  state: FeedState;
  /** Instruments subscribed on the connection, out of `subscriptionLimit`. */
  subscriptions: number;
  subscriptionLimit: number;
  /** Instruments watched but left out by the limit. */
  waitingForRoom: number;
  /** When the last hub message arrived (age = clock.now() − this); not announced on every message. */
  lastMessageAtMs?: number;
  /** Since when the feed is down, while it is. */
  downSinceMs?: number;
  lastError?: string;
}
