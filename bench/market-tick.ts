import { ManualClock } from "../src/core/clock";
import type { QuoteItem } from "../src/core/wire/realtime";
import { SimulatedMarket } from "../server/sandbox/market/simulated-market";
import { stepTicks, type TickTable } from "../server/sandbox/market/tick-sizes";
import { stringStepTicks } from "../test/unit/market/string-tick-sizes";

export interface MarketTickFigures {
  instruments: number;
  /** One market tick with every instrument watched: advance, book, changed items, listeners called. */
  msPerTick: number;
  itemsPerTick: number;
  /** Baseline of the same run, untouched by market changes: JSON.stringify of the batches a tick produced. */
  serializeMsPerTick: number;
  /** stepTicks now, and the string-based version it replaced (the same prices and tables). */
  stepTicksNs: number;
  stringStepTicksNs: number;
}

const ROUNDS = 8;
const TICKS_PER_ROUND = 20;
const STEPS_PER_PRICE = 10;
const WARM_UP_TICKS = 50;

/** Best of ROUNDS alternating rounds: on a shared machine the fastest round is the least disturbed one. */
export function measureMarketTick(instruments: number, ticksPerSecond: number, seed: number): MarketTickFigures {
  const clock = new ManualClock();
  const market = new SimulatedMarket({ clock, seed, ticksPerSecond });
  const entries = market.catalogue.list("allInstruments").filter((entry) => entry.quotable).slice(0, instruments);
  let items = 0;
  let batches: QuoteItem[][] = [];
  for (const entry of entries) {
    market.watch(entry.model.id, (batch) => {
      items += batch.length;
      batches.push(batch);
    });
  }
  const stepMs = 1000 / ticksPerSecond;
  clock.advance(stepMs * WARM_UP_TICKS);
  const samples = entries.map((entry) => ({ table: entry.ticks, price: market.quote(entry.model.id)!.last!.price }));
  const best = { tick: Infinity, serialize: Infinity, step: Infinity, stringStep: Infinity };
  let itemsPerTick = 0;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    items = 0;
    batches = [];
    best.tick = Math.min(best.tick, timed(() => clock.advance(stepMs * TICKS_PER_ROUND)) / TICKS_PER_ROUND);
    itemsPerTick = items / TICKS_PER_ROUND;
    best.serialize = Math.min(best.serialize, timed(() => {
      for (const batch of batches) sink += JSON.stringify(batch).length;
    }) / TICKS_PER_ROUND);
    best.step = Math.min(best.step, timed(() => (sink += stepAll(samples, stepTicks))));
    best.stringStep = Math.min(best.stringStep, timed(() => (sink += stepAll(samples, stringStepTicks))));
  }
  market.stop();
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the measured work from being optimised away");
  const calls = samples.length * STEPS_PER_PRICE * 2;
  return {
    instruments: entries.length,
    msPerTick: best.tick,
    itemsPerTick,
    serializeMsPerTick: best.serialize,
    stepTicksNs: (best.step / calls) * 1e6,
    stringStepTicksNs: (best.stringStep / calls) * 1e6,
  };
}

type Step = (table: TickTable, price: number, direction: 1 | -1) => number;

/** Walks STEPS_PER_PRICE ticks up and down from every sample price, as a book does. */
function stepAll(samples: ReadonlyArray<{ table: TickTable; price: number }>, step: Step): number {
  let sum = 0;
  for (const { table, price } of samples) {
    let up = price;
    let down = price;
    for (let i = 0; i < STEPS_PER_PRICE; i++) {
      up = step(table, up, 1);
      down = step(table, down, -1);
    }
    sum += up + down;
  }
  return sum;
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
