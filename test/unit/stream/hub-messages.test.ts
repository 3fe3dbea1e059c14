import { RealtimeSession } from "../../../src/core/stream/realtime-session";
import { checkNewsMessage, checkOrderEvent, checkQuoteMessage } from "../../../src/core/stream/hub-payloads";
import type { OrderEventName } from "../../../src/core/wire/realtime";
import { ACCOUNT, feedHarness, RecordingSink, settle } from "./feed-harness";

const QUOTE = { id: "aSm1L", lvl: 0, sdt: "2026-01-05T09:00:00.000Z", qt: [{ msg: "qu", typ: "lst", prc: 600.1, vol: 100, dt: "2026-01-05T09:00:00.000Z" }] };
const NEWS = { cul: "nl-NL", dt: "2026-01-05T09:00:00Z", head: "ASML wint", body: "<p>…</p>", fmt: "html", iids: ["aSm1L"] };
const ORDER = { accountNumber: ACCOUNT, number: 3021, instrument: { id: "aSm1L" }, status: "placed", dt: "2026-01-05T09:02:10Z" };

describe("hub payload checks", () => {
  it.each([
    ["a string payload", "hello", 'Quote: the payload must be an object, got "hello"; message dropped.'],
    ["no id", { qt: [] }, "Quote: id must be a non-empty string, got nothing; message dropped."],
    ["qt not an array", { id: "aSm1L", qt: {} }, "Quote aSm1L: qt must be an array, got {}; message dropped."],
    ["an unknown msg", { id: "aSm1L", qt: [{ msg: "qx", typ: "lst" }] }, 'Quote aSm1L: qt[0].msg must be "qi" or "qu", got "qx"; message dropped.'],
    ["an unknown typ", { id: "aSm1L", qt: [{ msg: "qu", typ: "bid6" }] }, expect.stringMatching(/^Quote aSm1L: qt\[0\]\.typ must be one of lst vol .* ask5, got "bid6"; message dropped\.$/)],
    ["a price as text", { id: "aSm1L", qt: [{ msg: "qu", typ: "lst", prc: "7.78" }] }, 'Quote aSm1L: qt[0].prc must be a finite number, got "7.78"; message dropped.'],
    ["a bad dt", { id: "aSm1L", qt: [{ msg: "qu", typ: "lst", dt: "yesterday" }] }, 'Quote aSm1L: qt[0].dt must be a date-time string, got "yesterday"; message dropped.'],
    ["a null item", { id: "aSm1L", qt: [null] }, "Quote aSm1L: qt[0] must be an object, got null; message dropped."],
  ])("refuses a Quote with %s", (_name, payload, problem) => {
    expect(checkQuoteMessage(payload)).toEqual({ ok: false, problem });
  });

  it("accepts the guide's Quote example as it is", () => {
    expect(checkQuoteMessage(QUOTE)).toEqual({ ok: true, value: QUOTE });
  });

  it("names the field of a malformed News or order event", () => {
    expect(checkNewsMessage({ ...NEWS, fmt: "pdf" })).toEqual({ ok: false, problem: 'News: fmt must be "html" or "plain", got "pdf"; message dropped.' });
    expect(checkNewsMessage({ ...NEWS, iids: [1] })).toEqual({ ok: false, problem: "News: iids must be an array of strings, got [1]; message dropped." });
    expect(checkOrderEvent("OrderStatus", { ...ORDER, number: "3021" })).toEqual({ ok: false, problem: 'OrderStatus: number must be an integer, got "3021"; message dropped.' });
    expect(checkOrderEvent("OrderExecution", { ...ORDER, instrument: {} })).toEqual({ ok: false, problem: "OrderExecution: instrument.id must be a string, got nothing; message dropped." });
  });
});

describe("RealtimeSession events", () => {
  it("delivers valid quotes of watched instruments, logs and drops malformed ones, ignores unwatched ones", async () => {
    const h = feedHarness();
    await h.connect();
    const sink = new RecordingSink();
    h.session.watchQuotes("aSm1L", "Trades", sink);
    h.links.current.push("Quote", QUOTE);
    h.links.current.push("Quote", { ...QUOTE, qt: [{ msg: "qu", typ: "lst", prc: null }] });
    h.links.current.push("Quote", { ...QUOTE, id: "iNg01" });
    h.links.current.push("Quote", 42);
    expect(sink.quotes).toEqual([QUOTE]);
    expect(h.logger.lines.filter((line) => line.startsWith("warn"))).toEqual([
      "warn: Quote aSm1L: qt[0].prc must be a finite number, got null; message dropped.",
      "warn: Quote: the payload must be an object, got 42; message dropped.",
    ]);
    expect(h.session.status().lastMessageAtMs).toBe(h.clock.now());
  });

  it("subscribes news and orders for the account while listened to, again after a reconnect, and checks their payloads", async () => {
    const h = feedHarness();
    const news: unknown[] = [];
    const orders: Array<[OrderEventName, unknown]> = [];
    h.session.watchNews((message) => news.push(message));
    const stopOrders = h.session.watchOrders((event, order) => orders.push([event, order]));
    await h.connect();
    expect(h.links.current.pending().map((call) => [call.method, call.args])).toEqual([["SubscribeNews", [ACCOUNT]], ["SubscribeOrders", [ACCOUNT]]]);
    h.links.current.push("News", NEWS);
    h.links.current.push("News", { ...NEWS, head: 7 });
    h.links.current.push("OrderStatus", ORDER);
    h.links.current.push("OrderExecution", { ...ORDER, status: "completelyExecuted" });
    h.links.current.push("OrderModified", { nonsense: true });
    expect(news).toEqual([NEWS]);
    expect(orders).toEqual([["OrderStatus", ORDER], ["OrderExecution", { ...ORDER, status: "completelyExecuted" }]]);
    await h.reconnect();
    expect(h.links.current.pending().map((call) => call.method)).toEqual(["SubscribeNews", "SubscribeOrders"]);
    stopOrders();
    expect(h.links.current.pending().map((call) => call.method)).toEqual(["SubscribeNews", "SubscribeOrders", "UnSubscribeOrders"]);
  });

  it("subscribes news and orders again with the new account when the account changes", async () => {
    let account = ACCOUNT;
    const h = feedHarness();
    const session = new RealtimeSession({
      links: h.links.factory, hubUrl: "https://realtime.test/stream/v1", accountNumber: () => account, tokens: h.tokens, clock: h.clock,
    });
    session.watchNews(() => undefined);
    session.start();
    h.links.current.accept();
    await settle();
    account = "190126799";
    session.accountChanged();
    expect(h.links.current.pending("SubscribeNews").map((call) => call.args)).toEqual([[ACCOUNT], ["190126799"]]);
  });

  it("keeps a throwing listener away from the connection", async () => {
    const h = feedHarness();
    await h.connect();
    h.session.watchNews(() => {
      throw new Error("listener bug");
    });
    expect(() => h.links.current.push("News", NEWS)).not.toThrow();
    expect(h.logger.lines.some((line) => line.startsWith("error: A realtime listener threw: Error: listener bug"))).toBe(true);
  });
});
