import { columnName, formatAddress, keyOf, positionOfKey, type CellArea, type CellPosition } from "./engine/cell-address";
import { displayText, isCellError } from "./engine/cell-value";
import type { Workbook } from "./engine/workbook";

/**
 * The sheet as a table. Only cells whose value changed are touched, and all of a frame's changes are written
 * together in one animation frame, so thousands of streaming cells never re-render the whole grid.
 */
export class GridView {
  readonly table: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;
  private readonly cells: HTMLTableCellElement[][] = [];
  private readonly pending = new Set<string>();
  private frame: number | undefined;
  private selected: CellPosition = { row: 1, col: 1 };
  private outlined: CellArea | undefined;
  /** Cells written since the grid was built (for the status line and benchmarks). */
  renderedCells = 0;

  constructor(private readonly workbook: Workbook, rows: number, readonly cols: number) {
    this.table = document.createElement("table");
    this.table.id = "grid";
    this.table.setAttribute("role", "grid");
    const head = this.table.createTHead().insertRow();
    head.appendChild(document.createElement("th")).className = "corner";
    for (let col = 1; col <= cols; col++) {
      const th = head.appendChild(document.createElement("th"));
      th.textContent = columnName(col);
      th.scope = "col";
    }
    this.body = this.table.createTBody();
    this.cells.push([]);
    this.addRows(rows);
    workbook.onChange((changed) => this.invalidate(changed));
  }

  get rows(): number {
    return this.cells.length - 1;
  }

  /** Grows the grid to at least `rows` rows. */
  addRows(rows: number): void {
    for (let row = this.rows + 1; row <= rows; row++) {
      const tr = this.body.insertRow();
      const th = tr.appendChild(document.createElement("th"));
      th.textContent = String(row);
      th.scope = "row";
      const line: HTMLTableCellElement[] = [];
      for (let col = 1; col <= this.cols; col++) {
        const td = tr.insertCell();
        td.dataset.address = formatAddress({ row, col });
        line[col] = td;
        this.write(td, { row, col });
      }
      this.cells.push(line);
    }
  }

  cellAt(position: CellPosition): HTMLTableCellElement | undefined {
    return this.cells[position.row]?.[position.col];
  }

  /** The position of a cell element of this grid. */
  positionOf(element: Element | null): CellPosition | undefined {
    const td = element?.closest("td");
    const address = td?.dataset.address;
    if (!address) return undefined;
    return { row: (td!.parentElement as HTMLTableRowElement).rowIndex, col: td!.cellIndex };
  }

  select(position: CellPosition): void {
    this.cellAt(this.selected)?.classList.remove("selected");
    this.cellAt(this.selected)?.removeAttribute("aria-selected");
    this.selected = position;
    const td = this.cellAt(position);
    td?.classList.add("selected");
    td?.setAttribute("aria-selected", "true");
    td?.scrollIntoView({ block: "nearest", inline: "nearest" });
    this.outlineSpill();
  }

  /** Queues cells for the next frame's update. */
  invalidate(keys: Iterable<string>): void {
    for (const key of keys) this.pending.add(key);
    this.frame ??= requestAnimationFrame(() => this.render());
  }

  /** Writes the queued cells now (the frame callback; also for tests that cannot wait for a frame). */
  render(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    for (const key of this.pending) {
      const position = positionOfKey(key);
      const td = this.cellAt(position);
      if (td) this.write(td, position);
    }
    this.pending.clear();
    this.outlineSpill();
  }

  private write(td: HTMLTableCellElement, position: CellPosition): void {
    const value = this.workbook.value(position);
    const text = displayText(value);
    if (td.textContent !== text) td.textContent = text;
    const kind = isCellError(value) ? "error" : typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "";
    if ((td.dataset.kind ?? "") !== kind) {
      if (kind) td.dataset.kind = kind;
      else delete td.dataset.kind;
    }
    const title = isCellError(value) && value.message ? `${value.error} ${value.message}` : "";
    if (td.title !== title) td.title = title;
    this.renderedCells++;
  }

  /** Outlines the spill range of the selected cell's formula, as Excel does. */
  private outlineSpill(): void {
    const owner = this.workbook.spillOwner(this.selected) ?? this.selected;
    const area = this.workbook.spillArea(owner);
    if (sameArea(area, this.outlined)) return;
    for (const td of this.table.querySelectorAll("td.spill")) td.classList.remove("spill");
    this.outlined = area;
    if (!area) return;
    for (let row = area.from.row; row <= area.to.row; row++) for (let col = area.from.col; col <= area.to.col; col++) this.cellAt({ row, col })?.classList.add("spill");
  }
}

function sameArea(a: CellArea | undefined, b: CellArea | undefined): boolean {
  return a === b || (!!a && !!b && keyOf(a.from) === keyOf(b.from) && keyOf(a.to) === keyOf(b.to));
}
