import type { Clock, TimerHandle } from "../../../src/core/clock";
import type { MutationType, OrderStatus } from "../../../src/core/wire/models";
import type { OrderEventName } from "../../../src/core/wire/realtime";
import type { SandboxEvents } from "../events";
import type { Logger } from "../../shared/logger";
import type { Market } from "../market/market";
import type { AccountBook } from "./account-book";
import { commissionEuro, proportionalCostLines, type CostLine } from "./costs";
import { matchAgainstBook, stopReached, type Fill } from "./matching";
import { roundMoney, toEuro } from "./money";
import { isFinal, linesOf, remainingQuantity, setStatus, toEventMessage, type Combination, type Order, type ProductBlock } from "./order";
import type { CheckedOrder } from "./order-check";
import { combinationFills } from "./combination-fill";
import type { SeedTrade } from "./seed-book";

/** A cancellation request becomes final this long after it was made (the real API answered asynchronously). */
export const CANCEL_CONFIRMATION_DELAY_MS = 1_000;
/** Seeded past orders get numbers from here; new orders continue after them. */
export const FIRST_ORDER_NUMBER = 3_001;

export interface OrderEngineDeps {
  clock: Clock;
  market: Market;
  events: SandboxEvents;
  logger: Logger;
  bookOf(accountNumber: string): AccountBook;
}

/**
 * The life of orders: placement, fills against the market's book (market orders at once, limit orders when
 * the price crosses, stops when triggered), cancellation, limit modification and expiry. Every change emits
 * an `order` event with the short payload of API.md 5.6, before the HTTP answer is written.
 *
 * An option strategy is one order number with two lines (one Order per leg, sharing a Combination). The
 * lines move together: placed, modified, canceled and expired as one, and executed together, all or
 * nothing, when the legs' market prices meet the net price condition (see combination-fill.ts).
 */
export class OrderEngine {
  private readonly ordersByAccount = new Map<string, Order[]>();
  /** Timers per order (a strategy keeps its timers on line 1). */
  private readonly timers = new Map<Order, TimerHandle[]>();
  private readonly watches = new Map<string, { stop: () => void; orders: Set<Order> }>();
  private lastNumber = FIRST_ORDER_NUMBER - 1;
  /** Set while this engine prints its own trades, so it does not react to its own prints. */
  private printing = false;

  constructor(private readonly deps: OrderEngineDeps) {}

  ordersOf(accountNumber: string): readonly Order[] {
    return this.ordersByAccount.get(accountNumber) ?? [];
  }

  openOrdersOf(accountNumber: string): Order[] {
    return this.ordersOf(accountNumber).filter((order) => !isFinal(order));
  }

  find(accountNumber: string, number: number): Order | undefined {
    return this.ordersOf(accountNumber).find((order) => order.number === number);
  }

  /** A seeded execution shown as a past, executed order (its booking is already in the account). */
  addPastOrder(accountNumber: string, trade: SeedTrade): Order {
    const order = this.newOrder(accountNumber, ++this.lastNumber, {
      instrument: trade.instrument, product: "cash", type: "limit", side: "buy", quantity: trade.quantity,
      duration: "day", limitPrice: trade.price, createdAtMs: trade.timeMs,
    });
    setStatus(order, "placementConfirmed", trade.timeMs);
    order.executedQuantity = trade.quantity;
    order.executedValue = trade.quantity * trade.price;
    setStatus(order, "executed", trade.timeMs, { quantity: trade.quantity, price: trade.price });
    return order;
  }

  /** Places a checked order; answers its (first) line. */
  place(accountNumber: string, checked: CheckedOrder): Order {
    const now = this.deps.clock.now();
    const { request } = checked;
    const shared = {
      product: request.product, type: request.type, quantity: request.quantity,
      duration: request.duration, createdAtMs: now, expiresAtMs: checked.expiresAtMs,
      ...(request.limitPrice !== undefined ? { limitPrice: request.limitPrice } : {}),
      ...(request.stopPrice !== undefined ? { stopPrice: request.stopPrice } : {}),
      ...(request.expirationDate ? { expirationDate: request.expirationDate.text } : {}),
      ...(request.referenceId !== undefined ? { referenceId: request.referenceId } : {}),
    };
    const number = ++this.lastNumber;
    const combination: Combination | undefined = request.condition !== undefined && checked.legs.length > 1
      ? { condition: request.condition, lines: [] }
      : undefined;
    const lines = checked.legs.map((leg, index) => this.newOrder(accountNumber, number, {
      ...shared, instrument: leg.held, side: leg.side,
      ...(combination ? { line: index + 1, combination } : {}),
    }));
    combination?.lines.push(...lines);
    const [first] = lines;
    for (const line of lines) this.emit("OrderStatus", line, "placed");
    for (const line of lines) {
      setStatus(line, "placementConfirmed", now);
      this.emit("OrderStatus", line, "placementConfirmed");
    }
    const what = lines.map((line) => `${line.side} ${line.quantity} ${line.instrument.name}`).join(" + ");
    this.deps.logger.log("info", `Order ${number} of account ${accountNumber}: ${what} ${first.type}${combination ? ` (${combination.condition})` : ""} placed.`);
    this.schedule(first, checked.expiresAtMs - now, () => this.expire(first));
    for (const line of lines) this.watch(line);
    this.tryExecute(first);
    return first;
  }

