import {
  BALANCE_FIELDS,
  fromExcelSerial,
  HISTORY_INTERVALS,
  INSTRUMENT_FIELDS,
  INSTRUMENT_TYPES,
  ORDER_STATUS_FILTERS,
  type BalanceField,
  type HistoryInterval,
  type InstrumentField,
  type InstrumentType,
  type OrderStatusFilter,
} from "../core";
import { isOmitted, refuse } from "./args";

/**
 * The arguments of the portfolio functions, checked and typed like those in args.ts: trimmed, case-insensitive,
 * an omitted one (null) takes its default, and a wrong one is an invalidInput error naming the argument, the
 * value and the rule (the cell shows #VALUE! with it).
 */

/** An account number, digits (text, or a number typed in a cell); omitted: the account picked in the taskpane. */
export function parseAccount(value: unknown, argument = "account"): string | undefined {
  if (isOmitted(value)) return undefined;
  const text = typeof value === "number" && Number.isInteger(value) && value > 0 ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,20}$/.test(text)) refuse(argument, value, "is not an account number; give one from BINCK.ACCOUNTS(), or omit it for the account picked in the taskpane");
  return text;
}

/** The `headers` argument: TRUE (default) puts a row of column names first. */
export function parseHeaders(value: unknown, argument = "headers"): boolean {
  if (isOmitted(value)) return true;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "true" || text === "false") return text === "true";
  return refuse(argument, value, "must be TRUE or FALSE");
}

export function parseBalanceField(value: unknown, argument = "field"): BalanceField | undefined {
  return oneOf(value, argument, BALANCE_FIELDS, "a balance field");
}

export function parseInstrumentField(value: unknown, argument = "field"): InstrumentField | undefined {
  return oneOf(value, argument, INSTRUMENT_FIELDS, "an instrument field");
}

/** Orders' status filter (Binck's, API.md 3.3 #11); default all. */
export function parseOrderStatus(value: unknown, argument = "status"): OrderStatusFilter {
  return oneOf(value, argument, ORDER_STATUS_FILTERS, "an order status") ?? "all";
}

export function parseInstrumentType(value: unknown, argument = "type"): InstrumentType | undefined {
  return oneOf(value, argument, INSTRUMENT_TYPES, "an instrument type");
}

/** History's bar length; default oneDay. */
export function parseInterval(value: unknown, argument = "interval"): HistoryInterval {
  return oneOf(value, argument, HISTORY_INTERVALS, "an interval") ?? "oneDay";
}

/** SEARCH's number of matches, 1 to 100 (one page of #20); default 10. */
export function parseSearchCount(value: unknown, argument = "count"): number {
  if (isOmitted(value)) return 10;
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > 100) refuse(argument, value, "must be a whole number from 1 to 100");
  return number;
}

/** SEARCH's text: 2 to 30 characters of a name (API.md 3.3 #20). */
export function parseSearchText(value: unknown, argument = "text"): string {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (text.length < 2 || text.length > 30) refuse(argument, value, "must be 2 to 30 characters of an instrument's name");
  return text;
}

/** A date argument as an instant: an Excel date (a number, local time) or a text YYYY-MM-DD; omitted: undefined. */
export function parseDateMs(value: unknown, argument: string, timeZone?: string): number | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "number" && Number.isFinite(value) && value >= 1 && value < 2_958_466) return fromExcelSerial(value, timeZone);
  const text = typeof value === "string" ? value.trim() : "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const serial = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000 + 25_569;
    if (new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10) === text) return fromExcelSerial(serial, timeZone);
  }
  return refuse(argument, value, "is not a date; give an Excel date (e.g. DATE(2026,1,5)) or a text YYYY-MM-DD");
}

/** A date argument as Binck's calendar date YYYY-MM-DD (transactions), read in local time. */
export function parseCalendarDate(value: unknown, argument: string): string | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "number" && Number.isFinite(value) && value >= 1 && value < 2_958_466) {
    return new Date((Math.floor(value) - 25_569) * 86_400_000).toISOString().slice(0, 10);
  }
  parseDateMs(value, argument);
  return String(value).trim();
}

function oneOf<T extends string>(value: unknown, argument: string, allowed: readonly T[], what: string): T | undefined {
  if (isOmitted(value)) return undefined;
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  const found = allowed.find((candidate) => candidate.toLowerCase() === text);
  if (!found) refuse(argument, value, `is not ${what}; use one of ${allowed.join(", ")}`);
  return found;
}
