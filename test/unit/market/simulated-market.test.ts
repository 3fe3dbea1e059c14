import { ManualClock } from "../../../src/core/clock";
import type { QuoteItem } from "../../../src/core/wire/realtime";
import { quoteItems, tagNewCycle } from "../../../server/sandbox/market/quote-items";
import { QUOTE_CYCLE_PERIOD_MS, SimulatedMarket } from "../../../server/sandbox/market/simulated-market";
import { isValidPrice } from "../../../server/sandbox/market/tick-sizes";

const SEED = 20210630;

function market(clock = new ManualClock(), ticksPerSecond = 2): { clock: ManualClock; market: SimulatedMarket } {
  return { clock, market: new SimulatedMarket({ clock, seed: SEED, ticksPerSecond }) };
}

/**
 * The rule for updates, spelled out over whole item lists: the items of `next` that differ from `previous` (same
 * `typ`) in price, volume or order count, are new, or are a new trade (a new `lst` time). Book times alone do not count.
 */
function changedItems(previous: readonly QuoteItem[], next: readonly QuoteItem[]): QuoteItem[] {
  const before = new Map(previous.map((item) => [item.typ, item]));
  return next.filter((item) => {
    const old = before.get(item.typ);
    if (!old) return true;
    if (old.prc !== item.prc || old.vol !== item.vol || old.ord !== item.ord) return true;
    return item.typ === "lst" && old.dt !== item.dt;
  });
}

function idOf(simulated: SimulatedMarket, isin: string, mic: string): string {
  return simulated.catalogue.byIsin(isin, mic)[0].model.id;
}

