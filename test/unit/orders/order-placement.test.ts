import { BinckError } from "../../../src/core/errors";
import type { OrderPreview } from "../../../src/core/orders/contract";
import { journalStorageKey } from "../../../src/core/orders/order-journal";
import { MemoryStorage } from "../../../src/core/session/storage";
import type { OrderModel } from "../../../src/core/wire/models";
import { ACCOUNT, lostAnswer, orderModel, PREVIEW } from "./fake-order-api";
import { deskWorld, settle, SIGNED_IN } from "./desk-setup";

const JOURNAL_KEY = journalStorageKey("url:https://example.test/Book1.xlsx");

async function previewed(world: ReturnType<typeof deskWorld>): Promise<OrderPreview> {
  const check = await world.desk.check({ accountNumber: ACCOUNT, instrument: "INGA", side: "buy", quantity: 10, limitPrice: 12.34 });
  if (!check.ok) throw new Error("check failed");
  return world.desk.preview(check.order);
}

const ACCEPTED = PREVIEW.warningsToBeConfirmed;

describe("Previewing an order", () => {
  it("reads the preview, the costs and (for a KID product) the KID list together, with the referenceId in the body", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    expect(world.api.orderCalls().map((call) => call.op)).toEqual(["previewOrder", "previewOrderCosts"]);
    expect(world.api.orderCalls()[0].args[1]).toEqual({
      type: "limit", quantity: 10, duration: "day", limitPrice: 12.34, cash: { side: "buy", instrumentId: "iNg01" }, referenceId: preview.order.referenceId,
    });
    expect(preview).toMatchObject({
      canBeRegistered: true, validationCode: "code-1", warningsToBeShown: PREVIEW.warningsToBeShown, warningsToBeConfirmed: ACCEPTED, kids: [], estimatedValue: 123.4, currency: "EUR",
      costs: { totalInEuro: 6.5 },
    });
    expect(preview.costs.categories.map((category) => [category.name, category.valueInEuro, category.subCategories.length])).toEqual([
      ["Service costs", 6.5, 1], ["Product costs", 0, 0], ["Total costs", 6.5, 0],
    ]);
  });
});

