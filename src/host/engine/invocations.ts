import { cellError, type CellValue, type FormulaResult } from "./cell-value";
import { errorFromFunction } from "./custom-functions-error";
import type { ArgumentValue } from "./argument-check";
import type { CatalogEntry } from "./function-metadata";
import { toFormulaResult } from "./function-result";

export type AssociatedFunction = (...args: unknown[]) => unknown;

interface Invocation {
  key: string;
  entry: CatalogEntry;
  users: Set<string>;
  result: FormulaResult;
  canceled: boolean;
  /** True while the function's first synchronous run is under way: results then need no notification. */
  starting: boolean;
  handle: { onCanceled?: () => void };
}

const BUSY: CellValue = cellError("#BUSY!", "Calculating: the function has not answered yet.");

/**
 * The running invocations of custom functions, as Excel keeps them (learn.microsoft.com, "Streaming functions"):
 * cells calling a streaming function with the same arguments share ONE invocation; when no cell uses an
 * invocation any more (formula edited or deleted), it is cancelled (onCanceled). Other functions are invoked
 * per cell, their result kept while the cell's arguments stay the same.
 */
export class InvocationTable {
  private readonly invocations = new Map<string, Invocation>();
  private readonly byCell = new Map<string, Set<string>>();
  private readonly collecting = new Map<string, Set<string>>();

  constructor(
    /** Told which cells use an invocation whose result changed. */
    private readonly onResult: (cells: ReadonlySet<string>) => void,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Starts collecting the invocations a cell uses while it is evaluated. */
  beginCell(cell: string): void {
    this.collecting.set(cell, new Set());
  }

  /** The current result of this call from this cell, invoking the function if no invocation fits. */
  call(cell: string, entry: CatalogEntry, fn: AssociatedFunction, args: ArgumentValue[], address: string): FormulaResult {
    const streaming = entry.metadata.options?.stream === true;
    const key = `${streaming ? "" : `${cell}|`}${entry.formulaName}|${JSON.stringify(args)}`;
    this.collecting.get(cell)?.add(key);
    let invocation = this.invocations.get(key);
    if (!invocation) {
      invocation = { key, entry, users: new Set(), result: BUSY, canceled: false, starting: true, handle: {} };
      this.invocations.set(key, invocation);
      this.start(invocation, fn, args, address, streaming);
      invocation.starting = false;
    }
    invocation.users.add(cell);
    return invocation.result;
  }

  /** Ends a cell's evaluation: invocations it no longer uses lose it as a user, and are cancelled when unused. */
  endCell(cell: string): void {
    const used = this.collecting.get(cell) ?? new Set<string>();
    this.collecting.delete(cell);
    const before = this.byCell.get(cell);
    if (before) for (const key of before) if (!used.has(key)) this.release(cell, key);
    if (used.size > 0) this.byCell.set(cell, used);
    else this.byCell.delete(cell);
  }

  /** The cell no longer has a formula. */
  dropCell(cell: string): void {
    this.beginCell(cell);
    this.endCell(cell);
  }

  /** Every invocation cancelled (the runtime that ran them went away). */
  cancelAll(): void {
    for (const invocation of [...this.invocations.values()]) this.cancel(invocation);
    this.byCell.clear();
  }

  /** Running invocations: "NAME|args" of the streaming ones, "cell|NAME|args" of the others. */
  keys(): string[] {
    return [...this.invocations.keys()];
  }

  get size(): number {
    return this.invocations.size;
  }

  /** The result of the one invocation a cell uses, when it uses exactly one and that one calls `formulaName`. */
  soleResult(cell: string, formulaName: string): FormulaResult | undefined {
    const keys = this.byCell.get(cell);
    if (keys?.size !== 1) return undefined;
    const invocation = this.invocations.get(keys.values().next().value!);
    return invocation?.entry.formulaName.toUpperCase() === formulaName ? invocation.result : undefined;
  }

  usersOf(key: string): string[] {
    return [...(this.invocations.get(key)?.users ?? [])];
  }

  private start(invocation: Invocation, fn: AssociatedFunction, args: ArgumentValue[], address: string, streaming: boolean): void {
    const name = invocation.entry.formulaName;
    const metadata = invocation.entry.metadata;
    const handle = invocation.handle as { onCanceled?: () => void; setResult?: (value: unknown) => void; address?: string };
    if (metadata.options?.requiresAddress) handle.address = address;
    if (streaming) handle.setResult = (value: unknown) => this.settle(invocation, toFormulaResult(value, invocation.entry));
    const passInvocation = streaming || metadata.options?.cancelable === true || metadata.options?.requiresAddress === true;
    try {
      const returned = fn(...args, ...(passInvocation ? [handle] : []));
      if (streaming) return;
      if (returned instanceof Promise || (typeof returned === "object" && returned !== null && typeof (returned as Promise<unknown>).then === "function")) {
        (returned as Promise<unknown>).then(
          (value) => this.settle(invocation, toFormulaResult(value, invocation.entry)),
          (error) => this.settle(invocation, errorFromFunction(error, name)),
        );
      } else {
        invocation.result = toFormulaResult(returned, invocation.entry);
      }
    } catch (error) {
      if (streaming) {
        // Excel ignores what a streaming function throws: its cells stay #BUSY! until setResult.
        this.log(`${name} threw ${String(error)}; Excel ignores this for a streaming function (report errors with setResult).`);
        return;
      }
      invocation.result = errorFromFunction(error, name);
    }
  }

  private settle(invocation: Invocation, result: FormulaResult): void {
    if (invocation.canceled) return;
    invocation.result = result;
    if (!invocation.starting) this.onResult(invocation.users);
  }

  private release(cell: string, key: string): void {
    const invocation = this.invocations.get(key);
    if (!invocation) return;
    invocation.users.delete(cell);
    if (invocation.users.size === 0) this.cancel(invocation);
  }

  private cancel(invocation: Invocation): void {
    const running = invocation.entry.metadata.options?.stream === true || invocation.result === BUSY;
    invocation.canceled = true;
    this.invocations.delete(invocation.key);
    try {
      if (running) invocation.handle.onCanceled?.();
    } catch (error) {
      this.log(`${invocation.entry.formulaName}: onCanceled threw ${String(error)}`);
    }
  }
}
