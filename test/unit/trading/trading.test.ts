import { VALIDATION_CODE_LIFETIME_MS } from "../../../server/sandbox/trading/validation-code";
import { parseNewOrder } from "../../../server/sandbox/trading/order-request";
import { balanceModel } from "../../../server/sandbox/trading/valuation";
import { PerformanceReport } from "../../../server/sandbox/trading/performance";
import { buy, ING, JANSEN, JANSEN_SAVINGS, sell, SMITH, tradingHarness } from "./engine-harness";

describe("Trading seeded accounts", () => {
  it("explains the seeded cash and positions with a consistent journal", () => {
    const h = tradingHarness();
    const book = h.trading.book(JANSEN);
    expect(book.cashIn("EUR")).toBe(25_000);
    expect(book.cashIn("USD")).toBe(250);
    expect([...book.holdings.values()].map((holding) => [holding.instrument.id, holding.quantity, holding.averagePrice]))
      .toEqual([["aSm1L", 40, 512.3], [ING, 500, 11.42], ["dAn0n", 60, 57.8], ["aPpL1", 25, 142.1]]);
    for (const currency of ["EUR", "USD"]) {
      const movements = book.transactions.filter((entry) => entry.model.currency === currency);
      const sum = movements.reduce((total, entry) => total + (entry.model.balanceMutation ?? 0), 0);
      expect(Math.round(sum * 100) / 100).toBe(book.cashIn(currency));
      expect(movements[movements.length - 1].model.mutatedBalance).toBe(book.cashIn(currency));
    }
    const numbers = book.transactions.map((entry) => entry.model.number);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    const times = book.transactions.map((entry) => entry.timeMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(book.transactions.map((entry) => entry.model.mutationType)))
      .toEqual(new Set(["externalTransfer", "buy", "dividendPayment", "settlementCosts"]));
  });

  it("values the balance at market prices with the spending limit net of open buy orders", () => {
    const h = tradingHarness();
    const book = h.trading.book(JANSEN);
    // Fake prices: ASML 600, ING 12.5, Danone 60, Apple 150 USD at 0.86.
    const portfolio = 40 * 600 + 500 * 12.5 + 60 * 60 + 25 * 150 * 0.86;
    const before = balanceModel(book, h.market, h.trading.reservedEuro(JANSEN));
    expect(before).toEqual({
      assetsTotalValue: 25_000 + 215 + portfolio,
      cashBalance: 25_215,
      portfolioValue: portfolio,
      availableSpendingLimit: 25_215,
      cashBalancesCollection: { cashBalances: [{ currency: "EUR", cashBalance: 25_000 }, { currency: "USD", cashBalance: 250 }] },
    });
    h.place(JANSEN, buy(ING, 100, { type: "limit", limitPrice: 12 }));
    // 1200 reserved plus its commission 2.50 + 0.09% = 3.58.
    expect(balanceModel(book, h.market, h.trading.reservedEuro(JANSEN)).availableSpendingLimit).toBe(25_215 - 1_203.58);
  });

  it("gives a savings account no spending limit", () => {
    const h = tradingHarness();
    const balance = balanceModel(h.trading.book(JANSEN_SAVINGS), h.market, 0);
    expect(balance.cashBalance).toBe(12_500);
    expect(balance).not.toHaveProperty("availableSpendingLimit");
  });

  it("reports performances per year, with this year's unrealized result at market prices", () => {
    const h = tradingHarness();
    const report = new PerformanceReport(h.trading.book(JANSEN), h.market, h.clock.now());
    expect(report.years).toEqual([2024, 2025, 2026]);
    const year = report.ofYear(2026);
    const ing = year.performances.find((entry) => entry.instrument?.id === ING)!;
    expect(ing.unrealized).toBe(540); // (12.50 − 11.42) × 500
    expect(ing.total).toBe(Math.round(((ing.previousYearsTotal ?? 0) + (ing.annual ?? 0)) * 100) / 100);
    const overview = report.overview();
    expect(overview.performances.map((entry) => entry.year)).toEqual(["2024", "2025", "2026"]);
    expect(overview.summary.total).toBe(overview.performances[2].total);
  });
});

