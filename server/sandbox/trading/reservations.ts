import type { Market } from "../market/market";
import type { AccountBook } from "./account-book";
import { commissionEuro } from "./costs";
import { referencePrice } from "./matching";
import { roundMoney, toEuro } from "./money";
import { isFinal, remainingQuantity, type Order, type StrategyCondition } from "./order";
import { limitDebit, netDebit } from "./strategy";

/** What open orders hold back: money for the spending limit, positions for further sells. */

/**
 * Euro held back by open orders: buy orders' remaining value at the limit (or current) price plus
 * commission; a strategy its net debit (nothing when it receives) plus each leg's commission.
 */
export function reservedEuro(openOrders: readonly Order[], market: Market): number {
  let total = 0;
  const priceOf = (order: Order) => referencePrice(market.quote(order.instrument.id)) ?? 0;
  for (const order of openOrders) {
    if (isFinal(order)) continue;
    if (order.combination) {
      if (order.line === 1) total += strategyReservedEuro(order.combination.condition, order.combination.lines, order.limitPrice, priceOf);
      continue;
    }
    if (order.side !== "buy") continue;
    const price = order.limitPrice ?? order.stopPrice ?? priceOf(order);
    const value = toEuro(remainingQuantity(order) * price * order.instrument.contractSize, order.instrument.currency);
    total += value + commissionEuro(value);
  }
  return roundMoney(total);
}

function strategyReservedEuro(condition: StrategyCondition, lines: readonly Order[], limitPrice: number | undefined, priceOf: (order: Order) => number): number {
  const [line1] = lines;
  const contract = remainingQuantity(line1) * line1.instrument.contractSize;
  const debit = limitPrice !== undefined ? limitDebit(condition, limitPrice) : netDebit(lines.map((line) => ({ side: line.side, price: priceOf(line) })));
  const commissions = lines.reduce((sum, line) => sum + commissionEuro(toEuro(contract * priceOf(line), line.instrument.currency)), 0);
  return Math.max(0, toEuro(debit * contract, line1.instrument.currency)) + commissions;
}

export function sellableQuantity(book: AccountBook, openOrders: readonly Order[], instrumentId: string): number {
  const held = book.holdings.get(instrumentId)?.quantity ?? 0;
  const inSellOrders = openOrders
    .filter((order) => order.side === "sell" && order.instrument.id === instrumentId && !isFinal(order))
    .reduce((sum, order) => sum + remainingQuantity(order), 0);
  return Math.max(0, held - inSellOrders);
}
