import { propertyNotLoaded } from "./excel-errors";
import type { PreviewWorkbook } from "./excel-workbook";
import type { SheetAccess } from "./sheet-access";

type Operation = () => void;

/**
 * Excel's batching: calls on proxy objects only queue operations; `sync()` runs them in order against the sheet
 * (loads read, writes apply) and stops at the first that fails, rejecting with its error, as Excel does.
 */
export class RequestContext {
  private queue: Operation[] = [];
  /** Set by Excel.run: the context's workbook proxy. */
  workbook!: PreviewWorkbook;

  constructor(readonly sheet: SheetAccess) {}

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const operations = this.queue;
    this.queue = [];
    // Excel answers a batch asynchronously, after a round trip.
    await Promise.resolve();
    for (const operation of operations) operation();
    return passThroughValue as T;
  }
}

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

/** The property names a `load` call names ("values, address", ["values"], { select: "values" }, "items/name"). */
export function loadedNames(option: LoadOption): string[] | undefined {
  const pick = typeof option === "object" && option !== null && !Array.isArray(option) ? option.select : option;
  if (pick === undefined) return undefined;
  const list = Array.isArray(pick) ? pick : pick.split(",");
  return list.map((name) => name.trim().replace(/^items\//, "")).filter((name) => name !== "" && name !== "items");
}

/**
 * A proxy of an Excel object: its properties can be read only once loaded and synced (else PropertyNotLoaded);
 * `snapshot()` reads them at sync time.
 */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();

  constructor(protected readonly context: RequestContext, private readonly typeName: string, private readonly scalarNames: readonly string[]) {}

  load(option?: LoadOption): this {
    const names = (loadedNames(option) ?? this.scalarNames).filter((name) => this.scalarNames.includes(name));
    this.context.enqueue(() => this.fill(names));
    return this;
  }

  /** Loads `names` now (while a batch runs: the items of a loaded collection). */
  protected fill(names: readonly string[] = this.scalarNames): void {
    const values = this.snapshot(names);
    for (const name of names) this.loaded.set(name, values[name]);
  }

  /** The loaded values of `names`, read from the sheet now (at sync). */
  protected abstract snapshot(names: readonly string[]): Record<string, unknown>;

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name, `${this.typeName}.${name}`);
    return this.loaded.get(name) as T;
  }

  /** For isNullObject, which Excel fills at the next sync without a load. */
  protected remember(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
