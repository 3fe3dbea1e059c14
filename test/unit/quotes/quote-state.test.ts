import { applyQuoteMessage, emptyQuote, type InstrumentQuote } from "../../../src/core/quotes/quote-state";
import type { QuoteItem, QuoteType } from "../../../src/core/wire/realtime";

const T0 = "2019-04-23T18:25:43.511Z";
const T1 = "2019-04-23T18:25:44.000Z";
const T2 = "2019-04-23T18:25:45.000Z";

function run(...batches: QuoteItem[][]): { state: InstrumentQuote; changed: boolean[] } {
  const state = emptyQuote("eM1X1");
  const updated = new Set<QuoteType>();
  const changed = batches.map((qt) => applyQuoteMessage(state, { id: "eM1X1", lvl: 2, sdt: T2, qt }, updated));
  return { state, changed };
}

function prices(state: InstrumentQuote): Record<string, number | undefined> {
  return Object.fromEntries([...state.values].map(([typ, value]) => [typ, value.price]));
}

describe("quote state (API.md 5.4, guide.txt 'msg' and 'tags')", () => {
  it.each<[string, QuoteItem[][], Record<string, number | undefined>, boolean[]]>([
    ["the guide's update example", [[{ msg: "qu", typ: "lst", prc: 7.78, vol: 100, ord: 3, dt: T0 }]], { lst: 7.78 }, [true]],
    ["an initial quote after an update of its type is ignored", [[{ msg: "qu", typ: "lst", prc: 7.8, dt: T1 }], [{ msg: "qi", typ: "lst", prc: 7.78, dt: T2 }]], { lst: 7.8 }, [true, false]],
    ["an initial quote of another type still counts", [[{ msg: "qu", typ: "lst", prc: 7.8, dt: T1 }], [{ msg: "qi", typ: "bid", prc: 7.77, dt: T0 }]], { lst: 7.8, bid: 7.77 }, [true, true]],
    ["of several initial quotes the most recent by dt is kept", [[{ msg: "qi", typ: "lst", prc: 7.9, dt: T2 }], [{ msg: "qi", typ: "lst", prc: 7.7, dt: T0 }], [{ msg: "qi", typ: "lst", prc: 7.95, dt: T2 }]], { lst: 7.95 }, [true, false, true]],
    ["an update always wins, however old its dt", [[{ msg: "qi", typ: "lst", prc: 7.9, dt: T2 }], [{ msg: "qu", typ: "lst", prc: 7.7, dt: T0 }]], { lst: 7.7 }, [true, true]],
    ["tag C clears the instrument before its own item", [[{ msg: "qu", typ: "lst", prc: 7.8 }, { msg: "qu", typ: "bid", prc: 7.79 }], [{ msg: "qu", typ: "opn", prc: 7.5, tags: "C" }]], { opn: 7.5 }, [true, true]],
    ["after C an initial quote of a type updated before counts again", [[{ msg: "qu", typ: "lst", prc: 7.8 }], [{ msg: "qi", typ: "cls", prc: 7.0, tags: "C" }, { msg: "qi", typ: "lst", prc: 7.1 }]], { cls: 7.0, lst: 7.1 }, [true, true]],
  ])("%s", (_name, batches, expected, changed) => {
    const result = run(...batches);
    expect(prices(result.state)).toEqual(expected);
    expect(result.changed).toEqual(changed);
  });

  it("keeps the book depth bid..bid5 and ask..ask5 with price, volume and order count", () => {
    const depth: QuoteItem[] = [1, 2, 3, 4, 5].flatMap((level) => [
      { msg: "qi", typ: (level === 1 ? "bid" : `bid${level}`) as QuoteType, prc: 10 - level / 100, vol: 100 * level, ord: level, dt: T0 },
      { msg: "qi", typ: (level === 1 ? "ask" : `ask${level}`) as QuoteType, prc: 10 + level / 100, vol: 200 * level, ord: 0, dt: T0 },
    ]);
    const { state } = run(depth);
    expect(state.values.get("bid3")).toEqual({ price: 9.97, volume: 300, orders: 3, timeMs: Date.parse(T0), msg: "qi", market: false, open: false, excluded: false });
    expect(state.values.get("ask5")).toMatchObject({ price: 10.05, volume: 1000, orders: 0 });
    expect([...state.values.keys()].sort()).toEqual(["ask", "ask2", "ask3", "ask4", "ask5", "bid", "bid2", "bid3", "bid4", "bid5"]);
  });

  it("keeps every trade type, the cumulative volume without dt, and the send time", () => {
    const trades = ["lst", "cls", "opn", "hgh", "low", "thp", "ivl", "idv", "iir", "set", "oir"].map<QuoteItem>((typ, index) => ({ msg: "qu", typ: typ as QuoteType, prc: index + 1, vol: 0, dt: T1 }));
    const { state } = run([...trades, { msg: "qu", typ: "vol", prc: 0, vol: 12_345 }]);
    expect(state.values.size).toBe(12);
    expect(state.values.get("oir")?.price).toBe(11);
    expect(state.values.get("vol")).toMatchObject({ price: 0, volume: 12_345, timeMs: undefined });
    expect(state.sentAtMs).toBe(Date.parse(T2));
    expect(state.version).toBe(1);
  });

  it("flags M (market), O (open) and X (exclude from charts) on the item, and counts C cycles", () => {
    const { state } = run(
      [{ msg: "qu", typ: "bid", prc: 0, tags: "M" }, { msg: "qu", typ: "ask", prc: 7.81, tags: "OX" }],
      [{ msg: "qu", typ: "lst", prc: 7.8, tags: "CX" }],
    );
    expect(state.cycles).toBe(1);
    expect([...state.values.keys()]).toEqual(["lst"]);
    expect(state.values.get("lst")).toMatchObject({ market: false, open: false, excluded: true });
    const flagged = run([{ msg: "qu", typ: "bid", prc: 0, tags: "M" }, { msg: "qu", typ: "ask", prc: 7.81, tags: "OX" }]).state;
    expect(flagged.values.get("bid")).toMatchObject({ market: true, open: false, excluded: false });
    expect(flagged.values.get("ask")).toMatchObject({ market: false, open: true, excluded: true });
  });
});
