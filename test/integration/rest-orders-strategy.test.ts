import { ManualClock } from "../../src/core/clock";
import { CANCEL_CONFIRMATION_DELAY_MS } from "../../server/sandbox/trading/order-engine";
import { FakeMarket } from "../fakes/fake-market";
import { useOrderSandbox } from "../support/order-api";
import { addOptions, ING_CALL_12, ING_PUT_12 } from "../unit/trading/option-market";

const SMITH = "190300007";

/** Option strategies over REST (API.md 3.3 #13–#19, 3.5): one number, one OrderModel per leg. */
describe("REST option strategies", () => {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
  addOptions(market);
  const { call, previewAndPlace, events } = useOrderSandbox({ clock, market });

  /** Buy 2 ING 12 calls and 2 ING 12 puts, paying at most `limitPrice` net per unit (API.md 3.5). */
  const straddle = (limitPrice: number) => ({
    type: "limit", limitPrice, quantity: 2, duration: "day",
    option: { condition: "pay", leg1: { side: "buy", instrumentId: ING_CALL_12 }, leg2: { side: "buy", instrumentId: ING_PUT_12 } },
  });
  const statusesOf = (body: { ordersCollection: { orders: Array<{ line: number; lastStatus: string }> } }) =>
    body.ordersCollection.orders.map((order) => [order.line, order.lastStatus]);

  it("previews, breaks down the costs of both legs and places (201) one number with lines 1 and 2", async () => {
    // Net 1.00 × 2 × 100 = 200, plus each leg's commission at its ask (0.81 × 200 → 2.65, 0.26 × 200 → 2.55).
    const preview = await call("POST", `/accounts/${SMITH}/orders/preview`, straddle(1));
    expect(preview.body.previewOrder).toEqual({
      orderCanBeRegistered: true, warningsToBeShown: [], warningsToBeConfirmed: [], positionEffect: "open", currency: "EUR",
      currentSpendingLimit: 100_000, effectOnSpendingLimit: -205.2, newSpendingLimit: 99_794.8, validationCode: expect.any(String),
    });
    const costs = await call("POST", `/accounts/${SMITH}/orders/costs`, straddle(1));
    expect(costs.status).toBe(200);
    expect(costs.body.costsCollection.legs.map((leg: { categories: Array<{ valueInEuro: number }> }) => leg.categories[2].valueInEuro)).toEqual([2.65, 2.55]);

    const placed = await call("POST", `/accounts/${SMITH}/orders`, { ...straddle(1), validationCode: preview.body.previewOrder.validationCode });
    expect(placed.status).toBe(201);
    const [line1, line2] = placed.body.ordersCollection.orders;
    const history = [{ dateTime: "2026-01-05T09:00:00Z", status: "placed" }, { dateTime: "2026-01-05T09:00:00Z", status: "placementConfirmed" }];
    const shared = { number: line1.number, type: "limit", quantity: 2, currency: "EUR", duration: "day", limitPrice: 1, condition: "pay",
      lastStatus: "placementConfirmed", lastStatusDateTime: "2026-01-05T09:00:00Z", statusHistory: history };
    expect(placed.body.ordersCollection.orders).toEqual([
      { ...shared, line: 1, instrument: { id: ING_CALL_12, name: "ING C 12.00 MAR26" }, side: "buy" },
      { ...shared, line: 2, instrument: { id: ING_PUT_12, name: "ING P 12.00 MAR26" }, side: "buy" },
    ]);
    expect(line2.number).toBe(line1.number);
    expect(events.map((event) => [event.name, event.message.status, event.message.instrument.id, event.message.combinationCondition])).toEqual([
      ["OrderStatus", "placed", ING_CALL_12, "pay"], ["OrderStatus", "placed", ING_PUT_12, "pay"],
      ["OrderStatus", "placementConfirmed", ING_CALL_12, "pay"], ["OrderStatus", "placementConfirmed", ING_PUT_12, "pay"]]);

    const one = await call("GET", `/accounts/${SMITH}/orders/${line1.number}?includeStatusHistory=false`);
    expect(one.body.ordersCollection.orders.map((order: { line: number; instrument: { id: string } }) => [order.line, order.instrument.id]))
      .toEqual([[1, ING_CALL_12], [2, ING_PUT_12]]);
    const open = await call("GET", `/accounts/${SMITH}/orders?status=open`);
    expect(open.body.count).toBe(2);
    expect(statusesOf(open.body)).toEqual([[1, "placementConfirmed"], [2, "placementConfirmed"]]);
  });

  it("modifies the net price on both lines, then executes both legs together when the legs' prices meet it", async () => {
    const open = await call("GET", `/accounts/${SMITH}/orders?status=open`);
    const number = open.body.ordersCollection.orders[0].number;
    const preview = await call("POST", `/accounts/${SMITH}/orders/${number}/preview`, { orderNumber: number, limitPrice: 1.02, validationCode: null });
    expect(preview.status).toBe(200);
    expect(preview.body.previewOrder.orderCanBeRegistered).toBe(true);
    const modified = await call("PATCH", `/accounts/${SMITH}/orders/${number}`, { orderNumber: number, limitPrice: 1.02, validationCode: preview.body.previewOrder.validationCode });
    expect(modified.status).toBe(200);
    expect(modified.body.ordersCollection.orders.map((order: { line: number; limitPrice: number; lastStatus: string }) => [order.line, order.limitPrice, order.lastStatus]))
      .toEqual([[1, 1.02, "modified"], [2, 1.02, "modified"]]);
    expect(events.map((event) => [event.name, event.message.instrument.id, event.message.limitPrice, event.message.combinationCondition])).toEqual([
      ["OrderModified", ING_CALL_12, 1.02, "pay"], ["OrderModified", ING_PUT_12, 1.02, "pay"]]);

    // Asks 0.71 + 0.26 = 0.97 ≤ 1.02.
    market.setLast(ING_CALL_12, 0.7);
    const after = await call("GET", `/accounts/${SMITH}/orders/${number}`);
    expect(after.body.ordersCollection.orders.map((order: { line: number; lastStatus: string; executedQuantity: number; averagePrice: number }) =>
      [order.line, order.lastStatus, order.executedQuantity, order.averagePrice])).toEqual([[1, "executed", 2, 0.71], [2, "executed", 2, 0.26]]);
    expect(events.slice(2).map((event) => [event.name, event.message.status, event.message.instrument.id])).toEqual([
      ["OrderExecution", "completelyExecuted", ING_CALL_12], ["OrderExecution", "completelyExecuted", ING_PUT_12]]);

    const positions = await call("GET", `/accounts/${SMITH}/positions`);
    const held = positions.body.positionsCollection.positions.map((position: { instrument: { id: string }; quantity: number }) => [position.instrument.id, position.quantity]);
    expect(held).toEqual(expect.arrayContaining([[ING_CALL_12, 2], [ING_PUT_12, 2]]));
    const trades = await call("GET", `/accounts/${SMITH}/transactions`);
    const legs = trades.body.transactionsCollection.transactions
      .filter((transaction: { instrument?: { id: string } }) => transaction.instrument && [ING_CALL_12, ING_PUT_12].includes(transaction.instrument.id))
      .map((transaction: { mutationType: string; instrument: { id: string }; quantity: number; price: number; balanceMutation: number }) =>
        [transaction.mutationType, transaction.instrument.id, transaction.quantity, transaction.price, transaction.balanceMutation]);
    expect(legs).toEqual(expect.arrayContaining([["openingBuy", ING_CALL_12, 2, 0.71, -144.63], ["openingBuy", ING_PUT_12, 2, 0.26, -54.55]]));
    expect(legs).toHaveLength(2);
  });

  it("cancels both lines: cancelationRequested at once, canceled after the delay", async () => {
    const placed = await previewAndPlace(SMITH, straddle(0.9));
    const number = placed.body.ordersCollection.orders[0].number;
    const cancel = await call("DELETE", `/accounts/${SMITH}/orders/${number}`);
    expect(cancel.status).toBe(200);
    expect(statusesOf(cancel.body)).toEqual([[1, "cancelationRequested"], [2, "cancelationRequested"]]);
    clock.advance(CANCEL_CONFIRMATION_DELAY_MS);
    const after = await call("GET", `/accounts/${SMITH}/orders/${number}`);
    expect(statusesOf(after.body)).toEqual([[1, "canceled"], [2, "canceled"]]);
    expect(events.slice(-2).map((event) => [event.message.status, event.message.instrument.id])).toEqual([["canceled", ING_CALL_12], ["canceled", ING_PUT_12]]);
  });

  it("refuses a strategy without condition and a stop strategy with a 400 naming the field", async () => {
    const noCondition = await call("POST", `/accounts/${SMITH}/orders/preview`, { ...straddle(1), option: { leg1: { side: "buy", instrumentId: ING_CALL_12 }, leg2: { side: "buy", instrumentId: ING_PUT_12 } } });
    expect(noCondition.status).toBe(400);
    expect(noCondition.body.developerMessage).toBe("option.condition: is required (with two legs; one of pay, receive).");
    const stop = await call("POST", `/accounts/${SMITH}/orders/preview`, { ...straddle(1), type: "stopLimit", stopPrice: 1.1 });
    expect(stop.status).toBe(400);
    expect(stop.body.developerMessage).toBe("type: stopLimit is not possible for an option strategy (two legs): use limit (a net price with option.condition) or market.");
  });
});
