import { BOOK_DEPTH } from "../../../src/core/wire/realtime";
import type { CatalogueEntry } from "./catalogue/catalogue-entry";
import type { BookLevel, QuoteState } from "./market";
import type { PriceModel } from "./price-model";
import { stepTicks } from "./tick-sizes";

/** Book volumes change every this many ms (not every tick), so updates carry only what moved. */
const BOOK_VOLUME_PERIOD_MS = 4_000;
const SPREAD_PERIOD_MS = 1_000;
/** noiseOf purpose of an instrument's phase within the periods above. */
const PHASE_PURPOSE = 60;

/**
 * What an instrument's book is made of besides the last price, kept between ticks: the spread of a spread cell,
 * the gaps, volumes and order counts of a volume cell. A book is rebuilt only when the last price or a cell
 * moved, and hashes its noise only when a cell did.
 */
export interface BookMemo {
  /**
   * Where this instrument's spread and volume periods start, ms: each instrument has its own, as each has its own
   * tick slot (tick-phases.ts). With one boundary for all, every watched book changed whole in the same tick step
   * every second and every 4 s: a burst of ~30,000 items at once that no real feed sends.
   */
  readonly phaseMs: number;
  price: number;
  spreadCell: number;
  volumeCell: number;
  /** Whether the best bid / ask sits one tick below / above the last price. */
  below: boolean;
  above: boolean;
  /** Ticks between depth-1 and depth, for depth 1..4: bids at [depth - 1], asks at [BOOK_DEPTH - 1 + depth - 1]. */
  readonly gaps: number[];
  /** Volume in lots and order count of each level: bids at [depth], asks at [BOOK_DEPTH + depth]. */
  readonly lots: number[];
  readonly orders: number[];
}

/** Five levels each side around the last price: best bid <= last <= best ask, spread one or two ticks. */
export class OrderBookMaker {
  constructor(private readonly model: PriceModel) {}

  /** Moves the state's book to `timeMs`; returns the memo to keep for the next move. */
  move(entry: CatalogueEntry, state: QuoteState, memo: BookMemo | undefined, last: number, timeMs: number): BookMemo {
    const phaseMs = memo?.phaseMs ?? this.phaseOf(entry);
    const spreadCell = Math.floor((timeMs + phaseMs) / SPREAD_PERIOD_MS);
    const volumeCell = Math.floor((timeMs + phaseMs) / BOOK_VOLUME_PERIOD_MS);
    if (memo && memo.price === last && memo.spreadCell === spreadCell && memo.volumeCell === volumeCell) {
      // Levels are the state's own objects, never handed out beyond a synchronous read: their time moves in place.
      for (const level of state.bid) level.timeMs = timeMs;
      for (const level of state.ask) level.timeMs = timeMs;
      return memo;
    }
    const key = this.model.noiseKey(entry);
    memo ??= { phaseMs, price: last, spreadCell: NaN, volumeCell: NaN, below: false, above: false, gaps: [], lots: [], orders: [] };
    memo.price = last;
    if (memo.spreadCell !== spreadCell) {
      memo.spreadCell = spreadCell;
      memo.below = this.model.noiseOf(key, 11, spreadCell) < 0.5;
      memo.above = !memo.below || this.model.noiseOf(key, 12, spreadCell) < 0.5;
    }
    if (memo.volumeCell !== volumeCell) {
      memo.volumeCell = volumeCell;
      this.shape(memo, key, volumeCell);
    }
    this.build(entry, state, memo, last, timeMs);
    return memo;
  }

  private phaseOf(entry: CatalogueEntry): number {
    return Math.floor(this.model.noiseOf(this.model.noiseKey(entry), PHASE_PURPOSE, 0) * BOOK_VOLUME_PERIOD_MS);
  }

  private shape(memo: BookMemo, key: number, volumeCell: number): void {
    for (let depth = 1; depth < BOOK_DEPTH; depth++) {
      memo.gaps[depth - 1] = this.model.noiseOf(key, 13 + depth, volumeCell) < 0.7 ? 1 : 2;
      memo.gaps[BOOK_DEPTH - 1 + depth - 1] = this.model.noiseOf(key, 18 + depth, volumeCell) < 0.7 ? 1 : 2;
    }
    for (let side = 0; side < 2; side++) {
      for (let depth = 0; depth < BOOK_DEPTH; depth++) {
        const lots = 1 + Math.floor(this.model.noiseOf(key, 20 + side * 10 + depth, volumeCell) * 25);
        memo.lots[side * BOOK_DEPTH + depth] = lots;
        memo.orders[side * BOOK_DEPTH + depth] = 1 + Math.floor(this.model.noiseOf(key, 40 + side * 10 + depth, volumeCell) * Math.min(9, lots));
      }
    }
  }

  private build(entry: CatalogueEntry, state: QuoteState, memo: BookMemo, last: number, timeMs: number): void {
    const lot = last >= 100 ? 10 : last >= 5 ? 100 : 500;
    const bid: BookLevel[] = [];
    const ask: BookLevel[] = [];
    let bidPrice = memo.below ? stepTicks(entry.ticks, last, -1) : last;
    let askPrice = memo.above ? stepTicks(entry.ticks, last, 1) : last;
    // At the minimum price the bid cannot step down: keep the book uncrossed by moving the ask up.
    if (askPrice <= bidPrice) askPrice = stepTicks(entry.ticks, bidPrice, 1);
    for (let depth = 0; depth < BOOK_DEPTH; depth++) {
      if (depth > 0) {
        for (let i = 0; i < memo.gaps[depth - 1]; i++) bidPrice = stepTicks(entry.ticks, bidPrice, -1);
        for (let i = 0; i < memo.gaps[BOOK_DEPTH - 1 + depth - 1]; i++) askPrice = stepTicks(entry.ticks, askPrice, 1);
      }
      if (depth > 0 && bidPrice >= bid[depth - 1].price) break;
      bid.push({ price: bidPrice, volume: lot * memo.lots[depth], orderCount: memo.orders[depth], timeMs });
      ask.push({ price: askPrice, volume: lot * memo.lots[BOOK_DEPTH + depth], orderCount: memo.orders[BOOK_DEPTH + depth], timeMs });
    }
    state.bid = bid;
    state.ask = ask;
  }
}
