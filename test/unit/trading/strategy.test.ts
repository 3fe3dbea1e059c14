import { parseNewOrder } from "../../../server/sandbox/trading/order-request";
import { toOrderModel, type Order } from "../../../server/sandbox/trading/order";
import { CANCEL_CONFIRMATION_DELAY_MS } from "../../../server/sandbox/trading/order-engine";
import { buy, ING, JANSEN_SAVINGS, SMITH, strategy, tradingHarness } from "./engine-harness";
import { ASML_CALL_600, ING_CALL_12, ING_CALL_13, ING_CALL_20_UNTRADABLE, ING_PUT_12 } from "./option-market";

/** Buy 2 ING 12 calls and 2 ING 12 puts (a straddle), paying at most `limitPrice` net per unit. */
const straddle = (limitPrice: number, extra: Record<string, unknown> = {}) =>
  strategy(["buy", ING_CALL_12], ["buy", ING_PUT_12], "pay", { limitPrice, ...extra });
const lines = (order: Order) => order.combination!.lines;

describe("Option strategy checks", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["an equity as leg2", strategy(["buy", ING_CALL_12], ["buy", ING], "pay", { limitPrice: 1 }),
      "option.leg2.instrumentId: 'iNg01' is of type equity; the option block takes options."],
    ["an unknown leg2", strategy(["buy", ING_CALL_12], ["buy", "oXx99"], "pay", { limitPrice: 1 }), "option.leg2.instrumentId: 'oXx99' is not a known instrument."],
    ["an untradable leg2", strategy(["buy", ING_CALL_12], ["buy", ING_CALL_20_UNTRADABLE], "pay", { limitPrice: 1 }),
      "option.leg2.instrumentId: 'oIc20' (ING C 20.00 MAR26, option) is not tradable."],
    ["legs on different underlyings", strategy(["buy", ING_CALL_12], ["buy", ASML_CALL_600], "pay", { limitPrice: 1 }),
      "option.leg2.instrumentId: 'oAc600' (underlying aSm1L, contract size 100, EUR) does not combine with option.leg1 'oIc12' (underlying iNg01, contract size 100, EUR): both legs of a strategy must have the same underlying, contract size and currency."],
    ["a net price off the tick size", straddle(1.005), "limitPrice: 1.005 is not on the tick size of ING C 12.00 MAR26: prices at this level move in steps of 0.01."],
  ])("refuses %s with a 400 naming the field", (_name, body, message) => {
    const h = tradingHarness();
    expect(() => h.trading.previewOrder(h.caller(SMITH), parseNewOrder(body)))
      .toThrow(expect.objectContaining({ status: 400, errorId: "validationError", developerMessage: message }));
  });

  it("previews the net debit plus both legs' commissions against the spending limit", () => {
    const h = tradingHarness();
    // Net 1.00 × 2 × 100 = 200; commission on each leg at its ask: 0.81 × 200 → 2.65, 0.26 × 200 → 2.55.
    expect(h.trading.previewOrder(h.caller(SMITH), parseNewOrder(straddle(1)))).toEqual({
      orderCanBeRegistered: true, warningsToBeShown: [], warningsToBeConfirmed: [], positionEffect: "open", currency: "EUR",
      currentSpendingLimit: 100_000, effectOnSpendingLimit: -205.2, newSpendingLimit: 99_794.8, validationCode: expect.any(String),
    });
  });

  it("asks to confirm a net price far from the legs' current net price", () => {
    const h = tradingHarness();
    // The asks 0.81 + 0.26 make a net 1.07; 0.90 is 15.9% below.
    const preview = h.trading.previewOrder(h.caller(SMITH), parseNewOrder(straddle(0.9)));
    expect(preview.warningsToBeConfirmed).toEqual([
      "Your net price 0.9 is 15.9% away from the current net price 1.07 of the strategy's legs. Please confirm this price."]);
  });

  it("cannot register a sell leg without the position (the sandbox does not write options)", () => {
    const h = tradingHarness();
    const preview = h.trading.previewOrder(h.caller(SMITH), parseNewOrder(strategy(["buy", ING_CALL_12], ["sell", ING_CALL_13], "pay", { limitPrice: 0.5 })));
    expect(preview.orderCanBeRegistered).toBe(false);
    expect(preview).not.toHaveProperty("positionEffect");
    expect(preview.warningsToBeShown).toEqual(["You cannot sell 2 ING C 13.00 MAR26: you hold 0 that are not already in a sell order."]);
  });

  it("previews a strategy of an account without option rights as not registrable", () => {
    const h = tradingHarness();
    const preview = h.trading.previewOrder(h.caller(JANSEN_SAVINGS, "it"), parseNewOrder(straddle(1)));
    expect(preview).toEqual({ orderCanBeRegistered: false, positionEffect: "open", currency: "EUR", warningsToBeConfirmed: [],
      warningsToBeShown: ["Questo conto non può negoziare questo prodotto (optionsNl)."] });
  });

  it("breaks the costs down per leg", () => {
    const h = tradingHarness();
    const costs = h.trading.orderCosts(h.caller(SMITH), parseNewOrder(straddle(1)));
    expect(costs.legs.map((leg) => leg.categories.map((category) => [category.name, category.valueInEuro]))).toEqual([
      [["Service costs", 2.65], ["Product costs", 0], ["Total costs", 2.65]],
      [["Service costs", 2.55], ["Product costs", 0], ["Total costs", 2.55]],
    ]);
    expect(costs.legs[1].categories[0]).toEqual({ name: "Service costs", valueInEuro: 2.55, percentage: 4.904,
      subCategories: [{ name: "Commission", valueInEuro: 2.55, percentage: 4.904 }] });
    expect(costs.legs[0].categories[1].extraInfo).toBe("Listed options and futures have no product costs.");
  });
});