  /** Asks to cancel; the order becomes canceled after CANCEL_CONFIRMATION_DELAY_MS. False when that is no longer possible. */
  requestCancel(order: Order): boolean {
    if (isFinal(order) || order.status === "cancelationRequested") return false;
    const now = this.deps.clock.now();
    const lines = linesOf(order);
    for (const line of lines) {
      setStatus(line, "cancelationRequested", now);
      this.emit("OrderStatus", line, "cancelationRequested");
    }
    this.schedule(lines[0], CANCEL_CONFIRMATION_DELAY_MS, () => {
      if (isFinal(lines[0])) return;
      this.finish(lines[0], lines[0].executedQuantity > 0 ? "remainderCanceled" : "canceled");
    });
    return true;
  }

  /** Whether the limit price of this order may be changed now (API.md 3.3 #17). */
  mayModify(order: Order): boolean {
    return this.modificationRefusal(order) === undefined;
  }

  /** Why the limit price cannot change now: "type" (no limit price) or "status" (no longer open). */
  modificationRefusal(order: Order): "type" | "status" | undefined {
    if (order.type !== "limit" && order.type !== "stopLimit") return "type";
    if (isFinal(order) || order.status === "cancelationRequested") return "status";
    return undefined;
  }

  /** A new limit price; for a strategy the new net price, on both lines. */
  modifyLimit(order: Order, limitPrice: number): void {
    const now = this.deps.clock.now();
    for (const line of linesOf(order)) {
      setStatus(line, "modificationRequested", now);
      line.limitPrice = limitPrice;
      setStatus(line, "modified", now);
      this.emit("OrderModified", line, "modified");
    }
    this.tryExecute(order);
  }

  /** Forgets every order and timer; watchers are released. */
  clear(): void {
    for (const handles of this.timers.values()) for (const handle of handles) this.deps.clock.clearTimeout(handle);
    this.timers.clear();
    for (const watch of this.watches.values()) watch.stop();
    this.watches.clear();
    this.ordersByAccount.clear();
    this.lastNumber = FIRST_ORDER_NUMBER - 1;
  }

  private newOrder(accountNumber: string, number: number, fields: Pick<Order, "instrument" | "type" | "side" | "quantity" | "duration" | "createdAtMs">
    & Partial<Pick<Order, "limitPrice" | "stopPrice" | "expirationDate" | "expiresAtMs" | "referenceId" | "line" | "combination">>
    & { product: ProductBlock }): Order {
    const order: Order = {
      number,
      accountNumber,
      ...fields,
      triggered: false,
      executedQuantity: 0,
      executedValue: 0,
      commissionChargedEuro: 0,
      status: "placed",
      statusTimeMs: fields.createdAtMs,
      history: [{ timeMs: fields.createdAtMs, status: "placed" }],
    };
    const list = this.ordersByAccount.get(accountNumber) ?? [];
    list.push(order);
    this.ordersByAccount.set(accountNumber, list);
    return order;
  }

  private tryExecute(order: Order): void {
    if (isFinal(order) || order.status === "cancelationRequested") return;
    if (order.combination) {
      this.tryExecuteCombination(order.combination);
      return;
    }
    const quote = this.deps.market.quote(order.instrument.id);
    if (!quote) return;
    if ((order.type === "stop" || order.type === "stopLimit") && !order.triggered) {
      if (!stopReached(order.side, order.stopPrice!, quote)) return;
      order.triggered = true;
      this.deps.logger.log("info", `Order ${order.number}: stop price ${order.stopPrice} reached; it now works as a ${order.type === "stop" ? "market" : "limit"} order.`);
    }
    const limit = order.type === "market" || order.type === "stop" ? undefined : order.limitPrice;
    for (const fill of matchAgainstBook(order.side, remainingQuantity(order), limit, quote)) this.execute(order, fill);
  }

  private execute(order: Order, fill: Fill): void {
    const now = this.deps.clock.now();
    const book = this.deps.bookOf(order.accountNumber);
    const firstFill = order.executedQuantity === 0;
    this.bookFill(order, book, fill, now);
    const done = remainingQuantity(order) === 0;
    setStatus(order, done ? "executed" : "partiallyExecuted", now, fill);
    // Events say completelyExecuted for a fill in one go, remainderExecuted for the last of several (API.md 5.6).
    this.emit("OrderExecution", order, done ? (firstFill ? "completelyExecuted" : "remainderExecuted") : "partiallyExecuted");
    if (done) this.release(order);
  }

