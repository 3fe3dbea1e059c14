import { HubConnectionState, type HubConnection } from "@microsoft/signalr";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { expectFeedPastExpiryAfterExtend, expectFeedToStopAtExpiry, LIFETIME_MS, useExpirySandbox } from "./realtime-expiry";
import {
  buildHubClient, closed, connectHub, EventRecorder, JANSEN_TRADING, reconnectEvents, signOutSession, widenMarket, withTimeout,
} from "./realtime-helpers";

describe("realtime hub: negotiate and the realtime origin", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ market: new FakeMarket(), corsOrigins: ["https://addin.example"] });
  });
  afterAll(() => sandbox.close());
  const negotiate = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${sandbox.urls.realtime}/stream/v1/negotiate${query}`, { method: "POST", headers });

  const ALL_TRANSPORTS = [
    { transport: "WebSockets", transferFormats: ["Text", "Binary"] },
    { transport: "ServerSentEvents", transferFormats: ["Text"] },
    { transport: "LongPolling", transferFormats: ["Text", "Binary"] },
  ];

  it("answers negotiateVersion=1 with a connectionId, a separate connectionToken and all three transports, WebSockets first", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const response = await negotiate("?negotiateVersion=1", { Authorization: `Bearer ${access_token}` });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      negotiateVersion: 1, connectionId: expect.any(String), connectionToken: expect.any(String),
      availableTransports: ALL_TRANSPORTS,
    });
    expect(body.connectionToken).not.toBe(body.connectionId);
  });

  it("answers version 0 without a connectionToken, and takes the token from the access_token query too", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const body = await (await negotiate(`?access_token=${access_token}`)).json();
    expect(body).toEqual({ negotiateVersion: 0, connectionId: expect.any(String), availableTransports: ALL_TRANSPORTS });
  });

  it.each([
    ["no token", {}, "No access token: send 'Authorization: Bearer <access_token>'."],
    ["an unknown token", { Authorization: "Bearer not-a-token" }, "The access token is not known."],
  ])("refuses %s with 401", async (_name, headers, message) => {
    const response = await negotiate("?negotiateVersion=1", headers);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(message);
  });

  it("makes the official client's start() fail with 401 for a bad token", async () => {
    const client = buildHubClient(sandbox, "not-a-token");
    await expect(client.start()).rejects.toThrow("Failed to complete negotiation with the server: Error: The access token is not known.: Status code '401'");
  });

  it("answers the browser's CORS preflight for negotiate, with credentials and X-SignalR-User-Agent", async () => {
    const response = await fetch(`${sandbox.urls.realtime}/stream/v1/negotiate?negotiateVersion=1`, {
      method: "OPTIONS",
      headers: { Origin: "https://addin.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,x-signalr-user-agent" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://addin.example");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-headers")).toContain("X-SignalR-User-Agent");
  });

  it("serves GET /version without a token", async () => {
    const response = await fetch(`${sandbox.urls.realtime}/version`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ currentVersion: expect.stringMatching(/sandbox/), buildDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
  });

  it("answers other paths with 404", async () => {
    const other = await fetch(`${sandbox.urls.realtime}/stream/v2`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe("No such path on the realtime origin: GET /stream/v2. The hub is at /stream/v1.");
  });
});

describe("realtime hub: connection rules", () => {
  let sandbox: TestSandbox;
  let market: FakeMarket;
  const open: HubConnection[] = [];
  const track = (connection: HubConnection) => {
    open.push(connection);
    return connection;
  };
  beforeAll(async () => {
    market = new FakeMarket();
    sandbox = await startTestSandbox({ market: widenMarket(market) });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((connection) => connection.stop()));
  });
  afterAll(() => sandbox.close());

  it("cuts off a second connection with the same token when it subscribes; the first keeps streaming", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const first = track(await connectHub(sandbox, access_token));
    const quotes = new EventRecorder(first, "Quote");
    await first.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades");
    const second = track(await connectHub(sandbox, access_token));
    const secondClosed = closed(second);
    await expect(second.invoke("SubscribeNews", JANSEN_TRADING)).rejects.toThrow();
    expect((await secondClosed)?.message).toBe(
      "Server returned an error on close: Another realtime connection already streams with this access token: one connection per token (API.md 5.7). Stop the other connection, or sign in again for a second one.",
    );
    market.setLast("aSm1L", 605);
    const [, update] = await quotes.waitForCount(2);
    expect(update.qt[0]).toMatchObject({ msg: "qu", typ: "lst", prc: 605 });
    expect(first.state).toBe(HubConnectionState.Connected);
  });

  it("lets another token of the same person stream beside it", async () => {
    const one = await sandbox.signIn("jansen");
    const two = await sandbox.signIn("jansen");
    const first = track(await connectHub(sandbox, one.access_token));
    const second = track(await connectHub(sandbox, two.access_token));
    expect(await first.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    expect(await second.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
  });

  it("reconnects after POST /_sandbox/realtime/drop, with a new connection id and no server-side subscriptions", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = track(await connectHub(sandbox, access_token, { reconnectDelaysMs: [0, 50, 200, 500] }));
    const firstId = hub.connectionId;
    await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01", "aSm1L"], "Trades");
    expect(market.watcherCount("iNg01")).toBe(1);
    const { reconnecting, reconnected } = reconnectEvents(hub);
    expect(await (await sandbox.control("realtime/drop")).json()).toEqual({ dropped: true });
    expect((await withTimeout(reconnecting, 5000, "onreconnecting"))?.message).toContain("1006");
    const newId = await withTimeout(reconnected, 5000, "onreconnected");
    expect(newId).toEqual(expect.any(String));
    expect(newId).not.toBe(firstId);
    expect(market.watcherCount("iNg01")).toBe(0);
    expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
  });

  it("closes the connections of a session that ends, without reconnect", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = track(await connectHub(sandbox, access_token, { reconnectDelaysMs: [0] }));
    const done = closed(hub);
    signOutSession(sandbox, access_token);
    expect((await done)?.message).toBe("Server returned an error on close: The session has ended (signedOut); sign in again.");
    expect(hub.state).toBe(HubConnectionState.Disconnected);
  });

  it("holds at most 3,000 instruments per connection, added 100 per call", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = track(await connectHub(sandbox, access_token));
    const block = (from: number) => Array.from({ length: 100 }, (_, index) => `x${from + index}`);
    const answers = [];
    for (let start = 0; start < 3000; start += 100) answers.push(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, block(start), "Trades"));
    expect(answers.at(-1)).toEqual({ isSucceeded: true, subcount: 3000 });
    expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["x5", "aSm1L"], "Book")).toEqual({ isSucceeded: false, subcount: 3000 });
    expect(market.watcherCount("aSm1L")).toBe(0);
    expect(await hub.invoke("UnSubscribeQuotes", block(0))).toEqual({ isSucceeded: true, subcount: 2900 });
    expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Book")).toEqual({ isSucceeded: true, subcount: 2901 });
  });
});

describe("realtime hub: token expiry and ExtendSubscriptions (ManualClock)", () => {
  const expiry = useExpirySandbox();

  it("stops the feed with a clear Close when the token expires", () => expectFeedToStopAtExpiry(expiry));

  it("keeps streaming past the old token's expiry after ExtendSubscriptions, until the new one expires", async () => {
    const hub = await expectFeedPastExpiryAfterExtend(expiry);
    expect(hub.state).toBe(HubConnectionState.Connected);
    const done = closed(hub);
    expiry.clock.advance(30_000);
    expect((await done)?.message).toContain("The access token has expired");
  });

  it.each([
    ["an unknown token", () => "no-such-token", "ExtendSubscriptions refused the new access token: The access token is not known."],
    ["a token with the Bearer prefix", (token: string) => `Bearer ${token}`, "ExtendSubscriptions: pass the bare access token, without the 'Bearer ' prefix."],
  ])("refuses %s and keeps the connection", async (_name, makeToken, message) => {
    const { access_token } = await expiry.sandbox.signIn("jansen");
    const hub = await expiry.connect(access_token);
    await expect(hub.invoke("ExtendSubscriptions", makeToken(access_token))).rejects.toThrow(message);
    expect(await hub.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
  });

  it("refuses a valid token of another session, and the feed still stops on time", async () => {
    const mine = await expiry.sandbox.signIn("jansen");
    const other = await expiry.sandbox.signIn("jansen");
    const hub = await expiry.connect(mine.access_token);
    await expect(hub.invoke("ExtendSubscriptions", other.access_token)).rejects.toThrow(
      "ExtendSubscriptions refused the new access token: it belongs to another session (sign-in); pass the token refreshed from this connection's session.",
    );
    const done = closed(hub);
    expiry.clock.advance(LIFETIME_MS);
    expect((await done)?.message).toContain("The access token has expired");
  });
});
