/**
 * The tick arithmetic as it was before it moved to scaled integers (commit 6012f63): decimals found by printing
 * numbers, results cleaned with toFixed. Kept verbatim as the reference the integer version must match
 * (tick-sizes.test.ts) and as the before of the micro-benchmark (bench/market-tick.ts). Not used by the sandbox.
 */
import type { TickTable } from "../../../server/sandbox/market/tick-sizes";

function tickSizeAt(table: TickTable, price: number): number {
  let size = table[0].size;
  for (const step of table) if (step.from <= price) size = step.size;
  return size;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

function isOnTick(price: number, size: number): boolean {
  const steps = price / size;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

function cleanDecimals(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 10)));
}

export function stringRoundToTick(table: TickTable, price: number, mode: "nearest" | "down" | "up" = "nearest"): number {
  const size = tickSizeAt(table, Math.max(price, 0));
  const steps = price / size;
  const rounded = mode === "down" ? Math.floor(steps + 1e-9) : mode === "up" ? Math.ceil(steps - 1e-9) : Math.round(steps);
  const value = cleanDecimals(Math.max(rounded, 1) * size, decimalsOf(size));
  const sizeThere = tickSizeAt(table, value);
  if (sizeThere !== size && !isOnTick(value, sizeThere)) return stringRoundToTick(table, value, mode === "down" ? "down" : "up");
  return value;
}

export function stringStepTicks(table: TickTable, price: number, direction: 1 | -1): number {
  const size = direction > 0 ? tickSizeAt(table, price) : tickSizeAt(table, price - 1e-9);
  const next = cleanDecimals(price + direction * size, Math.max(decimalsOf(size), decimalsOf(price)));
  return next > 0 ? next : price;
}
