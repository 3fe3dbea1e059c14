import type { PerformanceDetailModel, PerformanceSummaryModel } from "../../../src/core/wire/models";
import type { Market } from "../market/market";
import type { AccountBook, HeldInstrument } from "./account-book";
import { BASE_CURRENCY, roundMoney, toEuro, utcYear } from "./money";
import { holdingValue } from "./valuation";

/**
 * Year-end prices of past years are not kept by the market: a past year's unrealized result is the
 * holding's purchase value times a fixed per-instrument-and-year factor within ± this share.
 */
export const PAST_YEAR_END_SPREAD = 0.1;

const BUY_TYPES = new Set(["buy", "openingBuy", "openingBuyFutures", "closingBuy", "closingBuyFuture"]);
const SELL_TYPES = new Set(["sell", "openingSell", "openingSellFuture", "closingSell", "closingSellFuture"]);

interface YearFigures {
  realized: number;
  unrealized: number;
  annual: number;
  previousYearsTotal: number;
  total: number;
}

/** Performance figures in euro per year and instrument (API.md 3.3 #9 and #10). */
export class PerformanceReport {
  readonly years: number[];
  private readonly instruments = new Map<string, HeldInstrument>();
  private readonly figures = new Map<number, Map<string, YearFigures>>();

  constructor(private readonly book: AccountBook, private readonly market: Market, nowMs: number, foldDerivatives = false) {
    const firstYear = book.transactions.length > 0 ? utcYear(book.transactions[0].timeMs) : utcYear(nowMs);
    const currentYear = utcYear(nowMs);
    this.years = [];
    for (let year = firstYear; year <= currentYear; year++) this.years.push(year);
    this.compute(currentYear, foldDerivatives);
  }

  /** One summary per year (#9). */
  overview(): { performances: PerformanceDetailModel[]; summary: PerformanceSummaryModel } {
    const performances = this.years.map((year) => ({ year: String(year), currency: BASE_CURRENCY, ...this.sumOfYear(year) }));
    const last = performances[performances.length - 1];
    const summary: PerformanceSummaryModel = {
      currency: BASE_CURRENCY,
      realized: roundMoney(performances.reduce((sum, entry) => sum + entry.realized, 0)),
      unrealized: last.unrealized,
      annual: last.annual,
      previousYearsTotal: last.previousYearsTotal,
      total: last.total,
    };
    return { performances, summary };
  }

  /** One entry per instrument of that year, and the year total (#10). */
  ofYear(year: number): { performances: PerformanceDetailModel[]; summary: PerformanceSummaryModel } {
    const perInstrument = this.figures.get(year) ?? new Map<string, YearFigures>();
    const performances = [...perInstrument.entries()]
      .filter(([, figures]) => Object.values(figures).some((value) => value !== 0))
      .map(([id, figures]) => ({
        instrument: { id, name: this.instruments.get(id)?.name ?? this.market.catalogue.get(id)?.model.name ?? id },
        year: String(year),
        currency: BASE_CURRENCY,
        ...figures,
      }));
    return { performances, summary: { year: String(year), currency: BASE_CURRENCY, ...this.sumOfYear(year) } };
  }

  private sumOfYear(year: number): YearFigures {
    const sum: YearFigures = { realized: 0, unrealized: 0, annual: 0, previousYearsTotal: 0, total: 0 };
    for (const figures of this.figures.get(year)?.values() ?? []) {
      for (const key of Object.keys(sum) as Array<keyof YearFigures>) sum[key] = roundMoney(sum[key] + figures[key]);
    }
    return sum;
  }

  private compute(currentYear: number, foldDerivatives: boolean): void {
    const keyOf = (instrument: HeldInstrument) => (foldDerivatives && instrument.underlyingId ? instrument.underlyingId : instrument.id);
    const quantities = new Map<string, { instrument: HeldInstrument; quantity: number }>();
    const realized = new Map<number, Map<string, number>>();
    const add = (year: number, key: string, amount: number) => {
      const perKey = realized.get(year) ?? new Map<string, number>();
      perKey.set(key, (perKey.get(key) ?? 0) + amount);
      realized.set(year, perKey);
    };
    for (const [year, perInstrument] of this.book.realizedByYear) {
      for (const [id, amount] of perInstrument) {
        const holding = this.book.holdings.get(id);
        add(year, holding ? keyOf(holding.instrument) : id, toEuro(amount, holding?.instrument.currency ?? BASE_CURRENCY));
      }
    }
    let previous = new Map<string, number>();
    const totals = new Map<string, number>();
    let index = 0;
    const transactions = this.book.transactions;
    for (const year of this.years) {
      for (; index < transactions.length && utcYear(transactions[index].timeMs) <= year; index++) {
        const { model } = transactions[index];
        if (!model.instrument) continue;
        const holding = this.book.holdings.get(model.instrument.id);
        const instrument = holding?.instrument ?? { ...model.instrument, currency: model.currency, contractSize: 1 };
        this.instruments.set(model.instrument.id, instrument);
        if (model.mutationType === "dividendPayment") add(year, keyOf(instrument), toEuro(model.netAmount ?? 0, model.currency));
        const delta = BUY_TYPES.has(model.mutationType) ? (model.quantity ?? 0) : SELL_TYPES.has(model.mutationType) ? -(model.quantity ?? 0) : 0;
        const entry = quantities.get(model.instrument.id) ?? { instrument, quantity: 0 };
        entry.quantity += delta;
        quantities.set(model.instrument.id, entry);
      }
      const unrealized = new Map<string, number>();
      for (const [id, { instrument, quantity }] of quantities) {
        const holding = this.book.holdings.get(id);
        let value = 0;
        if (year === currentYear && holding) {
          value = toEuro(holdingValue(holding, this.market) - holding.quantity * holding.averagePrice * instrument.contractSize, instrument.currency);
        } else if (quantity > 0 && holding) {
          value = toEuro(quantity * holding.averagePrice * instrument.contractSize * pastYearFactor(id, year), instrument.currency);
        }
        const key = keyOf(instrument);
        unrealized.set(key, (unrealized.get(key) ?? 0) + value);
      }
      const perKey = new Map<string, YearFigures>();
      const keys = new Set([...unrealized.keys(), ...previous.keys(), ...(realized.get(year)?.keys() ?? [])]);
      for (const key of keys) {
        const yearRealized = realized.get(year)?.get(key) ?? 0;
        const annual = yearRealized + (unrealized.get(key) ?? 0) - (previous.get(key) ?? 0);
        const previousYearsTotal = totals.get(key) ?? 0;
        totals.set(key, previousYearsTotal + annual);
        perKey.set(key, {
          realized: roundMoney(yearRealized),
          unrealized: roundMoney(unrealized.get(key) ?? 0),
          annual: roundMoney(annual),
          previousYearsTotal: roundMoney(previousYearsTotal),
          total: roundMoney(previousYearsTotal + annual),
        });
      }
      this.figures.set(year, perKey);
      previous = unrealized;
    }
  }
}

/** A fixed number in [-spread, +spread] per instrument and year, so past years read the same every time. */
function pastYearFactor(instrumentId: string, year: number): number {
  let hash = year;
  for (const char of instrumentId) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return ((hash % 201) / 100 - 1) * PAST_YEAR_END_SPREAD;
}
