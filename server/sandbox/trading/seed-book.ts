import type { Logger } from "../../shared/logger";
import type { Catalogue, SandboxInstrument } from "../market/market";
import type { SeedAccount } from "../seed/people";
import { AccountBook, type HeldInstrument } from "./account-book";
import { orderCostLines } from "./costs";
import { DAY_MS, BASE_CURRENCY, euroRate, roundMoney, startOfUtcDay } from "./money";

/** The history behind a seeded account, in days before the seeding day (all at 09:30 UTC). */
export const SEED_TIMELINE = {
  firstDepositDaysAgo: 420,
  firstBuyDaysAgo: 410,
  daysBetweenBuys: 35,
  firstDividendDaysAgo: 90,
  daysBetweenDividends: 11,
  serviceFeeDaysAgo: 30,
  /** Savings accounts: interest at the end of each of the last few quarters. */
  interestEveryDays: 91,
  interestPayments: 4,
};
/** Gross dividend per year as a share of the purchase value, and the tax withheld on it. */
export const SEED_DIVIDEND_YIELD = 0.025;
export const SEED_WITHHOLDING_TAX = 0.15;
export const SEED_SERVICE_FEE_EURO = 2.5;
export const SEED_SAVINGS_INTEREST_RATE = 0.001;
/** Cash left on a foreign-currency money account after the seeded purchases. */
export const SEED_FOREIGN_CASH = 250;
const SEED_TIME_OF_DAY_MS = (9 * 60 + 30) * 60_000;

export interface SeedTrade {
  timeMs: number;
  instrument: HeldInstrument;
  quantity: number;
  price: number;
}

export interface SeededAccount {
  book: AccountBook;
  /** The executions that built the positions: the order engine shows them as past orders. */
  trades: SeedTrade[];
}

export function heldInstrument(instrument: SandboxInstrument): HeldInstrument {
  const model = instrument.model;
  return {
    id: model.id,
    name: model.name,
    currency: model.currency,
    ...(model.isincode ? { isin: model.isincode } : {}),
    ...(model.marketIdentificationCode ? { mic: model.marketIdentificationCode } : {}),
    contractSize: model.derivativesInfo?.contractSize ?? 1,
    ...(model.derivativesInfo?.underlyingInstrumentId ? { underlyingId: model.derivativesInfo.underlyingInstrumentId } : {}),
  };
}

/**
 * Builds an account whose journal explains its seeded state: deposits, the buys that built the positions
 * (with their costs), dividends, a service fee or savings interest, ending at exactly the seeded cash.
 */
export function seedAccountBook(account: SeedAccount, catalogue: Catalogue, nowMs: number, logger: Logger): SeededAccount {
  const day = (daysAgo: number) => startOfUtcDay(nowMs) - daysAgo * DAY_MS + SEED_TIME_OF_DAY_MS;
  const trades: SeedTrade[] = [];
  account.positions.forEach((position, index) => {
    const found = catalogue.byIsin(position.isin, position.mic)[0];
    if (!found) {
      logger.log("warn", `Seed position ${position.isin} on ${position.mic} of account ${account.number} is not in the catalogue; it is left out.`);
      return;
    }
    trades.push({
      timeMs: day(SEED_TIMELINE.firstBuyDaysAgo - index * SEED_TIMELINE.daysBetweenBuys),
      instrument: heldInstrument(found),
      quantity: position.quantity,
      price: position.averagePrice,
    });
  });
  // First pass without deposits: what the history costs per currency. The second pass deposits exactly that.
  const dry = replay(account, trades, day, new Map());
  const deposits = new Map<string, number>();
  for (const [currency, balance] of dry.cash) {
    const wanted = currency === BASE_CURRENCY ? account.cash : SEED_FOREIGN_CASH;
    deposits.set(currency, roundMoney(wanted - balance));
  }
  return { book: replay(account, trades, day, deposits), trades };
}

function replay(account: SeedAccount, trades: readonly SeedTrade[], day: (daysAgo: number) => number, deposits: Map<string, number>): AccountBook {
  const book = new AccountBook(account);
  let depositDay = SEED_TIMELINE.firstDepositDaysAgo;
  for (const [currency, amount] of deposits) {
    if (amount !== 0) book.bookCash({ timeMs: day(depositDay--), amount, currency, mutationType: "externalTransfer" });
  }
  for (const trade of trades) {
    const value = trade.quantity * trade.price * trade.instrument.contractSize;
    const costs = orderCostLines({ valueInCurrency: value, currency: trade.instrument.currency, isin: trade.instrument.isin, side: "buy", realm: account.realm });
    book.bookTrade({ ...trade, side: "buy", costs, mutationType: "buy" });
  }
  trades.forEach((trade, index) => {
    const gross = roundMoney(trade.quantity * trade.price * trade.instrument.contractSize * SEED_DIVIDEND_YIELD);
    book.bookCash({
      timeMs: day(SEED_TIMELINE.firstDividendDaysAgo - index * SEED_TIMELINE.daysBetweenDividends),
      amount: gross,
      currency: trade.instrument.currency,
      mutationType: "dividendPayment",
      instrument: trade.instrument,
      costs: [{ category: "withHoldingTax", euro: gross * SEED_WITHHOLDING_TAX * euroRate(trade.instrument.currency), percentage: SEED_WITHHOLDING_TAX * 100 }],
    });
  });
  if (account.tradingAllowed.length > 0) {
    book.bookCash({ timeMs: day(SEED_TIMELINE.serviceFeeDaysAgo), amount: -SEED_SERVICE_FEE_EURO, currency: BASE_CURRENCY, mutationType: "settlementCosts" });
  } else {
    for (let quarter = SEED_TIMELINE.interestPayments; quarter >= 1; quarter--) {
      const interest = roundMoney((account.cash * SEED_SAVINGS_INTEREST_RATE) / 4);
      book.bookCash({ timeMs: day(quarter * SEED_TIMELINE.interestEveryDays - 60), amount: interest, currency: BASE_CURRENCY, mutationType: "creditInterest" });
    }
  }
  return book;
}
