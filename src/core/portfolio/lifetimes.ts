import type { HistoryInterval } from "../wire/instruments";
import { DAY_MS, nextLocalMidnightMs } from "../time/local-time";

/** The kinds of REST data the portfolio keeps, each with its own lifetime and invalidating events. */
export const DATA_KINDS = ["accounts", "balances", "positions", "orders", "transactions", "history", "instrument"] as const;
export type DataKind = (typeof DATA_KINDS)[number];
export type AccountDataKind = Exclude<DataKind, "history" | "instrument">;

/**
 * How long an answer is used without asking Binck again. The account data also ends early on the realtime
 * events that change it (see invalidation.ts); history ends with its bar, instrument data at local midnight
 * (ids can change overnight, API.md 3.1).
 */
export interface CacheLifetimes {
  accountsMs: number;
  balancesMs: number;
  positionsMs: number;
  ordersMs: number;
  transactionsMs: number;
}

export const DEFAULT_CACHE_LIFETIMES: CacheLifetimes = {
  accountsMs: 3_600_000, balancesMs: 60_000, positionsMs: 60_000, ordersMs: 60_000, transactionsMs: 60_000,
};

/**
 * Watched data fetched again when its lifetime ends: balances and positions move with the market without an order
 * event. Orders and transactions change only by order events, which fetch them again (invalidation.ts); accounts
 * hardly ever. Each costs one request per watched question and lifetime, so the list stays short.
 */
export const DEFAULT_REFETCHED_ON_EXPIRY: readonly AccountDataKind[] = ["balances", "positions"];

const MINUTE_MS = 60_000;
const BAR_MS: Readonly<Partial<Record<HistoryInterval, number>>> = {
  oneMinute: MINUTE_MS, fiveMinutes: 5 * MINUTE_MS, tenMinutes: 10 * MINUTE_MS, fifteenMinutes: 15 * MINUTE_MS, oneHour: 60 * MINUTE_MS,
  oneDay: DAY_MS, oneWeek: 7 * DAY_MS,
};
/** 1970-01-05 was a Monday: weekly bars start on Mondays. */
const MONDAY_OFFSET_MS = 4 * DAY_MS;

/** When the account data of `kind` fetched at `fetchedAtMs` ends. */
export function accountDataExpiresAtMs(kind: AccountDataKind, fetchedAtMs: number, lifetimes: CacheLifetimes): number {
  return fetchedAtMs + lifetimes[`${kind}Ms`];
}

/** Instrument data ends at the next local midnight. */
export function instrumentExpiresAtMs(fetchedAtMs: number, timeZone?: string): number {
  return nextLocalMidnightMs(fetchedAtMs, timeZone);
}

/**
 * History ends when the next bar of its interval begins (bars aligned in UTC, weeks on Mondays, months on the
 * first). A span that ended before the current bar began cannot change: it lasts until local midnight.
 */
export function historyExpiresAtMs(interval: HistoryInterval, fetchedAtMs: number, toMs: number | undefined, timeZone?: string): number {
  if (toMs !== undefined && toMs < currentBarStartMs(interval, fetchedAtMs)) return instrumentExpiresAtMs(fetchedAtMs, timeZone);
  return nextBarStartMs(interval, fetchedAtMs);
}

function currentBarStartMs(interval: HistoryInterval, atMs: number): number {
  const barMs = BAR_MS[interval];
  if (barMs === undefined) {
    const at = new Date(atMs);
    return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
  }
  const offsetMs = interval === "oneWeek" ? MONDAY_OFFSET_MS : 0;
  return Math.floor((atMs - offsetMs) / barMs) * barMs + offsetMs;
}

function nextBarStartMs(interval: HistoryInterval, atMs: number): number {
  const barMs = BAR_MS[interval];
  if (barMs !== undefined) return currentBarStartMs(interval, atMs) + barMs;
  const at = new Date(atMs);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
}
