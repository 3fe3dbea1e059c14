import type { OrderStatus } from "../../../../src/core/wire/models";
import { startOfUtcDay } from "../../trading/money";
import { CANCELED_STATUSES, isFinal, linesOf, toOrderModel, type Order } from "../../trading/order";
import { parseModifyOrder, parseNewOrder } from "../../trading/order-request";
import type { TradingCaller } from "../../trading/trading";
import { accountFor, assertMayTrade } from "../account-access";
import { badRequest } from "../api-error";
import type { ApiRequest, Handler } from "../handler";
import { pageFields, paginate } from "../paging";
import { clip } from "../../../shared/clip";

const STATUS_FILTERS = ["all", "open", "executed", "canceled"] as const;
const EXECUTED_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>(["executed", "remainderExecuted"]);

function caller(request: ApiRequest): TradingCaller {
  return { account: accountFor(request, request.params.accountNumber), realm: request.session.realm, language: request.language };
}

/** Write operations: the account must be the caller's and the session must have passed the SMS step. */
function tradingCaller(request: ApiRequest): TradingCaller {
  const who = caller(request);
  assertMayTrade(request);
  return who;
}

function orderNumber(request: ApiRequest): number {
  const text = request.params.number;
  if (!/^\d{1,15}$/.test(text)) throw badRequest("number", `'${clip(text)}' is not an order number (a whole number).`);
  return Number(text);
}

/** Newest order first; the lines of a strategy (same number) in line order. */
function newestFirst(orders: readonly Order[]): Order[] {
  return [...orders].sort((a, b) => b.number - a.number || (a.line ?? 0) - (b.line ?? 0));
}

/** The answer of #13, #16, #18, #19: one OrderModel per line (two for an option strategy). */
function orderResponse(order: Order, includeStatusHistory: boolean) {
  return { ordersCollection: { orders: linesOf(order).map((line) => toOrderModel(line, includeStatusHistory)) } };
}

function matchesStatus(order: Order, filter: (typeof STATUS_FILTERS)[number]): boolean {
  switch (filter) {
    case "open": return !isFinal(order);
    case "executed": return EXECUTED_STATUSES.has(order.status);
    case "canceled": return CANCELED_STATUSES.has(order.status);
    default: return true;
  }
}

function orderList(request: ApiRequest, orders: readonly Order[]) {
  const includeHistory = request.query.boolean("includeStatusHistory", true);
  const page = paginate(newestFirst(orders), request.query);
  return {
    body: {
      ordersCollection: { orders: page.items.map((order) => toOrderModel(order, includeHistory)) },
      ...pageFields(page),
    },
  };
}

/** #11 GET …/orders: open orders and those finished today, newest first. */
export const getOrders: Handler = (request) => {
  const { account } = caller(request);
  const filter = request.query.enumValue("status", STATUS_FILTERS, "all")!;
  const today = startOfUtcDay(request.ctx.clock.now());
  const recent = request.ctx.trading.engine.ordersOf(account.number)
    .filter((order) => (!isFinal(order) || order.statusTimeMs >= today) && matchesStatus(order, filter));
  return orderList(request, recent);
};

/** #12 GET …/orders/history?year=&month=: the orders placed in that calendar month (UTC). */
export const getOrderHistory: Handler = (request) => {
  const { account } = caller(request);
  const year = request.query.integer("year", { required: true, min: 1900, max: 9999 })!;
  const month = request.query.integer("month", { required: true, min: 1, max: 12 })!;
  const from = Date.UTC(year, month - 1, 1);
  const to = Date.UTC(year, month, 1);
  const orders = request.ctx.trading.engine.ordersOf(account.number).filter((order) => order.createdAtMs >= from && order.createdAtMs < to);
  return orderList(request, orders);
};

/** #13 GET …/orders/{number}: a strategy answers both lines. */
export const getOrder: Handler = (request) => {
  const who = caller(request);
  const order = request.ctx.trading.findOrder(who, orderNumber(request));
  return { body: orderResponse(order, request.query.boolean("includeStatusHistory", true)) };
};

/** #14 POST …/orders/preview: 200 also when the order cannot be registered (the reasons are in warningsToBeShown). */
export const previewOrder: Handler = (request) => {
  const who = tradingCaller(request);
  const previewOrder = request.ctx.trading.previewOrder(who, parseNewOrder(request.body));
  return { body: { previewOrder } };
};

/** #15 POST …/orders/costs. */
export const previewOrderCosts: Handler = (request) => {
  const who = tradingCaller(request);
  return { body: { costsCollection: request.ctx.trading.orderCosts(who, parseNewOrder(request.body)) } };
};

/** #16 POST …/orders: 201; the realtime `placed` event is emitted before this answer is written. */
export const placeOrder: Handler = (request) => {
  const who = tradingCaller(request);
  const order = request.ctx.trading.placeOrder(who, parseNewOrder(request.body));
  return { status: 201, body: orderResponse(order, true) };
};

/** #17 POST …/orders/{number}/preview: a new limit price only (a strategy's net price); 200 with the reason when it cannot change. */
export const previewModifyOrder: Handler = (request) => {
  const who = tradingCaller(request);
  const number = orderNumber(request);
  const previewOrder = request.ctx.trading.previewModification(who, number, parseModifyOrder(request.body, number));
  return { body: { previewOrder } };
};

/** #18 PATCH …/orders/{number}. */
export const modifyOrder: Handler = (request) => {
  const who = tradingCaller(request);
  const number = orderNumber(request);
  const order = request.ctx.trading.modifyOrder(who, number, parseModifyOrder(request.body, number));
  return { body: orderResponse(order, true) };
};

/** #19 DELETE …/orders/{number}: answers with cancelationRequested; `canceled` follows shortly. */
export const cancelOrder: Handler = (request) => {
  const who = tradingCaller(request);
  const order = request.ctx.trading.cancelOrder(who, orderNumber(request));
  return { body: orderResponse(order, true) };
};
