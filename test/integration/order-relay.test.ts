import { systemClock } from "../../src/core/clock";
import { InstrumentResolver } from "../../src/core/instruments/instrument-resolver";
import { createOrderDesk } from "../../src/core/orders/order-desk";
import { BinckRestClient } from "../../src/core/rest/client";
import { OrderRequests } from "../../src/core/rest/order-requests";
import { RequestBudget } from "../../src/core/rest/request-budget";
import type { SessionState } from "../../src/core/session/session-manager";
import { MemoryStorage } from "../../src/core/session/storage";
import type { TokenSource } from "../../src/core/session/token-source";
import type { OrderModel } from "../../src/core/wire/models";
import { startBrokerWorld, type BrokerWorld } from "../support/broker";

const SMITH = "190300007";

/** Placements through the broker's order relay against the sandbox: each referenceId reaches Binck once. */
describe("the broker's order relay", () => {
  let world: BrokerWorld;
  let token: string;
  let serial = 0;
  let equity: string;
  beforeAll(async () => {
    world = await startBrokerWorld();
    token = (await world.sandbox.signIn("smith")).access_token;
    const found = world.sandbox.sandbox.ctx.market.catalogue.list("allInstruments")
      .find((instrument) => instrument.quotable && instrument.model.isTradable && instrument.model.type === "equity" && instrument.model.currency === "EUR");
    if (!found) throw new Error("The sandbox has no tradable EUR equity.");
    equity = found.model.id;
  });
  afterAll(() => world.close());

  const relayUrl = () => `${world.broker.url}/auth/orders`;
  const newReference = () => `relay-test-${Date.now().toString(36)}-${++serial}`;
  const placements = () => world.upstreamCalls.filter((call) => call === `POST /api/v1/accounts/${SMITH}/orders`).length;

  /** A market buy, previewed at the sandbox for its validationCode. */
  async function previewedOrder(referenceId: string): Promise<Record<string, unknown>> {
    const order = { type: "market", quantity: 2, duration: "day", cash: { side: "buy", instrumentId: equity }, referenceId };
    const preview = await world.sandbox.api(`/api/v1/accounts/${SMITH}/orders/preview`, { method: "POST", token, body: JSON.stringify(order) });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { previewOrder: { validationCode: string } };
    return { ...order, validationCode: body.previewOrder.validationCode };
  }

  async function relay(body: unknown, options: { account?: string; bearer?: string | null; contentType?: string } = {}): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { "Content-Type": options.contentType ?? "application/json" };
    if (options.bearer !== null) headers.Authorization = `Bearer ${options.bearer ?? token}`;
    const response = await fetch(`${relayUrl()}/${options.account ?? SMITH}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  async function ordersWithReference(referenceId: string): Promise<OrderModel[]> {
    const response = await world.sandbox.api(`/api/v1/accounts/${SMITH}/orders?status=all&range=0-99`, { token });
    const body = (await response.json()) as { ordersCollection: { orders?: OrderModel[] } };
    return (body.ordersCollection.orders ?? []).filter((order) => order.referenceId === referenceId);
  }

  it("sends two concurrent identical placements to Binck once and gives both the one answer", async () => {
    const referenceId = newReference();
    const order = await previewedOrder(referenceId);
    const before = placements();
    const [first, second] = await Promise.all([relay(order), relay(order)]);
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    expect(first.body.ordersCollection.orders[0]).toMatchObject({ referenceId, quantity: 2, type: "market", instrument: { id: equity } });
    expect(placements() - before).toBe(1);
    expect(await ordersWithReference(referenceId)).toHaveLength(1);
  });

  it("answers a repeat after the answer with the stored answer, still one order", async () => {
    const referenceId = newReference();
    const order = await previewedOrder(referenceId);
    const before = placements();
    const first = await relay(order);
    expect(first.status).toBe(201);
    const again = await relay(order);
    expect(again).toEqual(first);
    expect(placements() - before).toBe(1);
    expect(await ordersWithReference(referenceId)).toHaveLength(1);
  });

  it("passes Binck's refusal on unchanged", async () => {
    const { validationCode: _code, ...order } = await previewedOrder(newReference());
    const refused = await relay({ ...order, quantity: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errorCode: "BadRequest", errorId: "validationError", endUserMessage: "The request contains invalid data.", developerMessage: "quantity: 0 is not a whole number above 0.",
    });
  });

  it("answers answerLost when Binck's answer is lost, and the same to a repeat; one order exists", async () => {
    const referenceId = newReference();
    const order = await previewedOrder(referenceId);
    expect((await world.sandbox.control("orders/drop-next-response")).status).toBe(200);
    const lost = await relay(order);
    expect(lost.status).toBe(502);
    expect(lost.body).toEqual({
      errorCode: "answerLost",
      endUserMessage: "Binck's answer to this order was lost. The add-in looks the order up before anything else.",
      developerMessage: expect.stringContaining(`referenceId ${referenceId}: The Binck API (${world.sandbox.urls.api}) cannot be reached: the connection was closed before an answer came`),
    });
    expect(await relay(order)).toEqual(lost);
    expect(await ordersWithReference(referenceId)).toHaveLength(1);
  });

  it("the desk places through the relay and recovers a lost answer as placed, with one order", async () => {
    const tokens: TokenSource = { getAccessToken: () => token, renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
    const rest = new BinckRestClient(`${world.sandbox.urls.api}/api/v1`, tokens, undefined, undefined, new RequestBudget(systemClock));
    const session: SessionState = { status: "signedIn", realm: "bincknlapi", scope: "read write news quotes", readOnly: false, expiresAtMs: Date.now() + 3_600_000 };
    const desk = createOrderDesk({
      api: new OrderRequests(rest, relayUrl()),
      resolver: new InstrumentResolver({ lookup: rest, clock: systemClock }),
      session: { current: () => session, onChange: () => () => undefined },
      feed: { watchOrders: () => () => undefined },
      storage: new MemoryStorage(),
      workbookKey: "url:https://example.test/Relay.xlsx",
      clock: systemClock,
      defaultAccount: () => SMITH,
    });
    const check = await desk.check({ accountNumber: SMITH, side: "buy", quantity: 1, instrument: equity, type: "market" });
    if (!check.ok) throw new Error(check.problems.map((problem) => problem.message).join(" | "));
    const preview = await desk.preview(check.order);
    const before = placements();
    expect((await world.sandbox.control("orders/drop-next-response")).status).toBe(200);
    const outcome = await desk.place(preview, preview.warningsToBeConfirmed);
    expect(outcome).toEqual({ kind: "placed", orderNumber: expect.any(Number), referenceId: preview.order.referenceId, recovered: true });
    expect(placements() - before).toBe(1);
    expect(await ordersWithReference(preview.order.referenceId)).toHaveLength(1);
  });

  it.each([
    ["a missing referenceId", { type: "market", quantity: 1, duration: "day", cash: { side: "buy", instrumentId: "x1" } },
      "referenceId (missing) must be text of 1 to 40 characters: the relay sends each referenceId to Binck once."],
    ["a referenceId of 41 characters", { type: "market", quantity: 1, duration: "day", referenceId: "r".repeat(41) },
      `referenceId "${"r".repeat(41)}" must be text of 1 to 40 characters: the relay sends each referenceId to Binck once.`],
    ["an unknown field", { type: "market", quantity: 1, duration: "day", referenceId: "r1", accountNumber: SMITH },
      "Field 'accountNumber' is not part of NewOrderModel; it has type, quantity, duration, expirationDate, limitPrice, stopPrice, cash, srd, future, option, validationCode, referenceId."],
    ["a bad type", { type: "ioc", quantity: 1, duration: "day", referenceId: "r1" }, "type \"ioc\" must be one of limit, market, stop, stopLimit."],
    ["a quantity as text", { type: "market", quantity: "1", duration: "day", referenceId: "r1" }, "quantity \"1\" must be a number."],
    ["a missing duration", { type: "market", quantity: 1, referenceId: "r1" }, "duration (missing) must be one of day, goodTillCancelled, goodTillDate."],
    ["an array", [1], "The body must be a NewOrderModel JSON object (swagger.json, Orders_RegisterOrder) sent as application/json."],
  ])("refuses %s with 400 naming the field, sending nothing", async (_name, body, message) => {
    const before = placements();
    const answer = await relay(body);
    expect(answer).toEqual({ status: 400, body: { errorCode: "invalidRequest", endUserMessage: `The order was not sent: ${message}`, developerMessage: message } });
    expect(placements()).toBe(before);
  });

  it("refuses a bad account number, a missing token and another media type", async () => {
    const order = { type: "market", quantity: 1, duration: "day", referenceId: "r1" };
    expect(await relay(order, { account: "19-03" })).toMatchObject({ status: 400, body: { developerMessage: "accountNumber '19-03' in the path is not an account number (3 to 15 letters or digits)." } });
    expect(await relay(order, { bearer: null })).toMatchObject({ status: 401, body: { errorCode: "signInRequired" } });
    expect(await relay(JSON.stringify(order), { contentType: "text/plain" })).toMatchObject({ status: 415, body: { errorCode: "invalidRequest" } });
  });

  it("never wrote the access token into its log", () => {
    expect(world.logLines.some((line) => line.includes("Order relay"))).toBe(true);
    for (const line of world.logLines) expect(line).not.toContain(token);
  });
});
