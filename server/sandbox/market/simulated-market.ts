import type { Clock } from "../../../src/core/clock";
import { itemAllowedAtLevel, type QuoteItem, type StreamLevel } from "../../../src/core/wire/realtime";
import { buildCatalogue } from "./catalogue/build-catalogue";
import type { SandboxCatalogue } from "./catalogue/sandbox-catalogue";
import type { Market, QuoteListener, QuoteState } from "./market";
import { PriceModel } from "./price-model";
import { QuoteEngine, type QuoteRecord } from "./quote-engine";
import { SentQuote, quoteItems, tagNewCycle } from "./quote-items";
import { TickPhases } from "./tick-phases";

export interface MarketDeps {
  clock: Clock;
  seed: number;
  ticksPerSecond: number;
  /** Watched instruments tick at their own phase within each step, in slots about this far apart (tick-phases.ts). */
  tickSlotMs?: number;
}

/** 20 slots per step at 10 ticks per second: a frame to a client watching 3,000 instruments carries ~200 items, not ~4,000. */
export const DEFAULT_TICK_SLOT_MS = 5;

/** Every instrument starts a new quote cycle (tag C) this often, at its own offset within the period. */
export const QUOTE_CYCLE_PERIOD_MS = 15 * 60_000;

interface Watched {
  listeners: Set<QuoteListener>;
  /** What was last sent (or snapshotted), to send only what changed. */
  readonly sent: SentQuote;
  /** Where this instrument's quote cycle starts within QUOTE_CYCLE_PERIOD_MS (hashed once, not per tick). */
  cycleOffsetMs: number;
}

/**
 * The seeded market simulator. Prices are functions of time (PriceModel); a state is kept only for
 * instruments somebody read or watches, and is advanced lazily to the current step. Each watched instrument is
 * published once per step at its own phase within the step (tick-phases.ts), advanced to the step's boundary.
 */
export class SimulatedMarket implements Market {
  readonly catalogue: SandboxCatalogue;
  private readonly clock: Clock;
  private readonly model: PriceModel;
  private readonly engine: QuoteEngine;
  private readonly records = new Map<string, QuoteRecord>();
  private readonly watched = new Map<string, Watched>();
  private readonly phases: TickPhases<Watched>;
  private ticksPerSecond: number;
  /** Market time stands still here while ticksPerSecond is 0. */
  private frozenAtMs: number | undefined;
  private stopped = false;

  constructor(deps: MarketDeps) {
    this.clock = deps.clock;
    this.catalogue = buildCatalogue(deps.seed, deps.clock.now());
    this.model = new PriceModel(deps.seed, this.catalogue, deps.clock.now());
    this.engine = new QuoteEngine(this.model);
    this.ticksPerSecond = checkRate(deps.ticksPerSecond);
    if (this.ticksPerSecond === 0) this.frozenAtMs = deps.clock.now();
    this.phases = new TickPhases(deps.clock, deps.tickSlotMs ?? DEFAULT_TICK_SLOT_MS, (members) => this.tick(members));
    this.phases.setStep(this.stepMs);
  }

  get stepMs(): number {
    return this.ticksPerSecond > 0 ? 1000 / this.ticksPerSecond : Infinity;
  }

  quote(instrumentId: string): QuoteState | undefined {
    return this.record(instrumentId)?.state;
  }

  /** The unrounded model price of a quotable instrument at a moment (history bars use it). */
  modelPrice(instrumentId: string, timeMs: number): number | undefined {
    const entry = this.catalogue.get(instrumentId);
    return entry?.quotable ? this.engine.priceAt(entry, timeMs) : undefined;
  }

  /** Volume traded in [fromMs, toMs) by the simulated market (history bars use it). */
  modelVolume(instrumentId: string, fromMs: number, toMs: number): number {
    const entry = this.catalogue.get(instrumentId);
    return entry?.quotable ? this.model.volumeBetween(entry, fromMs, toMs) : 0;
  }

  /** Sandbox order fills of today (history bars fold them in). */
  printedTrades(instrumentId: string): ReadonlyArray<{ price: number; quantity: number; timeMs: number }> {
    return this.records.get(instrumentId)?.prints ?? [];
  }

  /** The market's current moment: now on the step grid, or the frozen moment. */
  marketTimeMs(): number {
    if (this.frozenAtMs !== undefined) return this.frozenAtMs;
    return Math.floor(this.clock.now() / this.stepMs) * this.stepMs;
  }

  snapshotItems(instrumentId: string, level: StreamLevel): QuoteItem[] {
    const record = this.record(instrumentId);
    if (!record) return [];
    const items = quoteItems(record.state, "qi", record.entry.hasBook);
    this.watched.get(instrumentId)?.sent.remember(record.state, record.entry.hasBook);
    return items.filter((item) => itemAllowedAtLevel(item.typ, level));
  }

