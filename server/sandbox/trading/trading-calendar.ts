import { DAY_MS, startOfUtcDay } from "./money";

/** When a market's trading day ends, in minutes after midnight UTC (winter time; the sandbox ignores DST). */
export const MARKET_CLOSE_UTC_MINUTES: Readonly<Record<string, number>> = {
  XNAS: 21 * 60,
  XNYS: 21 * 60,
  XCBO: 21 * 60,
  XLON: 16 * 60 + 30,
};
export const DEFAULT_MARKET_CLOSE_UTC_MINUTES = 16 * 60 + 30;

/**
 * GTC and GTD orders live at most this many days: swagger PreviewOrderModel.expectedExpirationDate says
 * "for GTD and GTC orders the end date will be limited to about 2 weeks maximum" (API.md 3.3 #14).
 */
export const MAX_ORDER_LIFETIME_DAYS = 14;

function closeMinutes(mic: string | undefined): number {
  return (mic === undefined ? undefined : MARKET_CLOSE_UTC_MINUTES[mic]) ?? DEFAULT_MARKET_CLOSE_UTC_MINUTES;
}

/** The end of the trading day of `dayMs` (any time on that UTC day) on this market. */
export function closeOfDay(dayMs: number, mic: string | undefined): number {
  return startOfUtcDay(dayMs) + closeMinutes(mic) * 60_000;
}

/** The first end of a trading day strictly after `nowMs` (weekends are skipped). */
export function nextClose(nowMs: number, mic: string | undefined): number {
  let close = closeOfDay(nowMs, mic);
  if (close <= nowMs) close += DAY_MS;
  while (isWeekend(close)) close += DAY_MS;
  return close;
}

/** The latest moment a GTC / GTD order may live when placed at `nowMs`. */
export function latestExpiry(nowMs: number, mic: string | undefined): number {
  let close = closeOfDay(nowMs + MAX_ORDER_LIFETIME_DAYS * DAY_MS, mic);
  while (isWeekend(close)) close -= DAY_MS;
  return close;
}

function isWeekend(timeMs: number): boolean {
  const day = new Date(timeMs).getUTCDay();
  return day === 0 || day === 6;
}
