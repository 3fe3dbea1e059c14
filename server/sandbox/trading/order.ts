import type { NewOrderModel, OrderModel, OrderStatus } from "../../../src/core/wire/models";
import type { OrderEventMessage } from "../../../src/core/wire/realtime";
import type { HeldInstrument } from "./account-book";
import { isoDateTime, roundPrice } from "./money";

export type OrderType = NewOrderModel["type"];
export type OrderDuration = NewOrderModel["duration"];
export type OrderSide = "buy" | "sell";
export type ProductBlock = "cash" | "srd" | "option" | "future";

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

/** The short realtime payload (API.md 5.6): only the instrument id, the event's own status. */
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
    dt: isoDateTime(timeMs),
  };
}
