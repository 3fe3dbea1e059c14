import type { InstrumentModel } from "../wire/models";

/**
 * Prices on an instrument's tick grid (InstrumentModel.tickSizeCollection, read with includeTickSizes; API.md 3.3
 * #20/#21): the size of the last step whose `from` is at or below the price; below the first step, or without a
 * table, the finest price decimal (priceDecimals). Prices are compared as whole numbers of 10^-8, so 12.34 / 0.01
 * has no floating-point remainder.
 */
const UNITS_PER_ONE = 1e8;

export interface TickCheck {
  onTick: boolean;
  /** The tick size that applies at the price. */
  size: number;
  /** Where that size starts (0 without a table). */
  from: number;
  /** The nearest prices on the grid below and above (equal to the price when it is on the grid). */
  below: number;
  above: number;
}

export function tickSizeAt(instrument: InstrumentModel, price: number): { size: number; from: number } {
  const steps = (instrument.tickSizeCollection?.tickSizes ?? [])
    .filter((step): step is { from: number; size: number } => typeof step.from === "number" && typeof step.size === "number" && step.size > 0)
    .sort((a, b) => a.from - b.from);
  let chosen: { from: number; size: number } | undefined;
  for (const step of steps) if (step.from <= price) chosen = step;
  return chosen ?? { size: 1 / 10 ** Math.max(0, instrument.priceDecimals), from: 0 };
}

export function checkTick(instrument: InstrumentModel, price: number): TickCheck {
  const { size, from } = tickSizeAt(instrument, price);
  const sizeUnits = Math.max(1, Math.round(size * UNITS_PER_ONE));
  const exact = price * UNITS_PER_ONE;
  const priceUnits = Math.round(exact);
  // A price with more than 8 decimals is off every grid.
  const whole = Math.abs(exact - priceUnits) < 1e-6 * Math.max(1, Math.abs(exact) / UNITS_PER_ONE);
  const downUnits = Math.floor(priceUnits / sizeUnits) * sizeUnits;
  const onTick = whole && downUnits === priceUnits;
  const upUnits = onTick ? downUnits : downUnits + sizeUnits;
  return { onTick, size, from, below: downUnits / UNITS_PER_ONE, above: upUnits / UNITS_PER_ONE };
}