  watch(instrumentId: string, listener: QuoteListener): () => void {
    const record = this.record(instrumentId);
    if (!record) return () => {};
    let watched = this.watched.get(instrumentId);
    if (!watched) {
      watched = { listeners: new Set(), sent: new SentQuote(), cycleOffsetMs: cycleOffset(instrumentId) };
      watched.sent.remember(record.state, record.entry.hasBook);
      this.watched.set(instrumentId, watched);
      if (!this.stopped) this.phases.add(instrumentId, watched);
    }
    watched.listeners.add(listener);
    return () => {
      watched.listeners.delete(listener);
      if (watched.listeners.size > 0 || this.watched.get(instrumentId) !== watched) return;
      this.watched.delete(instrumentId);
      this.phases.delete(instrumentId);
    };
  }

  watchedCount(): number {
    return this.watched.size;
  }

  printTrade(instrumentId: string, price: number, quantity: number): void {
    const record = this.record(instrumentId);
    if (!record) throw new RangeError(`printTrade: instrument '${instrumentId}' is unknown or has no quotes.`);
    if (!Number.isFinite(price) || price <= 0) throw new RangeError(`printTrade: price ${price} of ${instrumentId} must be a positive number.`);
    if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`printTrade: quantity ${quantity} of ${instrumentId} must be a positive whole number.`);
    this.engine.print(record, { price, quantity, timeMs: this.clock.now() });
    this.publish(record, false);
  }

  setTicksPerSecond(ticksPerSecond: number): void {
    const rate = checkRate(ticksPerSecond);
    if (rate === 0 && this.frozenAtMs === undefined) this.frozenAtMs = this.marketTimeMs();
    this.ticksPerSecond = rate;
    if (rate > 0) this.frozenAtMs = undefined;
    if (!this.stopped) this.phases.setStep(this.stepMs);
  }

  reset(): void {
    this.records.clear();
    this.model.setEpoch(this.clock.now());
    if (this.ticksPerSecond === 0) this.frozenAtMs = this.clock.now();
    // Watchers stay attached and start a new cycle from the fresh state.
    for (const [id] of this.watched) {
      const record = this.record(id);
      if (record) this.publish(record, true);
    }
  }

  stop(): void {
    this.stopped = true;
    this.phases.clear();
    this.watched.clear();
  }

  private record(instrumentId: string): QuoteRecord | undefined {
    let record = this.records.get(instrumentId);
    const now = this.marketTimeMs();
    if (!record) {
      const entry = this.catalogue.get(instrumentId);
      if (!entry?.quotable) return undefined;
      record = this.engine.create(entry, now);
      this.records.set(instrumentId, record);
    } else {
      this.engine.advance(record, now);
    }
    return record;
  }

  /** Publishes the instruments of one tick slot, advanced to the current step. */
  private tick(members: ReadonlyMap<string, Watched>): void {
    const now = this.marketTimeMs();
    members.forEach((watched, id) => {
      const record = this.records.get(id);
      if (!record) return;
      const before = record.timeMs;
      const sameDay = this.engine.advance(record, now);
      const newCycle = !sameDay || cycleSlot(watched.cycleOffsetMs, before) !== cycleSlot(watched.cycleOffsetMs, now);
      this.publish(record, newCycle, watched);
    });
  }

  /** Sends watchers what changed, or everything tagged C at the start of a cycle. */
  private publish(record: QuoteRecord, newCycle: boolean, watched = this.watched.get(record.entry.model.id)): void {
    if (!watched) return;
    const { state, entry } = record;
    let batch: QuoteItem[] | undefined;
    if (newCycle) {
      batch = tagNewCycle(quoteItems(state, "qu", entry.hasBook));
      watched.sent.remember(state, entry.hasBook);
    } else {
      batch = watched.sent.changes(state, entry.hasBook);
    }
    if (batch === undefined || batch.length === 0) return;
    for (const listener of [...watched.listeners]) listener(batch);
  }
}

function cycleOffset(instrumentId: string): number {
  let offset = 0;
  for (let i = 0; i < instrumentId.length; i++) offset = (offset * 31 + instrumentId.charCodeAt(i)) % QUOTE_CYCLE_PERIOD_MS;
  return offset;
}

function cycleSlot(cycleOffsetMs: number, timeMs: number): number {
  return Math.floor((timeMs + cycleOffsetMs) / QUOTE_CYCLE_PERIOD_MS);
}

function checkRate(ticksPerSecond: number): number {
  if (!Number.isFinite(ticksPerSecond) || ticksPerSecond < 0 || ticksPerSecond > 1000) {
    throw new RangeError(`ticksPerSecond ${ticksPerSecond} must be a number from 0 to 1000.`);
  }
  return ticksPerSecond;
}
