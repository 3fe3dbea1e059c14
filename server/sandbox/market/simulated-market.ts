import type { Clock } from "../../../src/core/clock";
import type { QuoteItem, StreamLevel } from "../../../src/core/wire/realtime";
import type { Catalogue, Market, QuoteListener, QuoteState, SandboxInstrument } from "./market";

export interface MarketDeps {
  clock: Clock;
  seed: number;
  ticksPerSecond: number;
}

/** PLACEHOLDER: being written (market helper). */
export class SimulatedMarket implements Market {
  readonly catalogue: Catalogue = { get: () => undefined, all: () => [] as SandboxInstrument[], byIsin: () => [] };
  constructor(_deps: MarketDeps) {}
  quote(_id: string): QuoteState | undefined { return undefined; }
  snapshotItems(_id: string, _level: StreamLevel): QuoteItem[] { return []; }
  watch(_id: string, _listener: QuoteListener): () => void { return () => {}; }
  printTrade(): void {}
  setTicksPerSecond(): void {}
  reset(): void {}
  stop(): void {}
}