describe("SimulatedMarket", () => {
  it("is reproducible: the same seed and clock give the same updates", () => {
    const runs = [market(), market()].map(({ clock, market: simulated }) => {
      const batches: QuoteItem[][] = [];
      simulated.watch(idOf(simulated, "NL0010273215", "XAMS"), (items) => batches.push(items));
      clock.advance(30_000);
      simulated.stop();
      return batches;
    });
    expect(runs[0].length).toBeGreaterThan(10);
    expect(runs[1]).toEqual(runs[0]);
  });

  it("starts at the reference price and keeps every price on the tick grid with an ordered five-level book", () => {
    const { clock, market: simulated } = market();
    const asml = simulated.catalogue.byIsin("NL0010273215", "XAMS")[0];
    expect(simulated.quote(asml.model.id)!.last!.price).toBe(612.4);
    const ids = simulated.catalogue.all().filter((entry) => entry.quotable).filter((_, index) => index % 97 === 0).map((entry) => entry.model.id);
    for (let step = 0; step < 5; step++) {
      clock.advance(3_600_000);
      for (const id of ids) {
        const entry = simulated.catalogue.get(id)!;
        const state = simulated.quote(id)!;
        expect(isValidPrice(entry.ticks, state.last!.price)).toBe(true);
        expect(state.high!.price).toBeGreaterThanOrEqual(state.last!.price);
        expect(state.low!.price).toBeLessThanOrEqual(state.last!.price);
        if (!entry.hasBook) {
          expect(state.bid).toEqual([]);
          continue;
        }
        // Near the minimum price (far out-of-the-money options) there is no room for five bid levels.
        expect(state.bid.length).toBe(entry.model.type === "equity" ? 5 : state.ask.length);
        expect(state.bid.length).toBeGreaterThanOrEqual(1);
        expect(state.bid[0].price).toBeLessThanOrEqual(state.last!.price);
        expect(state.ask[0].price).toBeGreaterThanOrEqual(state.last!.price);
        expect(state.bid[0].price).toBeLessThan(state.ask[0].price);
        for (let level = 1; level < state.bid.length; level++) {
          expect(state.bid[level].price).toBeLessThan(state.bid[level - 1].price);
          expect(state.ask[level].price).toBeGreaterThan(state.ask[level - 1].price);
          expect(isValidPrice(entry.ticks, state.bid[level].price)).toBe(true);
          expect(isValidPrice(entry.ticks, state.ask[level].price)).toBe(true);
        }
      }
    }
  });

  it("gives qi snapshots filtered by level, then qu batches of changed items only", () => {
    const { clock, market: simulated } = market();
    const id = idOf(simulated, "NL0011821202", "XAMS");
    const trades = simulated.snapshotItems(id, "Trades").map((item) => item.typ);
    expect(trades).toEqual(["lst", "vol", "cls", "opn", "hgh", "low"]);
    expect(simulated.snapshotItems(id, "TopOfBook").map((item) => item.typ)).toEqual([...trades, "bid", "ask"]);
    const book = simulated.snapshotItems(id, "Book");
    expect(book.map((item) => item.typ)).toEqual([...trades, "bid", "bid2", "bid3", "bid4", "bid5", "ask", "ask2", "ask3", "ask4", "ask5"]);
    expect(book.every((item) => item.msg === "qi")).toBe(true);
    const batches: QuoteItem[][] = [];
    simulated.watch(id, (items) => batches.push(items));
    clock.advance(10_000);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.length).toBeLessThanOrEqual(20);
    for (const batch of batches) {
      expect(batch.every((item) => item.msg === "qu")).toBe(true);
      expect(batch.length).toBeLessThan(book.length);
      expect(new Set(batch.map((item) => item.typ)).size).toBe(batch.length);
    }
    simulated.stop();
  });

  it("starts a C cycle with every item at least once per cycle period", () => {
    const { clock, market: simulated } = market();
    const id = idOf(simulated, "FR0000120644", "XPAR");
    const cycles: QuoteItem[][] = [];
    simulated.watch(id, (items) => { if (items[0].tags === "C") cycles.push(items); });
    clock.advance(QUOTE_CYCLE_PERIOD_MS + 1000);
    expect(cycles.length).toBe(1);
    expect(cycles[0].map((item) => item.typ)).toEqual(simulated.snapshotItems(id, "Book").map((item) => item.typ));
    expect(cycles[0].slice(1).every((item) => item.tags === undefined)).toBe(true);
    simulated.stop();
  });

  it("prints a sandbox trade: last, volume and high follow, watchers hear it at once", () => {
    const { market: simulated } = market(new ManualClock(), 0);
    const id = idOf(simulated, "NL0000009538", "XAMS");
    const before = simulated.quote(id)!;
    const cumVol = before.cumVol;
    const heard: QuoteItem[][] = [];
    simulated.watch(id, (items) => heard.push(items));
    simulated.printTrade(id, 30.5, 1200);
    const after = simulated.quote(id)!;
    expect(after.last).toMatchObject({ price: 30.5, volume: 1200 });
    expect(after.cumVol).toBe(cumVol + 1200);
    expect(after.high!.price).toBe(30.5);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toEqual(expect.arrayContaining([
      expect.objectContaining({ msg: "qu", typ: "lst", prc: 30.5, vol: 1200 }),
      expect.objectContaining({ typ: "vol", vol: cumVol + 1200 }),
      expect.objectContaining({ typ: "hgh", prc: 30.5 }),
    ]));
    expect(() => simulated.printTrade(id, -1, 10)).toThrow("printTrade: price -1 of " + id + " must be a positive number.");
    expect(() => simulated.printTrade("zzzzz", 1, 10)).toThrow("printTrade: instrument 'zzzzz' is unknown or has no quotes.");
    simulated.stop();
  });

  it("spreads each step over slots: an instrument is heard only at its own phase, the slots evenly filled, one timer for all", () => {
    const { clock, market: simulated } = market(new ManualClock(), 10);
    const start = clock.now();
    const ids = simulated.catalogue.all().filter((entry) => entry.quotable).slice(0, 1000).map((entry) => entry.model.id);
    const heardAt = new Map<string, number[]>();
    const perInstant = new Map<number, number>();
    for (const id of ids) {
      simulated.watch(id, () => {
        heardAt.set(id, [...(heardAt.get(id) ?? []), clock.now() - start]);
        perInstant.set(clock.now() - start, (perInstant.get(clock.now() - start) ?? 0) + 1);
      });
    }
    for (let ms = 0; ms < 1000; ms++) {
      clock.advance(1);
      expect(clock.pendingTimers()).toBe(1);
    }
    // 10 ticks per second, slots 5 ms apart: 20 phases per 100 ms step.
    const offsets = new Map<number, number>();
    for (const [id, times] of heardAt) {
      const phases = new Set(times.map((time) => time % 100));
      expect({ id, phases: phases.size }).toEqual({ id, phases: 1 });
      const [phase] = phases;
      expect(phase % 5).toBe(0);
      offsets.set(phase, (offsets.get(phase) ?? 0) + 1);
      const steps = times.map((time) => Math.floor(time / 100));
      expect(new Set(steps).size).toBe(steps.length);
    }
    expect([...offsets.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, slot) => slot * 5));
    // Instruments without a book may not trade for a second. The others fill the slots (evenness: tick-phases.test.ts).
    expect(heardAt.size).toBeGreaterThan(600);
    for (const count of offsets.values()) expect(count).toBeGreaterThan(10);
    expect(Math.max(...perInstant.values())).toBeLessThanOrEqual(Math.max(...offsets.values()));
    expect([...perInstant.keys()].every((time) => time % 5 === 0)).toBe(true);
    simulated.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it("needs no timer for unwatched instruments and one timer for all watched ones, stopped when the last leaves", () => {
    const { clock, market: simulated } = market();
    const ids = simulated.catalogue.all().filter((entry) => entry.quotable).slice(0, 50).map((entry) => entry.model.id);
    simulated.quote(ids[0]);
    expect(clock.pendingTimers()).toBe(0);
    const stops = ids.map((id) => simulated.watch(id, () => {}));
    expect(clock.pendingTimers()).toBe(1);
    stops.forEach((stop) => stop());
    expect(clock.pendingTimers()).toBe(0);
  });

  it("freezes at 0 ticks per second and resets to the seeded start", () => {
    const { clock, market: simulated } = market(new ManualClock(), 0);
    const id = idOf(simulated, "US0378331005", "XNAS");
    const frozen = simulated.quote(id)!.last!.price;
    clock.advance(3_600_000);
    expect(simulated.quote(id)!.last!.price).toBe(frozen);
    simulated.setTicksPerSecond(2);
    clock.advance(3_600_000);
    expect(simulated.quote(id)!.last!.price).not.toBe(frozen);
    simulated.reset();
    expect(simulated.quote(id)!.last!.price).toBe(228);
    expect(() => simulated.setTicksPerSecond(-1)).toThrow("ticksPerSecond -1 must be a number from 0 to 1000.");
  });

  it("keeps a book whose last price and cells did not move, stamped with the new time; rebuilds the others", () => {
    const { clock, market: simulated } = market(new ManualClock(), 10);
    const ids = simulated.catalogue.all().filter((entry) => entry.quotable && entry.hasBook).slice(0, 300).map((entry) => entry.model.id);
    const copy = (id: string) => structuredClone(simulated.quote(id)!);
    const before = new Map(ids.map((id) => [id, copy(id)]));
    // 100 ms: about a tenth of the books turn their own spread period (order-book.test.ts has the exact rule).
    clock.advance(100);
    let kept = 0;
    let turned = 0;
    let moved = 0;
    for (const id of ids) {
      const old = before.get(id)!;
      const now = simulated.quote(id)!;
      const levels = (state: typeof now) => [...state.bid, ...state.ask].map(({ price, volume, orderCount }) => ({ price, volume, orderCount }));
      if (now.last!.price === old.last!.price) {
        if (JSON.stringify(levels(now)) === JSON.stringify(levels(old))) kept++;
        else turned++;
      } else {
        moved++;
        expect(now.bid[0].price).toBeLessThanOrEqual(now.last!.price);
        expect(now.ask[0].price).toBeGreaterThanOrEqual(now.last!.price);
      }
      expect([...now.bid, ...now.ask].every((level) => level.timeMs === clock.now())).toBe(true);
    }
    expect(kept).toBeGreaterThan(0);
    expect(turned).toBeLessThan(kept / 4);
    expect(moved).toBeGreaterThan(0);
  });

  it("ticks 3,000 watched instruments: each hears, once per step at its own phase, exactly what changed since its last state", () => {
    const { clock, market: simulated } = market();
    const entries = simulated.catalogue.all().filter((entry) => entry.quotable).slice(0, 3000);
    const heard = new Map<string, QuoteItem[][]>();
    for (const { model } of entries) simulated.watch(model.id, (items) => heard.set(model.id, [...(heard.get(model.id) ?? []), items]));
    expect(simulated.watchedCount()).toBe(3000);
    const everything = () => new Map(entries.map(({ model, hasBook }) => [model.id, quoteItems(simulated.quote(model.id)!, "qu", hasBook)]));
    let previous = everything();
    // Each instrument is published in its own slot within the step (tick-phases.ts): 1 ms before the next step
    // boundary, every slot of the current step has ticked and none of the next.
    clock.advance(499);
    let batches = 0;
    let cycles = 0;
    for (let tick = 0; tick < 6; tick++) {
      heard.clear();
      clock.advance(500);
      const next = everything();
      // Compared as text: 3,000 deep equalities per tick would make this test slow.
      const wrong: string[] = [];
      for (const [id, items] of next) {
        const received = heard.get(id) ?? [];
        const newCycle = received[0]?.[0].tags === "C";
        const expected = newCycle ? [tagNewCycle([...items])] : [changedItems(previous.get(id)!, items)].filter((batch) => batch.length > 0);
        if (JSON.stringify(received) !== JSON.stringify(expected)) wrong.push(`${id}: heard ${JSON.stringify(received)}, expected ${JSON.stringify(expected)}`);
        batches += received.length;
        if (newCycle) cycles++;
      }
      expect(wrong).toEqual([]);
      previous = next;
    }
    // About one instrument in five moves per tick; a cycle starts for about one in 900 per second (15-minute period).
    expect(batches).toBeGreaterThan(3000);
    expect(cycles).toBeGreaterThan(0);
    expect(cycles).toBeLessThan(200);
    simulated.stop();
  });
});
