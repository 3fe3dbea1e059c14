import type { CatalogueEntry } from "./catalogue/catalogue-entry";
import type { QuoteState } from "./market";
import { OrderBookMaker, type BookMemo } from "./order-book";
import { DAY_MS, type PriceModel } from "./price-model";
import { roundToTick } from "./tick-sizes";

/** Samples per day used to find the high and low of a stretch nobody watched (fewer for derived prices). */
const HIGH_LOW_SAMPLES = 96;
const DERIVED_HIGH_LOW_SAMPLES = 24;
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
  book?: BookMemo;
}

/** Builds and advances quote states from the price model, respecting tick sizes. */
export class QuoteEngine {
  private readonly books: OrderBookMaker;

  constructor(private readonly model: PriceModel) {
    this.books = new OrderBookMaker(model);
  }

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
      record.book = fresh.book;
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
    let sum = 0;
    for (const trade of record.prints) sum += trade.quantity;
    return sum;
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
    if (entry.hasBook) record.book = this.books.move(entry, state, record.book, price, timeMs);
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
}

function samplesPerDay(entry: CatalogueEntry): number {
  return entry.pricing.kind === "walk" ? HIGH_LOW_SAMPLES : DERIVED_HIGH_LOW_SAMPLES;
}