describe("Placing an order: at most once per referenceId", () => {
  it("refuses before sending unless every warning to be confirmed is accepted", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    await expect(world.desk.place(preview, [])).rejects.toMatchObject({ code: "invalidInput", endUserMessage: "Accept every warning before placing the order: The limit is far from the last price." });
    await expect(world.desk.place({ ...preview, canBeRegistered: false, validationCode: undefined, warningsToBeConfirmed: [] }, [])).rejects.toMatchObject({
      code: "invalidInput", endUserMessage: "This order cannot be placed: Your order may be executed in parts.",
    });
    expect(world.api.count("registerOrder")).toBe(0);
    expect(world.desk.journal.entries()).toEqual([]);
  });

  it("writes 'placing' into the stored journal before the request leaves, then the order number", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    let storedWhenSent = "";
    const register = world.api.register;
    world.api.register = async (referenceId) => {
      storedWhenSent = (await world.storage.getItem(JOURNAL_KEY)) ?? "";
      return register(referenceId);
    };
    const outcome = await world.desk.place(preview, ACCEPTED);
    expect(outcome).toEqual({ kind: "placed", orderNumber: 1001, referenceId: preview.order.referenceId, recovered: false });
    expect(JSON.parse(storedWhenSent)).toEqual([{
      time: world.clock.now(), accountNumber: ACCOUNT, instrumentName: "ING Groep", instrumentId: "iNg01", side: "buy", quantity: 10, type: "limit", limitPrice: 12.34,
      referenceId: preview.order.referenceId, result: "placing",
    }]);
    expect(JSON.parse((await world.storage.getItem(JOURNAL_KEY))!)).toMatchObject([{ result: "placed", orderNumber: 1001 }]);
    expect(world.api.orderCalls()[2].args[1]).toMatchObject({ validationCode: "code-1", referenceId: preview.order.referenceId });
  });

  it("a double click and concurrent confirms get the first call's promise: one request", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    const first = world.desk.place(preview, ACCEPTED);
    const concurrent = [world.desk.place(preview, ACCEPTED), world.desk.place(preview, ACCEPTED)];
    const outcomes = await Promise.all([first, ...concurrent]);
    const later = await world.desk.place(preview, ACCEPTED);
    expect(new Set([...outcomes, later]).size).toBe(1);
    expect(later).toEqual({ kind: "placed", orderNumber: 1001, referenceId: preview.order.referenceId, recovered: false });
    expect(world.api.count("registerOrder")).toBe(1);
  });

  it("a lost answer: the order is looked for in today's orders first, and found there", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    world.api.register = async (referenceId) => {
      world.api.today = [orderModel(77, "xl-other"), orderModel(78, referenceId)];
      throw lostAnswer();
    };
    expect(await world.desk.place(preview, ACCEPTED)).toEqual({ kind: "placed", orderNumber: 78, referenceId: preview.order.referenceId, recovered: true });
    expect(world.api.orderCalls().slice(2).map((call) => [call.op, ...call.args.slice(0, 2)])).toEqual([
      ["registerOrder", ACCOUNT, expect.anything()], ["getOrders", ACCOUNT, { status: "all", includeStatusHistory: false }],
    ]);
    expect(world.desk.journal.entries()).toMatchObject([{ result: "placed", orderNumber: 78, message: "Found after its answer was lost." }]);
  });

  it("a lost answer (a 502 without body): not among today's orders, found in the month's history", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    world.api.register = async (referenceId) => {
      world.api.history = [orderModel(79, referenceId, { lastStatus: "executed" })];
      throw new BinckError("network", "Binck's answer to this order was lost.", "POST orders answered 502 without a body: the answer is lost", 502);
    };
    expect(await world.desk.place(preview, ACCEPTED)).toEqual({ kind: "placed", orderNumber: 79, referenceId: preview.order.referenceId, recovered: true });
    expect(world.api.orderCalls().slice(3).map((call) => [call.op, ...call.args])).toEqual([
      ["getOrders", ACCOUNT, { status: "all", includeStatusHistory: false }], ["getHistoricalOrders", ACCOUNT, 2026, 1],
    ]);
  });

  it("a lost answer whose order is nowhere: unknown, journalled, and never sent again", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    world.api.register = async () => {
      throw lostAnswer();
    };
    const outcome = await world.desk.place(preview, ACCEPTED);
    expect(outcome).toMatchObject({
      kind: "unknown", referenceId: preview.order.referenceId,
      error: { code: "network", endUserMessage: "The order's answer was lost and it was not found among your orders. Check your open orders before placing it again." },
    });
    expect(await world.desk.place(preview, ACCEPTED)).toBe(outcome);
    expect(world.api.count("registerOrder")).toBe(1);
    expect(world.desk.journal.entries()).toMatchObject([{ result: "unknown", referenceId: preview.order.referenceId }]);
    // Its order event, late, tells the journal the truth (another's referenceId changes nothing).
    world.feed.emit("OrderStatus", { number: 90, status: "placed", referenceId: "xl-someone-else" });
    world.feed.emit("OrderStatus", { number: 91, status: "placed", referenceId: preview.order.referenceId });
    await settle();
    expect(world.desk.journal.entries()).toMatchObject([{ result: "placed", orderNumber: 91, message: "Found by its order event." }]);
  });

  it("no answer within the timeout counts as lost: looked for, not sent again", async () => {
    const world = deskWorld({ policy: { answerTimeoutMs: 5_000 } });
    const preview = await previewed(world);
    world.api.register = () => new Promise<OrderModel[]>(() => undefined);
    const placing = world.desk.place(preview, ACCEPTED);
    await settle();
    expect(world.api.count("getOrders")).toBe(0);
    world.clock.advance(5_000);
    expect(await placing).toMatchObject({ kind: "unknown", error: { developerMessage: `POST orders for ${preview.order.referenceId}: no answer within 5000 ms.` } });
    expect(world.api.count("registerOrder")).toBe(1);
    expect(world.api.count("getHistoricalOrders")).toBe(1);
  });

  it("the timeout runs from when the placement leaves, not while it waits its turn in the budget", async () => {
    const world = deskWorld({ policy: { answerTimeoutMs: 5_000 } });
    const preview = await previewed(world);
    world.api.holdPlacements = true;
    const placing = world.desk.place(preview, ACCEPTED);
    await settle();
    world.clock.advance(60_000);
    await settle();
    expect(world.api.count("getOrders")).toBe(0);
    world.api.releasePlacement();
    expect(await placing).toEqual({ kind: "placed", orderNumber: 1001, referenceId: preview.order.referenceId, recovered: false });
  });

  it("an answer lost across the end of a month: the history of the month it was sent in, then of this month", async () => {
    const world = deskWorld({ startMs: Date.UTC(2026, 0, 31, 23, 59, 45), policy: { answerTimeoutMs: 30_000 } });
    const preview = await previewed(world);
    world.api.register = () => new Promise<OrderModel[]>(() => undefined);
    const placing = world.desk.place(preview, ACCEPTED);
    await settle();
    world.clock.advance(30_000);
    expect(await placing).toMatchObject({ kind: "unknown" });
    expect(world.api.calls.filter((call) => call.op === "getHistoricalOrders").map((call) => call.args)).toEqual([[ACCOUNT, 2026, 1], [ACCOUNT, 2026, 2]]);
  });

  it("Binck's refusal (422) is 'refused' with its endUserMessage; nothing is looked for", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    world.api.register = async () => {
      throw new BinckError("api", "Your spending limit is too low.", "POST orders answered 422: orderNotValid", 422);
    };
    expect(await world.desk.place(preview, ACCEPTED)).toMatchObject({ kind: "refused", error: { endUserMessage: "Your spending limit is too low." } });
    expect(world.api.count("getOrders")).toBe(0);
    expect(world.desk.journal.entries()).toMatchObject([{ result: "refused", message: "Your spending limit is too low." }]);
  });

  it("a placement a closed runtime left 'placing' is looked for, not sent", async () => {
    const storage = new MemoryStorage();
    const first = deskWorld({ storage });
    const preview = await previewed(first);
    first.api.register = () => new Promise<OrderModel[]>(() => undefined);
    void first.desk.place(preview, ACCEPTED);
    await settle();
    expect(first.desk.journal.entries()).toMatchObject([{ result: "placing" }]);

    const reopened = deskWorld({ storage });
    reopened.api.today = [orderModel(80, preview.order.referenceId)];
    expect(await reopened.desk.place(preview, ACCEPTED)).toEqual({ kind: "placed", orderNumber: 80, referenceId: preview.order.referenceId, recovered: true });
    expect(reopened.api.count("registerOrder")).toBe(0);
  });

  it("a read-only session or a signed-out one is refused before anything is sent", async () => {
    const world = deskWorld();
    const preview = await previewed(world);
    const sentBefore = world.api.calls.length;
    world.setSession({ status: "signedIn", realm: "bincknlapi", scope: "read write", readOnly: true, expiresAtMs: SIGNED_IN.status === "signedIn" ? SIGNED_IN.expiresAtMs : 0 });
    expect(await world.desk.permission(ACCOUNT)).toEqual({
      allowed: false, reason: "readOnlySession", message: "This session is read-only (the SMS step was skipped at sign-in): sign in again with the SMS code to trade.",
    });
    await expect(world.desk.place(preview, ACCEPTED)).rejects.toMatchObject({ code: "readOnlySession" });
    await expect(world.desk.preview(preview.order)).rejects.toMatchObject({ code: "readOnlySession" });
    await expect(world.desk.cancel(ACCOUNT, 1)).rejects.toMatchObject({ code: "readOnlySession" });
    world.setSession({ status: "signedOut" });
    expect(await world.desk.permission(ACCOUNT)).toEqual({ allowed: false, reason: "signedOut", message: "Sign in to Binck to trade." });
    await expect(world.desk.place(preview, ACCEPTED)).rejects.toMatchObject({ code: "signInRequired" });
    expect(world.api.calls.length).toBe(sentBefore);
  });

  it("an account without trading is refused with its name", async () => {
    const world = deskWorld();
    expect(await world.desk.permission("190126799")).toEqual({ allowed: false, reason: "accountCannotTrade", message: "Account 190126799 (A. Jansen — Sparen) cannot trade." });
    expect(await world.desk.permission(ACCOUNT)).toEqual({ allowed: true });
  });
});
