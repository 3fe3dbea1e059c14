import { badRequest } from "../rest/api-error";
import type { OrderDuration, OrderSide, OrderType, ProductBlock, StrategyCondition } from "./order";
import { bodyAt, describe, dropUndefined, enumAt, isAbsent, objectAt, requiredError, stringAt, dateAt } from "./request-fields";

/** Limits of an order body (swagger NewOrderModel / ModifyOrderModel, API.md 3.3 #14 and #17). */
export const ORDER_LIMITS = {
  maxQuantity: 1_000_000,
  maxPrice: 1_000_000,
  referenceIdMaxLength: 40,
  validationCodeMaxLength: 200,
  instrumentIdPattern: /^[A-Za-z0-9]{1,20}$/,
};

export const ORDER_TYPES: readonly OrderType[] = ["limit", "market", "stop", "stopLimit"];
export const ORDER_DURATIONS: readonly OrderDuration[] = ["day", "goodTillCancelled", "goodTillDate"];
export const PRODUCT_BLOCKS: readonly ProductBlock[] = ["cash", "srd", "option", "future"];
export const STRATEGY_CONDITIONS: readonly StrategyCondition[] = ["pay", "receive"];
/**
 * Order types of an option strategy (two legs). A strategy has no single last price a stop could watch,
 * so only `limit` (limitPrice = the net price per unit of the combination, paid or received as
 * option.condition says) and `market` (both legs at once at their market prices) are accepted.
 */
export const STRATEGY_ORDER_TYPES: readonly OrderType[] = ["limit", "market"];
const SIDES: readonly OrderSide[] = ["buy", "sell"];

export interface RequestLeg {
  side: OrderSide;
  instrumentId: string;
  /** Field path of the instrument id, for error messages (e.g. `option.leg2.instrumentId`). */
  instrumentField: string;
}

/** A NewOrderModel whose shape is valid; the instrument and the account are checked later. */
export interface OrderRequest {
  type: OrderType;
  quantity: number;
  duration: OrderDuration;
  expirationDate?: { text: string; timeMs: number };
  /** For a strategy: the net price per unit of the combination (see STRATEGY_ORDER_TYPES). */
  limitPrice?: number;
  stopPrice?: number;
  product: ProductBlock;
  side: OrderSide;
  instrumentId: string;
  /** Field path of the instrument id, for error messages (e.g. `option.leg1.instrumentId`). */
  instrumentField: string;
  /** option.leg2: the request is an option strategy (API.md 3.3 #14, 3.5). */
  secondLeg?: RequestLeg;
  /** Required with two legs: whether the customer pays or receives the net price. */
  condition?: StrategyCondition;
  referenceId?: string;
  validationCode?: string;
}

export interface ModifyRequest {
  orderNumber: number;
  limitPrice: number;
  validationCode?: string;
}

/** Checks a NewOrderModel field by field; unknown fields are ignored (clients send extras). */
export function parseNewOrder(body: unknown): OrderRequest {
  const root = bodyAt(body);
  const type = enumAt(root.type, "type", ORDER_TYPES, true);
  const quantity = quantityAt(root.quantity);
  const duration = enumAt(root.duration, "duration", ORDER_DURATIONS, true);
  const request: Partial<OrderRequest> = { type, quantity, duration };

  if (duration === "goodTillDate") {
    if (isAbsent(root.expirationDate)) throw badRequest("expirationDate", "is required with duration goodTillDate.");
    request.expirationDate = dateAt(root.expirationDate, "expirationDate");
  } else if (!isAbsent(root.expirationDate)) {
    throw badRequest("expirationDate", `is only allowed with duration goodTillDate, not with ${duration}.`);
  }

  const needsLimit = type === "limit" || type === "stopLimit";
  const needsStop = type === "stop" || type === "stopLimit";
  request.limitPrice = priceAt(root.limitPrice, "limitPrice", needsLimit, type);
  request.stopPrice = priceAt(root.stopPrice, "stopPrice", needsStop, type);

  const blocks = PRODUCT_BLOCKS.filter((name) => !isAbsent(root[name]));
  if (blocks.length !== 1) {
    throw badRequest(blocks.length === 0 ? "cash" : blocks.join(", "),
      `exactly one product block of ${PRODUCT_BLOCKS.join(", ")} is required; the body has ${blocks.length === 0 ? "none" : blocks.join(" and ")}.`);
  }
  const product = blocks[0];
  request.product = product;
  if (product === "option") {
    Object.assign(request, optionBlockAt(root.option, type));
  } else {
    Object.assign(request, legAt(root[product], product));
  }

  request.referenceId = stringAt(root.referenceId, "referenceId", ORDER_LIMITS.referenceIdMaxLength);
  request.validationCode = stringAt(root.validationCode, "validationCode", ORDER_LIMITS.validationCodeMaxLength);
  return dropUndefined(request) as OrderRequest;
}

