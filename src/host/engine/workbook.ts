import { calculationOrder } from "./calculation-order";
import { callCustom, type FunctionRuntime } from "./custom-call";
import { formatAddress, keyOf, positionOfKey, type CellArea, type CellPosition } from "./cell-address";
import { parseInput, type CellContent } from "./cell-input";
import { cellError, sameValue, type CellValue, type FormulaResult } from "./cell-value";
import { DependencyGraph } from "./dependency-graph";
import { FormulaEngine } from "./formula-engine";
import { InvocationTable } from "./invocations";
import { SpillMap } from "./spill-map";
import { wholeFormulaCall, writeChangedEntries } from "./streamed-update";

export type { FunctionRuntime };

export interface WorkbookOptions {
  /** Asks for flush() to run soon (the browser: next animation frame); called once per batch of results. */
  schedule: (flush: () => void) => void;
  log?: (line: string) => void;
}

const MAX_PASSES = 20;

/**
 * One sheet of cells with Excel's calculation: formulas evaluated by the formula engine, custom functions through
 * the invocation table, matrices spilled, and after any change only the formulas that depend on it recalculated.
 */
export class Workbook {
  private readonly contents = new Map<string, { text: string; content: CellContent }>();
  private readonly results = new Map<string, FormulaResult>();
  private readonly graph = new DependencyGraph();
  private readonly spills = new SpillMap();
  private readonly invocations: InvocationTable;
  private readonly listeners = new Set<(changed: ReadonlySet<string>) => void>();
  private engine: FormulaEngine;
  private runtime: FunctionRuntime | undefined;
  private dirty = new Set<string>();
  private flushPending = false;

  constructor(private readonly options: WorkbookOptions) {
    this.invocations = new InvocationTable((cells) => this.resultsArrived(cells), options.log);
    this.engine = this.makeEngine();
  }

  /** Registers the add-in's functions (a new runtime: every running invocation is cancelled) and recalculates. */
  setRuntime(runtime: FunctionRuntime | undefined): void {
    this.invocations.cancelAll();
    this.runtime = runtime;
    this.engine = this.makeEngine();
    this.recalculateAll();
  }

  /** Recalculates every formula, keeping invocations whose function and arguments stay the same. */
  recalculateAll(): void {
    this.recalculate(new Set([...this.contents].filter(([, cell]) => cell.content.kind === "formula").map(([key]) => key)), []);
  }

  /** Types `text` into a cell ("" clears it), then recalculates what depends on it. */
  setInput(position: CellPosition, text: string): void {
    const key = keyOf(position);
    const before = this.contents.get(key);
    const content = parseInput(text);
    if (content) this.contents.set(key, { text, content });
    else this.contents.delete(key);
    const changed: CellPosition[] = [position];
    const formulas = new Set<string>();
    if (before?.content.kind === "formula" && content?.kind !== "formula") {
      this.graph.remove(key);
      this.results.delete(key);
      this.invocations.dropCell(key);
      changed.push(...this.spills.remove(key));
    }
    if (content?.kind === "formula") {
      this.graph.set(key, this.engine.dependencies(content.formula, position));
      formulas.add(key);
    }
    // A cell typed into a spill blocks it (a cleared one may free a blocked spill: recalculate() sees to that).
    const owner = this.spills.ownerOf(position);
    if (owner && content) formulas.add(owner);
    this.recalculate(formulas, changed);
  }

  input(position: CellPosition): string {
    return this.contents.get(keyOf(position))?.text ?? "";
  }

  /** Every cell's input, by A1 address (what is saved). */
  inputs(): Record<string, string> {
    return Object.fromEntries([...this.contents].map(([key, cell]) => [formatAddress(positionOfKey(key)), cell.text]));
  }

  /** The value a cell shows: its constant, its formula's result (first of a matrix), or a value spilled into it. */
  value(position: CellPosition): CellValue {
    const key = keyOf(position);
    const cell = this.contents.get(key);
    if (cell?.content.kind === "constant") return cell.content.value;
    if (cell?.content.kind === "formula") {
      const reason = this.spills.blockReason(key);
      if (reason) return cellError("#SPILL!", reason);
      const result = this.results.get(key) ?? null;
      return Array.isArray(result) ? result[0][0] : result;
    }
    const owner = this.spills.ownerOf(position);
    if (!owner) return null;
    const anchor = positionOfKey(owner);
    const matrix = this.results.get(owner) as CellValue[][];
    return matrix[position.row - anchor.row][position.col - anchor.col];
  }

  /** The area an anchor's matrix spills over (anchor included), when it spills. */
  spillArea(position: CellPosition): CellArea | undefined {
    return this.spills.areaOf(keyOf(position));
  }

  /** The anchor whose spill covers this cell. */
  spillOwner(position: CellPosition): CellPosition | undefined {
    const owner = this.spills.ownerOf(position);
    return owner ? positionOfKey(owner) : undefined;
  }

  /** Running invocations ("NAME|args" when shared across cells, "A1|NAME|args" when per cell) and their cells. */
  runningInvocations(): Array<{ key: string; cells: string[] }> {
    const address = (cell: string) => formatAddress(positionOfKey(cell));
    return this.invocations.keys().map((key) => ({
      key: key.replace(/^(\d+,\d+)\|/, (_match, cell: string) => `${address(cell)}|`),
      cells: this.invocations.usersOf(key).map(address),
    }));
  }

