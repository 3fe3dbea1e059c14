import { ManualClock } from "../../../src/core/clock";
import { BinckError } from "../../../src/core/errors";
import { BatchedLookups, type ListLookups } from "../../../src/core/rest/batched-lookups";
import type { RequestPriority } from "../../../src/core/rest/request-budget";
import type { InstrumentModel, QuoteModel } from "../../../src/core/wire/models";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Binck as a list: unknown ids make the whole list a 404, as GET /instruments/{ids} does. */
function fakeBinck(known: (id: string) => boolean = () => true) {
  const calls: { what: string; account: string; ids: string[]; priority?: RequestPriority; level?: string }[] = [];
  const lookups: ListLookups = {
    async getQuotes(query, options) {
      calls.push({ what: "quotes", account: query.accountNumber, ids: [...query.instrumentIds], priority: options?.priority, level: query.level });
      return query.instrumentIds.map((id) => ({ instrumentId: id, bid: [], ask: [] }) as unknown as QuoteModel);
    },
    async getInstruments(account, ids, options) {
      calls.push({ what: "instruments", account, ids: [...ids], priority: options?.priority });
      const missing = ids.filter((id) => !known(id));
      if (missing.length > 0) throw new BinckError("api", "Not found.", `Instrument ${missing.join(", ")} not found`, 404);
      return ids.map((id) => ({ id, name: `name of ${id}`, tickSizeCollection: options?.includeTickSizes ? { tickSizes: [{ from: 0, size: 0.01 }] } : undefined }) as unknown as InstrumentModel);
    },
  };
  return { calls, lookups };
}

describe("BatchedLookups", () => {
  it("sends the ids asked for within the gathering time as one list per account, at the most urgent priority, each caller getting its own item", async () => {
    const clock = new ManualClock(0);
    const { calls, lookups } = fakeBinck();
    const batched = new BatchedLookups(lookups, clock, { gatherMs: 20 });
    const a = batched.instrument("111", "aaaaa");
    const b = batched.instrument("111", "bbbbb", { priority: "visibleCell" });
    const again = batched.instrument("111", "aaaaa");
    const other = batched.instrument("222", "aaaaa");
    clock.advance(19);
    await flush();
    expect(calls).toEqual([]);
    clock.advance(1);
    expect((await a).name).toBe("name of aaaaa");
    expect((await b).tickSizeCollection).toEqual({ tickSizes: [{ from: 0, size: 0.01 }] });
    expect(await again).toBe(await a);
    expect((await other).id).toBe("aaaaa");
    expect(calls).toEqual([
      { what: "instruments", account: "111", ids: ["aaaaa", "bbbbb"], priority: "visibleCell" },
      { what: "instruments", account: "222", ids: ["aaaaa"], priority: "background" },
    ]);
  });

  it("sends at most 100 ids a request, without waiting once 100 are gathered", async () => {
    const clock = new ManualClock(0);
    const { calls, lookups } = fakeBinck();
    const batched = new BatchedLookups(lookups, clock, { gatherMs: 50 });
    const ids = Array.from({ length: 250 }, (_, i) => `q${String(i).padStart(4, "0")}`);
    const quotes = ids.map((id) => batched.quote("111", id, { level: "tradesOnly", priority: "visibleCell" }));
    await flush();
    expect(calls.map((call) => call.ids.length)).toEqual([100, 100]);
    clock.advance(50);
    expect((await Promise.all(quotes)).map((quote) => quote.instrumentId)).toEqual(ids);
    expect(calls.map((call) => call.ids.length)).toEqual([100, 100, 50]);
    expect(calls.every((call) => call.level === "tradesOnly" && call.priority === "visibleCell")).toBe(true);
  });

  it("halves a list that Binck refuses for an unknown id, so only its caller gets the error", async () => {
    const clock = new ManualClock(0);
    const { calls, lookups } = fakeBinck((id) => id !== "bad03");
    const batched = new BatchedLookups(lookups, clock);
    const ids = Array.from({ length: 8 }, (_, i) => `bad0${i}`);
    const outcomes = ids.map((id) => batched.instrument("111", id).then((instrument) => instrument.id, (error: BinckError) => `${error.status}`));
    clock.advance(20);
    expect(await Promise.all(outcomes)).toEqual(["bad00", "bad01", "bad02", "404", "bad04", "bad05", "bad06", "bad07"]);
    expect(calls.map((call) => call.ids.join(","))).toEqual([
      ids.join(","), "bad00,bad01,bad02,bad03", "bad04,bad05,bad06,bad07", "bad00,bad01", "bad02,bad03", "bad02", "bad03",
    ]);
  });

  it("refuses a malformed id on its own, without spoiling the list", async () => {
    const clock = new ManualClock(0);
    const { calls, lookups } = fakeBinck();
    const batched = new BatchedLookups(lookups, clock);
    const good = batched.instrument("111", "aaaaa");
    await expect(batched.instrument("111", "a,b")).rejects.toMatchObject({ code: "invalidInput", endUserMessage: "instrumentIds 'a,b': an instrument id is letters and digits." });
    clock.advance(20);
    expect((await good).id).toBe("aaaaa");
    expect(calls).toHaveLength(1);
  });

  it("tells a caller whose id is missing from a successful answer", async () => {
    const clock = new ManualClock(0);
    const lookups: ListLookups = { getQuotes: async () => [], getInstruments: async () => [] };
    const batched = new BatchedLookups(lookups, clock);
    const missing = batched.quote("111", "zzzzz");
    clock.advance(20);
    await expect(missing).rejects.toMatchObject({ code: "invalidInput", endUserMessage: "No quote for instrument id zzzzz." });
  });
});