/** The option block: one leg, or a strategy of two different legs with its pay/receive condition. */
function optionBlockAt(value: unknown, type: OrderType): Pick<OrderRequest, "side" | "instrumentId" | "instrumentField" | "secondLeg" | "condition"> {
  const option = objectAt(value, "option");
  const leg1 = legAt(option.leg1, "option.leg1");
  if (isAbsent(option.leg2)) {
    if (!isAbsent(option.condition)) {
      throw badRequest("option.condition", "is only allowed with two legs (option.leg2): a single option order has no net price to pay or receive.");
    }
    return leg1;
  }
  const leg2 = legAt(option.leg2, "option.leg2");
  if (leg2.instrumentId === leg1.instrumentId) {
    throw badRequest("option.leg2.instrumentId", `'${leg2.instrumentId}' is also the instrument of option.leg1; the two legs of a strategy must be different options.`);
  }
  if (!STRATEGY_ORDER_TYPES.includes(type)) {
    throw badRequest("type", `${type} is not possible for an option strategy (two legs): use limit (a net price with option.condition) or market.`);
  }
  const condition = enumAt(option.condition, "option.condition", STRATEGY_CONDITIONS, false);
  if (condition === undefined) throw requiredError(option.condition, "option.condition", `with two legs; one of ${STRATEGY_CONDITIONS.join(", ")}`);
  if (leg1.side === leg2.side) {
    const impossible: StrategyCondition = leg1.side === "buy" ? "receive" : "pay";
    if (condition === impossible) {
      throw badRequest("option.condition", `${condition} is not possible when both legs ${leg1.side}: a strategy that only ${leg1.side === "buy" ? "buys pays" : "sells receives"}.`);
    }
  }
  return { ...leg1, secondLeg: leg2, condition };
}

/** Checks a ModifyOrderModel; its orderNumber must be the order of the path. */
export function parseModifyOrder(body: unknown, pathNumber: number): ModifyRequest {
  const root = bodyAt(body);
  if (isAbsent(root.orderNumber)) throw requiredError(root.orderNumber, "orderNumber");
  if (typeof root.orderNumber !== "number" || !Number.isSafeInteger(root.orderNumber)) {
    throw badRequest("orderNumber", `${describe(root.orderNumber)} is not a whole number.`);
  }
  if (root.orderNumber !== pathNumber) {
    throw badRequest("orderNumber", `${root.orderNumber} differs from the order number ${pathNumber} in the path.`);
  }
  if (root.limitPrice === null) throw requiredError(null, "limitPrice");
  const limitPrice = priceAt(root.limitPrice, "limitPrice", true, "limit")!;
  const validationCode = stringAt(root.validationCode, "validationCode", ORDER_LIMITS.validationCodeMaxLength);
  return dropUndefined({ orderNumber: root.orderNumber, limitPrice, validationCode }) as ModifyRequest;
}

function quantityAt(value: unknown): number {
  if (isAbsent(value)) throw requiredError(value, "quantity");
  if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest("quantity", `${describe(value)} is not a number.`);
  if (!Number.isInteger(value) || value <= 0) throw badRequest("quantity", `${value} is not a whole number above 0.`);
  if (value > ORDER_LIMITS.maxQuantity) throw badRequest("quantity", `${value} is above the maximum of ${ORDER_LIMITS.maxQuantity}.`);
  return value;
}

/** A price; null counts as absent, so `"limitPrice": null` on a market order is fine. */
function priceAt(value: unknown, field: string, required: boolean, type: string): number | undefined {
  if (isAbsent(value)) {
    if (required) throw badRequest(field, `is required for a ${type} order.`);
    return undefined;
  }
  if (!required) throw badRequest(field, `is not allowed for a ${type} order.`);
  if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest(field, `${describe(value)} is not a number.`);
  if (value <= 0 || value > ORDER_LIMITS.maxPrice) throw badRequest(field, `${value} is not between 0 (exclusive) and ${ORDER_LIMITS.maxPrice}.`);
  return value;
}

function legAt(value: unknown, field: string): RequestLeg {
  const leg = objectAt(value, field);
  const side = enumAt(leg.side, `${field}.side`, SIDES, true);
  const idField = `${field}.instrumentId`;
  if (isAbsent(leg.instrumentId)) throw requiredError(leg.instrumentId, idField);
  if (typeof leg.instrumentId !== "string" || !ORDER_LIMITS.instrumentIdPattern.test(leg.instrumentId)) {
    throw badRequest(idField, `${describe(leg.instrumentId)} is not an instrument id (1 to 20 letters or digits).`);
  }
  return { side, instrumentId: leg.instrumentId, instrumentField: idField };
}
