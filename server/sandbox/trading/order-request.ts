import { badRequest } from "../rest/api-error";
import { clip } from "../rest/query";
import type { OrderDuration, OrderSide, OrderType, ProductBlock } from "./order";

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
const SIDES: readonly OrderSide[] = ["buy", "sell"];

/** A NewOrderModel whose shape is valid; the instrument and the account are checked later. */
export interface OrderRequest {
  type: OrderType;
  quantity: number;
  duration: OrderDuration;
  expirationDate?: { text: string; timeMs: number };
  limitPrice?: number;
  stopPrice?: number;
  product: ProductBlock;
  side: OrderSide;
  instrumentId: string;
  /** Field path of the instrument id, for error messages (e.g. `option.leg1.instrumentId`). */
  instrumentField: string;
  secondLeg?: { side: OrderSide; instrumentId: string };
  condition?: "pay" | "receive";
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
  const root = objectAt(body, "body");
  const type = enumAt(root.type, "type", ORDER_TYPES, true)!;
  const quantity = quantityAt(root.quantity);
  const duration = enumAt(root.duration, "duration", ORDER_DURATIONS, true)!;
  const request: Partial<OrderRequest> = { type, quantity, duration };

  if (duration === "goodTillDate") {
    if (root.expirationDate === undefined) throw badRequest("expirationDate", "is required with duration goodTillDate.");
    request.expirationDate = dateAt(root.expirationDate, "expirationDate");
  } else if (root.expirationDate !== undefined) {
    throw badRequest("expirationDate", `is only allowed with duration goodTillDate, not with ${duration}.`);
  }

  const needsLimit = type === "limit" || type === "stopLimit";
  const needsStop = type === "stop" || type === "stopLimit";
  request.limitPrice = priceAt(root.limitPrice, "limitPrice", needsLimit, type);
  request.stopPrice = priceAt(root.stopPrice, "stopPrice", needsStop, type);

  const blocks = PRODUCT_BLOCKS.filter((name) => root[name] !== undefined);
  if (blocks.length !== 1) {
    throw badRequest(blocks.length === 0 ? "cash" : blocks.join(", "),
      `exactly one product block of ${PRODUCT_BLOCKS.join(", ")} is required; the body has ${blocks.length === 0 ? "none" : blocks.join(" and ")}.`);
  }
  const product = blocks[0];
  request.product = product;
  if (product === "option") {
    const option = objectAt(root.option, "option");
    Object.assign(request, legAt(option.leg1, "option.leg1"));
    if (option.leg2 !== undefined) request.secondLeg = legAt(option.leg2, "option.leg2");
    request.condition = enumAt(option.condition, "option.condition", ["pay", "receive"] as const, false);
  } else {
    Object.assign(request, legAt(root[product], product));
  }

  request.referenceId = stringAt(root.referenceId, "referenceId", ORDER_LIMITS.referenceIdMaxLength);
  request.validationCode = stringAt(root.validationCode, "validationCode", ORDER_LIMITS.validationCodeMaxLength);
  return dropUndefined(request) as OrderRequest;
}

/** Checks a ModifyOrderModel; its orderNumber must be the order of the path. */
export function parseModifyOrder(body: unknown, pathNumber: number): ModifyRequest {
  const root = objectAt(body, "body");
  if (root.orderNumber === undefined) throw badRequest("orderNumber", "is required.");
  if (typeof root.orderNumber !== "number" || !Number.isSafeInteger(root.orderNumber)) {
    throw badRequest("orderNumber", `${describe(root.orderNumber)} is not a whole number.`);
  }
  if (root.orderNumber !== pathNumber) {
    throw badRequest("orderNumber", `${root.orderNumber} differs from the order number ${pathNumber} in the path.`);
  }
  const limitPrice = priceAt(root.limitPrice, "limitPrice", true, "limit")!;
  const validationCode = stringAt(root.validationCode, "validationCode", ORDER_LIMITS.validationCodeMaxLength);
  return dropUndefined({ orderNumber: root.orderNumber, limitPrice, validationCode }) as ModifyRequest;
}

function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined) throw badRequest(field, "is required.");
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw badRequest(field, `must be a JSON object, not ${describe(value)}.`);
  }
  return value as Record<string, unknown>;
}

function enumAt<T extends string>(value: unknown, field: string, allowed: readonly T[], required: boolean): T | undefined {
  if (value === undefined) {
    if (required) throw badRequest(field, `is required (one of ${allowed.join(", ")}).`);
    return undefined;
  }
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw badRequest(field, `${describe(value)} is not one of ${allowed.join(", ")}.`);
  }
  return value as T;
}

function quantityAt(value: unknown): number {
  if (value === undefined) throw badRequest("quantity", "is required.");
  if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest("quantity", `${describe(value)} is not a number.`);
  if (!Number.isInteger(value) || value <= 0) throw badRequest("quantity", `${value} is not a whole number above 0.`);
  if (value > ORDER_LIMITS.maxQuantity) throw badRequest("quantity", `${value} is above the maximum of ${ORDER_LIMITS.maxQuantity}.`);
  return value;
}

function priceAt(value: unknown, field: string, required: boolean, type: string): number | undefined {
  if (value === undefined) {
    if (required) throw badRequest(field, `is required for a ${type} order.`);
    return undefined;
  }
  if (!required) throw badRequest(field, `is not allowed for a ${type} order.`);
  if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest(field, `${describe(value)} is not a number.`);
  if (value <= 0 || value > ORDER_LIMITS.maxPrice) throw badRequest(field, `${value} is not between 0 (exclusive) and ${ORDER_LIMITS.maxPrice}.`);
  return value;
}

function dateAt(value: unknown, field: string): { text: string; timeMs: number } {
  if (typeof value !== "string") throw badRequest(field, `${describe(value)} is not a date-time string.`);
  const isIso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const timeMs = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (!isIso || Number.isNaN(timeMs)) throw badRequest(field, `'${clip(value)}' is not an ISO-8601 date-time.`);
  return { text: value, timeMs };
}

function legAt(value: unknown, field: string): { side: OrderSide; instrumentId: string; instrumentField: string } {
  const leg = objectAt(value, field);
  const side = enumAt(leg.side, `${field}.side`, SIDES, true)!;
  const idField = `${field}.instrumentId`;
  if (leg.instrumentId === undefined) throw badRequest(idField, "is required.");
  if (typeof leg.instrumentId !== "string" || !ORDER_LIMITS.instrumentIdPattern.test(leg.instrumentId)) {
    throw badRequest(idField, `${describe(leg.instrumentId)} is not an instrument id (1 to 20 letters or digits).`);
  }
  return { side, instrumentId: leg.instrumentId, instrumentField: idField };
}

function stringAt(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badRequest(field, `${describe(value)} is not a string.`);
  if (value.length > maxLength) throw badRequest(field, `'${clip(value)}' is longer than ${maxLength} characters.`);
  return value;
}

/** How a wrong value is quoted back: short, with its JSON type. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value === "string") return `the string '${clip(value)}'`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
