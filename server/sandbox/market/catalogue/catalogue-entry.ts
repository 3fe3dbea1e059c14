import type { SandboxInstrument } from "../market";
import type { TickTable } from "../tick-sizes";

/** How the simulator prices an instrument: its own random walk, or a formula over its underlying. */
export type Pricing =
  | { kind: "walk"; reference: number; dailyVolatility: number; hourlyVolume: number }
  | { kind: "option"; underlyingId: string; strike: number; expiryMs: number; right: "call" | "put"; volatility: number; hourlyVolume: number }
  | { kind: "future"; underlyingId: string; expiryMs: number; hourlyVolume: number }
  /** factor x (underlying - offset): turbos (negative factor for short) and certificates (offset 0). */
  | { kind: "linear"; underlyingId: string; offset: number; factor: number; hourlyVolume: number };

/** A catalogue instrument with what the simulator needs beside the wire model. */
export interface CatalogueEntry extends SandboxInstrument {
  readonly pricing: Pricing;
  readonly ticks: TickTable;
  /** Indices and reference rates have no order book and no volume. */
  readonly hasBook: boolean;
}
