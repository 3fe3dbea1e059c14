import type { NewOrderModel, OrderModel, OrderStatus } from "../../../src/core/wire/models";
import type { OrderEventMessage } from "../../../src/core/wire/realtime";
import type { HeldInstrument } from "./account-book";
import { isoDateTime, roundPrice } from "./money";

export type OrderType = NewOrderModel["type"];
export type OrderDuration = NewOrderModel["duration"];
export type OrderSide = "buy" | "sell";
export type ProductBlock = "cash" | "srd" | "option" | "future";
export type StrategyCondition = "pay" | "receive";

/**
 * An option strategy: one order number with one line per leg (API.md 3.3 #13). Both lines share the
 * type, quantity, duration, expiry, net limit price and status; they execute together, all or nothing.
 */
export interface Combination {
  readonly condition: StrategyCondition;
  /** Line 1 (option.leg1) and line 2 (option.leg2). */
  readonly lines: Order[];
}

export interface StatusEntry {
  timeMs: number;
  status: OrderStatus;
  executedQuantity?: number;
  executionPrice?: number;
}

/** An order as the engine keeps it; `toOrderModel` makes the wire form. */
export interface Order {
  readonly number: number;
  readonly accountNumber: string;
  readonly instrument: HeldInstrument;
  readonly product: ProductBlock;
  readonly type: OrderType;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly duration: OrderDuration;
  /** The expiration date as the customer gave it (goodTillDate only). */
  readonly expirationDate?: string;
  /** When the engine expires the order (end of day, or the capped GTC/GTD end). */
  readonly expiresAtMs?: number;
  readonly stopPrice?: number;
  readonly referenceId?: string;
  readonly createdAtMs: number;
  /** For an option strategy: 1 or 2, and the combination both lines belong to. */
  readonly line?: number;
  readonly combination?: Combination;
  /** For a strategy: the net price per unit of the combination, on both lines. */
  limitPrice?: number;
  /** A stop or stopLimit order whose stop price was reached now behaves as a market or limit order. */
  triggered: boolean;
  executedQuantity: number;
  /** Sum of quantity × price of the executions (for averagePrice). */
  executedValue: number;
  /** Commission booked so far, in euro: each execution books what the order's total owes on top. */
  commissionChargedEuro: number;
  status: OrderStatus;
  statusTimeMs: number;
  readonly history: StatusEntry[];
}

/** Statuses after which nothing happens to an order any more. */
export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  "executed", "canceled", "expired", "refused", "remainderCanceled", "remainderExpired", "remainderExecuted",
]);

export const CANCELED_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>(["canceled", "remainderCanceled"]);

export function isFinal(order: Order): boolean {
  return FINAL_STATUSES.has(order.status);
}

/** The lines of the order this order belongs to: itself, or both lines of a strategy. */
export function linesOf(order: Order): readonly Order[] {
  return order.combination?.lines ?? [order];
}

export function remainingQuantity(order: Order): number {
  return order.quantity - order.executedQuantity;
}

export function setStatus(order: Order, status: OrderStatus, timeMs: number, execution?: { quantity: number; price: number }): void {
  order.status = status;
  order.statusTimeMs = timeMs;
  order.history.push({
    timeMs,
    status,
    ...(execution ? { executedQuantity: execution.quantity, executionPrice: roundPrice(execution.price) } : {}),
  });
}

/** The REST form (API.md 3.3 #11). Absent values are omitted. */
export function toOrderModel(order: Order, includeStatusHistory: boolean): OrderModel {
  const model: OrderModel = {
    number: order.number,
    ...(order.line !== undefined ? { line: order.line } : {}),
    instrument: { id: order.instrument.id, name: order.instrument.name },
    type: order.type,
    side: order.side,
    quantity: order.quantity,
    currency: order.instrument.currency,
    duration: order.duration,
    lastStatus: order.status,
    lastStatusDateTime: isoDateTime(order.statusTimeMs),
  };
  if (order.executedQuantity > 0) {
    model.executedQuantity = order.executedQuantity;
    model.averagePrice = roundPrice(order.executedValue / order.executedQuantity);
  }
  if (order.limitPrice !== undefined) model.limitPrice = order.limitPrice;
  if (order.stopPrice !== undefined) model.stopPrice = order.stopPrice;
  if (order.expiresAtMs !== undefined && order.duration !== "day") model.expirationDate = isoDateTime(order.expiresAtMs);
  if (order.combination) model.condition = order.combination.condition;
  if (order.referenceId !== undefined) model.referenceId = order.referenceId;
  if (includeStatusHistory) {
    model.statusHistory = order.history.map((entry) => ({
      dateTime: isoDateTime(entry.timeMs),
      status: entry.status,
      ...(entry.executedQuantity !== undefined ? { executedQuantity: entry.executedQuantity, executionPrice: entry.executionPrice } : {}),
    }));
  }
  return model;
}

/**
 * The short realtime payload (API.md 5.6): only the instrument id, the event's own status. Each line of a
 * strategy has its own event (its own instrument and side) with the C# sample's `combinationCondition`.
 */
export function toEventMessage(order: Order, status: string, timeMs: number): OrderEventMessage {
  return {
    accountNumber: order.accountNumber,
    number: order.number,
    ...(order.referenceId !== undefined ? { referenceId: order.referenceId } : {}),
    instrument: { id: order.instrument.id },
    status,
    ...(order.limitPrice !== undefined ? { limitPrice: order.limitPrice } : {}),
    type: order.type,
    side: order.side,
    ...(order.expiresAtMs !== undefined && order.duration !== "day" ? { expirationDate: isoDateTime(order.expiresAtMs) } : {}),
    ...(order.combination ? { combinationCondition: order.combination.condition } : {}),
    dt: isoDateTime(timeMs),
  };
}
