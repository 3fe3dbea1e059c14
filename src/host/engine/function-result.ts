import { cellError, type CellValue, type FormulaResult } from "./cell-value";
import { errorFromFunction } from "./custom-functions-error";
import type { CatalogEntry } from "./function-metadata";

/**
 * What a custom function returned (or passed to setResult) as a cell result: errors become their codes,
 * matrices must be rectangular rows, and the shape must match the metadata's result dimensionality.
 */
export function toFormulaResult(value: unknown, entry: CatalogEntry): FormulaResult {
  const name = entry.formulaName;
  const matrix = entry.metadata.result?.dimensionality === "matrix";
  if (value instanceof Error || (typeof value === "object" && value !== null && !Array.isArray(value))) return errorFromFunction(value, name);
  if (!Array.isArray(value)) {
    if (matrix) return cellError("#VALUE!", `${name} must return a matrix (rows of values); it returned ${describe(value)}.`);
    return scalar(value, name);
  }
  if (!matrix) return cellError("#VALUE!", `${name} returned a matrix, but its metadata declares one value (add @returns {any[][]}).`);
  if (value.length === 0 || !value.every((row) => Array.isArray(row))) {
    return cellError("#VALUE!", `${name} must return rows of values (an array of arrays); it returned ${describe(value)}.`);
  }
  const width = (value[0] as unknown[]).length;
  if (width === 0 || !value.every((row) => (row as unknown[]).length === width)) {
    return cellError("#VALUE!", `${name} returned rows of different lengths; every row of a matrix needs ${width || "at least one"} value${width === 1 ? "" : "s"}.`);
  }
  return (value as unknown[][]).map((row) => row.map((cell) => (typeof cell === "object" && cell !== null ? errorFromFunction(cell, name) : scalar(cell, name))));
}

function scalar(value: unknown, name: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : cellError("#NUM!");
  if (typeof value === "string" || typeof value === "boolean") return value;
  return cellError("#VALUE!", `${name} returned ${describe(value)}, which a cell cannot hold.`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === undefined ? "nothing" : typeof value === "string" ? JSON.stringify(value) : String(value);
}
