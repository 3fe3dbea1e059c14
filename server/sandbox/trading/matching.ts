import type { BookLevel, QuoteState } from "../market/market";
import type { OrderSide } from "./order";

export interface Fill {
  quantity: number;
  price: number;
}

/** The last traded price, or the previous close before the first trade of the day. */
export function referencePrice(quote: QuoteState | undefined): number | undefined {
  return quote?.last?.price ?? quote?.close?.price;
}

/**
 * What an order can take from the book now: a buy walks the asks, a sell the bids, best level first,
 * up to `limitPrice` (none for market orders) and the volume shown. A book without levels on that side
 * trades the whole remainder at the last price, so thin instruments still execute.
 */
export function matchAgainstBook(side: OrderSide, remaining: number, limitPrice: number | undefined, quote: QuoteState): Fill[] {
  const acceptable = (price: number) => limitPrice === undefined || (side === "buy" ? price <= limitPrice : price >= limitPrice);
  const levels: readonly BookLevel[] = side === "buy" ? quote.ask : quote.bid;
  if (levels.length === 0) {
    const last = referencePrice(quote);
    return last !== undefined && acceptable(last) ? [{ quantity: remaining, price: last }] : [];
  }
  const fills: Fill[] = [];
  let left = remaining;
  for (const level of levels) {
    if (left <= 0 || !acceptable(level.price)) break;
    const quantity = Math.min(left, Math.floor(level.volume));
    if (quantity <= 0) continue;
    fills.push({ quantity, price: level.price });
    left -= quantity;
  }
  return fills;
}

/** A buy stop triggers at or above its stop price, a sell stop at or below (on the last price). */
export function stopReached(side: OrderSide, stopPrice: number, quote: QuoteState | undefined): boolean {
  const last = referencePrice(quote);
  if (last === undefined) return false;
  return side === "buy" ? last >= stopPrice : last <= stopPrice;
}
