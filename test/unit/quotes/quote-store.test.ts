import { QuoteStore, type QuoteWatchUpdate } from "../../../src/core/quotes/quote-store";
import type { QuoteMessage } from "../../../src/core/wire/realtime";
import { feedHarness, settle } from "../stream/feed-harness";

function recorder() {
  const seen: string[] = [];
  const listener = (update: QuoteWatchUpdate) => {
    seen.push(update.kind === "quote" ? `lst ${update.quote.values.get("lst")?.price}` : update.condition.message);
  };
  return { seen, listener };
}

const quote = (msg: "qi" | "qu", prc: number, dt = "2026-01-05T09:00:00Z"): QuoteMessage => ({ id: "aSm1L", lvl: 0, sdt: dt, qt: [{ msg, typ: "lst", prc, vol: 1, dt }] });

async function storeOnFeed() {
  const h = feedHarness();
  const store = new QuoteStore(h.session, h.logger);
  await h.connect();
  return { ...h, store };
}

describe("QuoteStore", () => {
  it("tells a watch pending, then each new state, and drops the state when the last watch goes", async () => {
    const h = await storeOnFeed();
    const first = recorder();
    const second = recorder();
    const stopFirst = h.store.watch("aSm1L", "Trades", first.listener);
    const stopSecond = h.store.watch("aSm1L", "Book", second.listener);
    h.clock.advance(50);
    await h.answerAll();
    h.links.current.push("Quote", quote("qi", 600));
    h.links.current.push("Quote", quote("qu", 601));
    h.links.current.push("Quote", quote("qi", 599, "2026-01-05T09:00:05Z"));
    expect(first.seen).toEqual(["waiting for the first quote", "lst 600", "lst 601"]);
    expect(second.seen).toEqual(["waiting for the first quote", "lst 600", "lst 601"]);
    stopFirst();
    stopSecond();
    expect(h.store.quote("aSm1L")).toBeUndefined();
    expect(h.store.watchedCount).toBe(0);
  });

  it("gives a new watch of a streaming instrument its current state at once", async () => {
    const h = await storeOnFeed();
    h.store.watch("aSm1L", "Trades", () => undefined);
    h.clock.advance(50);
    await h.answerAll();
    h.links.current.push("Quote", quote("qu", 601));
    const late = recorder();
    h.store.watch("aSm1L", "Trades", late.listener);
    expect(late.seen).toEqual(["lst 601"]);
  });

  it("accepts a fresh snapshot after a reconnect although the type was updated before, and reports the loss after the grace period", async () => {
    const h = await storeOnFeed();
    const watch = recorder();
    h.store.watch("aSm1L", "Trades", watch.listener);
    h.clock.advance(50);
    await h.answerAll();
    h.links.current.push("Quote", quote("qu", 601));
    h.links.current.drop();
    await settle();
    h.clock.advance(10_000);
    h.links.current.accept();
    await settle();
    h.clock.advance(50);
    await h.answerAll();
    h.links.current.push("Quote", quote("qi", 605, "2026-01-05T09:00:10Z"));
    expect(watch.seen).toEqual(["waiting for the first quote", "lst 601", "connection lost since 09:00:00 — reconnecting", "lst 601", "lst 605"]);
  });

  it("shows the cap, sign-out and cut-off conditions of the feed", async () => {
    const h = feedHarness({ maxSubscriptions: 1 });
    const store = new QuoteStore(h.session, h.logger);
    const capped = recorder();
    store.watch("iNg01", "Trades", () => undefined);
    store.watch("aSm1L", "Trades", capped.listener);
    await h.connect();
    h.session.stop();
    expect(capped.seen).toEqual(["sign in to Binck in the taskpane", "subscription limit of 3,000 instruments reached", "sign in to Binck in the taskpane"]);
  });

  it("keeps a throwing watcher from the others", async () => {
    const h = await storeOnFeed();
    const good = recorder();
    h.store.watch("aSm1L", "Trades", () => {
      throw new Error("cell bug");
    });
    h.store.watch("aSm1L", "Trades", good.listener);
    h.clock.advance(50);
    await h.answerAll();
    h.links.current.push("Quote", quote("qu", 601));
    expect(good.seen).toEqual(["waiting for the first quote", "lst 601"]);
    expect(h.logger.lines.filter((line) => line.includes("cell bug"))).toHaveLength(2);
  });
});
