import { ManualClock } from "../../../src/core/clock";
import type { QuoteMessage } from "../../../src/core/wire/realtime";
import type { Market, SandboxInstrument } from "../../../server/sandbox/market/market";
import { QuoteSubscriptions } from "../../../server/sandbox/realtime/quote-subscriptions";
import { FakeMarket } from "../../fakes/fake-market";

/** FakeMarket plus thousands of quotable ids `x0`… (no prices), and one option class without quotes. */
function wideMarket(base: FakeMarket): Market {
  const extra = (id: string): SandboxInstrument | undefined => {
    if (/^x\d+$/.test(id)) return { model: { ...base.instruments[0].model, id }, lists: [], quotable: true };
    if (id === "optCls") return { model: { ...base.instruments[0].model, id }, lists: [], quotable: false };
    return undefined;
  };
  return Object.assign(Object.create(base) as Market, {
    catalogue: { ...base.catalogue, get: (id: string) => base.catalogue.get(id) ?? extra(id) },
  });
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => `x${from + index}`);

describe("QuoteSubscriptions", () => {
  let clock: ManualClock;
  let market: FakeMarket;
  let sent: QuoteMessage[];
  let subscriptions: QuoteSubscriptions;
  beforeEach(() => {
    clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    market = new FakeMarket(() => clock.now());
    sent = [];
    subscriptions = new QuoteSubscriptions(wideMarket(market), clock, (message) => sent.push(message));
  });

  it("subscribes, then sends the qi snapshot only when asked (after the completion)", () => {
    const outcome = subscriptions.subscribe(["aSm1L", "iNg01", "aSm1L"], "Trades");
    expect(outcome).toEqual({ ok: true, subcount: 2, sendSnapshots: expect.any(Function) });
    expect(sent).toEqual([]);
    if (outcome.ok) outcome.sendSnapshots();
    expect(sent.map((message) => [message.id, message.lvl, message.sdt, message.qt.map((item) => `${item.msg}:${item.typ}`)])).toEqual([
      ["aSm1L", 0, "2026-01-05T09:00:00.000Z", ["qi:lst", "qi:vol"]],
      ["iNg01", 0, "2026-01-05T09:00:00.000Z", ["qi:lst", "qi:vol"]],
    ]);
  });

  it("filters updates by the level last subscribed and numbers it in lvl", () => {
    subscriptions.subscribe(["aSm1L"], "Trades");
    market.setLast("aSm1L", 601);
    subscriptions.subscribe(["aSm1L"], "TopOfBook");
    market.setLast("aSm1L", 602);
    subscriptions.subscribe(["aSm1L"], "Book");
    market.setLast("aSm1L", 603);
    expect(sent.map((message) => [message.lvl, message.qt.map((item) => item.typ).join(",")])).toEqual([
      [0, "lst,vol"],
      [1, "lst,vol,bid,ask"],
      [2, "lst,vol,bid,bid2,bid3,bid4,bid5,ask,ask2,ask3,ask4,ask5"],
    ]);
    expect(market.watcherCount("aSm1L")).toBe(1);
  });

  it("hands connections at the same level one message per market update, made once; another level gets its own", () => {
    const others: QuoteMessage[] = [];
    const book: QuoteMessage[] = [];
    const sameLevel = new QuoteSubscriptions(wideMarket(market), clock, (message) => others.push(message));
    const bookLevel = new QuoteSubscriptions(wideMarket(market), clock, (message) => book.push(message));
    subscriptions.subscribe(["aSm1L"], "TopOfBook");
    sameLevel.subscribe(["aSm1L"], "TopOfBook");
    bookLevel.subscribe(["aSm1L"], "Book");
    market.setLast("aSm1L", 601);
    market.setLast("aSm1L", 602);
    expect(others).toHaveLength(2);
    expect(others[0]).toBe(sent[0]);
    expect(others[1]).toBe(sent[1]);
    expect(others[1]).not.toBe(others[0]);
    expect(book.map((message) => [message.lvl, message.qt.length])).toEqual([[2, 12], [2, 12]]);
  });

  it("refuses more than 100 ids in one call", () => {
    expect(subscriptions.subscribe(ids(0, 101), "Trades")).toEqual({
      ok: false, subcount: 0, reason: "101 instrument ids in one call; at most 100 per SubscribeQuotes call.",
    });
  });

  it("refuses to pass 3,000 per connection and changes nothing", () => {
    for (let block = 0; block < 30; block++) expect(subscriptions.subscribe(ids(block * 100, 100), "Trades").ok).toBe(true);
    expect(subscriptions.count).toBe(3000);
    expect(subscriptions.subscribe(["x0", "x1", "x3000"], "Book")).toEqual({
      ok: false, subcount: 3000, reason: "3000 subscribed + 1 new would exceed 3000 instruments per connection.",
    });
    expect(subscriptions.levelOf("x0")).toBe("Trades");
    expect(subscriptions.subscribe(["x0", "x1"], "Book")).toMatchObject({ ok: true, subcount: 3000 });
    expect(subscriptions.levelOf("x0")).toBe("Book");
  });

  it("refuses unknown and unquotable ids, naming them, and subscribes none of the call", () => {
    expect(subscriptions.subscribe(["aSm1L", "nope", "optCls"], "Trades")).toEqual({
      ok: false, subcount: 0, reason: "no quotes for 'nope', 'optCls' (unknown instrument, or an option/future class).",
    });
    expect(market.watcherCount("aSm1L")).toBe(0);
  });

  it("unsubscribes (ignoring ids not subscribed) and stops watching", () => {
    subscriptions.subscribe(["aSm1L", "iNg01"], "Trades");
    expect(subscriptions.unsubscribe(["aSm1L", "dAn0n"])).toBe(1);
    market.setLast("aSm1L", 601);
    expect(sent).toEqual([]);
    expect(market.watcherCount("aSm1L")).toBe(0);
    subscriptions.clear();
    expect(market.watcherCount("iNg01")).toBe(0);
    expect(subscriptions.count).toBe(0);
  });
});
