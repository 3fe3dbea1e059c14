import type { FieldProblem, FieldProblemCode, OrderDuration, OrderField, OrderFields, OrderKind, OrderSide } from "./contract";
import { parseExpirationDate } from "./expiration-date";

/** Limits of a new order's numbers (the sandbox's, as Binck's own were not published). */
export const ORDER_FIELD_LIMITS = { maxQuantity: 1_000_000, maxPrice: 1_000_000 } as const;

/** How each field is named in the English messages. */
export const FIELD_LABELS: Readonly<Record<OrderField, string>> = {
  accountNumber: "Account", instrument: "Instrument", side: "Side", quantity: "Quantity", type: "Order type",
  limitPrice: "Limit price", stopPrice: "Stop price", duration: "Duration", expirationDate: "Expiration date",
};

export const ORDER_SIDES: readonly OrderSide[] = ["buy", "sell"];
export const ORDER_KINDS: readonly OrderKind[] = ["market", "limit", "stop", "stopLimit"];
export const ORDER_DURATIONS: readonly OrderDuration[] = ["day", "goodTillDate", "goodTillCancelled"];
/** Spellings a cell or a form may use (case, spaces, dashes and underscores are ignored). */
const DURATION_ALIASES: Readonly<Record<string, OrderDuration>> = { gtd: "goodTillDate", gtc: "goodTillCancelled", goodtillcanceled: "goodTillCancelled" };

/** The fields that need nothing from Binck, read and checked. */
export interface PlainFields {
  side?: OrderSide;
  quantity?: number;
  type?: OrderKind;
  limitPrice?: number;
  stopPrice?: number;
  duration?: OrderDuration;
  expirationDate?: string;
}

export function fieldProblem(field: OrderField, code: FieldProblemCode, params: Record<string, string | number>, message: string): FieldProblem {
  return { field, code, params, message };
}

/** Reads every field that can be checked without Binck; every problem is reported, not just the first. */
export function checkPlainFields(fields: OrderFields, todayIso: string): { plain: PlainFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const plain: PlainFields = {};
  const report = (found: FieldProblem | undefined) => found && problems.push(found);

  const side = text(fields.side);
  if (side === undefined) report(required("side"));
  else plain.side = pick("side", side, ORDER_SIDES, {}, problems);

  const quantity = number("quantity", fields.quantity, problems);
  if (quantity === null) report(required("quantity"));
  else if (quantity !== undefined) {
    if (!Number.isInteger(quantity)) report(fieldProblem("quantity", "notWhole", { value: quantity }, `Quantity ${quantity} is not a whole number.`));
    else if (checkRange("quantity", quantity, ORDER_FIELD_LIMITS.maxQuantity, problems)) plain.quantity = quantity;
  }

  const limitGiven = !isBlank(fields.limitPrice);
  const typeText = text(fields.type);
  plain.type = typeText === undefined ? (limitGiven ? "limit" : "market") : pick("type", typeText, ORDER_KINDS, {}, problems);
  plain.limitPrice = price("limitPrice", fields.limitPrice, plain.type, (type) => type === "limit" || type === "stopLimit", problems);
  plain.stopPrice = price("stopPrice", fields.stopPrice, plain.type, (type) => type === "stop" || type === "stopLimit", problems);

  const durationText = text(fields.duration);
  plain.duration = durationText === undefined ? "day" : pick("duration", durationText, ORDER_DURATIONS, DURATION_ALIASES, problems);
  const dateGiven = !isBlank(fields.expirationDate);
  if (plain.duration === "goodTillDate" && !dateGiven) {
    report(fieldProblem("expirationDate", "required", { duration: "goodTillDate" }, "Expiration date is required with duration goodTillDate."));
  } else if (plain.duration !== undefined && plain.duration !== "goodTillDate" && dateGiven) {
    report(fieldProblem("expirationDate", "dateNotAllowed", { duration: plain.duration },
      `Expiration date is only allowed with duration goodTillDate, not with ${plain.duration}.`));
  } else if (dateGiven) {
    const date = parseExpirationDate(fields.expirationDate!);
    if (!date.ok) report(fieldProblem("expirationDate", "dateNotADate", { value: date.shown }, date.message));
    else if (date.iso < todayIso) report(fieldProblem("expirationDate", "dateInPast", { value: date.iso, today: todayIso }, `Expiration date ${date.iso} is in the past (today is ${todayIso}).`));
    else plain.expirationDate = date.iso;
  }
  return { plain, problems };
}

export function required(field: OrderField): FieldProblem {
  return fieldProblem(field, "required", {}, `${FIELD_LABELS[field]} is required.`);
}

/** The text of a field, trimmed; undefined when blank. */
export function text(value: string | number | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed === "" ? undefined : trimmed;
}

function isBlank(value: string | number | undefined): boolean {
  return text(value) === undefined;
}

export function shown(value: string | number): string {
  const whole = String(value);
  return whole.length > 40 ? `${whole.slice(0, 40)}…` : whole;
}

function pick<T extends string>(field: OrderField, value: string, allowed: readonly T[], aliases: Readonly<Record<string, T>>, problems: FieldProblem[]): T | undefined {
  const key = value.toLowerCase().replace(/[\s_-]/g, "");
  const found = allowed.find((candidate) => candidate.toLowerCase() === key) ?? aliases[key];
  if (found) return found;
  problems.push(fieldProblem(field, "unknownValue", { value: shown(value), allowed: allowed.join(", ") },
    `${FIELD_LABELS[field]} '${shown(value)}' is not one of ${allowed.join(", ")}.`));
  return undefined;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A number, undefined when it is not one (reported), null when blank. */
function number(field: OrderField, value: string | number | undefined, problems: FieldProblem[]): number | null | undefined {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    problems.push(fieldProblem(field, "notANumber", { value: String(value) }, `${FIELD_LABELS[field]} ${String(value)} is not a number.`));
    return undefined;
  }
  const given = text(value);
  if (given === undefined) return null;
  if (DECIMAL.test(given)) return Number(given);
  problems.push(fieldProblem(field, "notANumber", { value: shown(given) },
    `${FIELD_LABELS[field]} '${shown(given)}' is not a number (digits with a dot for decimals, e.g. 12.5).`));
  return undefined;
}

function checkRange(field: OrderField, value: number, max: number, problems: FieldProblem[]): boolean {
  if (value <= 0) {
    problems.push(fieldProblem(field, "notPositive", { value }, `${FIELD_LABELS[field]} ${value} is not above 0.`));
    return false;
  }
  if (value > max) {
    problems.push(fieldProblem(field, "tooLarge", { value, max }, `${FIELD_LABELS[field]} ${value} is above the maximum of ${max}.`));
    return false;
  }
  return true;
}

/** A limit or stop price: required for the types that use it, refused for the others. */
function price(field: "limitPrice" | "stopPrice", value: string | number | undefined, type: OrderKind | undefined, usedBy: (type: OrderKind) => boolean,
  problems: FieldProblem[]): number | undefined {
  const read = number(field, value, problems);
  if (read === null) {
    if (type !== undefined && usedBy(type)) problems.push(fieldProblem(field, "required", { type }, `${FIELD_LABELS[field]} is required for a ${type} order.`));
    return undefined;
  }
  if (type !== undefined && !usedBy(type)) {
    problems.push(fieldProblem(field, "notAllowedForType", { type }, `${FIELD_LABELS[field]} is not allowed for a ${type} order.`));
    return undefined;
  }
  if (read === undefined || !checkRange(field, read, ORDER_FIELD_LIMITS.maxPrice, problems)) return undefined;
  return read;
}