describe("Option strategy life", () => {
  it("places one order number with two lines and waits until the legs' net price meets the limit", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, straddle(1, { referenceId: "straddle-1" }));
    const [line1, line2] = lines(order);
    expect(line1).toBe(order);
    expect([line1.number, line1.line, line2.number, line2.line]).toEqual([order.number, 1, order.number, 2]);
    expect(toOrderModel(line2, false)).toEqual({
      number: order.number, line: 2, instrument: { id: ING_PUT_12, name: "ING P 12.00 MAR26" }, type: "limit", side: "buy", quantity: 2,
      currency: "EUR", duration: "day", limitPrice: 1, condition: "pay", referenceId: "straddle-1",
      lastStatus: "placementConfirmed", lastStatusDateTime: "2026-01-05T09:00:00Z",
    });
    // Net 200 reserved, plus each leg's commission at its last price (160 → 2.644, 50 → 2.545).
    expect(h.trading.reservedEuro(SMITH)).toBe(205.19);

    h.market.setLast(ING_PUT_12, 0.3);
    expect(line1.executedQuantity + line2.executedQuantity).toBe(0);
    h.market.setLast(ING_PUT_12, 0.25);
    h.market.setLast(ING_CALL_12, 0.7);
    // Asks 0.71 + 0.26 = 0.97 ≤ 1.00: both legs execute together.
    expect([line1.status, line2.status]).toEqual(["executed", "executed"]);
    expect([toOrderModel(line1, false).averagePrice, toOrderModel(line2, false).averagePrice]).toEqual([0.71, 0.26]);
    expect(h.eventLog()).toEqual([
      "OrderStatus:placed", "OrderStatus:placed", "OrderStatus:placementConfirmed", "OrderStatus:placementConfirmed",
      "OrderExecution:completelyExecuted", "OrderExecution:completelyExecuted"]);
    expect(h.received.map((event) => [event.message.instrument.id, event.message.combinationCondition, event.message.number])).toEqual([
      [ING_CALL_12, "pay", order.number], [ING_PUT_12, "pay", order.number], [ING_CALL_12, "pay", order.number], [ING_PUT_12, "pay", order.number],
      [ING_CALL_12, "pay", order.number], [ING_PUT_12, "pay", order.number]]);
    expect(h.received[5].message).toEqual({ accountNumber: SMITH, number: order.number, referenceId: "straddle-1", instrument: { id: ING_PUT_12 },
      status: "completelyExecuted", limitPrice: 1, type: "limit", side: "buy", combinationCondition: "pay", dt: "2026-01-05T09:00:00Z" });

    const book = h.trading.book(SMITH);
    expect([book.holdings.get(ING_CALL_12)!.quantity, book.holdings.get(ING_PUT_12)!.quantity]).toEqual([2, 2]);
    expect(book.transactions.slice(-2).map((entry) => entry.model)).toEqual([
      expect.objectContaining({ mutationType: "openingBuy", instrument: { id: ING_CALL_12, name: "ING C 12.00 MAR26" }, quantity: 2, price: 0.71,
        totalCosts: 2.63, balanceMutation: -144.63, exchange: "XEUE" }),
      expect.objectContaining({ mutationType: "openingBuy", instrument: { id: ING_PUT_12, name: "ING P 12.00 MAR26" }, quantity: 2, price: 0.26,
        totalCosts: 2.55, balanceMutation: -54.55 }),
    ]);
    expect(book.cashIn("EUR")).toBe(99_800.82);
    expect(h.trading.reservedEuro(SMITH)).toBe(0);
    expect(h.market.watcherCount(ING_CALL_12) + h.market.watcherCount(ING_PUT_12)).toBe(0);
  });

  it("executes a market strategy at once at the legs' best prices", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, straddle(1, { type: "market", limitPrice: undefined }));
    expect(lines(order).map((line) => [line.status, line.executedQuantity, line.history[line.history.length - 1].executionPrice]))
      .toEqual([["executed", 2, 0.81], ["executed", 2, 0.26]]);
  });

  it("waits while either leg's book cannot take the whole quantity", () => {
    const h = tradingHarness();
    // The fake books show 1500 contracts on each side over five levels.
    const order = h.place(SMITH, strategy(["buy", ING_CALL_13], ["buy", ING_PUT_12], "pay", { type: "market", quantity: 1600 }));
    expect(lines(order).map((line) => line.executedQuantity)).toEqual([0, 0]);
    expect(order.status).toBe("placementConfirmed");
  });

  it("rolls a held call into another with a receive condition, selling at the bid and buying at the ask", () => {
    const h = tradingHarness();
    h.place(SMITH, { type: "market", quantity: 2, duration: "day", option: { leg1: { side: "buy", instrumentId: ING_CALL_12 } } });
    // Sell the 12 call at its bid (0.80 after our own print at 0.81) and buy the 13 call at 0.31: 0.49 received.
    const roll = h.place(SMITH, strategy(["sell", ING_CALL_12], ["buy", ING_CALL_13], "receive", { limitPrice: 0.45 }));
    expect(lines(roll).map((line) => [line.side, line.status, toOrderModel(line, false).averagePrice])).toEqual([["sell", "executed", 0.8], ["buy", "executed", 0.31]]);
    const book = h.trading.book(SMITH);
    expect(book.holdings.has(ING_CALL_12)).toBe(false);
    expect(book.holdings.get(ING_CALL_13)!.quantity).toBe(2);
    expect(book.transactions.slice(-2).map((entry) => [entry.model.mutationType, entry.model.instrument!.id])).toEqual([
      ["closingSell", ING_CALL_12], ["openingBuy", ING_CALL_13]]);
  });

  it("keeps a receive strategy open while the credit is below its limit", () => {
    const h = tradingHarness();
    h.place(SMITH, { type: "market", quantity: 2, duration: "day", option: { leg1: { side: "buy", instrumentId: ING_CALL_12 } } });
    const roll = h.place(SMITH, strategy(["sell", ING_CALL_12], ["buy", ING_CALL_13], "receive", { limitPrice: 0.55 }));
    expect(roll.status).toBe("placementConfirmed");
    // The 12 call held in the open roll cannot be sold again.
    const again = h.trading.previewOrder(h.caller(SMITH), parseNewOrder({ type: "market", quantity: 1, duration: "day", option: { leg1: { side: "sell", instrumentId: ING_CALL_12 } } }));
    expect(again.warningsToBeShown).toEqual(["You cannot sell 1 ING C 12.00 MAR26: you hold 0 that are not already in a sell order."]);
    h.market.setLast(ING_CALL_13, 0.2);
    // Bid 0.80 − ask 0.21 = 0.59 ≥ 0.55.
    expect(lines(roll).map((line) => line.status)).toEqual(["executed", "executed"]);
  });

  it("cancels both lines", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, straddle(0.9));
    h.trading.cancelOrder(h.caller(SMITH), order.number);
    expect(lines(order).map((line) => line.status)).toEqual(["cancelationRequested", "cancelationRequested"]);
    h.market.setLast(ING_CALL_12, 0.5);
    expect(lines(order).map((line) => line.executedQuantity)).toEqual([0, 0]);
    h.clock.advance(CANCEL_CONFIRMATION_DELAY_MS);
    expect(lines(order).map((line) => line.status)).toEqual(["canceled", "canceled"]);
    expect(h.eventLog().slice(4)).toEqual(["OrderStatus:cancelationRequested", "OrderStatus:cancelationRequested", "OrderStatus:canceled", "OrderStatus:canceled"]);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it("modifies the net price of both lines after its own preview, and executes when the new price is met", () => {
    const h = tradingHarness();
    const who = h.caller(SMITH);
    const order = h.place(SMITH, straddle(0.9));
    const preview = h.trading.previewModification(who, order.number, { orderNumber: order.number, limitPrice: 1.07 });
    expect(preview).toEqual({ orderCanBeRegistered: true, positionEffect: "open", currency: "EUR", warningsToBeShown: [], warningsToBeConfirmed: [],
      validationCode: expect.any(String) });
    h.trading.modifyOrder(who, order.number, { orderNumber: order.number, limitPrice: 1.07, validationCode: preview.validationCode });
    expect(lines(order).map((line) => [line.limitPrice, line.status])).toEqual([[1.07, "executed"], [1.07, "executed"]]);
    expect(lines(order).map((line) => line.history.map((entry) => entry.status))).toEqual([
      ["placed", "placementConfirmed", "modificationRequested", "modified", "executed"],
      ["placed", "placementConfirmed", "modificationRequested", "modified", "executed"]]);
    expect(h.eventLog().slice(4)).toEqual(["OrderModified:modified", "OrderModified:modified", "OrderExecution:completelyExecuted", "OrderExecution:completelyExecuted"]);
  });

  it("asks to confirm a new net price far from the legs' net price", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, straddle(0.9));
    const preview = h.trading.previewModification(h.caller(SMITH), order.number, { orderNumber: order.number, limitPrice: 0.5 });
    // Last prices 0.80 + 0.25 = 1.05.
    expect(preview.warningsToBeConfirmed).toEqual([
      "Your net price 0.5 is 52.4% away from the current net price 1.05 of the strategy's legs. Please confirm this price."]);
  });

  it("expires both lines at the close", () => {
    const h = tradingHarness();
    const order = h.place(SMITH, straddle(0.9));
    h.clock.advance(7.5 * 3_600_000);
    expect(lines(order).map((line) => line.status)).toEqual(["expired", "expired"]);
    expect(h.market.watcherCount(ING_CALL_12) + h.market.watcherCount(ING_PUT_12)).toBe(0);
  });

  it("does not change single-leg orders: no line, no condition", () => {
    const h = tradingHarness();
    const model = toOrderModel(h.place(SMITH, buy(ING, 1)), false);
    expect(model).not.toHaveProperty("line");
    expect(model).not.toHaveProperty("condition");
    expect(h.received[0].message).not.toHaveProperty("combinationCondition");
  });
});
