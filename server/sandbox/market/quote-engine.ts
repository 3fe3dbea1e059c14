import { BOOK_DEPTH } from "../../../src/core/wire/realtime";
import type { CatalogueEntry } from "./catalogue/catalogue-entry";
import type { BookLevel, QuoteState } from "./market";
import { DAY_MS, type PriceModel } from "./price-model";
import { roundToTick, stepTicks } from "./tick-sizes";

/** Samples per day used to find the high and low of a stretch nobody watched (fewer for derived prices). */
const HIGH_LOW_SAMPLES = 96;
const DERIVED_HIGH_LOW_SAMPLES = 24;
/** Book volumes change every this many ms (not every tick), so updates carry only what moved. */
const BOOK_VOLUME_PERIOD_MS = 4_000;
const SPREAD_PERIOD_MS = 1_000;
const LAST_TRADE_WINDOW_MS = 1_000;

/** A trade of a sandbox order, printed on the tape. */
export interface PrintedTrade {
  price: number;
  quantity: number;
  timeMs: number;
}

/** The live quote state of one instrument plus what is needed to move it forward. */
export interface QuoteRecord {
  readonly entry: CatalogueEntry;
  state: QuoteState;
  /** The moment the state was last advanced to (a step boundary). */
  timeMs: number;
  dayStartMs: number;
  prints: PrintedTrade[];
  /** What the book was built from: while last price, spread cell and volume cell stay, only its times move. */
  bookFrom?: { price: number; spreadCell: number; volumeCell: number };
}

/** Builds and advances quote states from the price model, respecting tick sizes. */
export class QuoteEngine {
  constructor(private readonly model: PriceModel) {}

  priceAt(entry: CatalogueEntry, timeMs: number): number {
    return roundToTick(entry.ticks, this.model.price(entry, timeMs));
  }

  create(entry: CatalogueEntry, timeMs: number): QuoteRecord {
    const dayStartMs = Math.floor(timeMs / DAY_MS) * DAY_MS;
    const closeTime = dayStartMs - 1;
    const openPrice = this.priceAt(entry, dayStartMs);
    const state: QuoteState = {
      instrumentId: entry.model.id,
      close: { price: this.priceAt(entry, closeTime), volume: this.model.volumeBetween(entry, dayStartMs - DAY_MS, dayStartMs), timeMs: closeTime },
      open: { price: openPrice, timeMs: dayStartMs },
      high: { price: openPrice, timeMs: dayStartMs },
      low: { price: openPrice, timeMs: dayStartMs },
      cumVol: 0,
      bid: [],
      ask: [],
    };
    const record: QuoteRecord = { entry, state, timeMs: dayStartMs, dayStartMs, prints: [] };
    this.sampleHighLow(record, dayStartMs, timeMs, (timeMs - dayStartMs) / samplesPerDay(entry));
    // The last trade's volume is what traded in the second before (not the whole day so far).
    state.cumVol = this.model.dayVolumeUntil(entry, Math.max(dayStartMs, timeMs - LAST_TRADE_WINDOW_MS));
    this.moveTo(record, timeMs);
    return record;
  }

  /** Moves the state to `timeMs`; false when a new day began (the caller starts a new cycle). */
  advance(record: QuoteRecord, timeMs: number): boolean {
    if (timeMs <= record.timeMs) return true;
    if (Math.floor(timeMs / DAY_MS) * DAY_MS !== record.dayStartMs) {
      const fresh = this.create(record.entry, timeMs);
      record.state = fresh.state;
      record.timeMs = fresh.timeMs;
      record.dayStartMs = fresh.dayStartMs;
      record.prints = [];
      record.bookFrom = fresh.bookFrom;
      return false;
    }
    const gap = timeMs - record.timeMs;
    const stride = DAY_MS / samplesPerDay(record.entry);
    if (gap > stride) this.sampleHighLow(record, record.timeMs, timeMs, stride);
    this.moveTo(record, timeMs);
    return true;
  }

  /** A sandbox order's fill: last, volume, high and low follow it. */
  print(record: QuoteRecord, trade: PrintedTrade): void {
    record.prints.push(trade);
    const state = record.state;
    state.last = { price: trade.price, volume: trade.quantity, timeMs: trade.timeMs };
    state.cumVol += trade.quantity;
    this.extendHighLow(state, trade.price, trade.timeMs);
  }

  private printedVolume(record: QuoteRecord): number {
    return record.prints.reduce((sum, trade) => sum + trade.quantity, 0);
  }

