import type { Clock, TimerHandle } from "../clock";
import { isBinckError } from "../errors";
import { silentLogger, type Logger } from "../log";
import type { TokenSource } from "../session/token-source";
import { HUB_PATH, HubEvent, HubMethod, ORDER_EVENTS, type NewsMessage, type OrderEventMessage, type OrderEventName, type StreamLevel } from "../wire/realtime";
import type { Feed, FeedState, FeedStatus, QuoteSink } from "./feed";
import { checkNewsMessage, checkOrderEvent, checkQuoteMessage } from "./hub-payloads";
import type { HubLink, HubLinkFactory } from "./hub-link";
import { HubTopic } from "./hub-topic";
import { QuoteSync } from "./quote-sync";
import { QuoteWatches, type WatchedInstrument } from "./quote-watches";
import { defaultStreamPolicy, reconnectDelayMs, type StreamPolicy } from "./stream-policy";
import { connectionLost, CUT_OFF, SIGNED_OUT, utcTimeOfDay, type TimeFormatter, type WatchCondition } from "./watch-condition";

export interface RealtimeSessionOptions {
  links: HubLinkFactory;
  /** The realtime origin, e.g. https://realtime.binck.com; the hub path is added. */
  realtimeUrl: string;
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
  private readonly random: () => number;
  private readonly watches = new QuoteWatches();
  private readonly sync: QuoteSync;
  private readonly news: HubTopic<(news: NewsMessage) => void>;
  private readonly orders: HubTopic<(event: OrderEventName, order: OrderEventMessage) => void>;
  private readonly statusListeners = new Set<(status: FeedStatus) => void>();
  private state: FeedState = "stopped";
  private link?: HubLink;
  private attempt = 0;
  private reconnectTimer?: TimerHandle;
  private graceTimer?: TimerHandle;
  private keepAliveTimer?: TimerHandle;
  private feedCondition: WatchCondition | null = SIGNED_OUT;
  private downSinceMs?: number;
  private lastMessageAtMs?: number;
  private lastError?: string;
  private lastAnnounced = "";

  constructor(private readonly options: RealtimeSessionOptions) {
    this.policy = { ...defaultStreamPolicy, ...options.policy };
    this.logger = options.logger ?? silentLogger;
    this.formatTime = options.formatTime ?? utcTimeOfDay;
    this.random = options.random ?? Math.random;
    const called = () => this.called();
    this.sync = new QuoteSync(this.watches, this.policy, options.clock, this.logger, {
      accountNumber: options.accountNumber, called, changed: () => this.refresh(),
    });
    this.news = new HubTopic(HubMethod.SubscribeNews, HubMethod.UnSubscribeNews, options.accountNumber, this.logger, called);
    this.orders = new HubTopic(HubMethod.SubscribeOrders, HubMethod.UnSubscribeOrders, options.accountNumber, this.logger, called);
    options.tokens.onTokenRefreshed((token) => this.tokenRefreshed(token));
  }