  get invocationCount(): number {
    return this.invocations.size;
  }

  /** Listens for cells whose shown value changed (position keys "row,col"). */
  onChange(listener: (changed: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Recalculates the cells whose functions sent results since the last flush. A spilled cell that is one custom
   * call and keeps its shape takes the new entries directly (its arguments did not change, or it would have been
   * recalculated already): only the entries that changed are written, and only their readers recalculated.
   */
  flush(): void {
    this.flushPending = false;
    const dirty = this.dirty;
    this.dirty = new Set();
    const formulas = new Set<string>();
    const changed: CellPosition[] = [];
    for (const key of dirty) {
      const entries = this.streamedEntries(key);
      if (entries) changed.push(...entries);
      else formulas.add(key);
    }
    this.recalculate(formulas, changed);
  }

  /** The positions a streamed result changed, written in place; undefined when the cell needs a full calculation. */
  private streamedEntries(key: string): CellPosition[] | undefined {
    const cell = this.contents.get(key);
    if (cell?.content.kind !== "formula" || !this.spills.areaOf(key)) return undefined;
    const name = wholeFormulaCall(cell.content.formula);
    const next = name === undefined ? undefined : this.invocations.soleResult(key, name);
    return next === undefined ? undefined : writeChangedEntries(this.results.get(key), next, positionOfKey(key));
  }

  private resultsArrived(cells: ReadonlySet<string>): void {
    for (const cell of cells) this.dirty.add(cell);
    if (!this.flushPending) {
      this.flushPending = true;
      this.options.schedule(() => this.flush());
    }
  }

  private makeEngine(): FormulaEngine {
    const names = this.runtime?.catalog.entries().map((entry) => entry.formulaName) ?? [];
    return new FormulaEngine({ valueAt: (position) => this.value(position), callCustom: (name, position, args) => callCustom(this.runtime, this.invocations, name, position, args) }, names);
  }

  /**
   * Evaluates `formulas` and every formula reading a changed position, in dependency order (readers after what
   * they read); repeats while spills move, since a moved spill changes cells no formula was known to read before.
   */
  private recalculate(formulas: Set<string>, changedPositions: CellPosition[]): void {
    const shown = new Set<string>();
    let pending = changedPositions;
    let seeds = new Set(formulas);
    for (let pass = 0; pass < MAX_PASSES && (seeds.size > 0 || pending.length > 0); pass++) {
      for (const position of pending) {
        shown.add(keyOf(position));
        // A spill that moved or a cell cleared may free the cells a blocked spill wants.
        for (const anchor of this.spills.blockedOver(position)) seeds.add(anchor);
      }
      const order = calculationOrder(seeds, pending, {
        isFormula: (key) => this.contents.get(key)?.content.kind === "formula",
        shownBy: (key) => this.shownBy(key),
        readersOf: (position) => this.graph.readersOf(position),
      });
      const moved: CellPosition[] = [];
      for (const { key, circular } of order) moved.push(...this.evaluate(key, circular, shown));
      pending = moved;
      seeds = new Set();
    }
    if (shown.size > 0) for (const listener of [...this.listeners]) listener(shown);
  }

  /** The positions whose value a formula cell decides: its own, and its spill. */
  private *shownBy(key: string): Generator<CellPosition> {
    const anchor = positionOfKey(key);
    yield anchor;
    const area = this.spills.areaOf(key);
    if (!area) return;
    for (let row = area.from.row; row <= area.to.row; row++) for (let col = area.from.col; col <= area.to.col; col++) if (row !== anchor.row || col !== anchor.col) yield { row, col };
  }

  /** Evaluates one formula cell and places its spill; returns the positions whose covering moved. */
  private evaluate(key: string, circular: boolean, shown: Set<string>): CellPosition[] {
    const cell = this.contents.get(key);
    if (cell?.content.kind !== "formula") return [];
    const position = positionOfKey(key);
    const spilled = this.spills.areaOf(key) !== undefined || this.spills.blockReason(key) !== undefined;
    const before = spilled ? [...this.shownBy(key)].map((at) => ({ at, value: this.value(at) })) : [{ at: position, value: this.value(position) }];
    this.invocations.beginCell(key);
    const result = circular ? cellError("#REF!", "Circular reference: this formula depends on its own result.") : this.engine.evaluate(cell.content.formula, position);
    this.invocations.endCell(key);
    this.results.set(key, result);
    // Most cells hold one value and never spilled: nothing to place.
    if (!spilled && !Array.isArray(result)) {
      if (!sameValue(before[0].value, result)) shown.add(key);
      return [];
    }
    const size = Array.isArray(result) ? { rows: result.length, cols: result[0].length } : undefined;
    const moved = this.spills.place(key, size, (at) => this.contents.has(keyOf(at)));
    const earlier = new Set<string>();
    for (const { at, value } of before) {
      earlier.add(keyOf(at));
      if (!sameValue(value, this.value(at))) shown.add(keyOf(at));
    }
    for (const at of this.shownBy(key)) if (!earlier.has(keyOf(at))) shown.add(keyOf(at));
    return moved;
  }
}