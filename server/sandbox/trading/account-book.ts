import type { MutationType, TransactionModel } from "../../../src/core/wire/models";
import type { SeedAccount } from "../seed/people";
import type { CostLine } from "./costs";
import { BASE_CURRENCY, DAY_MS, euroRate, isoDateTime, roundMoney, roundPrice, utcYear } from "./money";

/** What the book needs to know about a traded instrument. */
export interface HeldInstrument {
  id: string;
  name: string;
  currency: string;
  isin?: string;
  mic?: string;
  /** Units per contract: 1 for shares, e.g. 100 for options. */
  contractSize: number;
  /** For options and futures: the underlying (performances fold derivatives into it). */
  underlyingId?: string;
}

/** One position: quantity and its purchase price per unit in the instrument's currency. */
export interface Holding {
  instrument: HeldInstrument;
  quantity: number;
  averagePrice: number;
  /** Results of sells, in the instrument's currency. */
  realized: number;
}

export interface BookedTransaction {
  readonly timeMs: number;
  readonly model: TransactionModel;
}

export interface TradeBooking {
  timeMs: number;
  instrument: HeldInstrument;
  side: "buy" | "sell";
  quantity: number;
  price: number;
  /** Costs of this execution, in euro. */
  costs: readonly CostLine[];
  mutationType: MutationType;
}

/** Settlement takes two days after the trade (T+2). */
export const SETTLEMENT_DAYS = 2;

/**
 * The money and securities of one account: cash per currency, positions, and the transaction journal.
 * Every change goes through a booking method, so cash, positions and transactions stay consistent.
 */
export class AccountBook {
  readonly cash = new Map<string, number>();
  readonly holdings = new Map<string, Holding>();
  readonly transactions: BookedTransaction[] = [];
  /** Realized results per year and instrument id, in the instrument's currency. */
  readonly realizedByYear = new Map<number, Map<string, number>>();
  private lastTransactionNumber = 0;

  constructor(readonly account: SeedAccount) {
    this.cash.set(BASE_CURRENCY, 0);
  }

  cashIn(currency: string): number {
    return this.cash.get(currency) ?? 0;
  }

  /** A money movement without an instrument: deposits, interest, dividends, fees. */
  bookCash(entry: { timeMs: number; amount: number; currency: string; mutationType: MutationType; instrument?: HeldInstrument;
    costs?: readonly CostLine[] }): BookedTransaction {
    const costs = this.costsInCurrency(entry.costs ?? [], entry.currency);
    const net = roundMoney(entry.amount - costs.total);
    return this.journal(entry.timeMs, {
      mutationType: entry.mutationType,
      currency: entry.currency,
      balanceMutation: net,
      ...(entry.instrument ? { instrument: { id: entry.instrument.id, name: entry.instrument.name } } : {}),
      ...(costs.total > 0 ? { totalCosts: costs.total, transactionCostComponents: costs.components } : {}),
      netAmount: net,
    });
  }

  /** An execution: moves the position and the cash, and journals the trade with its costs. */
  bookTrade(trade: TradeBooking): BookedTransaction {
    const { instrument, quantity, price } = trade;
    const gross = roundMoney(quantity * price * instrument.contractSize);
    const costs = this.costsInCurrency(trade.costs, instrument.currency);
    const net = trade.side === "buy" ? -roundMoney(gross + costs.total) : roundMoney(gross - costs.total);
    this.movePosition(trade);
    return this.journal(trade.timeMs, {
      mutationType: trade.mutationType,
      currency: instrument.currency,
      balanceMutation: net,
      instrument: { id: instrument.id, name: instrument.name },
      price: roundPrice(price),
      quantity,
      ...(instrument.mic ? { exchange: instrument.mic } : {}),
      totalCosts: costs.total,
      netAmount: net,
      transactionCostComponents: costs.components,
    });
  }

  private movePosition(trade: TradeBooking): void {
    const { instrument, quantity, price } = trade;
    const holding = this.holdings.get(instrument.id) ?? { instrument, quantity: 0, averagePrice: 0, realized: 0 };
    if (trade.side === "buy") {
      const total = holding.quantity + quantity;
      holding.averagePrice = (holding.averagePrice * holding.quantity + price * quantity) / total;
      holding.quantity = total;
    } else {
      const result = (price - holding.averagePrice) * quantity * instrument.contractSize;
      holding.realized = roundMoney(holding.realized + result);
      holding.quantity -= quantity;
      const year = utcYear(trade.timeMs);
      const perInstrument = this.realizedByYear.get(year) ?? new Map<string, number>();
      perInstrument.set(instrument.id, roundMoney((perInstrument.get(instrument.id) ?? 0) + result));
      this.realizedByYear.set(year, perInstrument);
    }
    if (holding.quantity > 0) this.holdings.set(instrument.id, holding);
    else this.holdings.delete(instrument.id);
  }

  private journal(timeMs: number, fields: Omit<TransactionModel, "number" | "accountCurrency" | "transactionDate">): BookedTransaction {
    const balance = roundMoney(this.cashIn(fields.currency) + (fields.balanceMutation ?? 0));
    this.cash.set(fields.currency, balance);
    const model: TransactionModel = {
      number: ++this.lastTransactionNumber,
      accountCurrency: this.account.currency,
      transactionDate: isoDateTime(timeMs),
      settlementDate: isoDateTime(timeMs + SETTLEMENT_DAYS * DAY_MS),
      ...fields,
      mutatedBalance: balance,
      ...(fields.currency !== this.account.currency ? { currencyRate: euroRate(fields.currency) } : {}),
    };
    const booked = { timeMs, model };
    this.transactions.push(booked);
    return booked;
  }

  private costsInCurrency(lines: readonly CostLine[], currency: string): { total: number; components: NonNullable<TransactionModel["transactionCostComponents"]> } {
    const components = lines
      .filter((line) => line.euro > 0)
      .map((line) => ({
        cost: roundMoney(line.euro / euroRate(currency)),
        currency,
        costTypeCategory: line.category,
        amountPercentage: line.percentage,
      }));
    return { total: roundMoney(components.reduce((sum, component) => sum + component.cost, 0)), components };
  }
}
