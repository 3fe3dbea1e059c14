import type { HubConnection } from "@microsoft/signalr";
import { systemClock } from "../../src/core/clock";
import { InstrumentResolver } from "../../src/core/instruments/instrument-resolver";
import type { OpenOrders, OrderDesk, OrderPreview, PlacementOutcome } from "../../src/core/orders/contract";
import { createOrderDesk } from "../../src/core/orders/order-desk";
import { BinckRestClient, type FetchLike } from "../../src/core/rest/client";
import { OrderRequests } from "../../src/core/rest/order-requests";
import { RequestBudget } from "../../src/core/rest/request-budget";
import type { SessionState } from "../../src/core/session/session-manager";
import { MemoryStorage } from "../../src/core/session/storage";
import type { TokenSource } from "../../src/core/session/token-source";
import type { OrderModel } from "../../src/core/wire/models";
import { HubEvent, type OrderEventMessage, type OrderEventName } from "../../src/core/wire/realtime";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { connectHub } from "./realtime-helpers";

const SMITH = "190300007";

/** One signed-in runtime's desk against the sandbox, with every request it sent. */
interface World {
  desk: OrderDesk;
  token: string;
  sent: { method: string; path: string }[];
  events: OrderEventMessage[];
  waitForEvent(test: (event: OrderEventMessage) => boolean): Promise<OrderEventMessage>;
  storage: MemoryStorage;
  close(): Promise<void>;
}

