import type { QuoteState } from "../market/market";
import { matchAgainstBook, type Fill } from "./matching";
import { isFinal, remainingQuantity, type Combination } from "./order";
import { conditionMet, netDebit } from "./strategy";

/**
 * What an option strategy can execute now: per line, the fills of its full remaining quantity against its
 * leg's book (buys at the asks, sells at the bids), or undefined when it must wait.
 *
 * The sandbox executes a strategy all or nothing, both legs together: when either book cannot take the
 * whole quantity, nothing happens. A market strategy executes as soon as both books can; a limit strategy
 * only when the legs' average prices meet its net price condition (strategy.ts).
 */
export function combinationFills(combination: Combination, quoteOf: (instrumentId: string) => QuoteState | undefined): Fill[][] | undefined {
  const { lines, condition } = combination;
  const [line1] = lines;
  if (lines.some((line) => isFinal(line) || line.status === "cancelationRequested")) return undefined;
  const perLine: Fill[][] = [];
  for (const line of lines) {
    const quote = quoteOf(line.instrument.id);
    if (!quote) return undefined;
    const fills = matchAgainstBook(line.side, remainingQuantity(line), undefined, quote);
    if (filledQuantity(fills) < remainingQuantity(line)) return undefined;
    perLine.push(fills);
  }
  if (line1.type === "limit") {
    const debit = netDebit(lines.map((line, index) => ({ side: line.side, price: averagePrice(perLine[index]) })));
    if (!conditionMet(condition, line1.limitPrice!, debit)) return undefined;
  }
  return perLine;
}

function filledQuantity(fills: readonly Fill[]): number {
  return fills.reduce((sum, fill) => sum + fill.quantity, 0);
}

function averagePrice(fills: readonly Fill[]): number {
  return fills.reduce((sum, fill) => sum + fill.quantity * fill.price, 0) / filledQuantity(fills);
}
