import type { InstrumentModel } from "../../../src/core/wire/models";
import type { QuoteItem, StreamLevel } from "../../../src/core/wire/realtime";

/** One instrument of the sandbox's catalogue: its wire model plus what the simulator needs. */
export interface SandboxInstrument {
  /** The full wire model, `tickSizeCollection` included (REST strips it unless includeTickSizes=true). */
  readonly model: InstrumentModel;
  /** Ids of the instrument lists (GET /instruments/lists/{id}) it belongs to. */
  readonly lists: readonly string[];
  /** optionClass / futureClass entries have no quotes. */
  readonly quotable: boolean;
  /** Option / future series: the id of their optionClass / futureClass entry. */
  readonly classId?: string;
  /** Leveraged products: the facts GET /instruments/leveragedproducts filters on. */
  readonly leveraged?: LeveragedFacts;
}

export interface LeveragedFacts {
  readonly category: "bonds" | "commodities" | "currencies" | "equities" | "indices";
  readonly publisher: string;
  readonly direction: "long" | "short";
  /** XL turbos (no stop-loss above the financing level) vs regular turbos. */
  readonly xl: boolean;
}

export interface Catalogue {
  get(id: string): SandboxInstrument | undefined;
  all(): readonly SandboxInstrument[];
  /** Instruments with this ISIN, on this market when `mic` is given. */
  byIsin(isin: string, mic?: string): SandboxInstrument[];
  /** Members of an instrument list (`SandboxInstrument.lists`), in catalogue order. */
  list(listId: string): readonly SandboxInstrument[];
  /** The option / future series of a class (`SandboxInstrument.classId`), in catalogue order. */
  seriesOf(classId: string): readonly SandboxInstrument[];
}

export interface PricePoint {
  price: number;
  timeMs: number;
}

export interface BookLevel {
  price: number;
  volume: number;
  orderCount: number;
  timeMs: number;
}

/**
 * The current state of one instrument's quotes. `bid[0]` / `ask[0]` is the best level. The market's own object,
 * changed in place as it moves (book level times included): read it, copy what must be kept.
 */
export interface QuoteState {
  readonly instrumentId: string;
  last?: PricePoint & { volume: number };
  open?: PricePoint;
  high?: PricePoint;
  low?: PricePoint;
  /** The previous session's close. */
  close?: PricePoint & { volume: number };
  cumVol: number;
  bid: BookLevel[];
  ask: BookLevel[];
}

/** A batch of `qu` items for one instrument, as produced by one simulator step. */
export type QuoteListener = (items: QuoteItem[]) => void;

/** The simulated market: prices that move, books, and trades printed by sandbox orders. */
export interface Market {
  readonly catalogue: Catalogue;
  /** Current state, advanced to now; undefined for unknown or unquotable instruments. */
  quote(instrumentId: string): QuoteState | undefined;
  /** Items for a `qi` snapshot at this level (bid/ask filtered out below TopOfBook, depth below Book). */
  snapshotItems(instrumentId: string, level: StreamLevel): QuoteItem[];
  /** Every update of this instrument until the returned function is called. Watching makes it tick. */
  watch(instrumentId: string, listener: QuoteListener): () => void;
  /** Prints a trade of a sandbox order on the tape (last, volume, high/low), notifying watchers. */
  printTrade(instrumentId: string, price: number, quantity: number): void;
  setTicksPerSecond(ticksPerSecond: number): void;
  /** Back to the seeded start state; watchers stay attached. */
  reset(): void;
  stop(): void;
}
