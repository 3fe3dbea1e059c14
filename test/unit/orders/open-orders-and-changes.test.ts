import { ACCOUNT, orderModel } from "./fake-order-api";
import { deskWorld, settle } from "./desk-setup";

describe("Open orders, live from the order events", () => {
  it("reads the open orders once, then follows status, limit and final events; a new order is read after its event", async () => {
    const world = deskWorld({ policy: { newOrderDelayMs: 1_000 } });
    world.api.today = [orderModel(1, "xl-a"), orderModel(2, "xl-b")];
    const open = world.desk.openOrders(ACCOUNT);
    const seen: number[][] = [];
    open.onChange((orders) => seen.push(orders.map((order) => order.number)));
    await settle();
    expect(world.api.calls.map((call) => [call.op, ...call.args])).toEqual([["getOrders", ACCOUNT, { status: "open" }]]);
    expect(open.current().map((order) => order.number)).toEqual([2, 1]);

    world.feed.emit("OrderModified", { number: 1, status: "modified", limitPrice: 12.3 });
    expect(open.current().find((order) => order.number === 1)).toMatchObject({ lastStatus: "modified", limitPrice: 12.3, lastStatusDateTime: "2026-01-05T10:00:01Z" });
    world.feed.emit("OrderStatus", { number: 2, status: "canceled" });
    world.feed.emit("OrderStatus", { number: 9, status: "placed", accountNumber: "other" });
    expect(open.current().map((order) => order.number)).toEqual([1]);

    world.feed.emit("OrderStatus", { number: 3, status: "placed" });
    await settle();
    expect(world.api.count("getOrder")).toBe(0);
    world.clock.advance(1_000);
    await settle();
    expect(world.api.calls.at(-1)).toEqual({ op: "getOrder", args: [ACCOUNT, 3] });
    expect(open.current().map((order) => order.number)).toEqual([3, 1]);

    world.feed.emit("OrderExecution", { number: 1, status: "completelyExecuted" });
    expect(open.current().map((order) => order.number)).toEqual([3]);
    expect(seen.at(-1)).toEqual([3]);
    open.dispose();
    world.feed.emit("OrderStatus", { number: 3, status: "canceled" });
    expect(open.current().map((order) => order.number)).toEqual([3]);
  });

  it("takes a placement's answer at once (no read), and a fill that beat the answer keeps the order out", async () => {
    const world = deskWorld({ policy: { newOrderDelayMs: 1_000 } });
    const open = world.desk.openOrders(ACCOUNT);
    await settle();
    const check = await world.desk.check({ accountNumber: ACCOUNT, instrument: "INGA", side: "buy", quantity: 10, limitPrice: 12.34 });
    if (!check.ok) throw new Error("check failed");
    const preview = await world.desk.preview(check.order);
    const placed = await world.desk.place(preview, preview.warningsToBeConfirmed);
    expect(placed).toMatchObject({ kind: "placed", orderNumber: 1001 });
    expect(open.current().map((order) => order.number)).toEqual([1001]);
    world.feed.emit("OrderStatus", { number: 1001, status: "placementConfirmed" });
    world.clock.advance(1_000);
    await settle();
    expect(world.api.count("getOrder")).toBe(0);

    // The fill event first, the answer of another placement after it.
    world.feed.emit("OrderExecution", { number: 1002, status: "completelyExecuted" });
    const second = await world.desk.check({ accountNumber: ACCOUNT, instrument: "INGA", side: "buy", quantity: 1 });
    if (!second.ok) throw new Error("check failed");
    await world.desk.place(await world.desk.preview(second.order), preview.warningsToBeConfirmed);
    expect(open.current().map((order) => order.number)).toEqual([1001]);
  });
});

describe("Modifying and cancelling", () => {
  it("previews a new limit on the tick grid, modifies it once the warnings are accepted, and journals it", async () => {
    const world = deskWorld();
    await expect(world.desk.previewModify(ACCOUNT, 7, "12.343")).rejects.toMatchObject({
      code: "invalidInput", endUserMessage: "Limit price 12.343 is not on the tick size 0.005 for prices from 10: use 12.34 or 12.345.",
    });
    await expect(world.desk.previewModify(ACCOUNT, 7, "abc")).rejects.toMatchObject({
      code: "invalidInput", endUserMessage: "Limit price 'abc' is not a number (digits with a dot for decimals, e.g. 12.5).",
    });
    expect(world.api.count("previewModifyOrder")).toBe(0);
    const preview = await world.desk.previewModify(ACCOUNT, 7, "12.345");
    expect(preview).toEqual({
      accountNumber: ACCOUNT, orderNumber: 7, limitPrice: 12.345, canBeRegistered: true, validationCode: "modify-code",
      warningsToBeShown: ["Your order may be executed in parts."], warningsToBeConfirmed: ["The limit is far from the last price."],
    });
    await expect(world.desk.modify(preview, [])).rejects.toMatchObject({ code: "invalidInput" });
    expect(world.api.count("modifyOrder")).toBe(0);
    expect(await world.desk.modify(preview, preview.warningsToBeConfirmed)).toEqual({ kind: "done", orderNumber: 7 });
    expect(world.api.calls.find((call) => call.op === "modifyOrder")?.args).toEqual([ACCOUNT, { orderNumber: 7, limitPrice: 12.345, validationCode: "modify-code" }]);
    expect(world.desk.journal.entries()).toMatchObject([{ result: "modified", orderNumber: 7, limitPrice: 12.345, instrumentName: "ING Groep", referenceId: "xl-a" }]);
  });

  it("cancels (the answer is the request; the event finishes it) and reports a refusal", async () => {
    const world = deskWorld();
    expect(await world.desk.cancel(ACCOUNT, 8)).toEqual({ kind: "done", orderNumber: 8 });
    expect(await world.desk.cancel(ACCOUNT, 404)).toMatchObject({ kind: "refused", orderNumber: 404, error: { status: 422, endUserMessage: "Order cannot be canceled." } });
    expect(world.desk.journal.entries().map((entry) => [entry.result, entry.orderNumber])).toEqual([["cancelled", 8]]);
  });
});
