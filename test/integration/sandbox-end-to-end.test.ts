import type { HubConnection } from "@microsoft/signalr";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { connectHub, EventRecorder } from "./realtime-helpers";

/**
 * The parts together, as a client meets them: the simulated market streamed by the hub to the official client,
 * and an order placed over REST whose events arrive on the same connection.
 */
describe("the sandbox end to end (simulated market, REST, hub)", () => {
  const ACCOUNT = "190126781";
  let sandbox: TestSandbox;
  let hub: HubConnection;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ ticksPerSecond: 20 });
    token = (await sandbox.signIn("jansen")).access_token;
    hub = await connectHub(sandbox, token);
  });
  afterAll(async () => {
    await hub.stop();
    await sandbox.close();
  });

  async function instrumentByIsin(isin: string, mic: string): Promise<{ id: string }> {
    const response = await sandbox.api(`/api/v1/instruments?accountNumber=${ACCOUNT}&isin=${isin}&mic=${mic}`, { token });
    return (await response.json()).instrumentsCollection.instruments[0];
  }

  it("streams a qi snapshot with five book levels, then qu updates consistent with REST", async () => {
    const asml = await instrumentByIsin("NL0010273215", "XAMS");
    const quotes = new EventRecorder<{ id: string; lvl: number; sdt: string; qt: Array<{ msg: string; typ: string; prc?: number }> }>(hub, "Quote");
    expect(await hub.invoke("SubscribeQuotes", ACCOUNT, [asml.id], "Book")).toEqual({ isSucceeded: true, subcount: 1 });
    const [snapshot] = await quotes.waitForCount(1);
    expect(snapshot).toMatchObject({ id: asml.id, lvl: 2, sdt: expect.stringMatching(/Z$/) });
    expect(snapshot.qt.every((item) => item.msg === "qi")).toBe(true);
    const types = snapshot.qt.map((item) => item.typ);
    for (const typ of ["lst", "bid", "bid2", "bid3", "bid4", "bid5", "ask", "ask2", "ask3", "ask4", "ask5"]) expect(types).toContain(typ);
    const updates = await quotes.waitForCount(3);
    expect(updates.slice(1).every((message) => message.qt.every((item) => item.msg === "qu"))).toBe(true);
    const rest = await (await sandbox.api(`/api/v1/quotes?accountNumber=${ACCOUNT}&instrumentIds=${asml.id}&level=fullBook`, { token })).json();
    const [quote] = rest.quotesCollection.quotes;
    expect(quote.bid).toHaveLength(5);
    expect(quote.bid[0].price).toBeLessThan(quote.ask[0].price);
    await hub.invoke("UnSubscribeQuotes", [asml.id]);
  });

  it("sends an order's events on the hub while REST answers: preview, place, fill", async () => {
    const ing = await instrumentByIsin("NL0011821202", "XAMS");
    const statuses = new EventRecorder<{ accountNumber: string; number: number; status: string; instrument: { id: string } }>(hub, "OrderStatus");
    const executions = new EventRecorder<{ number: number; status: string }>(hub, "OrderExecution");
    expect(await hub.invoke("SubscribeOrders", ACCOUNT)).toEqual({ isSucceeded: true });
    const order = { type: "market", quantity: 5, duration: "day", cash: { side: "buy", instrumentId: ing.id }, referenceId: "e2e-1" };
    const preview = await (await sandbox.api(`/api/v1/accounts/${ACCOUNT}/orders/preview`, { method: "POST", token, body: JSON.stringify(order) })).json();
    expect(preview.previewOrder.orderCanBeRegistered).toBe(true);
    const placed = await sandbox.api(`/api/v1/accounts/${ACCOUNT}/orders`, { method: "POST", token, body: JSON.stringify({ ...order, validationCode: preview.previewOrder.validationCode }) });
    expect(placed.status).toBe(201);
    const number = (await placed.json()).ordersCollection.orders[0].number;
    const [execution] = await executions.waitForCount(1);
    expect(execution).toMatchObject({ number, status: "completelyExecuted" });
    expect(statuses.received.filter((event) => event.number === number).map((event) => event.status)).toEqual(["placed", "placementConfirmed"]);
    expect(statuses.received[0]).toMatchObject({ accountNumber: ACCOUNT, instrument: { id: ing.id } });
    const position = await (await sandbox.api(`/api/v1/accounts/${ACCOUNT}/positions/${ing.id}`, { token })).json();
    expect(position.positionsCollection.positions[0].quantity).toBe(505);
  });
});