  /** The session is signed in: connect (and keep connecting). */
  start(): void {
    if (this.state === "connecting" || this.state === "connected" || this.state === "reconnecting") return;
    this.state = "connecting";
    this.feedCondition = null;
    this.attempt = 0;
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
      lastMessageAtMs: this.lastMessageAtMs,
      downSinceMs: this.downSinceMs,
      lastError: this.lastError,
    };
  }

  onStatusChange(listener: (status: FeedStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = undefined;
    const tokens = this.options.tokens;
    let link: HubLink;
    try {
      tokens.getAccessToken();
      link = this.options.links({ url: `${this.options.realtimeUrl}${HUB_PATH}`, accessTokenFactory: () => tokens.getAccessToken() });
    } catch (error) {
      return this.connectFailed(error);
    }
    this.link = link;
    link.on(HubEvent.Quote, (payload) => this.link === link && this.onQuote(payload));
    link.on(HubEvent.News, (payload) => this.link === link && this.onNews(payload));
    for (const event of ORDER_EVENTS) link.on(event, (payload) => this.link === link && this.onOrder(event, payload));
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
    this.logger.log("info", `Realtime feed connected${this.attempt > 0 ? ` after ${this.attempt} attempts` : ""}.`);
    this.state = "connected";
    this.attempt = 0;
    this.downSinceMs = undefined;
    this.clearTimer("graceTimer");
    this.feedCondition = null;
    this.scheduleKeepAlive();
    this.sync.attach(link);
    this.news.attach(link);
    this.orders.attach(link);
    this.refresh();
  }

  private closed(error?: Error): void {
    this.detach();
    const message = error?.message ?? "the connection closed";
    if (/another realtime connection|one connection per token/i.test(message)) {
      this.logger.log("warn", `Realtime feed cut off, not retried until the token changes: ${message}`);
      this.lastError = message;
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
    if (this.downSinceMs === undefined) {
      this.downSinceMs = this.options.clock.now();
      const since = this.downSinceMs;
      this.graceTimer = this.options.clock.setTimeout(() => {
        this.graceTimer = undefined;
        this.feedCondition = connectionLost(since, this.formatTime);
        this.refresh();
      }, this.policy.gracePeriodMs);
    }
    this.refresh();
    if (/\b401\b|unauthori[sz]ed/i.test(message)) {
      void this.options.tokens.renewAfterRejection().then(
        (renewed) => (renewed ? this.scheduleReconnect(message) : this.halt("signedOut")),
        () => this.scheduleReconnect(message),
      );
      return;
    }
    this.scheduleReconnect(message);
  }

  private scheduleReconnect(reason: string): void {
    if (this.state !== "reconnecting" || this.reconnectTimer) return;
    const delayMs = reconnectDelayMs(this.policy, this.attempt++, this.random);
    this.logger.log("info", `Realtime feed down (${reason}); attempt ${this.attempt} in ${delayMs} ms.`);
    this.reconnectTimer = this.options.clock.setTimeout(() => void this.connect(), delayMs);
  }

  private tokenRefreshed(token: string): void {
    if (this.state === "cutOff") {
      this.state = "connecting";
      this.feedCondition = null;
      this.refresh();
      return void this.connect();
    }
    const link = this.link;
    if (this.state !== "connected" || !link) return;
    link.invoke(HubMethod.ExtendSubscriptions, token).then(
      () => this.called(),
      (error: unknown) => {
        this.lastError = `ExtendSubscriptions failed: ${error instanceof Error ? error.message : String(error)}`;
        this.logger.log("warn", this.lastError);
        this.refresh();
      },
    );
  }

  /** The keep-alive call falls due `keepAliveIntervalMs` after the last hub call, whatever made it. */
  private scheduleKeepAlive(): void {
    this.clearTimer("keepAliveTimer");
    this.keepAliveTimer = this.options.clock.setTimeout(() => {
      this.keepAliveTimer = undefined;
      const link = this.link;
      if (!link || this.state !== "connected") return;
      // The cheapest call the hub counts as activity: unsubscribing nothing changes nothing.
      link.invoke(HubMethod.UnSubscribeQuotes, []).then(
        () => this.called(),
        (error: unknown) => this.logger.log("warn", `Keep-alive call failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.policy.keepAliveIntervalMs);
  }

  private called(): void {
    this.options.tokens.noteActivity();
    if (this.state === "connected") this.scheduleKeepAlive();
  }

  private onQuote(payload: unknown): void {
    this.lastMessageAtMs = this.options.clock.now();
    const id = (payload as { id?: unknown } | null)?.id;
    const entry = typeof id === "string" ? this.watches.get(id) : undefined;
    if (!entry && typeof id === "string") return;
    const checked = checkQuoteMessage(payload);
    if (!checked.ok) return this.logger.log("warn", checked.problem);
    for (const sink of entry!.sinks.keys()) this.deliver(() => sink.quote(checked.value));
  }

  private onNews(payload: unknown): void {
    this.lastMessageAtMs = this.options.clock.now();
    const checked = checkNewsMessage(payload);
    if (!checked.ok) return this.logger.log("warn", checked.problem);
    for (const listener of this.news.listeners) this.deliver(() => listener(checked.value));
  }

  private onOrder(event: OrderEventName, payload: unknown): void {
    this.lastMessageAtMs = this.options.clock.now();
    const checked = checkOrderEvent(event, payload);
    if (!checked.ok) return this.logger.log("warn", checked.problem);
    for (const listener of this.orders.listeners) this.deliver(() => listener(event, checked.value));
  }

  /** A listener's failure is logged; it never reaches the connection. */
  private deliver(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.log("error", `A realtime listener threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  private halt(state: "stopped" | "signedOut"): void {
    const link = this.link;
    this.detach();
    if (link) void link.stop().catch(() => undefined);
    this.clearTimer("reconnectTimer");
    this.clearTimer("graceTimer");
    this.state = state;
    this.downSinceMs = undefined;
    this.feedCondition = SIGNED_OUT;
    this.refresh();
  }

  private detach(): void {
    this.link = undefined;
    this.clearTimer("keepAliveTimer");
    this.sync.detach();
    this.news.detach();
    this.orders.detach();
  }

  private clearTimer(name: "reconnectTimer" | "graceTimer" | "keepAliveTimer"): void {
    const timer = this[name];
    if (timer) this.options.clock.clearTimeout(timer);
    this[name] = undefined;
  }

  /** Tells every watch its condition where it changed, and announces the status where it changed. */
  private refresh(): void {
    for (const entry of this.watches.all()) this.tell(entry, false);
    this.announce();
  }

  private announce(): void {
    const status = this.status();
    const key = `${status.state}|${status.subscriptions}|${status.waitingForRoom}|${status.lastError ?? ""}`;
    if (key === this.lastAnnounced) return;
    this.lastAnnounced = key;
    for (const listener of this.statusListeners) this.deliver(() => listener(status));
  }

  private tell(entry: WatchedInstrument, newWatch: boolean): void {
    const condition = this.feedCondition ?? this.sync.conditionOf(entry.id);
    if (!newWatch && entry.told !== undefined && (entry.told?.message ?? null) === (condition?.message ?? null)) return;
    entry.told = condition;
    for (const sink of entry.sinks.keys()) this.deliver(() => sink.condition(condition));
  }
}
