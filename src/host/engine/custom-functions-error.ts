import { cellError, ERROR_CODES, isCellError, keepsMessage, type CellError, type ErrorText } from "./cell-value";

/** Marks CustomFunctions.Error instances across frames (Symbol.for is shared by every realm of the page). */
const BRAND = Symbol.for("binck.preview.CustomFunctionsError");
const CODES = new Set<string>(Object.values(ERROR_CODES));

/** `CustomFunctions.Error` as office.js defines it: a code from `CustomFunctions.ErrorCode` and an optional message. */
export class CustomFunctionsError extends Error {
  readonly code: string;
  readonly [BRAND] = true;

  constructor(code: string, message?: string) {
    super(message);
    if (!CODES.has(code)) {
      throw new TypeError(`CustomFunctions.Error: "${code}" is not a CustomFunctions.ErrorCode; use one of ${[...CODES].join(", ")}.`);
    }
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

/** The CustomFunctions namespace the stand-in gives the add-in, less associate. */
export const customFunctionsTypes = { Error: CustomFunctionsError, ErrorCode: { ...ERROR_CODES } };

function isCustomFunctionsError(value: unknown): value is { code: string; message?: string } {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * One cell error per CustomFunctions.Error (code and message are set at construction): a spill reporting the same
 * error object in thousands of entries, update after update, gives the same cell error, which the formula engine
 * then converts once (formula-engine.ts).
 */
const cellErrors = new WeakMap<object, CellError>();

/**
 * The cell error for what a function reported or threw: a CustomFunctions.Error keeps its code (and its message
 * where Excel shows one); anything else thrown is #VALUE!, as in Excel.
 */
export function errorFromFunction(reported: unknown, functionName: string): CellError {
  if (isCustomFunctionsError(reported)) {
    let error = cellErrors.get(reported);
    if (!error) cellErrors.set(reported, (error = cellError(reported.code as ErrorText, keepsMessage(reported.code) ? reported.message || undefined : undefined)));
    return error;
  }
  if (isCellError(reported)) return reported;
  const text = reported instanceof Error || (typeof reported === "object" && reported !== null && "message" in reported)
    ? String((reported as Error).message)
    : String(reported);
  return cellError("#VALUE!", `${functionName} failed: ${text}`);
}
