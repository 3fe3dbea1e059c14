import { checkArguments, type ArgumentInput } from "./argument-check";
import { formatAddress, keyOf, type CellPosition } from "./cell-address";
import { cellError, type FormulaResult } from "./cell-value";
import type { FunctionCatalog } from "./function-metadata";
import type { AssociatedFunction, InvocationTable } from "./invocations";

/** The add-in's functions as the workbook can call them: metadata, and the functions the runtime associated. */
export interface FunctionRuntime {
  catalog: FunctionCatalog;
  lookup(id: string): AssociatedFunction | undefined;
}

/** A custom function called from a cell's formula: known, associated, arguments checked, then invoked. */
export function callCustom(runtime: FunctionRuntime | undefined, invocations: InvocationTable, name: string, position: CellPosition, inputs: ArgumentInput[]): FormulaResult {
  const entry = runtime?.catalog.get(name);
  if (!entry) return cellError("#NAME?", `${name} is not a function.`);
  const fn = runtime?.lookup(entry.metadata.id);
  if (!fn) return cellError("#NAME?", `${name} is in functions.json, but the add-in did not associate id ${entry.metadata.id} (CustomFunctions.associate).`);
  const checked = checkArguments(entry, inputs);
  if (!checked.ok) return checked.error;
  return invocations.call(keyOf(position), entry, fn, checked.args, `Sheet1!${formatAddress(position)}`);
}
