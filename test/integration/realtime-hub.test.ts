import type { HubConnection } from "@microsoft/signalr";
import type { OrderEventMessage } from "../../src/core/wire/realtime";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { connectHub, EventRecorder, JANSEN_SAVINGS, JANSEN_TRADING, news, orderEvent, PEETERS_BE, PEETERS_NL } from "./realtime-helpers";

describe("realtime hub: Binck methods and events with the official client", () => {
  let sandbox: TestSandbox;
  let market: FakeMarket;
  const open: HubConnection[] = [];
  const connect = async (username: string, scope?: string, query?: string) => {
    const { access_token } = await sandbox.signIn(username, scope === undefined ? {} : { scope });
    const connection = await connectHub(sandbox, access_token, { query });
    open.push(connection);
    return connection;
  };
  /** Every sandbox log line: no test here may make the hub log an error (it would mean a crash was caught). */
  const logLines: string[] = [];
  beforeAll(async () => {
    market = new FakeMarket();
    sandbox = await startTestSandbox({ market, logger: { log: (level, message) => logLines.push(`${level} ${message}`) } });
  });
  afterAll(() => {
    expect(logLines.filter((line) => line.startsWith("error"))).toEqual([]);
    expect(logLines.some((line) => /SubscribeQuotes refused, nothing changed: no quotes for 'nOpE1'/.test(line))).toBe(true);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((connection) => connection.stop()));
    market.reset();
  });
  afterAll(() => sandbox.close());

  describe("quotes", () => {
    it("answers SubscribeQuotes with subcount, sends the qi snapshot, then qu updates at the Trades level", async () => {
      const hub = await connect("jansen", undefined, `?accountNumber=${JANSEN_TRADING}`);
      const quotes = new EventRecorder(hub, "Quote");
      expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L", "iNg01"], "Trades")).toEqual({ isSucceeded: true, subcount: 2 });
      const snapshots = await quotes.waitForCount(2);
      expect(snapshots.map((message) => message.id)).toEqual(["aSm1L", "iNg01"]);
      expect(snapshots[0]).toEqual({
        id: "aSm1L", lvl: 0, sdt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        qt: [
          { msg: "qi", typ: "lst", prc: 600, vol: 100, dt: expect.any(String) },
          { msg: "qi", typ: "vol", prc: 0, vol: 0 },
        ],
      });
      market.setLast("aSm1L", 601.5, 30);
      const [, , update] = await quotes.waitForCount(3);
      expect(update).toEqual({
        id: "aSm1L", lvl: 0, sdt: expect.any(String),
        qt: [{ msg: "qu", typ: "lst", prc: 601.5, vol: 30, dt: expect.any(String) }, { msg: "qu", typ: "vol", prc: 0, vol: 30 }],
      });
    });

    it("re-subscribes at another level: the book appears, lvl changes, subcount does not", async () => {
      const hub = await connect("jansen");
      const quotes = new EventRecorder(hub, "Quote");
      await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "TopOfBook");
      expect((await quotes.waitForCount(1))[0].qt.map((item: { typ: string }) => item.typ)).toEqual(["lst", "vol", "bid", "ask"]);
      expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Book")).toEqual({ isSucceeded: true, subcount: 1 });
      const book = (await quotes.waitForCount(2))[1];
      expect(book.lvl).toBe(2);
      expect(book.qt.map((item: { typ: string }) => item.typ)).toEqual(["lst", "vol", "bid", "bid2", "bid3", "bid4", "bid5", "ask", "ask2", "ask3", "ask4", "ask5"]);
      expect(book.qt[4]).toEqual({ msg: "qi", typ: "bid3", prc: 599.97, vol: 300, ord: 3, dt: expect.any(String) });
    });

    it.each([
      ["book", "Book", 2, 12],
      ["TOPOFBOOK", "TopOfBook", 1, 4],
      ["trades", "Trades", 0, 2],
    ])("matches the level '%s' case-insensitively, as %s, and answers exactly as for the exact spelling", async (given, _level, lvl, itemCount) => {
      const hub = await connect("jansen");
      const quotes = new EventRecorder(hub, "Quote");
      expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], given)).toEqual({ isSucceeded: true, subcount: 1 });
      const [snapshot] = await quotes.waitForCount(1);
      expect(snapshot.lvl).toBe(lvl);
      expect(snapshot.qt).toHaveLength(itemCount);
    });

    it("stops an instrument after UnSubscribeQuotes and reports the count left", async () => {
      const hub = await connect("jansen");
      const quotes = new EventRecorder(hub, "Quote");
      await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L", "iNg01"], "Trades");
      await quotes.waitForCount(2);
      expect(await hub.invoke("UnSubscribeQuotes", ["aSm1L", "dAn0n"])).toEqual({ isSucceeded: true, subcount: 1 });
      market.setLast("aSm1L", 610);
      market.setLast("iNg01", 13);
      // Updates keep their order on one connection: once iNg01's arrives, aSm1L's would have arrived before it.
      await quotes.waitForCount(3);
      expect(quotes.received.slice(2).map((message) => message.id)).toEqual(["iNg01"]);
      expect(market.watcherCount("aSm1L")).toBe(0);
    });

    it.each([
      ["an unknown account", "999999999"],
      ["another person's account", PEETERS_NL],
    ])("answers isSucceeded false for %s, changing nothing", async (_name, account) => {
      const hub = await connect("jansen");
      await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades");
      expect(await hub.invoke("SubscribeQuotes", account, ["aSm1L"], "Trades")).toEqual({ isSucceeded: false, subcount: 1 });
      expect(market.watcherCount("aSm1L")).toBe(0);
    });

    it("refuses the person's own account of another realm", async () => {
      const { access_token } = await sandbox.signIn("peeters", { realm: "bincknlapi" });
      const hub = await connectHub(sandbox, access_token);
      open.push(hub);
      expect(await hub.invoke("SubscribeQuotes", PEETERS_BE, ["aSm1L"], "Trades")).toEqual({ isSucceeded: false, subcount: 0 });
      expect(await hub.invoke("SubscribeQuotes", PEETERS_NL, ["aSm1L"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    });

    it("refuses a call with more than 100 ids, or with unknown ids, and applies none of it", async () => {
      const hub = await connect("jansen");
      const quotes = new EventRecorder(hub, "Quote");
      const many = [...Array.from({ length: 100 }, () => "aSm1L"), "iNg01"];
      expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, many, "Trades")).toEqual({ isSucceeded: false, subcount: 0 });
      expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L", "nOpE1"], "Trades")).toEqual({ isSucceeded: false, subcount: 0 });
      expect(market.watcherCount("aSm1L")).toBe(0);
      expect(await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["dAn0n"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
      expect((await quotes.waitForCount(1)).map((message) => message.id)).toEqual(["dAn0n"]);
    });
  });

  describe("news", () => {
    it("delivers News of the account's news subscription only, until UnSubscribeNews", async () => {
      const hub = await connect("jansen");
      const items = new EventRecorder(hub, "News");
      const orders = new EventRecorder(hub, "OrderStatus");
      expect(await hub.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
      sandbox.sandbox.ctx.events.emit("news", { subscriptions: ["binckIt"], message: news("for Italy") });
      sandbox.sandbox.ctx.events.emit("news", { subscriptions: ["binckFr", "binckNl"], message: news("for the Netherlands") });
      expect(await items.waitForCount(1)).toEqual([news("for the Netherlands")]);
      expect(await hub.invoke("UnSubscribeNews")).toEqual({ isSucceeded: true });
      await hub.invoke("SubscribeOrders", JANSEN_TRADING);
      sandbox.sandbox.ctx.events.emit("news", { subscriptions: ["binckNl"], message: news("after unsubscribing") });
      sandbox.sandbox.ctx.events.emit("order", { name: "OrderStatus", message: orderEvent(JANSEN_TRADING, 1) });
      await orders.waitForCount(1);
      expect(items.received).toHaveLength(1);
    });

    it("answers isSucceeded false for an account that is not the session's", async () => {
      const hub = await connect("jansen");
      expect(await hub.invoke("SubscribeNews", PEETERS_NL)).toEqual({ isSucceeded: false });
    });
  });

  describe("orders", () => {
    it("delivers OrderStatus, OrderModified and OrderExecution for every account of the person in the realm, not others", async () => {
      const jansen = await connect("jansen", "read");
      const peeters = await connect("peeters");
      const received: Array<[string, string, number]> = [];
      for (const [who, hub] of [["jansen", jansen], ["peeters", peeters]] as const) {
        for (const name of ["OrderStatus", "OrderModified", "OrderExecution"]) {
          hub.on(name, (message: OrderEventMessage) => {
            received.push([who, name, message.number]);
          });
        }
      }
      const peetersDone = new EventRecorder(peeters, "OrderExecution");
      const jansenDone = new EventRecorder(jansen, "OrderExecution");
      expect(await jansen.invoke("SubscribeOrders", JANSEN_TRADING)).toEqual({ isSucceeded: true });
      expect(await peeters.invoke("SubscribeOrders", PEETERS_BE)).toEqual({ isSucceeded: true });
      const emit = (name: "OrderStatus" | "OrderModified" | "OrderExecution", message: OrderEventMessage) =>
        sandbox.sandbox.ctx.events.emit("order", { name, message });
      emit("OrderStatus", orderEvent(JANSEN_TRADING, 1));
      emit("OrderModified", orderEvent(JANSEN_SAVINGS, 2, "modified"));
      emit("OrderStatus", orderEvent(PEETERS_NL, 3));
      emit("OrderStatus", orderEvent(PEETERS_BE, 4));
      emit("OrderExecution", orderEvent(JANSEN_TRADING, 5, "completelyExecuted"));
      emit("OrderExecution", orderEvent(PEETERS_BE, 6, "partiallyExecuted"));
      await Promise.all([jansenDone.waitForCount(1), peetersDone.waitForCount(1)]);
      expect(received.filter(([who]) => who === "jansen")).toEqual([["jansen", "OrderStatus", 1], ["jansen", "OrderModified", 2], ["jansen", "OrderExecution", 5]]);
      expect(received.filter(([who]) => who === "peeters")).toEqual([["peeters", "OrderStatus", 4], ["peeters", "OrderExecution", 6]]);
      expect(jansenDone.received[0]).toEqual(orderEvent(JANSEN_TRADING, 5, "completelyExecuted"));
    });

    it("stops order events after UnSubscribeOrders", async () => {
      const hub = await connect("jansen");
      const status = new EventRecorder(hub, "OrderStatus");
      const items = new EventRecorder(hub, "News");
      await hub.invoke("SubscribeOrders", JANSEN_TRADING);
      expect(await hub.invoke("UnSubscribeOrders")).toEqual({ isSucceeded: true });
      await hub.invoke("SubscribeNews", JANSEN_TRADING);
      sandbox.sandbox.ctx.events.emit("order", { name: "OrderStatus", message: orderEvent(JANSEN_TRADING, 7) });
      sandbox.sandbox.ctx.events.emit("news", { subscriptions: ["binckNl"], message: news("marker") });
      await items.waitForCount(1);
      expect(status.received).toEqual([]);
    });
  });

  describe("refusals", () => {
    it.each([
      ["quotes", "SubscribeQuotes", [JANSEN_TRADING, ["aSm1L"], "Trades"], "read write news", "'quotes' scope"],
      ["news", "SubscribeNews", [JANSEN_TRADING], "read quotes", "'news' scope"],
      ["read or write", "SubscribeOrders", [JANSEN_TRADING], "news quotes", "'read' or 'write' scope"],
    ])("needs the %s scope for %s", async (_scope, method, args, granted, lacking) => {
      const hub = await connect("jansen", granted);
      await expect(hub.invoke(method, ...args)).rejects.toThrow(`Failed to invoke '${method}' because user is unauthorized: the access token lacks the ${lacking}.`);
    });

    it.each([
      ["SubscribeQuotes", [JANSEN_TRADING, ["aSm1L"]], "SubscribeQuotes takes 3 arguments (accountNumber, instrumentIds, level); got 2."],
      ["SubscribeQuotes", [JANSEN_TRADING, "aSm1L", "Trades"], "SubscribeQuotes: instrumentIds must be an array of strings, got 'aSm1L'."],
      ["SubscribeQuotes", [JANSEN_TRADING, ["aSm1L", 5], "Trades"], "SubscribeQuotes: instrumentIds[1] must be a string, got number 5."],
      ["SubscribeQuotes", [JANSEN_TRADING, ["aSm1L"], "tradesOnly"], "SubscribeQuotes: level must be one of Trades, TopOfBook, Book (in any case; not the REST levels), got 'tradesOnly'."],
      ["SubscribeQuotes", [190126781, ["aSm1L"], "Trades"], "SubscribeQuotes: accountNumber must be a string, got number 190126781."],
      ["UnSubscribeNews", [JANSEN_TRADING], "UnSubscribeNews takes no arguments; got 1."],
      ["ExtendSubscriptions", [null], "ExtendSubscriptions: accessToken must be a string, got null."],
      ["GetQuote", ["aSm1L"], "Unknown hub method 'GetQuote'. This hub has: SubscribeQuotes, UnSubscribeQuotes, SubscribeNews, UnSubscribeNews, SubscribeOrders, UnSubscribeOrders, ExtendSubscriptions."],
    ])("rejects %s(%j) with a specific error and stays connected", async (method, args, message) => {
      const hub = await connect("jansen");
      await expect(hub.invoke(method, ...(args as unknown[]))).rejects.toThrow(message);
      expect(await hub.invoke("SubscribeNews", JANSEN_TRADING)).toEqual({ isSucceeded: true });
    });

    it("matches method names case-insensitively, as ASP.NET Core SignalR does", async () => {
      const hub = await connect("jansen");
      expect(await hub.invoke("subscribequotes", JANSEN_TRADING, ["aSm1L"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
      expect(await hub.invoke("UNSUBSCRIBEQUOTES", ["aSm1L"])).toEqual({ isSucceeded: true, subcount: 0 });
    });
  });
});
