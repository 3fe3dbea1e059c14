import { ManualClock } from "../../src/core/clock";
import { CANCEL_CONFIRMATION_DELAY_MS } from "../../server/sandbox/trading/order-engine";
import { FakeMarket } from "../fakes/fake-market";
import { useOrderSandbox } from "../support/order-api";

const SMITH = "190300007";
const ING = "iNg01";

describe("REST orders", () => {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
  const sandbox = useOrderSandbox({ clock, market });
  const { call, previewAndPlace, events } = sandbox;

  const limitBuy = (quantity: number, limitPrice: number, extra: Record<string, unknown> = {}) =>
    ({ type: "limit", quantity, duration: "day", limitPrice, cash: { side: "buy", instrumentId: ING }, ...extra });

  it("lives preview -> place (201) -> fill, with its events, positions and transactions", async () => {
    const order = { type: "market", quantity: 20, duration: "day", cash: { side: "buy", instrumentId: ING }, referenceId: "xl-2026-0001" };
    const preview = await call("POST", `/accounts/${SMITH}/orders/preview`, order);
    expect(preview.body.previewOrder).toEqual({
      orderCanBeRegistered: true, warningsToBeShown: [], warningsToBeConfirmed: [], positionEffect: "open", currency: "EUR",
      currentSpendingLimit: 100_000, effectOnSpendingLimit: -252.93, newSpendingLimit: 99_747.07, validationCode: expect.any(String),
    });
    const placed = await call("POST", `/accounts/${SMITH}/orders`, { ...order, validationCode: preview.body.previewOrder.validationCode });
    expect(placed.status).toBe(201);
    const [model] = placed.body.ordersCollection.orders;
    expect(model).toMatchObject({
      instrument: { id: ING, name: "ING GROEP" }, type: "market", side: "buy", quantity: 20, executedQuantity: 20, averagePrice: 12.51,
      currency: "EUR", duration: "day", lastStatus: "executed", referenceId: "xl-2026-0001",
    });
    expect(model.statusHistory.map((entry: { status: string }) => entry.status)).toEqual(["placed", "placementConfirmed", "executed"]);
    expect(events.map((event) => [event.name, event.message.status])).toEqual([
      ["OrderStatus", "placed"], ["OrderStatus", "placementConfirmed"], ["OrderExecution", "completelyExecuted"]]);
    expect(events[2].message).toEqual({
      accountNumber: SMITH, number: model.number, referenceId: "xl-2026-0001", instrument: { id: ING }, status: "completelyExecuted",
      type: "market", side: "buy", dt: "2026-01-05T09:00:00Z",
    });
    const position = await call("GET", `/accounts/${SMITH}/positions/${ING}`);
    expect(position.body.positionsCollection.positions[0]).toMatchObject({ quantity: 20, averageHistoricalPrice: 12.51 });
    const trades = await call("GET", `/accounts/${SMITH}/transactions?mutationGroup=buyAndSell`);
    expect(trades.body.transactionsCollection.transactions[0]).toMatchObject({ mutationType: "buy", quantity: 20, price: 12.51, balanceMutation: -252.93 });
    const one = await call("GET", `/accounts/${SMITH}/orders/${model.number}?includeStatusHistory=false`);
    expect(one.body.ordersCollection.orders[0]).not.toHaveProperty("statusHistory");
    expect(one.body).not.toHaveProperty("count");
  });

  it("fills a resting limit order when the market crosses its price", async () => {
    const placed = await previewAndPlace(SMITH, limitBuy(10, 12.3));
    const number = placed.body.ordersCollection.orders[0].number;
    expect(placed.body.ordersCollection.orders[0].lastStatus).toBe("placementConfirmed");
    market.setLast(ING, 12.25);
    const { body } = await call("GET", `/accounts/${SMITH}/orders/${number}`);
    expect(body.ordersCollection.orders[0]).toMatchObject({ lastStatus: "executed", executedQuantity: 10, averagePrice: 12.26 });
    market.setLast(ING, 12.5);
  });

  it("refuses a placement whose validationCode belongs to other content with 422 orderNotValid", async () => {
    const preview = await call("POST", `/accounts/${SMITH}/orders/preview`, limitBuy(10, 12));
    const placed = await call("POST", `/accounts/${SMITH}/orders`, { ...limitBuy(11, 12), validationCode: preview.body.previewOrder.validationCode });
    expect(placed.status).toBe(422);
    expect(placed.body).toEqual({
      developerMessage: "The validationCode does not fit this order: it was issued for a different order content or account; preview this exact order again.",
      endUserMessage: "The order could not be validated. Please check the order and preview it again.",
      errorCode: "UnprocessableEntity", errorId: "orderNotValid",
    });
    const withoutCode = await call("POST", `/accounts/${SMITH}/orders`, limitBuy(10, 12));
    expect(withoutCode.status).toBe(422);
    expect(events).toEqual([]);
  });

  it("refuses a placement beyond the spending limit with 422 and the reason", async () => {
    const preview = await call("POST", `/accounts/${SMITH}/orders/preview`, limitBuy(9000, 12));
    expect(preview.body.previewOrder.orderCanBeRegistered).toBe(false);
    expect(preview.body.previewOrder.warningsToBeShown[0]).toMatch(/^Your spending limit is insufficient: this order needs EUR 108099\.70/);
  });

  it("cancels: cancelationRequested in the answer, canceled when the clock moves on; then 422", async () => {
    const placed = await previewAndPlace(SMITH, limitBuy(10, 11));
    const number = placed.body.ordersCollection.orders[0].number;
    const cancel = await call("DELETE", `/accounts/${SMITH}/orders/${number}`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.ordersCollection.orders[0].lastStatus).toBe("cancelationRequested");
    clock.advance(CANCEL_CONFIRMATION_DELAY_MS);
    expect(events.map((event) => event.message.status)).toEqual(["placed", "placementConfirmed", "cancelationRequested", "canceled"]);
    const again = await call("DELETE", `/accounts/${SMITH}/orders/${number}`);
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ errorId: "orderCancellationNotPossible", developerMessage: `Order ${number} cannot be canceled: its status is canceled.` });
    const canceled = await call("GET", `/accounts/${SMITH}/orders?status=canceled`);
    expect(canceled.body.ordersCollection.orders.map((order: { number: number }) => order.number)).toContain(number);
  });

  it("modifies the limit price after its own preview and emits OrderModified", async () => {
    const placed = await previewAndPlace(SMITH, limitBuy(10, 11));
    const number = placed.body.ordersCollection.orders[0].number;
    const preview = await call("POST", `/accounts/${SMITH}/orders/${number}/preview`, { orderNumber: number, limitPrice: 11.5, orderLineNumber: 1 });
    expect(preview.status).toBe(200);
    const modified = await call("PATCH", `/accounts/${SMITH}/orders/${number}`, { orderNumber: number, limitPrice: 11.5, validationCode: preview.body.previewOrder.validationCode });
    expect(modified.status).toBe(200);
    expect(modified.body.ordersCollection.orders[0]).toMatchObject({ limitPrice: 11.5, lastStatus: "modified" });
    expect(events[events.length - 1]).toEqual({ name: "OrderModified", message: expect.objectContaining({ number, status: "modified", limitPrice: 11.5 }) });
    const wrongNumber = await call("PATCH", `/accounts/${SMITH}/orders/${number}`, { orderNumber: number + 1, limitPrice: 11.6 });
    expect(wrongNumber.body.developerMessage).toBe(`orderNumber: ${number + 1} differs from the order number ${number} in the path.`);
  });

  it("lists open orders and the history of a month", async () => {
    const open = await call("GET", `/accounts/${SMITH}/orders?status=open&range=0-0`);
    expect(open.status).toBe(200);
    expect(open.body.ordersCollection.orders).toHaveLength(1);
    expect(open.body.ordersCollection.orders[0].lastStatus).toBe("modified");
    const history = await call("GET", `/accounts/${SMITH}/orders/history?year=2026&month=1`);
    // Placed so far in this file: the market buy, the filled limit, the canceled and the modified order.
    expect(history.body.count).toBe(4);
    const seeded = await call("GET", `/accounts/190126781/orders/history?year=2024&month=11`, undefined, (await sandbox.signIn("jansen")).access_token);
    expect(seeded.body.ordersCollection.orders).toEqual([expect.objectContaining({ instrument: { id: "aSm1L", name: "ASML HOLDING" }, lastStatus: "executed", quantity: 40 })]);
    expect((await call("GET", `/accounts/${SMITH}/orders/history?year=2026`)).body.developerMessage).toBe("month: is required.");
    expect((await call("GET", `/accounts/${SMITH}/orders/history?year=2026&month=13`)).body.developerMessage).toBe("month: 13 is above 12.");
    expect((await call("GET", `/accounts/${SMITH}/orders?status=pending`)).status).toBe(400);
  });

  it("breaks down the costs of an order", async () => {
    const costs = await call("POST", `/accounts/${SMITH}/orders/costs`, limitBuy(100, 12.5));
    expect(costs.status).toBe(200);
    expect(costs.body.costsCollection.legs[0].categories.map((category: { name: string }) => category.name)).toEqual(["Service costs", "Product costs", "Total costs"]);
    expect(costs.body.costsCollection.legs[0].categories[2]).toMatchObject({ valueInEuro: 3.63 });
  });

  it.each<[string, unknown, number, string]>([
    ["a JSON array", [1, 2, 3], 400, "body: must be a JSON object, not an array of 3 items."],
    ["a huge array", new Array(5000).fill(0), 400, "body: must be a JSON object, not an array of 5000 items."],
    ["a wrongly typed quantity", { type: "market", quantity: "ten", duration: "day", cash: { side: "buy", instrumentId: ING } }, 400, "quantity: the string 'ten' is not a number."],
    ["a missing duration", { type: "market", quantity: 1, cash: { side: "buy", instrumentId: ING } }, 400, "duration: is required (one of day, goodTillCancelled, goodTillDate)."],
    ["an unknown instrument", { type: "market", quantity: 1, duration: "day", cash: { side: "buy", instrumentId: "zzzzz" } }, 400, "cash.instrumentId: 'zzzzz' is not a known instrument."],
    ["an option block on an equity", { type: "market", quantity: 1, duration: "day", option: { leg1: { side: "buy", instrumentId: ING } } }, 400, "option.leg1.instrumentId: 'iNg01' is of type equity; the option block takes options."],
    ["invalid JSON", "{\"type\":", 400, "The request body is not valid JSON"],
  ])("refuses %s with a clear error", async (_name, body, status, message) => {
    const answer = await call("POST", `/accounts/${SMITH}/orders/preview`, body);
    expect(answer.status).toBe(status);
    expect(answer.body.developerMessage).toContain(message);
  });

  it("refuses an oversized body with 413", async () => {
    const answer = await call("POST", `/accounts/${SMITH}/orders/preview`, { referenceId: "x".repeat(200_000) });
    expect(answer.status).toBe(413);
  });

  it("refuses orders on an account of another person (400: the order operations declare no 404)", async () => {
    const answer = await call("POST", "/accounts/190126781/orders/preview", limitBuy(1, 12));
    expect(answer.status).toBe(400);
    expect(answer.body.errorId).toBe("noMatchingAccountInfoFound");
    expect((await call("GET", "/accounts/190126781/orders/3001")).status).toBe(400);
  });

  it("refuses every write operation in a read-only session", async () => {
    const readOnly = (await sandbox.signIn("smith", { readOnly: true })).access_token;
    for (const [method, path] of [["POST", "/orders/preview"], ["POST", "/orders"], ["DELETE", "/orders/3001"]]) {
      const answer = await call(method, `/accounts/${SMITH}${path}`, method === "DELETE" ? undefined : limitBuy(1, 12), readOnly);
      expect(answer.status).toBe(401);
      expect(answer.body.errorId).toBe("noAuthorization");
    }
    expect((await call("GET", `/accounts/${SMITH}/orders`, undefined, readOnly)).status).toBe(200);
  });

  it("previews an order on a savings account as not registrable (200, the reason in the customer's language); costs answer 422", async () => {
    const jansen = (await sandbox.signIn("jansen")).access_token;
    const answer = await call("POST", "/accounts/190126799/orders/preview", limitBuy(1, 12), jansen);
    expect(answer.status).toBe(200);
    expect(answer.body.previewOrder).toEqual({
      orderCanBeRegistered: false, warningsToBeShown: ["Met deze rekening mag u dit product niet verhandelen (equities)."], warningsToBeConfirmed: [],
      positionEffect: "open", currency: "EUR",
    });
    const costs = await call("POST", "/accounts/190126799/orders/costs", limitBuy(1, 12), jansen);
    expect(costs.status).toBe(422);
    expect(costs.body).toMatchObject({ errorId: "productNotEnabled", endUserMessage: "Met deze rekening mag u dit product niet verhandelen (equities)." });
  });

  it("answers 404 for an unknown order number and 400 for a non-numeric one", async () => {
    expect((await call("GET", `/accounts/${SMITH}/orders/999999`)).body.errorId).toBe("orderNumberIsIncorrect");
    expect((await call("GET", `/accounts/${SMITH}/orders/abc`)).body.developerMessage).toBe("number: 'abc' is not an order number (a whole number).");
  });
});
