import type { NewsMessage, OrderEventMessage } from "../../src/core/wire/realtime";
import { JANSEN_SAVINGS, JANSEN_TRADING, news, orderEvent, PEETERS_NL, refreshTokens } from "../integration/realtime-helpers";
import { useHubPage } from "../support/signalr-page";

/** Every Binck hub method and event (API.md 5.2, 5.3) through the official browser bundle, from another HTTPS origin. */
describe("realtime hub methods and events from headless Chromium on another HTTPS origin", () => {
  const hub = useHubPage();
  const { logLines } = hub;
  const connect = async (name = "main") => hub.connect(name, (await hub.sandbox.signIn("jansen")).access_token);
  const emitOrder = (name: "OrderStatus" | "OrderModified" | "OrderExecution", message: OrderEventMessage) =>
    hub.sandbox.sandbox.ctx.events.emit("order", { name, message });
  const emitNews = (subscriptions: string[], message: NewsMessage) => hub.sandbox.sandbox.ctx.events.emit("news", { subscriptions, message });
  // After useHubPage's afterAll has closed the page, so errors logged while closing count too.
  afterAll(() => {
    expect(logLines.filter((line) => line.startsWith("error"))).toEqual([]);
  });

  it("SubscribeQuotes answers subcount, Quote brings the qi snapshots then a qu update; UnSubscribeQuotes stops one instrument", async () => {
    const connection = await connect();
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L", "iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 2 });
    const snapshots = await connection.waitForMessages("Quote", 2);
    expect(snapshots).toEqual([
      {
        id: "aSm1L", lvl: 0, sdt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        qt: [{ msg: "qi", typ: "lst", prc: 600, vol: 100, dt: expect.any(String) }, { msg: "qi", typ: "vol", prc: 0, vol: 0 }],
      },
      {
        id: "iNg01", lvl: 0, sdt: expect.any(String),
        qt: [{ msg: "qi", typ: "lst", prc: 12.5, vol: 100, dt: expect.any(String) }, { msg: "qi", typ: "vol", prc: 0, vol: 0 }],
      },
    ]);
    hub.market.setLast("aSm1L", 601.5, 30);
    const [, , update] = await connection.waitForMessages("Quote", 3);
    expect(update).toEqual({
      id: "aSm1L", lvl: 0, sdt: expect.any(String),
      qt: [{ msg: "qu", typ: "lst", prc: 601.5, vol: 30, dt: expect.any(String) }, { msg: "qu", typ: "vol", prc: 0, vol: 30 }],
    });

    expect(await connection.invoke("UnSubscribeQuotes", ["aSm1L", "dAn0n"])).toEqual({ isSucceeded: true, subcount: 1 });
    expect(hub.market.watcherCount("aSm1L")).toBe(0);
    hub.market.setLast("aSm1L", 610);
    hub.market.setLast("iNg01", 13, 40);
    // Pushes keep their order on one connection: once iNg01's update is in, aSm1L's would have come before it.
    await connection.waitForMessages("Quote", 4);
    expect(await connection.messages()).toEqual([
      { event: "Quote", payload: snapshots[0] },
      { event: "Quote", payload: snapshots[1] },
      { event: "Quote", payload: update },
      {
        event: "Quote",
        payload: {
          id: "iNg01", lvl: 0, sdt: expect.any(String),
          qt: [{ msg: "qu", typ: "lst", prc: 13, vol: 40, dt: expect.any(String) }, { msg: "qu", typ: "vol", prc: 0, vol: 40 }],
        },
      },
    ]);
  });

  it("SubscribeQuotes at TopOfBook and Book: lvl 1 with bid/ask, then lvl 2 with the five-deep book, subcount unchanged", async () => {
    const connection = await connect();
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "TopOfBook")).toEqual({ isSucceeded: true, subcount: 1 });
    const [top] = await connection.waitForMessages("Quote", 1);
    expect(top.lvl).toBe(1);
    expect(top.qt.map((item: { typ: string }) => item.typ)).toEqual(["lst", "vol", "bid", "ask"]);
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Book")).toEqual({ isSucceeded: true, subcount: 1 });
    const [, book] = await connection.waitForMessages("Quote", 2);
    expect(book.lvl).toBe(2);
    expect(book.qt.map((item: { typ: string }) => item.typ)).toEqual(["lst", "vol", "bid", "bid2", "bid3", "bid4", "bid5", "ask", "ask2", "ask3", "ask4", "ask5"]);
    expect(book.qt[4]).toEqual({ msg: "qi", typ: "bid3", prc: 599.97, vol: 300, ord: 3, dt: expect.any(String) });
  });

  it("SubscribeNews delivers News of the account's news subscription only; after UnSubscribeNews none", async () => {
    const connection = await connect();
    expect(await connection.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    emitNews(["binckIt"], news("for Italy"));
    emitNews(["binckFr", "binckNl"], news("for the Netherlands"));
    expect(await connection.waitForMessages("News", 1)).toEqual([news("for the Netherlands")]);

    expect(await connection.invoke("UnSubscribeNews")).toEqual({ isSucceeded: true });
    expect(await connection.invoke("SubscribeOrders", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    emitNews(["binckNl"], news("after unsubscribing"));
    emitOrder("OrderStatus", orderEvent(JANSEN_TRADING, 1));
    await connection.waitForMessages("OrderStatus", 1);
    expect(await connection.messages()).toEqual([
      { event: "News", payload: news("for the Netherlands") },
      { event: "OrderStatus", payload: orderEvent(JANSEN_TRADING, 1) },
    ]);
  });

  it("SubscribeNews answers isSucceeded false for another person's account", async () => {
    const connection = await connect();
    expect(await connection.invoke("SubscribeNews", PEETERS_NL)).toEqual({ isSucceeded: false });
  });

  it("SubscribeOrders delivers OrderStatus, OrderModified and OrderExecution for the person's accounts only; after UnSubscribeOrders none", async () => {
    const connection = await connect();
    expect(await connection.invoke("SubscribeOrders", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    emitOrder("OrderStatus", orderEvent(JANSEN_TRADING, 1));
    emitOrder("OrderModified", orderEvent(JANSEN_SAVINGS, 2, "modified"));
    emitOrder("OrderStatus", orderEvent(PEETERS_NL, 3));
    emitOrder("OrderExecution", orderEvent(JANSEN_TRADING, 5, "completelyExecuted"));
    await connection.waitForMessages("OrderExecution", 1);
    const delivered = [
      { event: "OrderStatus", payload: orderEvent(JANSEN_TRADING, 1) },
      { event: "OrderModified", payload: orderEvent(JANSEN_SAVINGS, 2, "modified") },
      { event: "OrderExecution", payload: orderEvent(JANSEN_TRADING, 5, "completelyExecuted") },
    ];
    expect(await connection.messages()).toEqual(delivered);

    expect(await connection.invoke("UnSubscribeOrders")).toEqual({ isSucceeded: true });
    expect(await connection.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    emitOrder("OrderStatus", orderEvent(JANSEN_TRADING, 7));
    emitOrder("OrderExecution", orderEvent(JANSEN_TRADING, 8, "partiallyExecuted"));
    emitNews(["binckNl"], news("marker"));
    await connection.waitForMessages("News", 1);
    expect(await connection.messages()).toEqual([...delivered, { event: "News", payload: news("marker") }]);
  });

  it("ExtendSubscriptions with a refreshed token of the session completes without a result; the feed goes on", async () => {
    const tokens = await hub.sandbox.signIn("jansen");
    const connection = await hub.connect("main", tokens.access_token);
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    await connection.waitForMessages("Quote", 1);
    const renewed = refreshTokens(hub.sandbox, tokens.refresh_token);
    expect(await connection.invoke("ExtendSubscriptions", renewed.access_token)).toBeUndefined();
    const extended = `Realtime connection ${await connection.connectionId()}: subscriptions extended until`;
    expect(logLines.filter((line) => line.includes(extended))).toHaveLength(1);
    hub.market.setLast("iNg01", 12.75);
    const [, update] = await connection.waitForMessages("Quote", 2);
    expect(update.qt[0]).toEqual({ msg: "qu", typ: "lst", prc: 12.75, vol: 100, dt: expect.any(String) });
  });

  it.each([
    ["ExtendSubscriptions", ["Bearer x"], "ExtendSubscriptions: pass the bare access token, without the 'Bearer ' prefix."],
    ["ExtendSubscriptions", ["no-such-token"], "ExtendSubscriptions refused the new access token: The access token is not known."],
    ["UnSubscribeNews", [JANSEN_TRADING], "UnSubscribeNews takes no arguments; got 1."],
    ["GetQuote", ["aSm1L"], "Unknown hub method 'GetQuote'. This hub has: SubscribeQuotes, UnSubscribeQuotes, SubscribeNews, UnSubscribeNews, SubscribeOrders, UnSubscribeOrders, ExtendSubscriptions."],
  ])("rejects %s(%j) with the hub's message in the browser client's error, and stays connected", async (method, args, message) => {
    const connection = await connect();
    await expect(connection.invoke(method, ...args)).rejects.toThrow(new Error(message));
    expect(await connection.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    expect(await connection.lifecycle()).toEqual([]);
  });
});
