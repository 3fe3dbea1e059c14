/** Tick-size tables (InstrumentModel.tickSizeCollection) and rounding prices onto them. */

export interface TickStep {
  readonly from: number;
  readonly size: number;
}
export type TickTable = readonly TickStep[];

/** Euronext-style equity table (API.md 6.3). */
export const EQUITY_EU_TICKS: TickTable = [
  { from: 0, size: 0.0001 }, { from: 1, size: 0.0005 }, { from: 5, size: 0.001 },
  { from: 10, size: 0.005 }, { from: 50, size: 0.01 }, { from: 100, size: 0.05 },
];
/** US equities: sub-penny below one dollar, cents above (Reg NMS rule 612). */
export const EQUITY_US_TICKS: TickTable = [{ from: 0, size: 0.0001 }, { from: 1, size: 0.01 }];
export const INDEX_TICKS: TickTable = [{ from: 0, size: 0.01 }];
export const OPTION_TICKS: TickTable = [{ from: 0, size: 0.01 }, { from: 10, size: 0.05 }];
export const BOND_TICKS: TickTable = [{ from: 0, size: 0.01 }];
export const PRODUCT_TICKS: TickTable = [{ from: 0, size: 0.001 }, { from: 2, size: 0.01 }];
export const FUND_TICKS: TickTable = [{ from: 0, size: 0.01 }];

export function fixedTicks(size: number): TickTable {
  return [{ from: 0, size }];
}

/** The tick size that applies at a price: the size of the last step whose `from` is at or below it. */
export function tickSizeAt(table: TickTable, price: number): number {
  return table[stepIndexOf(table, price)].size;
}

function stepIndexOf(table: TickTable, price: number): number {
  let index = 0;
  for (let i = 0; i < table.length; i++) if (table[i].from <= price) index = i;
  return index;
}

/** Decimals of the finest tick: InstrumentModel.priceDecimals ("maximum decimals"). */
export function priceDecimalsOf(table: TickTable): number {
  return Math.max(...table.map((step) => decimalsOf(step.size)));
}

export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A table in scaled integers: prices as whole numbers of 10^-decimals, the finest tick's decimals. Stepping and
 * rounding then need no decimal cleanup (`units / scale` is the double nearest the decimal, as parsing the
 * decimal text would give). Null for tables finer than 8 decimals, which take the decimal-text path.
 */
interface TickGrid {
  readonly scale: number;
  readonly fromUnits: readonly number[];
  readonly sizeUnits: readonly number[];
}

const MAX_GRID_DECIMALS = 8;
/** Below this, `price - 1e-9` is a different double from `price` and integers of 10^-8 stay exact: the grid path is exact. */
const MAX_GRID_PRICE = 1e6;
const grids = new WeakMap<TickTable, TickGrid | null>();

function gridOf(table: TickTable): TickGrid | null {
  let grid = grids.get(table);
  if (grid === undefined) {
    const decimals = priceDecimalsOf(table);
    const scale = 10 ** decimals;
    const fromUnits = table.map((step) => Math.round(step.from * scale));
    const exact = decimals <= MAX_GRID_DECIMALS && table.every((step, i) => fromUnits[i] / scale === step.from);
    grid = exact ? { scale, fromUnits, sizeUnits: table.map((step) => Math.round(step.size * scale)) } : null;
    grids.set(table, grid);
  }
  return grid;
}

/** The index of the step that applies at `units`: the last one whose start is at or below it (strictly below for `below`). */
function stepIndexAt(grid: TickGrid, units: number, below: boolean): number {
  let index = 0;
  for (let i = 0; i < grid.fromUnits.length; i++) if (below ? grid.fromUnits[i] < units : grid.fromUnits[i] <= units) index = i;
  return index;
}

/** `count` ticks of step `index` as a clean decimal (what `cleanDecimals(count * size, decimalsOf(size))` gives). */
function multipleOf(table: TickTable, index: number, count: number): number {
  const grid = gridOf(table);
  const units = grid ? count * grid.sizeUnits[index] : Infinity;
  if (grid && units <= MAX_GRID_PRICE * grid.scale) return units / grid.scale;
  return cleanDecimals(count * table[index].size, decimalsOf(table[index].size));
}

/** Rounds to a valid price: a multiple of the tick size that applies there, never below one tick. */
export function roundToTick(table: TickTable, price: number, mode: "nearest" | "down" | "up" = "nearest"): number {
  const index = stepIndexOf(table, Math.max(price, 0));
  const size = table[index].size;
  const steps = price / size;
  const rounded = mode === "down" ? Math.floor(steps + 1e-9) : mode === "up" ? Math.ceil(steps - 1e-9) : Math.round(steps);
  const value = multipleOf(table, index, Math.max(rounded, 1));
  // Rounding up across a step boundary can land on a coarser grid: snap once more there.
  const sizeThere = tickSizeAt(table, value);
  if (sizeThere !== size && !isOnTick(value, sizeThere)) return roundToTick(table, value, mode === "down" ? "down" : "up");
  return value;
}

/** One tick below (`-1`) or above (`+1`) a valid price. */
export function stepTicks(table: TickTable, price: number, direction: 1 | -1): number {
  const grid = gridOf(table);
  if (grid && price > 0 && price < MAX_GRID_PRICE) {
    const units = Math.round(price * grid.scale);
    // The price has at most the grid's decimals (else the decimal-text path below keeps its extra decimals).
    if (units / grid.scale === price) {
      const next = units + direction * grid.sizeUnits[stepIndexAt(grid, units, direction < 0)];
      return next > 0 ? next / grid.scale : price;
    }
  }
  const size = direction > 0 ? tickSizeAt(table, price) : tickSizeAt(table, price - 1e-9);
  const next = cleanDecimals(price + direction * size, Math.max(decimalsOf(size), decimalsOf(price)));
  return next > 0 ? next : price;
}

export function isOnTick(price: number, size: number): boolean {
  const steps = price / size;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/** Whether a price is a valid multiple of the tick size that applies at it. */
export function isValidPrice(table: TickTable, price: number): boolean {
  return price > 0 && isOnTick(price, tickSizeAt(table, price));
}

function cleanDecimals(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 10)));
}
