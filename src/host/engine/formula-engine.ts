import FormulaParser, { DepParser, FormulaError, type CellRef, type FunctionArgument, type ParserContext, type RangeRef } from "fast-formula-parser";
import lexing from "fast-formula-parser/grammar/lexing";
import type { ArgumentInput } from "./argument-check";
import type { CellArea, CellPosition } from "./cell-address";
import { ERROR_PROPAGATING, fillMissing, propagatingErrors } from "./excel-functions";
import { cellError, isCellError, type CellValue, type ErrorText, type FormulaResult } from "./cell-value";

export interface EngineHooks {
  valueAt(position: CellPosition): CellValue;
  /** A custom function called from the formula of the cell at `position`. */
  callCustom(formulaName: string, position: CellPosition, args: ArgumentInput[]): FormulaResult;
}

const SHEET = "Sheet1";
const EXCEL_ERRORS = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!", "#BUSY!", "#SPILL!"]);

/**
 * Lexing is most of fast-formula-parser's time, and a streaming cell's formula is evaluated again on every tick
 * with the same text: its tokens are kept (the parser only reads them). Bounded, for sheets typed at length.
 */
const LEXED_FORMULAS_KEPT = 50_000;
const lexed = new Map<string, unknown>();
const lex = lexing.lex;
lexing.lex = (text: string) => {
  let tokens = lexed.get(text);
  if (tokens === undefined) {
    tokens = lex(text);
    if (lexed.size >= LEXED_FORMULAS_KEPT) lexed.clear();
    lexed.set(text, tokens);
  }
  return tokens;
};

/** fast-formula-parser's implemented functions (it lists some it lacks), found once. */
let implemented: Set<string> | undefined;

/** fast-formula-parser turns `=A1` of a cell holding an error into #VALUE!; Excel shows that error. */
class SheetParser extends FormulaParser {
  override checkFormulaResult(result: unknown, allowReturnArray?: boolean): unknown {
    if (typeof result === "object" && result !== null && "ref" in result) {
      const value = this.retrieveRef(result);
      if (value instanceof FormulaError) return value;
    }
    return super.checkFormulaResult(result, allowReturnArray);
  }
}

/**
 * Excel's own functions (fast-formula-parser, MIT) around the add-in's: evaluates one formula of the sheet, and
 * lists the cells and ranges it reads (for the dependency graph).
 */
export class FormulaEngine {
  private readonly parser: SheetParser;
  private readonly dependencyParser = new DepParser();

  constructor(hooks: EngineHooks, customFunctionNames: string[]) {
    const custom: Record<string, (context: ParserContext, ...args: FunctionArgument[]) => unknown> = {};
    for (const name of customFunctionNames) {
      custom[name.toUpperCase()] = (context, ...args) =>
        toParser(hooks.callCustom(name.toUpperCase(), { row: context.position.row, col: context.position.col }, args.map(toArgument)));
    }
    this.parser = new SheetParser({
      functionsNeedContext: custom,
      onCell: (ref: CellRef) => toParserValue(hooks.valueAt(ref)),
      onRange: (ref: RangeRef) => {
        const rows: unknown[][] = [];
        for (let row = ref.from.row; row <= ref.to.row; row++) {
          const values: unknown[] = [];
          for (let col = ref.from.col; col <= ref.to.col; col++) values.push(toParserValue(hooks.valueAt({ row, col })));
          rows.push(values);
        }
        return rows;
      },
    });
    const builtIn = (this.parser as unknown as { functions: Record<string, (...args: FunctionArgument[]) => unknown> }).functions;
    implemented ??= new Set(new FormulaParser().supportedFunctions());
    fillMissing(builtIn, implemented);
    for (const name of ERROR_PROPAGATING) if (builtIn[name]) builtIn[name] = propagatingErrors(name, builtIn[name]);
  }

  /** The result of `formula` (without its "=") in the cell at `position`. */
  evaluate(formula: string, position: CellPosition): FormulaResult {
    try {
      return fromParser(this.parser.parse(formula, { ...position, sheet: SHEET }, true));
    } catch (error) {
      const details = (error as FormulaError).details as { name?: string; message?: string } | undefined;
      if (details instanceof FormulaError) return fromParserError(details);
      const text = String((error as Error).message ?? error).trim();
      if (/Error at position|Exception$/.test(`${text} ${details?.name ?? ""}`.trim())) {
        const where = /Error at position \d+:\d+/.exec(text)?.[0].replace("Error at", "at") ?? "";
        const found = /but found: (.*)$/m.exec(text)?.[1];
        return cellError("#NAME?", `The formula cannot be read ${where}${found ? `: found ${found || "nothing"}` : ""}.`.replace(" .", "."));
      }
      return cellError("#VALUE!", `The preview cannot compute this formula (${details?.message ?? text}); Excel may.`);
    }
  }

  /** The cells and ranges the formula reads; none when it cannot be read. */
  dependencies(formula: string, position: CellPosition): CellArea[] {
    try {
      return this.dependencyParser.parse(formula, { ...position, sheet: SHEET }).map((ref) =>
        "from" in ref ? { from: { row: ref.from.row, col: ref.from.col }, to: { row: ref.to.row, col: ref.to.col } } : { from: { row: ref.row, col: ref.col }, to: { row: ref.row, col: ref.col } });
    } catch {
      return [];
    }
  }
}

/**
 * One parser error per cell error (a #BUSY! shared by thousands of cells is one object), and back: a cell error
 * through a formula (=B1, a spill) comes out as the same object, so nothing is built again on the next update.
 */
const parserErrors = new WeakMap<object, FormulaError>();
const cellErrorsBack = new WeakMap<FormulaError, CellValue>();

function toParserValue(value: CellValue): unknown {
  if (!isCellError(value)) return value;
  let error = parserErrors.get(value);
  if (!error) {
    parserErrors.set(value, (error = new FormulaError(value.error, value.message ?? "")));
    cellErrorsBack.set(error, value);
  }
  return error;
}

function toParser(result: FormulaResult): unknown {
  return Array.isArray(result) ? result.map((row) => row.map(toParserValue)) : toParserValue(result);
}

function fromParserError(error: FormulaError): CellValue {
  const known = cellErrorsBack.get(error);
  if (known !== undefined) return known;
  const code = EXCEL_ERRORS.has(error.error) ? (error.error as ErrorText) : "#VALUE!";
  return cellError(code, error.message || undefined);
}

function fromParserValue(value: unknown): CellValue {
  if (value instanceof FormulaError) return fromParserError(value);
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return cellError("#VALUE!");
}

function fromParser(value: unknown): FormulaResult {
  if (Array.isArray(value)) {
    const rows = value.map((row) => (Array.isArray(row) ? row.map(fromParserValue) : [fromParserValue(row)]));
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
  }
  return fromParserValue(value);
}

function toArgument(argument: FunctionArgument): ArgumentInput {
  if (argument.omitted) return { kind: "omitted" };
  if (Array.isArray(argument.value)) {
    return { kind: "matrix", rows: (argument.value as unknown[][]).map((row) => (Array.isArray(row) ? row.map(fromParserValue) : [fromParserValue(row)])) };
  }
  return { kind: "value", value: fromParserValue(argument.value) };
}
