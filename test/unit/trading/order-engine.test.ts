import { CANCEL_CONFIRMATION_DELAY_MS } from "../../../server/sandbox/trading/order-engine";
import { toOrderModel } from "../../../server/sandbox/trading/order";
import { buy, ING, JANSEN, sell, SMITH, tradingHarness } from "./engine-harness";

describe("OrderEngine fills", () => {
  it("executes a market buy at once at the best ask, books cash, position and a transaction with costs", () => {
    const h = tradingHarness();
    const book = h.trading.book(JANSEN);
    const cashBefore = book.cashIn("EUR");
    const order = h.place(JANSEN, buy(ING, 50));
    expect(order.status).toBe("executed");
    expect(order.executedQuantity).toBe(50);
    expect(toOrderModel(order, false).averagePrice).toBe(12.51);
    expect(h.eventLog()).toEqual(["OrderStatus:placed", "OrderStatus:placementConfirmed", "OrderExecution:completelyExecuted"]);
    // 50 × 12.51 = 625.50; commission 2.50 + 0.09% = 3.06.
    expect(book.cashIn("EUR")).toBe(Math.round((cashBefore - 625.5 - 3.06) * 100) / 100);
    expect(book.holdings.get(ING)!.quantity).toBe(550);
    const last = book.transactions[book.transactions.length - 1].model;
    expect(last).toMatchObject({ mutationType: "buy", quantity: 50, price: 12.51, totalCosts: 3.06, balanceMutation: -628.56, currency: "EUR",
      instrument: { id: ING, name: "ING GROEP" }, exchange: "XAMS" });
    expect(last.transactionCostComponents).toEqual([{ cost: 3.06, currency: "EUR", costTypeCategory: "commission", amountPercentage: 0.489 }]);
    expect(h.market.quote(ING)!.last!.price).toBe(12.51);
  });

  it("fills a market order larger than the book in parts, the rest on the next price update", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 2000));
    // The fake book shows 100+200+300+400+500 shares on the ask side.
    expect(order.executedQuantity).toBe(1500);
    expect(order.status).toBe("partiallyExecuted");
    expect(h.eventLog().slice(2)).toEqual(Array(5).fill("OrderExecution:partiallyExecuted"));
    h.market.setLast(ING, 12.6);
    expect(order.status).toBe("executed");
    expect(order.history.filter((entry) => entry.executedQuantity !== undefined).map((entry) => [entry.executedQuantity, entry.executionPrice]))
      .toEqual([[100, 12.51], [200, 12.52], [300, 12.53], [400, 12.54], [500, 12.55], [100, 12.61], [200, 12.62], [200, 12.63]]);
    expect(h.eventLog().slice(-3)).toEqual(["OrderExecution:partiallyExecuted", "OrderExecution:partiallyExecuted", "OrderExecution:remainderExecuted"]);
    expect(h.trading.book(SMITH).holdings.get(ING)!.quantity).toBe(2000);
  });

  it("charges the commission once for the order, spread over its fills", () => {
    const h = tradingHarness();
    h.place(SMITH, buy(ING, 300));
    const fills = h.trading.book(SMITH).transactions.filter((entry) => entry.model.mutationType === "buy");
    expect(fills.map((entry) => entry.model.quantity)).toEqual([100, 200]);
    const commission = fills.reduce((sum, entry) => sum + (entry.model.totalCosts ?? 0), 0);
    // 100 × 12.51 + 200 × 12.52 = 3755; 2.50 + 0.09% = 5.88 in total.
    expect(Math.round(commission * 100) / 100).toBe(5.88);
  });

  it("keeps a limit buy open until the ask reaches the limit", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 100, { type: "limit", limitPrice: 12.4 }));
    expect(order.status).toBe("placementConfirmed");
    h.market.setLast(ING, 12.45);
    expect(order.executedQuantity).toBe(0);
    h.market.setLast(ING, 12.39);
    expect(order.status).toBe("executed");
    expect(order.history[order.history.length - 1]).toMatchObject({ status: "executed", executedQuantity: 100, executionPrice: 12.4 });
  });

  it("books a realized result when a limit sell fills against the bid", () => {
    const h = tradingHarness();
    const order = h.place(JANSEN, sell(ING, 100, { type: "limit", limitPrice: 12.6 }));
    h.market.setLast(ING, 12.55);
    expect(order.executedQuantity).toBe(0);
    h.market.setLast(ING, 12.61);
    expect(order.status).toBe("executed");
    const holding = h.trading.book(JANSEN).holdings.get(ING)!;
    expect(holding.quantity).toBe(400);
    // Bought at 11.42, sold at the bid 12.60: (12.60 − 11.42) × 100.
    expect(holding.realized).toBe(118);
    expect(h.trading.book(JANSEN).realizedByYear.get(2026)!.get(ING)).toBe(118);
  });

  it("triggers a stop sell when the last price falls to the stop, then sells at the bid", () => {
    const h = tradingHarness();
    const order = h.place(JANSEN, sell(ING, 100, { type: "stop", stopPrice: 12 }));
    h.market.setLast(ING, 12.1);
    expect(order.triggered).toBe(false);
    h.market.setLast(ING, 11.95);
    expect(order.triggered).toBe(true);
    expect(order.status).toBe("executed");
    expect(toOrderModel(order, false).averagePrice).toBe(11.94);
  });

  it("turns a triggered stopLimit buy into a limit order that waits for its limit", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 100, { type: "stopLimit", stopPrice: 13, limitPrice: 13.05 }));
    h.market.setLast(ING, 13.1);
    expect(order.triggered).toBe(true);
    expect(order.executedQuantity).toBe(0);
    h.market.setLast(ING, 13);
    expect(order.status).toBe("executed");
    expect(toOrderModel(order, false).averagePrice).toBe(13.01);
  });
});

