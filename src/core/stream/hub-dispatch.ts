import type { Clock } from "../clock";
import type { Logger } from "../log";
import { HubEvent, ORDER_EVENTS, type NewsMessage, type OrderEventMessage, type OrderEventName } from "../wire/realtime";
import { checkNewsMessage, checkOrderEvent, checkQuoteMessage } from "./hub-payloads";
import type { HubLink } from "./hub-link";
import type { QuoteWatches } from "./quote-watches";

export interface DispatchTargets {
  watches: QuoteWatches;
  news: ReadonlySet<(news: NewsMessage) => void>;
  orders: ReadonlySet<(event: OrderEventName, order: OrderEventMessage) => void>;
}

/**
 * Hub events to their listeners. A Quote of an instrument nobody watches costs one map look-up; a malformed payload
 * is logged and dropped; a listener that throws is logged. Nothing ever throws into the connection.
 */
export class HubDispatch {
  /** When the last hub message arrived. */
  lastMessageAtMs?: number;

  constructor(private readonly targets: DispatchTargets, private readonly clock: Clock, private readonly logger: Logger) {}

  /** Routes the events of `link` while `isCurrent()` holds (a replaced link's late events are dropped). */
  listen(link: HubLink, isCurrent: () => boolean): void {
    link.on(HubEvent.Quote, (payload) => isCurrent() && this.quote(payload));
    link.on(HubEvent.News, (payload) => isCurrent() && this.news(payload));
    for (const event of ORDER_EVENTS) link.on(event, (payload) => isCurrent() && this.order(event, payload));
  }

  /** Calls a listener; its failure is logged, never passed on. */
  deliver(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.log("error", `A realtime listener threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  private quote(payload: unknown): void {
    this.lastMessageAtMs = this.clock.now();
    const id = (payload as { id?: unknown } | null)?.id;
    const entry = typeof id === "string" ? this.targets.watches.get(id) : undefined;
    if (!entry && typeof id === "string") return;
    const checked = checkQuoteMessage(payload);
    if (!checked.ok) return this.logger.log("warn", checked.problem);
    for (const sink of entry!.sinks.keys()) this.deliver(() => sink.quote(checked.value));
  }

  private news(payload: unknown): void {
    this.lastMessageAtMs = this.clock.now();
    const checked = checkNewsMessage(payload);
    if (!checked.ok) return this.logger.log("warn", checked.problem);
    for (const listener of this.targets.news) this.deliver(() => listener(checked.value));
  }

  private order(event: OrderEventName, payload: unknown): void {
    this.lastMessageAtMs = this.clock.now();
    const checked = checkOrderEvent(event, payload);
    if (!checked.ok) return this.logger.log("warn", checked.problem);
    for (const listener of this.targets.orders) this.deliver(() => listener(event, checked.value));
  }
}
