import type { InstrumentModel } from "../../src/core/wire/models";
import { bookType, itemAllowedAtLevel, type QuoteItem, type StreamLevel } from "../../src/core/wire/realtime";
import type { Catalogue, Market, QuoteListener, QuoteState, SandboxInstrument } from "../../server/sandbox/market/market";

/** A tiny hand-driven Market: a few instruments whose prices move only when a test calls `setLast`. */
export class FakeMarket implements Market {
  private readonly states = new Map<string, QuoteState>();
  private readonly watchers = new Map<string, Set<QuoteListener>>();
  readonly instruments: SandboxInstrument[];
  readonly catalogue: Catalogue;
  ticksPerSecond = 0;

  constructor(private readonly nowMs: () => number = () => Date.now()) {
    this.instruments = FAKE_INSTRUMENTS.map(([id, name, isin, mic, currency, price, type]) => ({
      model: instrumentModel(id, name, isin, mic, currency, type),
      lists: ["allInstruments"],
      quotable: true,
      referencePrice: price,
    })) as SandboxInstrument[];
    this.catalogue = {
      get: (id) => this.instruments.find((instrument) => instrument.model.id === id),
      all: () => this.instruments,
      byIsin: (isin, mic) => this.instruments.filter((instrument) => instrument.model.isincode === isin && (!mic || instrument.model.marketIdentificationCode === mic)),
      list: (listId) => this.instruments.filter((instrument) => instrument.lists.includes(listId)),
      seriesOf: (classId) => this.instruments.filter((instrument) => instrument.classId === classId),
    };
    this.reset();
  }

  quote(instrumentId: string): QuoteState | undefined {
    return this.states.get(instrumentId);
  }

  snapshotItems(instrumentId: string, level: StreamLevel): QuoteItem[] {
    const state = this.states.get(instrumentId);
    if (!state) return [];
    return itemsOf(state, "qi").filter((item) => itemAllowedAtLevel(item.typ, level));
  }

  watch(instrumentId: string, listener: QuoteListener): () => void {
    let set = this.watchers.get(instrumentId);
    if (!set) this.watchers.set(instrumentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  watcherCount(instrumentId: string): number {
    return this.watchers.get(instrumentId)?.size ?? 0;
  }

  /** Moves the last price (and the book around it) and tells the watchers. */
  setLast(instrumentId: string, price: number, volume = 100): void {
    const state = this.states.get(instrumentId);
    if (!state) throw new Error(`FakeMarket has no instrument ${instrumentId}`);
    const timeMs = this.nowMs();
    state.last = { price, volume, timeMs };
    state.cumVol += volume;
    state.bid = [1, 2, 3, 4, 5].map((level) => ({ price: round(price - 0.01 * level), volume: 100 * level, orderCount: level, timeMs }));
    state.ask = [1, 2, 3, 4, 5].map((level) => ({ price: round(price + 0.01 * level), volume: 100 * level, orderCount: level, timeMs }));
    const items = itemsOf(state, "qu");
    for (const listener of this.watchers.get(instrumentId) ?? []) listener(items);
  }

  printTrade(instrumentId: string, price: number, quantity: number): void {
    this.setLast(instrumentId, price, quantity);
  }

  setTicksPerSecond(ticksPerSecond: number): void {
    this.ticksPerSecond = ticksPerSecond;
  }

  reset(): void {
    const timeMs = this.nowMs();
    for (const instrument of this.instruments) {
      const price = (instrument as SandboxInstrument & { referencePrice: number }).referencePrice;
      this.states.set(instrument.model.id, {
        instrumentId: instrument.model.id,
        last: { price, volume: 100, timeMs },
        close: { price, volume: 0, timeMs: timeMs - 86_400_000 },
        open: { price, timeMs },
        high: { price, timeMs },
        low: { price, timeMs },
        cumVol: 0,
        bid: [1, 2, 3, 4, 5].map((level) => ({ price: round(price - 0.01 * level), volume: 100 * level, orderCount: level, timeMs })),
        ask: [1, 2, 3, 4, 5].map((level) => ({ price: round(price + 0.01 * level), volume: 100 * level, orderCount: level, timeMs })),
      });
    }
  }

  stop(): void {}
}

const FAKE_INSTRUMENTS: Array<[string, string, string, string, string, number, InstrumentModel["type"]]> = [
  ["aSm1L", "ASML HOLDING", "NL0010273215", "XAMS", "EUR", 600, "equity"],
  ["iNg01", "ING GROEP", "NL0011821202", "XAMS", "EUR", 12.5, "equity"],
  ["dAn0n", "DANONE", "FR0000120644", "XPAR", "EUR", 60, "equity"],
  ["aPpL1", "APPLE INC", "US0378331005", "XNAS", "USD", 150, "equity"],
  ["aBiNb", "AB INBEV", "BE0974293251", "XBRU", "EUR", 56, "equity"],
  ["sAp01", "SAP SE", "DE0007164600", "XETR", "EUR", 120, "equity"],
  ["pHiA1", "PHILIPS KON", "NL0000009538", "XAMS", "EUR", 25, "equity"],
  ["eNi01", "ENI", "IT0003132476", "XMIL", "EUR", 12, "equity"],
  ["aEx01", "AEX", "NL0000000107", "XAMS", "EUR", 700, "index"],
];

function instrumentModel(id: string, name: string, isin: string, mic: string, currency: string, type: InstrumentModel["type"]): InstrumentModel {
  return {
    id, name, symbol: name.split(" ")[0], tickerSymbol: name.split(" ")[0], isincode: isin, type,
    marketIdentificationCode: mic, currency, priceDecimals: 2, isTradable: type !== "index", isKidApplicable: false,
    hasOptions: false, hasFutures: false, hasSrd: false, hasLeveragedProducts: false, hasOrderModifications: true,
    tickSizeCollection: { tickSizes: [{ from: 0, size: 0.01 }] },
  };
}

function itemsOf(state: QuoteState, msg: "qi" | "qu"): QuoteItem[] {
  const dt = (timeMs: number) => new Date(timeMs).toISOString();
  const items: QuoteItem[] = [];
  if (state.last) items.push({ msg, typ: "lst", prc: state.last.price, vol: state.last.volume, dt: dt(state.last.timeMs) });
  items.push({ msg, typ: "vol", prc: 0, vol: state.cumVol });
  state.bid.forEach((level, index) => items.push({ msg, typ: bookType("bid", index + 1), prc: level.price, vol: level.volume, ord: level.orderCount, dt: dt(level.timeMs) }));
  state.ask.forEach((level, index) => items.push({ msg, typ: bookType("ask", index + 1), prc: level.price, vol: level.volume, ord: level.orderCount, dt: dt(level.timeMs) }));
  return items;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