describe("Trading preview and placement", () => {
  it("previews with a validation code bound to the exact content", () => {
    const h = tradingHarness();
    const who = h.caller(SMITH);
    const body = buy(ING, 10, { type: "limit", limitPrice: 12.4, referenceId: "xl-1" });
    const preview = h.trading.previewOrder(who, parseNewOrder(body));
    expect(preview).toMatchObject({ orderCanBeRegistered: true, warningsToBeShown: [], warningsToBeConfirmed: [], positionEffect: "open",
      currentSpendingLimit: 100_000, effectOnSpendingLimit: -126.61, newSpendingLimit: 99_873.39, currency: "EUR" });
    expect(preview.validationCode).toMatch(/^[0-9a-z]+\.[0-9a-f]{32}$/);
    const changed = parseNewOrder({ ...body, quantity: 11, validationCode: preview.validationCode });
    expect(() => h.trading.placeOrder(who, changed)).toThrow(expect.objectContaining({ status: 422, errorId: "orderNotValid",
      developerMessage: "The validationCode does not fit this order: it was issued for a different order content or account; preview this exact order again." }));
    expect(() => h.trading.placeOrder(h.caller(JANSEN), parseNewOrder({ ...body, validationCode: preview.validationCode })))
      .toThrow("issued for a different order content or account");
    expect(h.trading.placeOrder(who, parseNewOrder({ ...body, validationCode: preview.validationCode })).referenceId).toBe("xl-1");
  });

  it("refuses a placement without a code, and with a code older than its lifetime", () => {
    const h = tradingHarness();
    const who = h.caller(SMITH);
    expect(() => h.trading.placeOrder(who, parseNewOrder(buy(ING, 1)))).toThrow("validationCode is missing");
    const preview = h.trading.previewOrder(who, parseNewOrder(buy(ING, 1)));
    h.clock.advance(VALIDATION_CODE_LIFETIME_MS + 1);
    expect(() => h.trading.placeOrder(who, parseNewOrder(buy(ING, 1, { validationCode: preview.validationCode })))).toThrow("it has expired");
  });

  it("cannot register a buy above the spending limit and says why", () => {
    const h = tradingHarness();
    const preview = h.trading.previewOrder(h.caller(JANSEN), parseNewOrder(buy(ING, 3000)));
    expect(preview.orderCanBeRegistered).toBe(false);
    expect(preview).not.toHaveProperty("validationCode");
    expect(preview.warningsToBeShown).toEqual([
      "Your spending limit is insufficient: this order needs EUR 37566.28, your available spending limit is EUR 25215.00."]);
  });

  it("cannot register a sell of more than the position not already in sell orders", () => {
    const h = tradingHarness();
    h.place(JANSEN, sell(ING, 400, { type: "limit", limitPrice: 14 }));
    const preview = h.trading.previewOrder(h.caller(JANSEN), parseNewOrder(sell(ING, 101)));
    expect(preview.orderCanBeRegistered).toBe(false);
    expect(preview.warningsToBeShown).toEqual(["You cannot sell 101 ING GROEP: you hold 100 that are not already in a sell order."]);
  });

  it("asks to confirm a limit far from the market, in the customer's language", () => {
    const h = tradingHarness();
    const preview = h.trading.previewOrder(h.caller(JANSEN, "nl"), parseNewOrder(buy(ING, 10, { type: "limit", limitPrice: 14 })));
    expect(preview.orderCanBeRegistered).toBe(true);
    expect(preview.warningsToBeConfirmed).toEqual(["Uw limietkoers 14 ligt 12.0% van de laatste koers 12.5. Bevestig deze koers."]);
  });

  it("asks to confirm an order above a quarter of the assets", () => {
    const h = tradingHarness();
    // 30 ASML at the ask 600.01 = 18000.30 of assets 62290 (cash 25215 + portfolio 37075).
    const preview = h.trading.previewOrder(h.caller(JANSEN), parseNewOrder(buy("aSm1L", 30)));
    expect(preview.warningsToBeConfirmed).toEqual([
      "This order is 28.9% of the value of your portfolio. Please confirm that you want to invest this much in one order."]);
    expect(preview.validationCode).toBeDefined();
  });

  it("previews an order of an account without trading rights as not registrable, with the reason in the customer's language", () => {
    const h = tradingHarness();
    // Swagger Orders_PreviewOrder declares only 200/400/401: the refusal is a 200, not a 422.
    expect(h.trading.previewOrder(h.caller(JANSEN_SAVINGS, "nl"), parseNewOrder(buy(ING, 1)))).toEqual({
      orderCanBeRegistered: false,
      warningsToBeShown: ["Met deze rekening mag u dit product niet verhandelen (equities)."],
      warningsToBeConfirmed: [],
      positionEffect: "open",
      currency: "EUR",
    });
  });

  it("answers costs and placement for an account without trading rights with 422 productNotEnabled", () => {
    const h = tradingHarness();
    const productNotEnabled = expect.objectContaining({ status: 422, errorId: "productNotEnabled",
      developerMessage: "Account 190126799 (savings) has no trading right 'equities' (it has: none)." });
    expect(() => h.trading.orderCosts(h.caller(JANSEN_SAVINGS), parseNewOrder(buy(ING, 1)))).toThrow(productNotEnabled);
    expect(() => h.trading.placeOrder(h.caller(JANSEN_SAVINGS), parseNewOrder(buy(ING, 1)))).toThrow("validationCode is missing");
  });

  it("checks prices against the instrument's tick size and refuses untradable or unknown instruments", () => {
    const h = tradingHarness();
    const who = h.caller(SMITH);
    expect(() => h.trading.previewOrder(who, parseNewOrder(buy(ING, 1, { type: "limit", limitPrice: 12.505 }))))
      .toThrow("limitPrice: 12.505 is not on the tick size of ING GROEP: prices at this level move in steps of 0.01.");
    expect(() => h.trading.previewOrder(who, parseNewOrder(buy("aEx01", 1)))).toThrow("cash.instrumentId: 'aEx01' (AEX, index) is not tradable.");
    expect(() => h.trading.previewOrder(who, parseNewOrder(buy("nOpE1", 1)))).toThrow("cash.instrumentId: 'nOpE1' is not a known instrument.");
  });

  it("breaks the costs down in euro by category", () => {
    const h = tradingHarness();
    const costs = h.trading.orderCosts(h.caller(SMITH), parseNewOrder(buy("dAn0n", 10, { type: "limit", limitPrice: 60 })));
    // 600 of Danone: commission 2.50 + 0.54 = 3.04, French tax 0.3% = 1.80.
    expect(costs.legs[0].categories[0]).toEqual({
      name: "Service costs", valueInEuro: 4.84, percentage: 0.807,
      subCategories: [
        { name: "Commission", valueInEuro: 3.04, percentage: 0.507 },
        { name: "Stamp duty", valueInEuro: 1.8, percentage: 0.3 },
      ],
    });
    expect(costs.legs[0].categories[2]).toEqual({ name: "Total costs", valueInEuro: 4.84, percentage: 0.807, subCategories: [] });
  });
});
