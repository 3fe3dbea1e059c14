import { columnName, formatAddress, keyOf, parseAddress, positionOfKey, type CellArea, type CellPosition } from "./engine/cell-address";
import { displayText, isCellError } from "./engine/cell-value";
import type { Workbook } from "./engine/workbook";

const ROWS_PER_BLOCK = 50;

/**
 * The sheet as rows of cells. Only cells whose value changed are touched, all of a frame's changes are written
 * in one animation frame, each value sits in a box of fixed size (contain: strict) and rows come in blocks that
 * the browser skips while off screen (content-visibility: auto): a tick of thousands of streaming cells never
 * re-renders or re-lays out the whole grid.
 */
export class GridView {
  readonly element: HTMLDivElement;
  private readonly cells: HTMLDivElement[][] = [[]];
  private block: HTMLDivElement | undefined;
  private readonly pending = new Set<string>();
  private frame: number | undefined;
  private selected: CellPosition = { row: 1, col: 1 };
  private outlined: CellArea | undefined;
  private area: CellArea | undefined;
  private tableCells: HTMLDivElement[] = [];
  /** Cell values written since the grid was built (for the status line, tests and benchmarks). */
  renderedCells = 0;

  constructor(private readonly workbook: Workbook, rows: number, readonly cols: number) {
    this.element = document.createElement("div");
    this.element.id = "grid";
    this.element.setAttribute("role", "grid");
    this.element.style.setProperty("--columns", String(cols));
    const head = this.element.appendChild(document.createElement("div"));
    head.className = "row head";
    head.setAttribute("role", "row");
    head.appendChild(document.createElement("div")).className = "corner";
    for (let col = 1; col <= cols; col++) {
      const header = head.appendChild(document.createElement("div"));
      header.className = "column-header";
      header.setAttribute("role", "columnheader");
      header.textContent = columnName(col);
    }
    this.addRows(rows);
    workbook.onChange((changed) => this.invalidate(changed));
  }

  get rows(): number {
    return this.cells.length - 1;
  }

  /** Grows the grid to at least `rows` rows. */
  addRows(rows: number): void {
    for (let row = this.rows + 1; row <= rows; row++) {
      if ((row - 1) % ROWS_PER_BLOCK === 0 || !this.block) {
        this.block = this.element.appendChild(document.createElement("div"));
        this.block.className = "block";
      }
      const line = this.block.appendChild(document.createElement("div"));
      line.className = "row";
      line.setAttribute("role", "row");
      const header = line.appendChild(document.createElement("div"));
      header.className = "row-header";
      header.setAttribute("role", "rowheader");
      header.textContent = String(row);
      const cells: HTMLDivElement[] = [];
      for (let col = 1; col <= this.cols; col++) {
        const cell = line.appendChild(document.createElement("div"));
        cell.className = "cell";
        cell.setAttribute("role", "gridcell");
        cell.dataset.address = formatAddress({ row, col });
        cell.appendChild(document.createElement("div")).className = "value";
        cells[col] = cell;
        this.write(cell, { row, col });
      }
      this.cells.push(cells);
    }
  }

  cellAt(position: CellPosition): HTMLDivElement | undefined {
    return this.cells[position.row]?.[position.col];
  }

  /** The position of a cell element of this grid. */
  positionOf(element: Element | null): CellPosition | undefined {
    const address = (element?.closest("[data-address]") as HTMLElement | null)?.dataset.address;
    return address ? parseAddress(address) : undefined;
  }

  select(position: CellPosition): void {
    const previous = this.cellAt(this.selected);
    previous?.classList.remove("selected");
    previous?.removeAttribute("aria-selected");
    this.selected = position;
    const cell = this.cellAt(position);
    cell?.classList.add("selected");
    cell?.setAttribute("aria-selected", "true");
    cell?.scrollIntoView({ block: "nearest", inline: "nearest" });
    this.outlineSpill();
  }

  /** Shades the selected area when it is more than the active cell. */
  selectArea(area: CellArea): void {
    if (sameArea(area, this.area)) return;
    for (const cell of this.element.querySelectorAll(".cell.in-selection")) cell.classList.remove("in-selection");
    this.area = area;
    if (keyOf(area.from) === keyOf(area.to)) return;
    for (let row = area.from.row; row <= area.to.row; row++) for (let col = area.from.col; col <= area.to.col; col++) this.cellAt({ row, col })?.classList.add("in-selection");
  }

  /** Styles the tables' cells as Excel's default table style does: header row, banded body rows. */
  showTables(tables: ReadonlyArray<{ name: string; area: CellArea }>): void {
    for (const cell of this.tableCells) {
      cell.classList.remove("table-header", "table-body", "table-band");
      delete cell.dataset.table;
    }
    this.tableCells = [];
    for (const table of tables) {
      if (table.area.to.row > this.rows) this.addRows(table.area.to.row);
      for (let row = table.area.from.row; row <= table.area.to.row; row++) {
        for (let col = table.area.from.col; col <= table.area.to.col; col++) {
          const cell = this.cellAt({ row, col });
          if (!cell) continue;
          const header = row === table.area.from.row;
          cell.classList.add(header ? "table-header" : "table-body");
          if (!header && (row - table.area.from.row) % 2 === 1) cell.classList.add("table-band");
          cell.dataset.table = table.name;
          this.tableCells.push(cell);
        }
      }
    }
  }

  /** Queues cells for the next frame's update. */
  invalidate(keys: Iterable<string>): void {
    for (const key of keys) this.pending.add(key);
    this.frame ??= requestAnimationFrame(() => this.render());
  }

  /** Writes the queued cells (the frame callback). */
  render(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    for (const key of this.pending) {
      const position = positionOfKey(key);
      const cell = this.cellAt(position);
      if (cell) this.write(cell, position);
    }
    this.pending.clear();
    this.outlineSpill();
  }

  private write(cell: HTMLDivElement, position: CellPosition): void {
    const value = this.workbook.value(position);
    const text = displayText(value);
    const box = cell.firstChild as HTMLDivElement;
    if (box.textContent !== text) box.textContent = text;
    const kind = isCellError(value) ? "error" : typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "";
    if ((cell.dataset.kind ?? "") !== kind) {
      if (kind) cell.dataset.kind = kind;
      else delete cell.dataset.kind;
    }
    const title = isCellError(value) && value.message ? `${value.error} ${value.message}` : "";
    if (cell.title !== title) cell.title = title;
    this.renderedCells++;
  }

  /** Outlines the spill range of the selected cell's formula, as Excel does. */
  private outlineSpill(): void {
    const owner = this.workbook.spillOwner(this.selected) ?? this.selected;
    const area = this.workbook.spillArea(owner);
    if (sameArea(area, this.outlined)) return;
    for (const cell of this.element.querySelectorAll(".cell.spill")) cell.classList.remove("spill");
    this.outlined = area;
    if (!area) return;
    for (let row = area.from.row; row <= area.to.row; row++) for (let col = area.from.col; col <= area.to.col; col++) this.cellAt({ row, col })?.classList.add("spill");
  }
}

function sameArea(a: CellArea | undefined, b: CellArea | undefined): boolean {
  return a === b || (!!a && !!b && keyOf(a.from) === keyOf(b.from) && keyOf(a.to) === keyOf(b.to));
}
