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
  let size = table[0].size;
  for (const step of table) if (step.from <= price) size = step.size;
  return size;
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

/** Rounds to a valid price: a multiple of the tick size that applies there, never below one tick. */
export function roundToTick(table: TickTable, price: number, mode: "nearest" | "down" | "up" = "nearest"): number {
  const size = tickSizeAt(table, Math.max(price, 0));
  const steps = price / size;
  const rounded = mode === "down" ? Math.floor(steps + 1e-9) : mode === "up" ? Math.ceil(steps - 1e-9) : Math.round(steps);
  const value = cleanDecimals(Math.max(rounded, 1) * size, decimalsOf(size));
  // Rounding up across a step boundary can land on a coarser grid: snap once more there.
  const sizeThere = tickSizeAt(table, value);
  if (sizeThere !== size && !isOnTick(value, sizeThere)) return roundToTick(table, value, mode === "down" ? "down" : "up");
  return value;
}

/** One tick below (`-1`) or above (`+1`) a valid price. */
export function stepTicks(table: TickTable, price: number, direction: 1 | -1): number {
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

export function cleanDecimals(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 10)));
}
