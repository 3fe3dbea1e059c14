import { epochMsOf } from "./wire-time";
import { QUOTE_TYPES, type NewsMessage, type OrderEventMessage, type QuoteMessage, type QuoteType } from "../wire/realtime";

/**
 * Checks of hub payloads at the boundary (API.md 5.4-5.6). Each returns the payload typed, or a sentence naming
 * the field, the value and the rule; the session logs it and drops the message, never throwing into the connection.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const KNOWN_TYPES = new Set<string>(QUOTE_TYPES);

export function checkQuoteMessage(payload: unknown): Checked<QuoteMessage> {
  if (!isObject(payload)) return fail(`Quote: the payload must be an object, got ${describe(payload)}`);
  if (typeof payload.id !== "string" || payload.id === "") return fail(`Quote: id must be a non-empty string, got ${describe(payload.id)}`);
  if (!Array.isArray(payload.qt)) return fail(`Quote ${payload.id}: qt must be an array, got ${describe(payload.qt)}`);
  const items = payload.qt as unknown[];
  for (let index = 0; index < items.length; index++) {
    const problem = itemProblem(items[index]);
    if (problem) return fail(`Quote ${payload.id}: qt[${index}]${problem}`);
  }
  return { ok: true, value: payload as unknown as QuoteMessage };
}

function itemProblem(item: unknown): string | undefined {
  if (!isObject(item)) return ` must be an object, got ${describe(item)}`;
  if (item.msg !== "qi" && item.msg !== "qu") return `.msg must be "qi" or "qu", got ${describe(item.msg)}`;
  if (typeof item.typ !== "string" || !KNOWN_TYPES.has(item.typ)) return `.typ must be one of ${QUOTE_TYPES.join(" ")}, got ${describe(item.typ)}`;
  for (const key of ["prc", "vol", "ord"] as const) {
    const value = item[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) return `.${key} must be a finite number, got ${describe(value)}`;
  }
  if (item.dt !== undefined && (typeof item.dt !== "string" || Number.isNaN(epochMsOf(item.dt)))) return `.dt must be a date-time string, got ${describe(item.dt)}`;
  if (item.tags !== undefined && typeof item.tags !== "string") return `.tags must be a string, got ${describe(item.tags)}`;
  return undefined;
}

export function checkNewsMessage(payload: unknown): Checked<NewsMessage> {
  if (!isObject(payload)) return fail(`News: the payload must be an object, got ${describe(payload)}`);
  for (const key of ["cul", "dt", "head"] as const) {
    if (typeof payload[key] !== "string") return fail(`News: ${key} must be a string, got ${describe(payload[key])}`);
  }
  if (payload.fmt !== "html" && payload.fmt !== "plain") return fail(`News: fmt must be "html" or "plain", got ${describe(payload.fmt)}`);
  if (payload.body !== undefined && typeof payload.body !== "string") return fail(`News: body must be a string, got ${describe(payload.body)}`);
  if (payload.iids !== undefined && !(Array.isArray(payload.iids) && payload.iids.every((id) => typeof id === "string"))) {
    return fail(`News: iids must be an array of strings, got ${describe(payload.iids)}`);
  }
  return { ok: true, value: payload as unknown as NewsMessage };
}

export function checkOrderEvent(event: string, payload: unknown): Checked<OrderEventMessage> {
  if (!isObject(payload)) return fail(`${event}: the payload must be an object, got ${describe(payload)}`);
  if (typeof payload.accountNumber !== "string") return fail(`${event}: accountNumber must be a string, got ${describe(payload.accountNumber)}`);
  if (typeof payload.number !== "number" || !Number.isInteger(payload.number)) return fail(`${event}: number must be an integer, got ${describe(payload.number)}`);
  if (!isObject(payload.instrument) || typeof payload.instrument.id !== "string") {
    return fail(`${event}: instrument.id must be a string, got ${describe(isObject(payload.instrument) ? payload.instrument.id : payload.instrument)}`);
  }
  if (typeof payload.status !== "string") return fail(`${event}: status must be a string, got ${describe(payload.status)}`);
  if (typeof payload.dt !== "string") return fail(`${event}: dt must be a string, got ${describe(payload.dt)}`);
  return { ok: true, value: payload as unknown as OrderEventMessage };
}

export function isQuoteType(typ: string): typ is QuoteType {
  return KNOWN_TYPES.has(typ);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(problem: string): { ok: false; problem: string } {
  return { ok: false, problem: `${problem}; message dropped.` };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