  private moveTo(record: QuoteRecord, timeMs: number): void {
    const { entry, state } = record;
    const price = this.priceAt(entry, timeMs);
    const cumVol = this.model.dayVolumeUntil(entry, timeMs) + this.printedVolume(record);
    const traded = cumVol - state.cumVol;
    if (!state.last || state.last.price !== price || traded > 0) {
      // A price move is a trade: at least one unit traded even when the hourly volume rounds it away.
      state.last = { price, volume: entry.hasBook ? Math.max(traded, 1) : 0, timeMs };
    }
    state.cumVol = cumVol;
    this.extendHighLow(state, price, timeMs);
    if (entry.hasBook) this.moveBook(record, price, timeMs);
    record.timeMs = timeMs;
  }

  private sampleHighLow(record: QuoteRecord, fromMs: number, toMs: number, strideMs: number): void {
    if (strideMs <= 0) return;
    for (let time = fromMs; time < toMs; time += strideMs) {
      this.extendHighLow(record.state, this.priceAt(record.entry, Math.floor(time)), Math.floor(time));
    }
  }

  private extendHighLow(state: QuoteState, price: number, timeMs: number): void {
    if (!state.high || price > state.high.price) state.high = { price, timeMs };
    if (!state.low || price < state.low.price) state.low = { price, timeMs };
  }

  /** Rebuilds the book when what it is made of changed; otherwise its levels just take the new time. */
  private moveBook(record: QuoteRecord, last: number, timeMs: number): void {
    const spreadCell = Math.floor(timeMs / SPREAD_PERIOD_MS);
    const volumeCell = Math.floor(timeMs / BOOK_VOLUME_PERIOD_MS);
    const from = record.bookFrom;
    if (from && from.price === last && from.spreadCell === spreadCell && from.volumeCell === volumeCell) {
      for (const level of record.state.bid) level.timeMs = timeMs;
      for (const level of record.state.ask) level.timeMs = timeMs;
      return;
    }
    record.bookFrom = { price: last, spreadCell, volumeCell };
    this.buildBook(record.entry, record.state, last, timeMs, spreadCell, volumeCell);
  }

  /** Five levels each side around the last price: best bid <= last <= best ask, spread one or two ticks. */
  private buildBook(entry: CatalogueEntry, state: QuoteState, last: number, timeMs: number, spreadCell: number, volumeCell: number): void {
    const key = this.model.noiseKey(entry);
    const below = this.model.noiseOf(key, 11, spreadCell) < 0.5 ? 1 : 0;
    const above = below === 0 || this.model.noiseOf(key, 12, spreadCell) < 0.5 ? 1 : 0;
    const lot = last >= 100 ? 10 : last >= 5 ? 100 : 500;
    const bid: BookLevel[] = [];
    const ask: BookLevel[] = [];
    let bidPrice = below ? stepTicks(entry.ticks, last, -1) : last;
    let askPrice = above ? stepTicks(entry.ticks, last, 1) : last;
    // At the minimum price the bid cannot step down: keep the book uncrossed by moving the ask up.
    if (askPrice <= bidPrice) askPrice = stepTicks(entry.ticks, bidPrice, 1);
    for (let depth = 0; depth < BOOK_DEPTH; depth++) {
      if (depth > 0) {
        const gapBid = this.model.noiseOf(key, 13 + depth, volumeCell) < 0.7 ? 1 : 2;
        const gapAsk = this.model.noiseOf(key, 18 + depth, volumeCell) < 0.7 ? 1 : 2;
        for (let i = 0; i < gapBid; i++) bidPrice = stepTicks(entry.ticks, bidPrice, -1);
        for (let i = 0; i < gapAsk; i++) askPrice = stepTicks(entry.ticks, askPrice, 1);
      }
      if (depth > 0 && bidPrice >= bid[depth - 1].price) break;
      bid.push(this.level(key, lot, 0, depth, bidPrice, volumeCell, timeMs));
      ask.push(this.level(key, lot, 1, depth, askPrice, volumeCell, timeMs));
    }
    state.bid = bid;
    state.ask = ask;
  }

  private level(key: number, lot: number, side: number, depth: number, price: number, volumeCell: number, timeMs: number): BookLevel {
    const volume = lot * (1 + Math.floor(this.model.noiseOf(key, 20 + side * 10 + depth, volumeCell) * 25));
    const orderCount = 1 + Math.floor(this.model.noiseOf(key, 40 + side * 10 + depth, volumeCell) * Math.min(9, volume / lot));
    return { price, volume, orderCount, timeMs };
  }
}

function samplesPerDay(entry: CatalogueEntry): number {
  return entry.pricing.kind === "walk" ? HIGH_LOW_SAMPLES : DERIVED_HIGH_LOW_SAMPLES;
}
