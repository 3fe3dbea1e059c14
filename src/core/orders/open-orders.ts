import type { Clock } from "../clock";
import type { Logger } from "../log";
import type { OrderEventSource } from "../portfolio/sources";
import type { OrderApi } from "../rest/order-requests";
import type { OrderModel, OrderStatus } from "../wire/models";
import type { OrderEventMessage, OrderEventName } from "../wire/realtime";
import type { OpenOrders } from "./contract";

/** Statuses after which an order is no longer open (REST's, and the events' `completelyExecuted`, API.md 5.6). */
const FINAL: ReadonlySet<string> = new Set(["executed", "completelyExecuted", "expired", "canceled", "refused", "remainderCanceled", "remainderExpired", "remainderExecuted"]);
const REST_STATUSES: ReadonlySet<string> = new Set<OrderStatus>(["placed", "placementConfirmed", "partiallyExecuted", "executed", "expired", "cancelationRequested", "canceled",
  "modificationRequested", "modified", "refused", "modificationRefused", "cancelationRefused", "remainderCanceled", "remainderExpired", "remainderExecuted", "other"]);

export interface OpenOrdersDeps {
  api: Pick<OrderApi, "getOrders" | "getOrder">;
  feed: OrderEventSource;
  clock: Clock;
  logger: Logger;
  /**
   * An event of an order not known yet waits this long for its placement's answer (the event can beat it,
   * API.md 3.3 #16) before the order is read with GET …/orders/{number}.
   */
  newOrderDelayMs: number;
}

/**
 * One account's open orders: one GET (status=open), then kept current from the order events — a status or limit
 * changed in place, a final status removes the order, an execution reads the order again (the event has no
 * quantities), an order never seen is read once.
 */
export class LiveOpenOrders implements OpenOrders {
  private readonly orders = new Map<number, OrderModel>();
  private readonly closed = new Set<number>();
  private readonly listeners = new Set<(orders: readonly OrderModel[]) => void>();
  private readonly pending = new Set<number>();
  private disposed = false;
  private readonly stop: () => void;
  readonly loaded: Promise<void>;

  constructor(readonly accountNumber: string, private readonly deps: OpenOrdersDeps, private readonly onDispose: () => void = () => undefined) {
    this.stop = deps.feed.watchOrders((event, message) => this.event(event, message));
    this.loaded = deps.api.getOrders(accountNumber, { status: "open" }).then((orders) => {
      for (const order of orders) if (!this.closed.has(order.number) && !this.orders.has(order.number)) this.orders.set(order.number, order);
    }, (error: unknown) => deps.logger.log("warn", `The open orders of ${accountNumber} could not be read: ${String(error)}`)).finally(() => {
      this.changed();
    });
  }

  current(): readonly OrderModel[] {
    return [...this.orders.values()].sort((a, b) => b.number - a.number || (a.line ?? 0) - (b.line ?? 0));
  }

  onChange(listener: (orders: readonly OrderModel[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Orders whose models the desk already has (a placement's answer, a modification's, a cancellation's). */
  take(orders: readonly OrderModel[]): void {
    let changed = false;
    for (const order of orders) {
      if (FINAL.has(order.lastStatus) || this.closed.has(order.number)) changed = this.orders.delete(order.number) || changed;
      else {
        this.orders.set(order.number, order);
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stop();
    this.listeners.clear();
    this.onDispose();
  }

  private event(event: OrderEventName, message: OrderEventMessage): void {
    if (this.disposed || message.accountNumber !== this.accountNumber) return;
    const known = this.orders.get(message.number);
    if (FINAL.has(message.status)) {
      // Kept: an answer or a read that comes after the final event must not bring the order back.
      this.closed.add(message.number);
      if (this.orders.delete(message.number)) this.changed();
      return;
    }
    if (!known) {
      this.readLater(message.number, this.deps.newOrderDelayMs, true);
      return;
    }
    const lastStatus = (REST_STATUSES.has(message.status) ? message.status : "other") as OrderStatus;
    this.orders.set(message.number, {
      ...known, lastStatus, lastStatusDateTime: message.dt, ...(message.limitPrice !== undefined ? { limitPrice: message.limitPrice } : {}),
    });
    this.changed();
    if (event === "OrderExecution") this.readLater(message.number, 0, false);
  }

  private readLater(number: number, delayMs: number, onlyIfUnknown: boolean): void {
    if (this.pending.has(number)) return;
    this.pending.add(number);
    this.deps.clock.setTimeout(() => {
      if (this.disposed || (onlyIfUnknown && this.orders.has(number))) {
        this.pending.delete(number);
        return;
      }
      this.deps.api.getOrder(this.accountNumber, number).then((lines) => {
        this.pending.delete(number);
        if (!this.disposed) this.take(lines);
      }, (error: unknown) => {
        this.pending.delete(number);
        this.deps.logger.log("warn", `Order ${number} could not be read after its event: ${String(error)}`);
      });
    }, delayMs);
  }

  private changed(): void {
    const orders = this.current();
    for (const listener of [...this.listeners]) listener(orders);
  }
}
