import { HttpTransportType, HubConnectionState, type HubConnection } from "@microsoft/signalr";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { expectFeedPastExpiryAfterExtend, expectFeedToStopAtExpiry, useExpirySandbox } from "./realtime-expiry";
import {
  closed, connectHub, EventRecorder, JANSEN_TRADING, orderEvent, reconnectEvents, signOutSession, until, withTimeout, type ClientOptions,
} from "./realtime-helpers";

/** The three transports the hub offers (API.md 5.1); the official client is told to use exactly one. */
const TRANSPORTS = [
  ["ServerSentEvents", HttpTransportType.ServerSentEvents],
  ["LongPolling", HttpTransportType.LongPolling],
  ["WebSockets", HttpTransportType.WebSockets],
] as const;

describe.each(TRANSPORTS)("realtime hub over %s with the official client", (name, transport) => {
  let sandbox: TestSandbox;
  let market: FakeMarket;
  const logLines: string[] = [];
  const open: HubConnection[] = [];
  const connect = async (token: string, options: ClientOptions = {}) => {
    const connection = await connectHub(sandbox, token, { transport, ...options });
    open.push(connection);
    return connection;
  };
  beforeAll(async () => {
    market = new FakeMarket();
    sandbox = await startTestSandbox({ market, logger: { log: (level, message) => logLines.push(`${level} ${message}`) } });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((connection) => connection.stop()));
    market.reset();
    await sandbox.control("maintenance", { on: false });
  });
  afterAll(async () => {
    await sandbox.close();
    expect(logLines.filter((line) => line.startsWith("error"))).toEqual([]);
  });

  it(`connects over ${name}, which the hub reports in its log`, async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token);
    expect(hub.state).toBe(HubConnectionState.Connected);
    expect(logLines.some((line) => line.includes(`Realtime connection ${hub.connectionId} opened over ${name} for jansen`))).toBe(true);
  });

  it("answers SubscribeQuotes, sends the qi snapshot, then a qu update", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token);
    const quotes = new EventRecorder(hub, "Quote");
    expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    const [snapshot] = await quotes.waitForCount(1);
    expect(snapshot).toEqual({
      id: "aSm1L", lvl: 0, sdt: expect.any(String),
      qt: [{ msg: "qi", typ: "lst", prc: 600, vol: 100, dt: expect.any(String) }, { msg: "qi", typ: "vol", prc: 0, vol: 0 }],
    });
    market.setLast("aSm1L", 601.5, 30);
    const [, update] = await quotes.waitForCount(2);
    expect(update.qt).toEqual([{ msg: "qu", typ: "lst", prc: 601.5, vol: 30, dt: expect.any(String) }, { msg: "qu", typ: "vol", prc: 0, vol: 30 }]);
  });

  it("delivers an order event after SubscribeOrders", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token);
    const orders = new EventRecorder(hub, "OrderStatus");
    expect(await hub.invoke("SubscribeOrders", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    sandbox.sandbox.ctx.events.emit("order", { name: "OrderStatus", message: orderEvent(JANSEN_TRADING, 3021) });
    expect(await orders.waitForCount(1)).toEqual([orderEvent(JANSEN_TRADING, 3021)]);
  });

  it("keeps many pushes of one turn in order and complete", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token);
    const orders = new EventRecorder(hub, "OrderStatus");
    await hub.invoke("SubscribeOrders", JANSEN_TRADING);
    for (let number = 1; number <= 500; number += 1) sandbox.sandbox.ctx.events.emit("order", { name: "OrderStatus", message: orderEvent(JANSEN_TRADING, number) });
    const received = await orders.waitForCount(500);
    expect(received.map((message) => message.number)).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
  });

  it("reconnects by itself after POST /_sandbox/realtime/drop, with a new connection id and no server-side subscriptions", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token, { reconnectDelaysMs: [0, 50, 200, 500] });
    const firstId = hub.connectionId;
    await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades");
    expect(market.watcherCount("iNg01")).toBe(1);
    const { reconnecting, reconnected } = reconnectEvents(hub);
    expect(await (await sandbox.control("realtime/drop")).json()).toEqual({ dropped: true });
    await withTimeout(reconnecting, 5000, "onreconnecting");
    const newId = await withTimeout(reconnected, 5000, "onreconnected");
    expect(newId).toEqual(expect.any(String));
    expect(newId).not.toBe(firstId);
    expect(market.watcherCount("iNg01")).toBe(0);
    const quotes = new EventRecorder(hub, "Quote");
    expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    market.setLast("iNg01", 12.5);
    const [, update] = await quotes.waitForCount(2);
    expect(update.qt[0]).toMatchObject({ msg: "qu", prc: 12.5 });
  });

  it("cuts off a second connection with the same token when it subscribes; the first keeps streaming", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const first = await connect(access_token);
    const quotes = new EventRecorder(first, "Quote");
    await first.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades");
    const second = await connect(access_token);
    const secondClosed = closed(second);
    await expect(second.invoke("SubscribeNews", JANSEN_TRADING)).rejects.toThrow("Another realtime connection already streams with this access token");
    expect((await secondClosed)?.message).toContain("Server returned an error on close: Another realtime connection already streams with this access token");
    market.setLast("aSm1L", 605);
    const [, update] = await quotes.waitForCount(2);
    expect(update.qt[0]).toMatchObject({ msg: "qu", prc: 605 });
  });

  it("closes without reconnect when the session ends", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token, { reconnectDelaysMs: [0] });
    const done = closed(hub);
    signOutSession(sandbox, access_token);
    expect((await done)?.message).toBe("Server returned an error on close: The session has ended (signedOut); sign in again.");
    expect(hub.state).toBe(HubConnectionState.Disconnected);
  });

  it("closes for maintenance with reconnect allowed, and comes back once it is over", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token, { reconnectDelaysMs: Array.from({ length: 40 }, () => 50) });
    const { reconnecting, reconnected } = reconnectEvents(hub);
    await sandbox.control("maintenance", { on: true });
    expect((await withTimeout(reconnecting, 5000, "onreconnecting"))?.message).toBe(
      "Server returned an error on close: Binck is down for planned maintenance; try again later.",
    );
    await sandbox.control("maintenance", { on: false });
    await withTimeout(reconnected, 5000, "onreconnected");
    expect(await hub.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
  });

  it("stops cleanly on the client's stop(): the hub forgets the connection", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connect(access_token);
    await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades");
    await hub.stop();
    await until(() => market.watcherCount("aSm1L") === 0 && sandbox.sandbox.realtime.connectionCount === 0, "the hub to forget the connection");
  });
});

describe.each(TRANSPORTS)("realtime hub over %s: token expiry and ExtendSubscriptions (ManualClock)", (_name, transport) => {
  const expiry = useExpirySandbox(transport);

  it("stops the feed with a clear Close when the token expires", () => expectFeedToStopAtExpiry(expiry));

  it("keeps streaming past the old token's expiry after ExtendSubscriptions (the client still sends the old token)", async () => {
    const hub = await expectFeedPastExpiryAfterExtend(expiry);
    expect(await hub.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    expect(hub.state).toBe(HubConnectionState.Connected);
  });
});
