import { areaContains, keyOf, type CellArea, type CellPosition } from "./cell-address";

/** Which formula cells read which positions: single cells indexed, ranges scanned (there are few). */
export class DependencyGraph {
  private readonly cellReaders = new Map<string, Set<string>>();
  private readonly rangeReaders = new Map<string, CellArea[]>();
  private readonly readCells = new Map<string, string[]>();

  set(formula: string, areas: CellArea[]): void {
    this.remove(formula);
    const cells: string[] = [];
    const ranges: CellArea[] = [];
    for (const area of areas) {
      if (area.from.row === area.to.row && area.from.col === area.to.col) cells.push(keyOf(area.from));
      else ranges.push(area);
    }
    for (const cell of cells) {
      let readers = this.cellReaders.get(cell);
      if (!readers) this.cellReaders.set(cell, (readers = new Set()));
      readers.add(formula);
    }
    this.readCells.set(formula, cells);
    if (ranges.length > 0) this.rangeReaders.set(formula, ranges);
  }

  remove(formula: string): void {
    for (const cell of this.readCells.get(formula) ?? []) {
      const readers = this.cellReaders.get(cell);
      readers?.delete(formula);
      if (readers?.size === 0) this.cellReaders.delete(cell);
    }
    this.readCells.delete(formula);
    this.rangeReaders.delete(formula);
  }

  /** The formula cells that read this position. */
  readersOf(position: CellPosition): string[] {
    const readers = [...(this.cellReaders.get(keyOf(position)) ?? [])];
    for (const [formula, areas] of this.rangeReaders) if (areas.some((area) => areaContains(area, position))) readers.push(formula);
    return readers;
  }
}
