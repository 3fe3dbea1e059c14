import * as formulajs from "@formulajs/formulajs";
import { FormulaError, type FunctionArgument } from "fast-formula-parser";

type ParserFunction = (...args: FunctionArgument[]) => unknown;

const EXCEL_ERRORS = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!"]);
/** fast-formula-parser passes its own context first to these. */
const TAKES_CONTEXT = new Set(["CHOOSE"]);

/** The first error among a function's arguments (ranges and arrays included), as Excel propagates it. */
function firstError(args: FunctionArgument[]): FormulaError | undefined {
  for (const arg of args) {
    const values = Array.isArray(arg?.value) ? (arg.value as unknown[][]).flat() : [arg?.value];
    const error = values.find((value) => value instanceof FormulaError);
    if (error) return error as FormulaError;
  }
  return undefined;
}

/** A function of @formulajs/formulajs (MIT) on fast-formula-parser's arguments; its Error results become Excel errors. */
function fromFormulajs(name: string, fn: (...args: unknown[]) => unknown): ParserFunction {
  return (...all) => {
    const args = TAKES_CONTEXT.has(name) ? all.slice(1) : all;
    const error = firstError(args);
    if (error) return error;
    const result = fn(...args.map((arg) => (arg?.omitted ? undefined : arg.value)));
    if (result instanceof Error) return new FormulaError(EXCEL_ERRORS.has(result.message) ? result.message : "#VALUE!");
    return result;
  };
}

/**
 * fast-formula-parser declares some functions without implementing them (MAX, MIN, MATCH, LEN, SUMIFS …): those
 * come from formulajs, which names dotted functions without the dot (STDEV.S is STDEVS).
 */
export function fillMissing(functions: Record<string, ParserFunction>, implemented: ReadonlySet<string>): void {
  const library = formulajs as unknown as Record<string, unknown>;
  for (const name of Object.keys(functions)) {
    if (implemented.has(name)) continue;
    const fn = library[name] ?? library[name.replace(/\./g, "")];
    if (typeof fn === "function") functions[name] = fromFormulajs(name, fn as (...args: unknown[]) => unknown);
  }
  for (const name of ["UPPER", "COUNTA", "COUNTBLANK", "COUNTIFS", "LOOKUP", "SORT", "PMT", "FV", "PV", "NPV", "IRR", "RATE", "NPER"]) {
    functions[name] ??= fromFormulajs(name, library[name] as (...args: unknown[]) => unknown);
  }
}

/** Aggregates whose fast-formula-parser versions skip errors in ranges; Excel's return the first error. */
export const ERROR_PROPAGATING = ["SUM", "AVERAGE", "PRODUCT", "SUMPRODUCT", "SUMSQ"];

export function propagatingErrors(name: string, fn: ParserFunction): ParserFunction {
  return (...args) => {
    const error = firstError(args);
    if (error) return error;
    const result = fn(...args);
    // AVERAGE of no numbers divides by zero: #DIV/0! in Excel (fast-formula-parser gives NaN, #VALUE!).
    return name === "AVERAGE" && Number.isNaN(result) ? new FormulaError("#DIV/0!") : result;
  };
}
