import type { CheckedOrder, OrderDuration, OrderField, OrderFields, OrderKind } from "../../core";

/** The instrument chosen in the ticket's search, with what the form needs of it (tick sizes for the hint). */
export interface ChosenInstrument {
  id: string;
  name: string;
  symbol: string;
  isin?: string;
  mic?: string;
  currency: string;
  priceDecimals: number;
  tickSizes: readonly { from: number; size: number }[];
}

/**
 * The ticket as typed. Side, type and duration are kept as text: a row of "Order from selection" may carry a value
 * the desk refuses, and the form shows it (and the desk's message) rather than losing it.
 */
export interface TicketForm {
  accountNumber: string;
  /** The instrument field's text: a search, or what a selected row said. */
  query: string;
  instrument?: ChosenInstrument;
  side: string;
  quantity: string;
  type: string;
  limitPrice: string;
  stopPrice: string;
  duration: string;
  expirationDate: string;
}

export type TextField = "quantity" | "limitPrice" | "stopPrice" | "expirationDate";

export type FormAction =
  | { kind: "text"; field: TextField; value: string }
  | { kind: "query"; text: string }
  | { kind: "choose"; instrument: ChosenInstrument }
  | { kind: "side"; side: string }
  | { kind: "type"; type: string }
  | { kind: "duration"; duration: string }
  | { kind: "account"; accountNumber: string }
  | { kind: "fill"; fields: OrderFields }
  /** After a placement: a new order for the same account and instrument. */
  | { kind: "clear" };

export function emptyForm(accountNumber = ""): TicketForm {
  return { accountNumber, query: "", side: "buy", quantity: "", type: "limit", limitPrice: "", stopPrice: "", duration: "day", expirationDate: "" };
}

export function formReducer(form: TicketForm, action: FormAction): TicketForm {
  switch (action.kind) {
    case "text":
      return { ...form, [action.field]: action.value };
    case "query":
      return { ...form, query: action.text, instrument: undefined };
    case "choose":
      return { ...form, query: action.instrument.name, instrument: action.instrument };
    case "side":
      return { ...form, side: normalise(action.side, SIDES) };
    case "type":
      return { ...form, type: normalise(action.type, KINDS) };
    case "duration":
      return { ...form, duration: normalise(action.duration, DURATIONS) };
    case "account":
      return { ...form, accountNumber: action.accountNumber };
    case "fill":
      return fill(form, action.fields);
    case "clear":
      return { ...emptyForm(form.accountNumber), query: form.query, instrument: form.instrument, side: form.side, type: form.type, duration: form.duration };
  }
}

const SIDES = ["buy", "sell"] as const;
const KINDS: readonly OrderKind[] = ["market", "limit", "stop", "stopLimit"];
const DURATIONS: readonly OrderDuration[] = ["day", "goodTillDate", "goodTillCancelled"];
export const ORDER_KINDS = KINDS;
export const ORDER_DURATIONS = DURATIONS;

/** "Buy", "stop limit", "GOODTILLDATE" → the wire spelling; anything else is kept as it was typed. */
function normalise(text: string, values: readonly string[]): string {
  const key = text.replace(/[\s_-]/g, "").toLowerCase();
  return values.find((value) => value.toLowerCase() === key) ?? text.trim();
}

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));

/** A request of "Order from selection": every field the row has replaces the form's; the account stays unless given. */
function fill(form: TicketForm, fields: OrderFields): TicketForm {
  const limitPrice = text(fields.limitPrice);
  const type = fields.type !== undefined ? normalise(fields.type, KINDS) : limitPrice !== "" ? "limit" : "market";
  return {
    accountNumber: fields.accountNumber ?? form.accountNumber,
    query: text(fields.instrument),
    instrument: undefined,
    side: fields.side !== undefined ? normalise(fields.side, SIDES) : form.side,
    quantity: text(fields.quantity),
    type,
    limitPrice,
    stopPrice: text(fields.stopPrice),
    duration: fields.duration !== undefined ? normalise(fields.duration, DURATIONS) : "day",
    expirationDate: text(fields.expirationDate),
  };
}

/** Which price fields an order type uses (the others are hidden and not sent). */
export function priceFieldsOf(type: string): { limit: boolean; stop: boolean } {
  return { limit: type === "limit" || type === "stopLimit", stop: type === "stop" || type === "stopLimit" };
}

/** The form as the desk checks it: the chosen instrument's id, else the text; hidden fields left out. */
export function toOrderFields(form: TicketForm): OrderFields {
  const prices = priceFieldsOf(form.type);
  const fields: OrderFields = {
    accountNumber: form.accountNumber,
    instrument: form.instrument?.id ?? form.query.trim(),
    side: form.side,
    quantity: decimal(form.quantity),
    type: form.type,
    duration: form.duration,
  };
  if (prices.limit) fields.limitPrice = decimal(form.limitPrice);
  if (prices.stop) fields.stopPrice = decimal(form.stopPrice);
  if (form.duration === "goodTillDate") fields.expirationDate = form.expirationDate.trim();
  return fields;
}

/** "12,5" as a Dutch, French or Italian person types it is 12.5; anything else goes to the desk as typed. */
function decimal(typed: string): string {
  const trimmed = typed.trim();
  return /^\d+,\d+$/.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
}

/** The instrument the desk resolved from the text, so the ticket shows its prices and tick sizes. */
export function chosenFrom(instrument: CheckedOrder["instrument"]): ChosenInstrument {
  return {
    id: instrument.id,
    name: instrument.name,
    symbol: instrument.symbol,
    isin: instrument.isincode,
    mic: instrument.marketIdentificationCode,
    currency: instrument.currency,
    priceDecimals: instrument.priceDecimals,
    tickSizes: (instrument.tickSizeCollection?.tickSizes ?? [])
      .filter((tick): tick is { from: number; size: number } => typeof tick.from === "number" && typeof tick.size === "number"),
  };
}

/** The form's fields top to bottom: focus goes to the first one with a problem. */
export const FIELD_ORDER: readonly OrderField[] = ["accountNumber", "instrument", "side", "quantity", "type", "limitPrice", "stopPrice", "duration", "expirationDate"];

/** The element id of a field's input (the e2e tests and the focus use it). */
export const fieldId = (field: OrderField) => `ticket-${field}`;
