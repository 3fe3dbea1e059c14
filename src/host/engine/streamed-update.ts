import type { CellPosition } from "./cell-address";
import { sameValue, type CellValue, type FormulaResult } from "./cell-value";

/** A formula that starts with a function name and its opening parenthesis. */
const LEADING_CALL = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/;

/**
 * The function a formula consists of, when the whole formula is one call (`BINCK.QUOTES(A1:A9,"lst")`, not
 * `BINCK.QUOTE(A1)*2` or `-BINCK.QUOTE(A1)`): such a cell's result IS the function's result.
 */
export function wholeFormulaCall(formula: string): string | undefined {
  const match = LEADING_CALL.exec(formula);
  if (!match) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = match[0].length - 1; i < formula.length; i++) {
    const char = formula[i];
    // A doubled quote inside a string closes and reopens it: the same as staying inside.
    if (inString) inString = char !== '"';
    else if (char === '"') inString = true;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return formula.slice(i + 1).trim() === "" ? match[1].toUpperCase() : undefined;
  }
  return undefined;
}

/**
 * Writes into `shown` (the matrix a spilled cell shows) the entries of `next` that differ from it, in place, and
 * returns their positions: a streaming spill's update then costs what changed, not the whole spill. Undefined when
 * the shapes differ (the spill itself changes: the full calculation places it).
 */
export function writeChangedEntries(shown: FormulaResult | undefined, next: FormulaResult, anchor: CellPosition): CellPosition[] | undefined {
  if (!Array.isArray(shown) || !Array.isArray(next) || shown.length !== next.length || shown[0].length !== next[0].length) return undefined;
  const changed: CellPosition[] = [];
  for (let row = 0; row < next.length; row++) {
    const before: CellValue[] = shown[row];
    const after = next[row];
    for (let col = 0; col < after.length; col++) {
      if (before[col] === after[col] || sameValue(before[col], after[col])) continue;
      before[col] = after[col];
      changed.push({ row: anchor.row + row, col: anchor.col + col });
    }
  }
  return changed;
}
