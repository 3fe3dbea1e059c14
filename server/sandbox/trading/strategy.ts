import type { InstrumentModel } from "../../../src/core/wire/models";
import { badRequest } from "../rest/api-error";
import type { OrderSide, StrategyCondition } from "./order";

/**
 * The net price of an option strategy (API.md 3.3 #14, 3.5: `option.leg1`, `option.leg2`, `condition`).
 *
 * The sandbox's reading: `limitPrice` of a strategy is the net price per unit (per option, before the
 * contract size) of one unit of each leg. The net debit is the sum of the buy legs' prices minus the sum
 * of the sell legs' prices. `pay` means the customer pays at most `limitPrice` (debit ≤ limit);
 * `receive` means the customer receives at least `limitPrice` (−debit ≥ limit).
 */

/** Tolerance for comparing prices computed from sums of decimals. */
const PRICE_EPSILON = 1e-9;

export function legSign(side: OrderSide): 1 | -1 {
  return side === "buy" ? 1 : -1;
}

/** Buy prices minus sell prices, per unit: positive = the customer pays, negative = receives. */
export function netDebit(legs: ReadonlyArray<{ side: OrderSide; price: number }>): number {
  return legs.reduce((sum, leg) => sum + legSign(leg.side) * leg.price, 0);
}

/** The debit a limit strategy accepts at most, per unit (negative: a credit it wants at least). */
export function limitDebit(condition: StrategyCondition, limitPrice: number): number {
  return condition === "pay" ? limitPrice : -limitPrice;
}

/** Whether legs trading at this net debit satisfy the strategy's net price condition. */
export function conditionMet(condition: StrategyCondition, limitPrice: number, debit: number): boolean {
  return debit <= limitDebit(condition, limitPrice) + PRICE_EPSILON;
}

/** The market's net price in the strategy's own terms: what is paid (pay) or received (receive). */
export function netPriceFor(condition: StrategyCondition, debit: number): number {
  return condition === "pay" ? debit : -debit;
}

/**
 * The two legs must form one combination on one option class: same underlying, contract size and
 * currency, so a single net price per unit means the same money on both legs.
 */
export function assertSameOptionClass(leg1: InstrumentModel, leg2: InstrumentModel, field: string): void {
  const describeLeg = (model: InstrumentModel) =>
    `underlying ${model.derivativesInfo?.underlyingInstrumentId ?? "none"}, contract size ${model.derivativesInfo?.contractSize ?? 1}, ${model.currency}`;
  const same = leg1.derivativesInfo?.underlyingInstrumentId === leg2.derivativesInfo?.underlyingInstrumentId
    && (leg1.derivativesInfo?.contractSize ?? 1) === (leg2.derivativesInfo?.contractSize ?? 1)
    && leg1.currency === leg2.currency;
  if (!same) {
    throw badRequest(field, `'${leg2.id}' (${describeLeg(leg2)}) does not combine with option.leg1 '${leg1.id}' (${describeLeg(leg1)}): `
      + "both legs of a strategy must have the same underlying, contract size and currency.");
  }
}