describe("OrderEngine cancellation, modification and expiry", () => {
  it("requests the cancellation at once and confirms it after the delay", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 11 }));
    h.trading.cancelOrder(h.caller(SMITH), order.number);
    expect(order.status).toBe("cancelationRequested");
    h.clock.advance(CANCEL_CONFIRMATION_DELAY_MS - 1);
    expect(order.status).toBe("cancelationRequested");
    h.clock.advance(1);
    expect(order.status).toBe("canceled");
    expect(h.eventLog()).toEqual(["OrderStatus:placed", "OrderStatus:placementConfirmed", "OrderStatus:cancelationRequested", "OrderStatus:canceled"]);
    expect(() => h.trading.cancelOrder(h.caller(SMITH), order.number)).toThrow("cannot be canceled: its status is canceled");
  });

  it("does not fill an order whose cancellation is pending", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 12 }));
    h.trading.cancelOrder(h.caller(SMITH), order.number);
    h.market.setLast(ING, 11);
    expect(order.executedQuantity).toBe(0);
  });

  it("ends a partly executed order as remainderCanceled", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 2000, { type: "limit", limitPrice: 12.51 }));
    expect(order.executedQuantity).toBe(100);
    h.trading.cancelOrder(h.caller(SMITH), order.number);
    h.clock.advance(CANCEL_CONFIRMATION_DELAY_MS);
    expect(order.status).toBe("remainderCanceled");
  });

  it("refuses to cancel an executed order", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10));
    expect(() => h.trading.cancelOrder(h.caller(SMITH), order.number)).toThrow(expect.objectContaining({ status: 422, errorId: "orderCancellationNotPossible" }));
  });

  it("modifies the limit price with its own validation code and fills when the new limit crosses", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 12 }));
    const who = h.caller(SMITH);
    const preview = h.trading.previewModification(who, order.number, { orderNumber: order.number, limitPrice: 12.52 });
    expect(preview.orderCanBeRegistered).toBe(true);
    expect(() => h.trading.modifyOrder(who, order.number, { orderNumber: order.number, limitPrice: 12.53, validationCode: preview.validationCode }))
      .toThrow("does not fit this modification");
    h.trading.modifyOrder(who, order.number, { orderNumber: order.number, limitPrice: 12.52, validationCode: preview.validationCode });
    expect(order.limitPrice).toBe(12.52);
    expect(order.status).toBe("executed");
    expect(h.eventLog()).toEqual(["OrderStatus:placed", "OrderStatus:placementConfirmed", "OrderModified:modified", "OrderExecution:completelyExecuted"]);
    expect(h.received[2].message).toMatchObject({ accountNumber: SMITH, number: order.number, instrument: { id: ING }, limitPrice: 12.52, type: "limit" });
  });

  it("asks to confirm a new limit far from the market", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 12 }));
    const preview = h.trading.previewModification(h.caller(SMITH, "it"), order.number, { orderNumber: order.number, limitPrice: 10 });
    expect(preview.warningsToBeConfirmed).toEqual(["Il prezzo limite 10 si discosta del 20.0% dall'ultimo prezzo 12.5. Conferma questo prezzo."]);
  });

  it("previews a modification of a market order or a finished order as not registrable (200), and refuses the PATCH", () => {
    const h = tradingHarness();
    const who = h.caller(SMITH, "fr");
    const market = h.place(SMITH, buy(ING, 10));
    expect(h.trading.previewModification(who, market.number, { orderNumber: market.number, limitPrice: 12 })).toEqual({
      orderCanBeRegistered: false, positionEffect: "open", currency: "EUR", warningsToBeConfirmed: [],
      warningsToBeShown: ["Seul le cours limite d'un ordre à cours limité ou stop limite peut être modifié ; cet ordre n'a pas de cours limite."],
    });
    const limit = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 12.6 }));
    expect(limit.status).toBe("executed");
    expect(h.trading.previewModification(who, limit.number, { orderNumber: limit.number, limitPrice: 12 }).warningsToBeShown)
      .toEqual(["Cet ordre n'est plus ouvert et ne peut donc pas être modifié."]);
    expect(() => h.trading.modifyOrder(who, market.number, { orderNumber: market.number, limitPrice: 12, validationCode: "x" }))
      .toThrow(expect.objectContaining({ status: 422, errorId: "orderModificationRefused" }));
  });

  it("expires a day order at the close of its market", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 11 }));
    // Placed at 09:00 UTC; Euronext Amsterdam closes at 16:30 UTC in the sandbox.
    h.clock.advance(7.5 * 3_600_000 - 1);
    expect(order.status).toBe("placementConfirmed");
    h.clock.advance(1);
    expect(order.status).toBe("expired");
    expect(h.eventLog().slice(-1)).toEqual(["OrderStatus:expired"]);
  });

  it("caps a goodTillCancelled order at two weeks", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 11, duration: "goodTillCancelled" }));
    expect(toOrderModel(order, false).expirationDate).toBe("2026-01-19T16:30:00Z");
    h.clock.advance(14 * 86_400_000 + 7.5 * 3_600_000);
    expect(order.status).toBe("expired");
  });

  it("numbers orders uniquely and increasingly across accounts", () => {
    const h = tradingHarness();
    const first = h.place(SMITH, buy(ING, 1));
    const second = h.place(JANSEN, buy(ING, 1));
    const third = h.place(SMITH, buy(ING, 1));
    expect(second.number).toBe(first.number + 1);
    expect(third.number).toBe(first.number + 2);
  });

  it("forgets placed orders and releases price watches on reset", () => {
    const h = tradingHarness();
    h.place(SMITH, buy(ING, 10, { type: "limit", limitPrice: 11 }));
    expect(h.market.watcherCount(ING)).toBe(1);
    h.trading.reset();
    expect(h.market.watcherCount(ING)).toBe(0);
    expect(h.trading.engine.ordersOf(SMITH)).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });
});
