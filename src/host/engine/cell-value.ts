/**
 * What a cell holds once calculated, and Excel's error values. Custom functions report errors with
 * CustomFunctions.Error(code, message); the codes are Excel's error texts (@types/custom-functions-runtime).
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** The texts a cell can show for an error: Excel's, plus #BUSY! (still calculating) and #SPILL! (blocked spill). */
export type ErrorText = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | "#BUSY!" | "#SPILL!";

export interface CellError {
  error: ErrorText;
  message?: string;
}

export type Scalar = number | string | boolean | null;
export type CellValue = Scalar | CellError;
/** A formula's result: one value, or a matrix (rows of values) that spills. */
export type FormulaResult = CellValue | CellValue[][];

const ERROR_TEXTS = new Set<string>([...Object.values(ERROR_CODES), "#BUSY!", "#SPILL!"]);

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && !Array.isArray(value) && ERROR_TEXTS.has((value as CellError).error);
}

export function cellError(error: ErrorText, message?: string): CellError {
  return message ? { error, message } : { error };
}

/** Excel keeps a custom message only on #VALUE! and #N/A (learn.microsoft.com, "Handle and return errors"). */
export function keepsMessage(error: string): boolean {
  return error === "#VALUE!" || error === "#N/A";
}

export function sameValue(a: FormulaResult | undefined, b: FormulaResult | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((row, r) => row.length === b[r].length && row.every((value, c) => sameValue(value, b[r][c])));
  }
  if (isCellError(a) && isCellError(b)) return a.error === b.error && a.message === b.message;
  return false;
}

/** How a value reads in a cell. */
export function displayText(value: CellValue): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  return value;
}
