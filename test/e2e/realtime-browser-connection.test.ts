import { ManualClock } from "../../src/core/clock";
import { LIFETIME_MS } from "../integration/realtime-expiry";
import { JANSEN_TRADING, refreshTokens, until } from "../integration/realtime-helpers";
import { useHubPage } from "../support/signalr-page";

const CUT_OFF = "Server returned an error on close: Another realtime connection already streams with this access token: one connection per token (API.md 5.7). Stop the other connection, or sign in again for a second one.";
const EXPIRED = "Server returned an error on close: The realtime feed stopped: The access token has expired; refresh it. To keep a feed going, call ExtendSubscriptions with the refreshed token before the old one expires.";

describe("realtime connection rules from headless Chromium on another HTTPS origin", () => {
  const hub = useHubPage();

  it("cuts off a second connection of the page with the same token when it subscribes, without reconnect; the first keeps streaming", async () => {
    const { access_token } = await hub.sandbox.signIn("jansen");
    const first = await hub.connect("first", access_token);
    expect(await first.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    await first.waitForMessages("Quote", 1);
    const second = await hub.connect("second", access_token);
    expect(hub.sandbox.sandbox.realtime.connectionCount).toBe(2);
    await expect(second.invoke("SubscribeNews", JANSEN_TRADING)).rejects.toThrow(new Error(CUT_OFF));
    expect(await second.closed()).toBe(CUT_OFF);
    expect(await second.lifecycle()).toEqual([`closed: ${CUT_OFF}`]);
    expect(await second.state()).toBe("Disconnected");
    await until(() => hub.sandbox.sandbox.realtime.connectionCount === 1, "the server to forget the second connection");

    hub.market.setLast("aSm1L", 605);
    const [, update] = await first.waitForMessages("Quote", 2);
    expect(update).toEqual({
      id: "aSm1L", lvl: 0, sdt: expect.any(String),
      qt: [{ msg: "qu", typ: "lst", prc: 605, vol: 100, dt: expect.any(String) }, { msg: "qu", typ: "vol", prc: 0, vol: 100 }],
    });
    expect(await first.state()).toBe("Connected");
    expect(await first.lifecycle()).toEqual([]);
    expect(await second.messages()).toEqual([]);
  });

  it("lets a connection of another sign-in of the same person stream beside it", async () => {
    const first = await hub.connect("first", (await hub.sandbox.signIn("jansen")).access_token);
    const second = await hub.connect("second", (await hub.sandbox.signIn("jansen")).access_token);
    expect(await first.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    expect(await second.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    hub.market.setLast("iNg01", 12.6);
    const [[, one], [, two]] = await Promise.all([first.waitForMessages("Quote", 2), second.waitForMessages("Quote", 2)]);
    // The same update; each connection's frame carries the time it was sent (sdt).
    expect({ ...one, sdt: "sent" }).toEqual({ ...two, sdt: "sent" });
    for (const message of [one, two]) expect(Date.parse(message.sdt)).toBeGreaterThanOrEqual(Date.parse(message.qt[0].dt!));
    expect(one.qt[0]).toEqual({ msg: "qu", typ: "lst", prc: 12.6, vol: 100, dt: expect.any(String) });
  });
});

/**
 * Token expiry on a ManualClock, as the Node tests (realtime-expiry.ts): access tokens live LIFETIME_MS of sandbox
 * time, which the test moves, so nothing waits for wall time. The browser client pings on real time, so the hub's
 * client timeout is set out of reach of the moves.
 */
describe("realtime token expiry and ExtendSubscriptions from headless Chromium on another HTTPS origin (ManualClock)", () => {
  const clock = new ManualClock();
  const hub = useHubPage({ sandbox: { clock, accessTokenLifetimeMs: LIFETIME_MS, realtime: { clientTimeoutMs: 24 * 3_600_000 } } });

  it("stops the feed with a clear Close when the token expires, and the market watch ends", async () => {
    const { access_token } = await hub.sandbox.signIn("jansen");
    const connection = await hub.connect("main", access_token, { reconnect: false });
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    await connection.waitForMessages("Quote", 1);
    clock.advance(LIFETIME_MS - 1);
    hub.market.setLast("aSm1L", 602);
    const [, update] = await connection.waitForMessages("Quote", 2);
    expect(update.qt[0]).toEqual({ msg: "qu", typ: "lst", prc: 602, vol: 100, dt: expect.any(String) });
    expect(await connection.state()).toBe("Connected");

    clock.advance(1);
    expect(await connection.closed()).toBe(EXPIRED);
    expect(await connection.lifecycle()).toEqual([`closed: ${EXPIRED}`]);
    await until(() => hub.market.watcherCount("aSm1L") === 0, "the market watch to end");
    expect(await connection.messages("Quote")).toHaveLength(2);
  });

  it("keeps streaming past the old token's expiry after ExtendSubscriptions with the refreshed token, until the new one expires", async () => {
    const tokens = await hub.sandbox.signIn("jansen");
    const connection = await hub.connect("main", tokens.access_token, { reconnect: false });
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    await connection.waitForMessages("Quote", 1);
    clock.advance(40_000);
    const renewedAtMs = clock.now();
    const renewed = refreshTokens(hub.sandbox, tokens.refresh_token);
    expect(await connection.invoke("ExtendSubscriptions", renewed.access_token)).toBeUndefined();

    clock.advance(30_000);
    hub.market.setLast("iNg01", 12.75);
    const [, update] = await connection.waitForMessages("Quote", 2);
    expect(update).toEqual({
      id: "iNg01", lvl: 0, sdt: new Date(clock.now()).toISOString(),
      qt: [{ msg: "qu", typ: "lst", prc: 12.75, vol: 100, dt: expect.any(String) }, { msg: "qu", typ: "vol", prc: 0, vol: 100 }],
    });
    expect(await connection.state()).toBe("Connected");
    expect(await connection.lifecycle()).toEqual([]);

    // The refreshed token lives LIFETIME_MS from its refresh: the feed holds until 1 ms before that, and stops at it.
    clock.advance(renewedAtMs + LIFETIME_MS - clock.now() - 1);
    expect(await connection.invoke("UnSubscribeQuotes", ["iNg01"])).toEqual({ isSucceeded: true, subcount: 0 });
    clock.advance(1);
    expect(await connection.closed()).toBe(EXPIRED);
    expect(await connection.lifecycle()).toEqual([`closed: ${EXPIRED}`]);
  });
});
