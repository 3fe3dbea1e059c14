import { ManualClock } from "../../src/core/clock";
import { FakeMarket } from "../fakes/fake-market";
import { useOrderSandbox } from "../support/order-api";

const SMITH = "190300007";
const ING = "iNg01";

/** Order bodies as real clients send them: swagger-generated nulls, ASP.NET enum casing, impossible dates. */
describe("REST order bodies", () => {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
  const { call } = useOrderSandbox({ clock, market });

  /** A GTD limit buy as a swagger-generated client serializes it: every unused property null, enums PascalCase. */
  const generated = {
    type: "Limit", quantity: 10, duration: "GoodTillDate", expirationDate: "2026-01-09T00:00:00Z", limitPrice: 12.3, stopPrice: null,
    cash: { side: "BUY", instrumentId: ING }, srd: null, option: null, future: null, validationCode: null, referenceId: null,
  };

  it("previews and places a generated client's body, answering the wire spelling and omitting absent fields", async () => {
    const preview = await call("POST", `/accounts/${SMITH}/orders/preview`, generated);
    expect(preview.status).toBe(200);
    expect(preview.body.previewOrder).toMatchObject({ orderCanBeRegistered: true, expectedExpirationDate: "2026-01-09T16:30:00Z" });
    const placed = await call("POST", `/accounts/${SMITH}/orders`, { ...generated, validationCode: preview.body.previewOrder.validationCode });
    expect(placed.status).toBe(201);
    const [order] = placed.body.ordersCollection.orders;
    expect(order).toMatchObject({ type: "limit", side: "buy", duration: "goodTillDate", expirationDate: "2026-01-09T16:30:00Z", limitPrice: 12.3 });
    expect(order).not.toHaveProperty("referenceId");
    expect(order).not.toHaveProperty("stopPrice");
    expect(JSON.stringify(placed.body)).not.toContain("null");
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a null type", { ...generated, type: null }, "type: null is not allowed: the field is required (one of limit, market, stop, stopLimit)."],
    ["a null quantity", { ...generated, quantity: null }, "quantity: null is not allowed: the field is required."],
    ["a null side", { ...generated, cash: { side: null, instrumentId: ING } }, "cash.side: null is not allowed: the field is required (one of buy, sell)."],
    ["an impossible expirationDate", { ...generated, expirationDate: "2026-02-30" }, "expirationDate: '2026-02-30' is not a calendar date: February 2026 has 28 days."],
    ["an enum outside the swagger values", { ...generated, duration: "GoodTillDateTime" }, "duration: the string 'GoodTillDateTime' is not one of day, goodTillCancelled, goodTillDate."],
  ])("refuses %s with a 400 naming the field", async (_name, body, message) => {
    const answer = await call("POST", `/accounts/${SMITH}/orders/preview`, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errorId: "validationError", developerMessage: message });
  });

  it("previews a modification of an order that can no longer change with 200 and the reason (no 422: undeclared)", async () => {
    const order = { type: "market", quantity: 1, duration: "day", cash: { side: "buy", instrumentId: ING } };
    const preview = await call("POST", `/accounts/${SMITH}/orders/preview`, order);
    const placed = await call("POST", `/accounts/${SMITH}/orders`, { ...order, validationCode: preview.body.previewOrder.validationCode });
    const number = placed.body.ordersCollection.orders[0].number;
    const modify = await call("POST", `/accounts/${SMITH}/orders/${number}/preview`, { orderNumber: number, limitPrice: 12, validationCode: null });
    expect(modify.status).toBe(200);
    expect(modify.body.previewOrder).toEqual({
      orderCanBeRegistered: false, positionEffect: "open", currency: "EUR", warningsToBeConfirmed: [],
      warningsToBeShown: ["Only the limit price of a limit or stop-limit order can be changed; this order has no limit price."],
    });
    const nullLimit = await call("POST", `/accounts/${SMITH}/orders/${number}/preview`, { orderNumber: number, limitPrice: null });
    expect(nullLimit.status).toBe(400);
    expect(nullLimit.body.developerMessage).toBe("limitPrice: null is not allowed: the field is required.");
  });
});
