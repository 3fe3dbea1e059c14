import type { Clock } from "../clock";
import { isBinckError } from "../errors";
import { silentLogger, type Logger } from "../log";
import type { TokenSource } from "../session/token-source";
import { HubMethod, type NewsMessage, type OrderEventMessage, type OrderEventName, type StreamLevel } from "../wire/realtime";
import { closeReason } from "./close-reasons";
import type { Feed, FeedState, FeedStatus, QuoteSink } from "./feed";
import { HubDispatch } from "./hub-dispatch";
import type { HubLink, HubLinkFactory } from "./hub-link";
import { HubTopic } from "./hub-topic";
import { Outage } from "./outage";
import { QuoteSync } from "./quote-sync";
import { QuoteWatches, type WatchedInstrument } from "./quote-watches";
import { SessionUpkeep } from "./session-upkeep";
import { StatusAnnouncer } from "./status-announcer";
import { defaultStreamPolicy, type StreamPolicy } from "./stream-policy";
import { connectionLost, CUT_OFF, SIGNED_OUT, utcTimeOfDay, type TimeFormatter, type WatchCondition } from "./watch-condition";

export interface RealtimeSessionOptions {
  links: HubLinkFactory;
  /** The realtime origin, e.g. https://realtime.binck.com; the hub path is added. */
  hubUrl: string;
  /** The chosen account (SubscribeQuotes, SubscribeNews and SubscribeOrders take one). */
  accountNumber: () => string | undefined;
  tokens: TokenSource;
  clock: Clock;
  logger?: Logger;
  policy?: Partial<StreamPolicy>;
  /** Time of day for "connection lost since …" (locale-aware in the add-in). */
  formatTime?: TimeFormatter;
  /** Jitter source, 0 ≤ random() < 1. */
  random?: () => number;
}

/**
 * The realtime feed of one signed-in session: one hub connection, started and stopped by the composition root,
 * reconnected with backoff after any drop, every subscription renewed on each new connection, ExtendSubscriptions
 * after each token refresh, and a cheap hub call at `keepAliveIntervalMs` so a sheet that only streams stays active.
 */
export class RealtimeSession implements Feed {
  private readonly policy: StreamPolicy;
  private readonly logger: Logger;
  private readonly formatTime: TimeFormatter;
  private readonly watches = new QuoteWatches();
  private readonly sync: QuoteSync;
  private readonly news: HubTopic<(news: NewsMessage) => void>;
  private readonly orders: HubTopic<(event: OrderEventName, order: OrderEventMessage) => void>;
  private readonly dispatch: HubDispatch;
  private readonly upkeep: SessionUpkeep;
  private readonly announcer = new StatusAnnouncer();
  private state: FeedState = "stopped";
  private link?: HubLink;
  private readonly outage: Outage;
  private feedCondition: WatchCondition | null = SIGNED_OUT;
  private lastError?: string;

  constructor(private readonly options: RealtimeSessionOptions) {
    this.policy = { ...defaultStreamPolicy, ...options.policy };
    this.logger = options.logger ?? silentLogger;
    this.formatTime = options.formatTime ?? utcTimeOfDay;
    this.outage = new Outage(options.clock, this.policy, options.random ?? Math.random, this.logger, (since) => {
      this.feedCondition = connectionLost(since, this.formatTime);
      this.refresh();
    });
    this.upkeep = new SessionUpkeep(options.clock, this.policy.keepAliveIntervalMs, options.tokens, this.logger, (message) => {
      this.lastError = message;
      this.logger.log("warn", message);
      this.refresh();
    });
    const called = () => this.upkeep.called();
    this.sync = new QuoteSync(this.watches, this.policy, options.clock, this.logger, {
      accountNumber: options.accountNumber, called, changed: () => this.refresh(),
    });
    this.news = new HubTopic(HubMethod.SubscribeNews, HubMethod.UnSubscribeNews, options.accountNumber, this.logger, called);
    this.orders = new HubTopic(HubMethod.SubscribeOrders, HubMethod.UnSubscribeOrders, options.accountNumber, this.logger, called);
    this.dispatch = new HubDispatch({ watches: this.watches, news: this.news.listeners, orders: this.orders.listeners }, options.clock, this.logger);
    options.tokens.onTokenRefreshed((token) => this.tokenRefreshed(token));
  }

  /** The session is signed in: connect (and keep connecting). */
  start(): void {
    if (this.state === "connecting" || this.state === "connected" || this.state === "reconnecting") return;
    this.state = "connecting";
    this.feedCondition = null;
    this.outage.end();
    this.refresh();
    void this.connect();
  }

  /** The session is signed out: disconnect; every watch says so. */
  stop(): void {
    this.halt("stopped");
  }