  /** Both legs at once, in full, when the book allows it and the net price condition is met. */
  private tryExecuteCombination(combination: Combination): void {
    const fills = combinationFills(combination, (instrumentId) => this.deps.market.quote(instrumentId));
    if (!fills) return;
    const now = this.deps.clock.now();
    combination.lines.forEach((line, index) => {
      const book = this.deps.bookOf(line.accountNumber);
      for (const fill of fills[index]) this.bookFill(line, book, fill, now);
      setStatus(line, "executed", now, { quantity: line.executedQuantity, price: line.executedValue / line.executedQuantity });
    });
    for (const line of combination.lines) this.emit("OrderExecution", line, "completelyExecuted");
    for (const line of combination.lines) this.release(line);
  }

  /** Adds one fill to the order, books the trade on the account and prints it on the market. */
  private bookFill(order: Order, book: AccountBook, fill: Fill, now: number): void {
    order.executedQuantity += fill.quantity;
    order.executedValue += fill.quantity * fill.price;
    book.bookTrade({
      timeMs: now, instrument: order.instrument, side: order.side, quantity: fill.quantity, price: fill.price,
      costs: this.executionCosts(order, book, fill), mutationType: mutationTypeOf(order),
    });
    this.print(order.instrument.id, fill);
  }

  private print(instrumentId: string, fill: Fill): void {
    this.printing = true;
    try {
      this.deps.market.printTrade(instrumentId, fill.price, fill.quantity);
    } finally {
      this.printing = false;
    }
  }

  /** The commission the order owes on its executed value so far, minus what earlier fills paid, plus taxes on this fill. */
  private executionCosts(order: Order, book: AccountBook, fill: Fill): CostLine[] {
    const executedEuro = toEuro(order.executedValue * order.instrument.contractSize, order.instrument.currency);
    const owed = roundMoney(commissionEuro(executedEuro) - order.commissionChargedEuro);
    order.commissionChargedEuro = roundMoney(order.commissionChargedEuro + owed);
    const fillValue = fill.quantity * fill.price * order.instrument.contractSize;
    const fillEuro = toEuro(fillValue, order.instrument.currency);
    return [
      { category: "commission", euro: owed, percentage: fillEuro > 0 ? Math.round((owed / fillEuro) * 100_000) / 1000 : 0 },
      ...proportionalCostLines({ valueInCurrency: fillValue, currency: order.instrument.currency, isin: order.instrument.isin, side: order.side, realm: book.account.realm }),
    ];
  }

  private expire(order: Order): void {
    if (isFinal(order)) return;
    this.finish(order, order.executedQuantity > 0 ? "remainderExpired" : "expired");
  }

  /** Ends the order, every line of a strategy. */
  private finish(order: Order, status: OrderStatus): void {
    const lines = linesOf(order);
    for (const line of lines) {
      setStatus(line, status, this.deps.clock.now());
      this.emit("OrderStatus", line, status);
    }
    for (const line of lines) this.release(line);
  }

  private emit(name: OrderEventName, order: Order, status: string): void {
    this.deps.events.emit("order", { name, message: toEventMessage(order, status, this.deps.clock.now()) });
  }

  private schedule(order: Order, delayMs: number, callback: () => void): void {
    const handle = this.deps.clock.setTimeout(callback, Math.max(0, delayMs));
    const list = this.timers.get(order) ?? [];
    list.push(handle);
    this.timers.set(order, list);
  }

  private watch(order: Order): void {
    const id = order.instrument.id;
    let watch = this.watches.get(id);
    if (!watch) {
      // Orders join in placement order, so the set is already sorted by number (oldest first).
      const orders = new Set<Order>();
      const stop = this.deps.market.watch(id, () => {
        if (this.printing) return;
        for (const candidate of [...orders]) this.tryExecute(candidate);
      });
      watch = { stop, orders };
      this.watches.set(id, watch);
    }
    watch.orders.add(order);
  }

  /** A finished order needs no timers and no prices any more. */
  private release(order: Order): void {
    for (const handle of this.timers.get(order) ?? []) this.deps.clock.clearTimeout(handle);
    this.timers.delete(order);
    const watch = this.watches.get(order.instrument.id);
    if (!watch) return;
    watch.orders.delete(order);
    if (watch.orders.size === 0) {
      watch.stop();
      this.watches.delete(order.instrument.id);
    }
  }
}

function mutationTypeOf(order: Order): MutationType {
  // The sandbox never lets an account go short, so buys open and sells close.
  switch (order.product) {
    case "option": return order.side === "buy" ? "openingBuy" : "closingSell";
    case "future": return order.side === "buy" ? "openingBuyFutures" : "closingSellFuture";
    default: return order.side;
  }
}
