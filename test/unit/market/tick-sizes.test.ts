import { buildCatalogue } from "../../../server/sandbox/market/catalogue/build-catalogue";
import { hashInts, unit } from "../../../server/sandbox/market/hashing";
import {
  BOND_TICKS, EQUITY_EU_TICKS, EQUITY_US_TICKS, FUND_TICKS, INDEX_TICKS, OPTION_TICKS, PRODUCT_TICKS,
  fixedTicks, roundToTick, stepTicks, type TickTable,
} from "../../../server/sandbox/market/tick-sizes";
import { stringRoundToTick, stringStepTicks } from "./string-tick-sizes";

/** Every table the sandbox uses: the named ones, each distinct one of the catalogue, and fixed ones of other sizes. */
function allTables(): TickTable[] {
  const tables = new Map<string, TickTable>();
  const add = (table: TickTable) => tables.set(JSON.stringify(table), table);
  [BOND_TICKS, EQUITY_EU_TICKS, EQUITY_US_TICKS, FUND_TICKS, INDEX_TICKS, OPTION_TICKS, PRODUCT_TICKS].forEach(add);
  for (const entry of buildCatalogue(20210630, Date.UTC(2026, 0, 5, 9)).all()) add(entry.ticks);
  for (const size of [0.0025, 0.02, 0.25, 0.5, 1, 5, 10, 0.00005]) add(fixedTicks(size));
  return [...tables.values()];
}

/** Seeded prices: on the grid near every step boundary, then spread log-uniformly from 1e-5 to 1e6, on and off the grid. */
function pricesFor(table: TickTable, seed: number): number[] {
  const prices: number[] = [];
  for (const step of table) {
    for (let k = -25; k <= 25; k++) prices.push(stringRoundToTick(table, step.from + k * step.size));
  }
  for (let i = 0; i < 600; i++) {
    const raw = 10 ** (-5 + 11 * unit(hashInts(seed, i)));
    prices.push(raw, stringRoundToTick(table, raw), stringRoundToTick(table, raw, "down"), stringRoundToTick(table, raw, "up"));
  }
  return prices;
}

describe("tick arithmetic on scaled integers", () => {
  const tables = allTables();

  it("rounds exactly as the string-based version did, for every table and mode", () => {
    const wrong: string[] = [];
    let compared = 0;
    tables.forEach((table, index) => {
      for (const price of pricesFor(table, index)) {
        for (const mode of ["nearest", "down", "up"] as const) {
          const expected = stringRoundToTick(table, price, mode);
          const actual = roundToTick(table, price, mode);
          compared++;
          if (!Object.is(actual, expected)) wrong.push(`${JSON.stringify(table)} ${price} ${mode}: ${actual}, was ${expected}`);
        }
      }
    });
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(12);
    expect(compared).toBeGreaterThan(tables.length * 7_000);
  });

  it("steps one tick up and down exactly as the string-based version did, along walks across the step boundaries", () => {
    const wrong: string[] = [];
    let compared = 0;
    tables.forEach((table, index) => {
      for (const start of pricesFor(table, 1000 + index)) {
        for (const direction of [1, -1] as const) {
          let price = start;
          // Walk a few ticks from each start; the walks from the boundary prices cross from one step size to the next.
          for (let i = 0; i < 4; i++) {
            const expected = stringStepTicks(table, price, direction);
            const actual = stepTicks(table, price, direction);
            compared++;
            if (!Object.is(actual, expected)) wrong.push(`${JSON.stringify(table)} ${price} ${direction}: ${actual}, was ${expected}`);
            price = expected;
          }
        }
      }
    });
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(tables.length * 19_000);
  });

  it("keeps the rules: never below one tick, a step down from the minimum stays put, boundaries use the finer size below", () => {
    expect(roundToTick(EQUITY_EU_TICKS, 0)).toBe(0.0001);
    expect(stepTicks(EQUITY_EU_TICKS, 0.0001, -1)).toBe(0.0001);
    expect(stepTicks(EQUITY_EU_TICKS, 100, -1)).toBe(99.99);
    expect(stepTicks(EQUITY_EU_TICKS, 100, 1)).toBe(100.05);
    expect(stepTicks(EQUITY_EU_TICKS, 1, -1)).toBe(0.9999);
    expect(stepTicks(OPTION_TICKS, 9.99, 1)).toBe(10);
    expect(roundToTick(EQUITY_EU_TICKS, 99.996, "up")).toBe(100);
    expect(roundToTick(EQUITY_EU_TICKS, 100.01, "up")).toBe(100.05);
    expect(roundToTick(EQUITY_EU_TICKS, 100.04, "down")).toBe(100);
    expect(roundToTick(PRODUCT_TICKS, 0.1 + 0.2)).toBe(0.3);
  });
});
