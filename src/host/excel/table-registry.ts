import type { CellArea } from "../engine/cell-address";
import { overlaps } from "./range-address";

/** A table of the preview sheet: its name and its area, the header row first. */
export interface SheetTable {
  /** Stays the same when the table is renamed or resized. */
  readonly id: number;
  readonly name: string;
  readonly area: CellArea;
}

/** Excel's rule for table names: a letter, underscore or backslash first, then letters, digits, underscores and periods; not a cell address; at most 255. */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const LOOKS_LIKE_CELL = /^(?:[A-Za-z]{1,3}[0-9]+|[RrCc])$/;

export class TableNameError extends Error {}

/**
 * The tables of the preview sheet (always with a header row, as the preview's tables.add requires). Names match
 * case-insensitively, as Excel's do. Listeners hear of every change (the grid restyles, the store saves).
 */
export class TableRegistry {
  private readonly tables: SheetTable[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(initial: ReadonlyArray<{ name: string; area: CellArea }> = []) {
    this.tables.push(...initial.map((table) => ({ id: this.nextId++, name: table.name, area: table.area })));
  }

  byId(id: number): SheetTable | undefined {
    return this.tables.find((table) => table.id === id);
  }

  all(): readonly SheetTable[] {
    return this.tables;
  }

  get(name: string): SheetTable | undefined {
    return this.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  }

  /** The table whose area holds the cell area entirely or in part. */
  overlapping(area: CellArea): SheetTable | undefined {
    return this.tables.find((table) => overlaps(table.area, area));
  }

  /** Adds a table named Table1, Table2, … (the first free number, as Excel does). */
  add(area: CellArea): SheetTable {
    if (this.overlapping(area)) throw new TableNameError("A table can't overlap another table.");
    let number = 1;
    while (this.get(`Table${number}`)) number++;
    const table = { id: this.nextId++, name: `Table${number}`, area };
    this.tables.push(table);
    this.changed();
    return table;
  }

  rename(table: SheetTable, name: string): SheetTable {
    if (!TABLE_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) {
      throw new TableNameError(`"${name}" is not a valid table name: start with a letter or underscore, use letters, digits, underscores and periods, and not a cell address.`);
    }
    const other = this.get(name);
    if (other && other.id !== table.id) throw new TableNameError(`A table named "${name}" already exists.`);
    return this.replace(table, { id: table.id, name, area: table.area });
  }

  resize(table: SheetTable, area: CellArea): SheetTable {
    return this.replace(table, { id: table.id, name: table.name, area });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private replace(table: SheetTable, next: SheetTable): SheetTable {
    const index = this.tables.findIndex((candidate) => candidate.id === table.id);
    if (index < 0) throw new TableNameError(`The table "${table.name}" no longer exists.`);
    this.tables[index] = next;
    this.changed();
    return next;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