describe("The order desk against the sandbox", () => {
  let sandbox: TestSandbox;
  let product: { id: string; isin: string; mic: string; name: string };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const kidInstrument = sandbox.sandbox.ctx.market.catalogue.list("allInstruments")
      .find((instrument) => instrument.quotable && instrument.model.isTradable && instrument.model.isKidApplicable && instrument.model.type === "turbo" && instrument.model.currency === "EUR");
    if (!kidInstrument) throw new Error("The sandbox has no tradable turbo (a product with a KID).");
    const model = kidInstrument.model;
    product = { id: model.id, isin: model.isincode!, mic: model.marketIdentificationCode!, name: model.name };
  });
  afterAll(() => sandbox.close());

  /** A fresh session (its own 50-a-minute limit) and desk; the hub delivers smith's order events. */
  async function world(options: { readOnly?: boolean } = {}): Promise<World> {
    const tokens = await sandbox.signIn("smith", { readOnly: options.readOnly });
    const token = tokens.access_token;
    const tokenSource: TokenSource = { getAccessToken: () => token, renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
    const sent: World["sent"] = [];
    const counted: FetchLike = (url, init) => {
      sent.push({ method: init?.method ?? "GET", path: new URL(url).pathname.replace("/api/v1", "") });
      return globalThis.fetch(url, init);
    };
    const rest = new BinckRestClient(`${sandbox.urls.api}/api/v1`, tokenSource, counted, undefined, new RequestBudget(systemClock));
    const hub: HubConnection = await connectHub(sandbox, token);
    const events: OrderEventMessage[] = [];
    let waiters: { test: (event: OrderEventMessage) => boolean; resolve: (event: OrderEventMessage) => void }[] = [];
    const listeners = new Set<(name: OrderEventName, message: OrderEventMessage) => void>();
    for (const name of [HubEvent.OrderStatus, HubEvent.OrderModified, HubEvent.OrderExecution] as const) {
      hub.on(name, (message: OrderEventMessage) => {
        events.push(message);
        for (const listener of [...listeners]) listener(name, message);
        waiters = waiters.filter((waiter) => !(waiter.test(message) && (waiter.resolve(message), true)));
      });
    }
    expect(await hub.invoke("SubscribeOrders", SMITH)).toEqual({ isSucceeded: true });
    const session: SessionState = { status: "signedIn", realm: "bincknlapi", scope: tokens.scope, readOnly: options.readOnly ?? false, expiresAtMs: Date.now() + 3_600_000 };
    const storage = new MemoryStorage();
    const desk = createOrderDesk({
      api: new OrderRequests(rest),
      resolver: new InstrumentResolver({ lookup: rest, clock: systemClock }),
      session: { current: () => session, onChange: () => () => undefined },
      feed: { watchOrders: (listener) => (listeners.add(listener), () => listeners.delete(listener)) },
      storage,
      workbookKey: "url:https://example.test/Orders.xlsx",
      clock: systemClock,
      defaultAccount: () => SMITH,
    });
    return {
      desk, token, sent, events, storage,
      waitForEvent: (test) => {
        const seen = events.find(test);
        return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ test, resolve }));
      },
      close: () => hub.stop(),
    };
  }

  async function ordersWithReference(token: string, referenceId: string): Promise<OrderModel[]> {
    const response = await sandbox.api(`/api/v1/accounts/${SMITH}/orders?status=all&range=0-99`, { token });
    const body = (await response.json()) as { ordersCollection: { orders?: OrderModel[] } };
    return (body.ordersCollection.orders ?? []).filter((order) => order.referenceId === referenceId);
  }

  async function checkedPreview(w: World, fields: Record<string, string | number>): Promise<OrderPreview> {
    const check = await w.desk.check({ accountNumber: SMITH, side: "buy", quantity: 3, ...fields });
    if (!check.ok) throw new Error(`check failed: ${check.problems.map((problem) => problem.message).join(" | ")}`);
    return w.desk.preview(check.order);
  }

  it("previews a turbo by ISIN:MIC with its warnings, costs and KID, then places it with the validationCode and referenceId and sees the fill", async () => {
    const w = await world();
    try {
      const preview = await checkedPreview(w, { instrument: `${product.isin}:${product.mic}` });
      expect(preview.order.instrument.id).toBe(product.id);
      expect(preview.canBeRegistered).toBe(true);
      expect(preview.validationCode).toEqual(expect.any(String));
      expect(preview.warningsToBeConfirmed.some((warning) => warning.includes(product.name))).toBe(true);
      expect(preview.kids.length).toBeGreaterThan(0);
      expect(preview.costs.totalInEuro).toBeGreaterThan(0);
      const serviceCosts = preview.costs.categories[0];
      expect(serviceCosts.subCategories.length).toBeGreaterThan(0);

      const kid = await w.desk.kidDocument(product.id, preview.kids[0].kidId);
      expect(kid.contentType).toBe("application/pdf");
      expect(Buffer.from(kid.bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      await expect(w.desk.place(preview, [])).rejects.toMatchObject({ code: "invalidInput" });
      expect(w.sent.filter((request) => request.method === "POST" && request.path === `/accounts/${SMITH}/orders`)).toHaveLength(0);

      const outcome = await w.desk.place(preview, preview.warningsToBeConfirmed);
      expect(outcome).toEqual({ kind: "placed", orderNumber: expect.any(Number), referenceId: preview.order.referenceId, recovered: false });
      const number = (outcome as { orderNumber: number }).orderNumber;
      const fill = await w.waitForEvent((event) => event.number === number && (event.status === "executed" || event.status === "completelyExecuted"));
      expect(fill.referenceId).toBe(preview.order.referenceId);
      expect(await ordersWithReference(w.token, preview.order.referenceId)).toHaveLength(1);
      expect(w.desk.journal.entries().map((entry) => [entry.referenceId, entry.result, entry.orderNumber])).toEqual([[preview.order.referenceId, "placed", number]]);
      // What an order from the ticket costs in requests: check 3, preview 3, the KID 1, placement 1.
      expect(w.sent.map((request) => `${request.method} ${request.path}`)).toEqual([
        "GET /accounts", "GET /instruments", `GET /instruments/${product.id}`,
        `POST /accounts/${SMITH}/orders/preview`, `POST /accounts/${SMITH}/orders/costs`, `GET /instruments/${product.id}/kid`,
        `GET /instruments/${product.id}/kid/${encodeURIComponent(preview.kids[0].kidId)}`, `POST /accounts/${SMITH}/orders`,
      ]);
      const stored = (await w.storage.getItem("binck.orderJournal.url:https://example.test/Orders.xlsx")) ?? "";
      expect(stored).toContain(preview.order.referenceId);
      expect(stored).not.toContain(w.token);
    } finally {
      await w.close();
    }
  });

  it("modifies a resting limit order's price through its own preview, then cancels it; the open orders follow the events", async () => {
    const w = await world();
    try {
      const quote = sandbox.sandbox.ctx.market.quote(product.id)!;
      const bid = quote.bid[0]!.price;
      const low = await lowerTick(w, bid * 0.95);
      const preview = await checkedPreview(w, { instrument: product.id, type: "limit", limitPrice: low });
      const open = w.desk.openOrders(SMITH);
      const outcome = await w.desk.place(preview, preview.warningsToBeConfirmed);
      if (outcome.kind !== "placed") throw new Error(`not placed: ${JSON.stringify(outcome)}`);
      await until(open, (orders) => orders.some((order) => order.number === outcome.orderNumber));

      const newLimit = await lowerTick(w, bid * 0.94);
      const modifyPreview = await w.desk.previewModify(SMITH, outcome.orderNumber, String(newLimit));
      expect(modifyPreview).toMatchObject({ accountNumber: SMITH, orderNumber: outcome.orderNumber, limitPrice: newLimit, canBeRegistered: true });
      expect(await w.desk.modify(modifyPreview, modifyPreview.warningsToBeConfirmed)).toEqual({ kind: "done", orderNumber: outcome.orderNumber });
      await until(open, (orders) => orders.find((order) => order.number === outcome.orderNumber)?.limitPrice === newLimit);

      expect(await w.desk.cancel(SMITH, outcome.orderNumber)).toEqual({ kind: "done", orderNumber: outcome.orderNumber });
      await w.waitForEvent((event) => event.number === outcome.orderNumber && event.status === "canceled");
      await until(open, (orders) => !orders.some((order) => order.number === outcome.orderNumber));
      expect(w.desk.journal.entries().map((entry) => entry.result)).toEqual(["placed", "modified", "cancelled"]);
      open.dispose();
    } finally {
      await w.close();
    }
  });

  it("a placement whose answer the sandbox drops is found by its referenceId: exactly one order exists", async () => {
    const w = await world();
    try {
      const preview = await checkedPreview(w, { instrument: product.id });
      expect((await sandbox.control("orders/drop-next-response")).status).toBe(200);
      const outcome = await w.desk.place(preview, preview.warningsToBeConfirmed);
      expect(outcome).toEqual({ kind: "placed", orderNumber: expect.any(Number), referenceId: preview.order.referenceId, recovered: true });
      expect(await ordersWithReference(w.token, preview.order.referenceId)).toHaveLength(1);
      expect(w.sent.filter((request) => request.method === "POST" && request.path === `/accounts/${SMITH}/orders`)).toHaveLength(1);
      // Asked again, it is not sent again.
      expect(await w.desk.place(preview, preview.warningsToBeConfirmed)).toBe(outcome);
      expect(w.sent.filter((request) => request.method === "POST" && request.path === `/accounts/${SMITH}/orders`)).toHaveLength(1);
    } finally {
      await w.close();
    }
  });

  it("concurrent and repeated confirms of one preview place exactly one order", async () => {
    const w = await world();
    try {
      const preview = await checkedPreview(w, { instrument: product.id });
      const accepted = preview.warningsToBeConfirmed;
      const outcomes: PlacementOutcome[] = await Promise.all([1, 2, 3, 4].map(() => w.desk.place(preview, accepted)));
      const again = await w.desk.place(preview, accepted);
      expect(new Set([...outcomes, again]).size).toBe(1);
      expect(again.kind).toBe("placed");
      expect(await ordersWithReference(w.token, preview.order.referenceId)).toHaveLength(1);
      expect(w.sent.filter((request) => request.method === "POST" && request.path === `/accounts/${SMITH}/orders`)).toHaveLength(1);
    } finally {
      await w.close();
    }
  });

  it("a read-only session is refused before anything is sent", async () => {
    const w = await world({ readOnly: true });
    try {
      expect(await w.desk.permission(SMITH)).toEqual({ allowed: false, reason: "readOnlySession", message: expect.stringContaining("read-only") });
      const check = await w.desk.check({ accountNumber: SMITH, instrument: product.id, side: "buy", quantity: 1 });
      // The account itself is read-only in this session (isReadOnly), so the draft names it.
      expect(check).toMatchObject({ ok: false, problems: [{ field: "accountNumber", code: "accountCannotTrade" }] });
      const before = w.sent.length;
      const fakeOrder = { referenceId: "xl-test", accountNumber: SMITH, instrument: { id: product.id } as never, side: "buy" as const, quantity: 1, type: "market" as const, duration: "day" as const };
      await expect(w.desk.preview(fakeOrder)).rejects.toMatchObject({ code: "readOnlySession" });
      await expect(w.desk.cancel(SMITH, 1)).rejects.toMatchObject({ code: "readOnlySession" });
      expect(w.sent.slice(before)).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it("bad input in every field gets its problem and sends nothing to the order operations", async () => {
    const w = await world();
    try {
      const check = await w.desk.check({
        accountNumber: "123", instrument: "NOSUCHSYMBOL", side: "hold", quantity: "2.5", type: "limit", limitPrice: "abc", stopPrice: 5, duration: "gtd", expirationDate: "2020-01-01",
      });
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.problems.map((problem) => `${problem.field}:${problem.code}`).sort()).toEqual([
        "accountNumber:accountUnknown", "expirationDate:dateInPast", "instrument:instrumentUnknown", "limitPrice:notANumber", "quantity:notWhole", "side:unknownValue", "stopPrice:notAllowedForType",
      ]);
      expect(check.problems.find((problem) => problem.field === "accountNumber")?.message).toBe(`Account '123' is not one of your accounts (${SMITH}).`);
      expect(w.sent.filter((request) => request.path.includes("/orders"))).toEqual([]);

      const offTick = await w.desk.check({ accountNumber: SMITH, instrument: product.id, side: "buy", quantity: 1, limitPrice: "10.00001" });
      expect(offTick).toMatchObject({ ok: false, problems: [{ field: "limitPrice", code: "notOnTick" }] });
      expect(w.sent.filter((request) => request.path.includes("/orders"))).toEqual([]);
    } finally {
      await w.close();
    }
  });

  /** A price on the product's grid at or below `price`, as the desk's own check finds it. */
  async function lowerTick(w: World, price: number): Promise<number> {
    const rounded = Math.round(price * 1e6) / 1e6 + 0.0000001;
    const check = await w.desk.check({ accountNumber: SMITH, instrument: product.id, side: "buy", quantity: 1, limitPrice: rounded });
    if (check.ok) return rounded;
    const tick = check.problems.find((problem) => problem.code === "notOnTick");
    if (!tick) throw new Error(`unexpected: ${JSON.stringify(check.problems)}`);
    return Number(tick.params.below);
  }
});

/** Resolves once the open orders pass `test` (now, or after a change the feed's events make). */
function until(open: OpenOrders, test: (orders: readonly OrderModel[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(open.current())) return resolve();
    const stop = open.onChange((orders) => {
      if (!test(orders)) return;
      stop();
      resolve();
    });
  });
}