  watchQuotes(instrumentId: string, level: StreamLevel, sink: QuoteSink): () => void {
    const entry = this.watches.add(instrumentId, level, sink);
    this.sync.watchesChanged();
    this.tell(entry, true);
    this.announce();
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      if (!this.watches.remove(instrumentId, level, sink)) this.sync.forget(instrumentId);
      this.sync.watchesChanged();
      // Only past the cap can a removal change another watch's condition (a waiting one is admitted).
      if (this.watches.size >= this.policy.maxSubscriptions) this.refresh();
      else this.announce();
    };
  }

  /** The chosen account changed: news and orders are subscribed again with it. */
  accountChanged(): void {
    if (this.state !== "connected" || !this.link) return;
    this.news.attach(this.link);
    this.orders.attach(this.link);
  }

  watchNews(listener: (news: NewsMessage) => void): () => void {
    return this.news.add(listener);
  }

  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void {
    return this.orders.add(listener);
  }

  status(): FeedStatus {
    return {
      state: this.state,
      subscriptions: this.sync.subscribedCount,
      subscriptionLimit: this.policy.maxSubscriptions,
      waitingForRoom: Math.max(0, this.watches.size - this.policy.maxSubscriptions),
      lastMessageAtMs: this.dispatch.lastMessageAtMs,
      downSinceMs: this.outage.downSinceMs,
      lastError: this.lastError,
    };
  }

  onStatusChange(listener: (status: FeedStatus) => void): () => void {
    return this.announcer.add(listener);
  }

  private async connect(): Promise<void> {
    const tokens = this.options.tokens;
    let link: HubLink;
    try {
      tokens.getAccessToken();
      link = this.options.links({ url: this.options.hubUrl, accessTokenFactory: () => tokens.getAccessToken() });
    } catch (error) {
      return this.connectFailed(error);
    }
    this.link = link;
    this.dispatch.listen(link, () => this.link === link);
    link.onclose((error) => this.link === link && this.closed(error));
    try {
      await link.start();
    } catch (error) {
      if (this.link !== link) return;
      this.link = undefined;
      return this.connectFailed(error);
    }
    if (this.link !== link) return void link.stop();
    this.connected(link);
  }

  private connected(link: HubLink): void {
    const attempts = this.outage.end();
    this.logger.log("info", `Realtime feed connected${attempts > 0 ? ` after ${attempts} attempts` : ""}.`);
    this.state = "connected";
    this.feedCondition = null;
    this.upkeep.attach(link);
    this.sync.attach(link);
    this.news.attach(link);
    this.orders.attach(link);
    this.refresh();
  }

  private closed(error?: Error): void {
    this.detach();
    const message = error?.message ?? "the connection closed";
    if (closeReason(message) === "cutOff") {
      this.logger.log("warn", `Realtime feed cut off, not retried until the token changes: ${message}`);
      this.lastError = message;
      this.outage.end();
      this.state = "cutOff";
      this.feedCondition = CUT_OFF;
      return this.refresh();
    }
    this.connectFailed(error ?? new Error(message));
  }

  private connectFailed(error: unknown): void {
    if (isBinckError(error) && error.code === "signInRequired") return this.halt("signedOut");
    const message = error instanceof Error ? error.message : String(error);
    this.lastError = message;
    this.state = "reconnecting";
    this.outage.begin();
    this.refresh();
    if (closeReason(message) === "unauthorized") {
      void this.options.tokens.renewAfterRejection().then(
        (renewed) => (renewed ? this.scheduleReconnect(message) : this.halt("signedOut")),
        () => this.scheduleReconnect(message),
      );
      return;
    }
    this.scheduleReconnect(message);
  }

  private scheduleReconnect(reason: string): void {
    if (this.state === "reconnecting") this.outage.retry(reason, () => void this.connect());
  }

  private tokenRefreshed(token: string): void {
    if (this.state === "cutOff") {
      this.state = "connecting";
      this.feedCondition = null;
      this.refresh();
      return void this.connect();
    }
    if (this.state === "connected") this.upkeep.extend(token);
  }

  private halt(state: "stopped" | "signedOut"): void {
    const link = this.link;
    this.detach();
    if (link) void link.stop().catch(() => undefined);
    this.outage.end();
    this.state = state;
    this.feedCondition = SIGNED_OUT;
    this.refresh();
  }

  private detach(): void {
    this.link = undefined;
    this.upkeep.detach();
    this.sync.detach();
    this.news.detach();
    this.orders.detach();
  }

  /** Tells every watch its condition where it changed, and announces the status where it changed. */
  private refresh(): void {
    for (const entry of this.watches.all()) this.tell(entry, false);
    this.announce();
  }

  private announce(): void {
    this.announcer.announce(this.status(), (call) => this.dispatch.deliver(call));
  }

  private tell(entry: WatchedInstrument, always: boolean): void {
    QuoteWatches.tell(entry, this.feedCondition ?? this.sync.conditionOf(entry.id), always, (call) => this.dispatch.deliver(call));
  }
}
