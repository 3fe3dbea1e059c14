import type { BalanceModel, PositionModel, PositionResult } from "../../../src/core/wire/models";
import type { Market } from "../market/market";
import type { AccountBook, Holding } from "./account-book";
import { referencePrice } from "./matching";
import { BASE_CURRENCY, euroRate, roundMoney, roundPrice, toEuro } from "./money";

/** SRD (deferred settlement) may be bought against cash plus this share of the portfolio's value. */
export const SRD_PORTFOLIO_COLLATERAL_SHARE = 0.5;

/** The price a holding is valued at: the market's last or close, else its purchase price. */
export function valuationPrice(holding: Holding, market: Market): number {
  return referencePrice(market.quote(holding.instrument.id)) ?? holding.averagePrice;
}

export function holdingValue(holding: Holding, market: Market): number {
  return holding.quantity * valuationPrice(holding, market) * holding.instrument.contractSize;
}

/** A position valued at current market prices (API.md 3.3 #6). */
export function positionModel(holding: Holding, market: Market): PositionModel {
  const { instrument } = holding;
  const value = roundMoney(holdingValue(holding, market));
  const purchaseValue = roundMoney(holding.quantity * holding.averagePrice * instrument.contractSize);
  const result = (rate: number, currency: string): PositionResult => {
    const unrealized = roundMoney((value - purchaseValue) * rate);
    const realized = roundMoney(holding.realized * rate);
    return {
      currency,
      purchaseValue: roundMoney(purchaseValue * rate),
      realized,
      total: roundMoney(realized + unrealized),
      unrealized,
      ...(purchaseValue > 0 ? { unrealizedPercentage: Math.round(((value - purchaseValue) / purchaseValue) * 10_000) / 100 } : {}),
    };
  };
  return {
    instrument: { id: instrument.id, name: instrument.name },
    quantity: holding.quantity,
    currency: instrument.currency,
    value,
    valueInEuro: roundMoney(toEuro(value, instrument.currency)),
    averageHistoricalPrice: roundPrice(holding.averagePrice),
    result: result(1, instrument.currency),
    resultInEuro: result(euroRate(instrument.currency), BASE_CURRENCY),
  };
}

export function portfolioValueEuro(book: AccountBook, market: Market): number {
  let total = 0;
  for (const holding of book.holdings.values()) total += toEuro(holdingValue(holding, market), holding.instrument.currency);
  return roundMoney(total);
}

export function cashEuro(book: AccountBook): number {
  let total = 0;
  for (const [currency, amount] of book.cash) total += toEuro(amount, currency);
  return roundMoney(total);
}

/** Cash in euro minus what open buy orders have reserved. Accounts without trading rights have none. */
export function availableSpendingLimit(book: AccountBook, reservedEuro: number): number | undefined {
  if (book.account.tradingAllowed.length === 0) return undefined;
  return roundMoney(cashEuro(book) - reservedEuro);
}

/** The balance of API.md 3.3 #4, valued now. */
export function balanceModel(book: AccountBook, market: Market, reservedEuro: number): BalanceModel {
  const cash = cashEuro(book);
  const portfolio = portfolioValueEuro(book, market);
  const spending = availableSpendingLimit(book, reservedEuro);
  const balance: BalanceModel = {
    assetsTotalValue: roundMoney(cash + portfolio),
    cashBalance: cash,
    portfolioValue: portfolio,
    cashBalancesCollection: {
      cashBalances: [...book.cash.entries()]
        .sort(([a], [b]) => (a === BASE_CURRENCY ? -1 : b === BASE_CURRENCY ? 1 : a.localeCompare(b)))
        .map(([currency, amount]) => ({ currency, cashBalance: roundMoney(amount) })),
    },
  };
  if (spending !== undefined) balance.availableSpendingLimit = spending;
  if (spending !== undefined && book.account.tradingAllowed.includes("srd")) {
    balance.availableSpendingLimitSrd = roundMoney(spending + portfolio * SRD_PORTFOLIO_COLLATERAL_SHARE);
  }
  return balance;
}
