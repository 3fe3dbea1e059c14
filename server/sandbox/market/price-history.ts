import type { HistoryInterval } from "../../../src/core/wire/instruments";
import type { Market } from "./market";
import { DAY_MS } from "./price-model";

const MINUTE_MS = 60_000;
/** Longest span per interval (swagger, Quotes_GetHistoricalQuotes): days, or calendar years; oneMonth is not stated: 10 years assumed. */
export const MAX_SPAN: Readonly<Record<HistoryInterval, { days: number } | { years: number }>> = {
  oneMinute: { days: 5 }, fiveMinutes: { days: 20 }, tenMinutes: { days: 20 }, fifteenMinutes: { days: 60 }, oneHour: { days: 120 },
  oneDay: { years: 10 }, oneWeek: { years: 10 }, oneMonth: { years: 10 },
};

/** The earliest `fromDateTime` allowed for an interval and an end. */
export function earliestStart(interval: HistoryInterval, toMs: number): number {
  const span = MAX_SPAN[interval];
  if ("days" in span) return toMs - span.days * DAY_MS;
  const to = new Date(toMs);
  return Date.UTC(to.getUTCFullYear() - span.years, to.getUTCMonth(), to.getUTCDate(), to.getUTCHours(), to.getUTCMinutes(), to.getUTCSeconds(), to.getUTCMilliseconds());
}

export function describeSpan(interval: HistoryInterval): string {
  const span = MAX_SPAN[interval];
  return "days" in span ? `${span.days} days` : `${span.years} years`;
}
const FIXED_BAR_MS: Partial<Record<HistoryInterval, number>> = {
  oneMinute: MINUTE_MS, fiveMinutes: 5 * MINUTE_MS, tenMinutes: 10 * MINUTE_MS, fifteenMinutes: 15 * MINUTE_MS,
  oneHour: 60 * MINUTE_MS, oneDay: DAY_MS, oneWeek: 7 * DAY_MS,
};
/** Price samples per bar for its high and low. */
const SAMPLES_PER_BAR = 12;
/** 1970-01-05 was a Monday: weeks start on Mondays. */
const MONDAY_OFFSET_MS = 4 * DAY_MS;

export interface HistoryBar {
  dateTime: string;
  first: number;
  high: number;
  low: number;
  last: number;
  cumVol: number;
}

/** What history needs from the simulator (SimulatedMarket provides it). */
export interface HistorySource {
  modelPrice(instrumentId: string, timeMs: number): number | undefined;
  modelVolume(instrumentId: string, fromMs: number, toMs: number): number;
  printedTrades(instrumentId: string): ReadonlyArray<{ price: number; quantity: number; timeMs: number }>;
  marketTimeMs(): number;
}

export function isHistorySource(market: Market): market is Market & HistorySource {
  return typeof (market as Partial<HistorySource>).modelPrice === "function";
}

/**
 * OHLC bars of [fromMs, toMs], aligned to the interval (UTC), none after the market's current moment.
 * The bar holding that moment ends at the current last price, so history agrees with the quote.
 */
export function historyBars(market: Market & HistorySource, instrumentId: string, interval: HistoryInterval, fromMs: number, toMs: number): HistoryBar[] {
  const nowMs = market.marketTimeMs();
  const endMs = Math.min(toMs, nowMs);
  const current = market.quote(instrumentId);
  const prints = market.printedTrades(instrumentId);
  const bars: HistoryBar[] = [];
  for (let start = alignDown(fromMs, interval); start <= endMs; start = nextStart(start, interval)) {
    const barEnd = nextStart(start, interval);
    const isLive = barEnd > nowMs;
    const lastTime = isLive ? nowMs : barEnd - 1;
    const first = market.modelPrice(instrumentId, start)!;
    let last = market.modelPrice(instrumentId, lastTime)!;
    if (isLive && current?.last) last = current.last.price;
    let high = Math.max(first, last);
    let low = Math.min(first, last);
    for (let i = 1; i < SAMPLES_PER_BAR; i++) {
      const price = market.modelPrice(instrumentId, Math.floor(start + ((lastTime - start) * i) / SAMPLES_PER_BAR))!;
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
    let volume = market.modelVolume(instrumentId, start, Math.min(barEnd, nowMs));
    for (const trade of prints) {
      if (trade.timeMs < start || trade.timeMs >= barEnd) continue;
      volume += trade.quantity;
      high = Math.max(high, trade.price);
      low = Math.min(low, trade.price);
    }
    bars.push({ dateTime: new Date(start).toISOString(), first, high, low, last, cumVol: volume });
  }
  return bars;
}

function alignDown(timeMs: number, interval: HistoryInterval): number {
  if (interval === "oneMonth") {
    const date = new Date(timeMs);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
  const size = FIXED_BAR_MS[interval]!;
  const offset = interval === "oneWeek" ? MONDAY_OFFSET_MS : 0;
  return Math.floor((timeMs - offset) / size) * size + offset;
}

function nextStart(startMs: number, interval: HistoryInterval): number {
  if (interval === "oneMonth") {
    const date = new Date(startMs);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return startMs + FIXED_BAR_MS[interval]!;
}
