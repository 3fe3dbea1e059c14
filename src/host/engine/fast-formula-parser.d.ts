/** The parts of fast-formula-parser (MIT, no types of its own) the preview's formula engine uses. */
declare module "fast-formula-parser" {
  export interface CellRef { sheet?: string; row: number; col: number }
  export interface RangeRef { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }
  export interface FunctionArgument { value: unknown; isArray: boolean; isRangeRef?: boolean; isCellRef?: boolean; omitted?: boolean }
  export interface ParserContext { position: CellRef }

  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    details?: unknown;
  }

  export interface ParserConfig {
    functions?: Record<string, (...args: FunctionArgument[]) => unknown>;
    functionsNeedContext?: Record<string, (context: ParserContext, ...args: FunctionArgument[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }

  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
    checkFormulaResult(result: unknown, allowReturnArray?: boolean): unknown;
    retrieveRef(valueOrRef: unknown): unknown;
    /** Calls every function with zeros to see which are implemented. */
    supportedFunctions(): string[];
  }

  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null });
    parse(formula: string, position: CellRef): Array<CellRef | RangeRef>;
  }
}

/** Its lexer module: formulaParser.parse calls `lex` through this object each time. */
declare module "fast-formula-parser/grammar/lexing" {
  const lexing: { lex(text: string): unknown };
  export = lexing;
}
