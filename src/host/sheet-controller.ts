import { formatAddress, parseAddress, type CellArea, type CellPosition } from "./engine/cell-address";
import { displayText, isCellError } from "./engine/cell-value";
import type { Workbook } from "./engine/workbook";
import type { GridView } from "./grid-view";

export interface SheetElements {
  container: HTMLElement;
  editor: HTMLInputElement;
  nameBox: HTMLInputElement;
  formulaInput: HTMLInputElement;
  status: HTMLElement;
}

/**
 * Selection and editing as in Excel: arrows, Tab and Enter move (with Shift, arrows and clicks extend the selection
 * from the active cell); typing starts editing (arrows then commit and
 * move), F2 edits the current content (arrows move the caret), Escape cancels, Delete clears; the formula bar
 * shows and edits the selected cell's input; the status line shows its value and any error message.
 */
export class SheetController {
  private selected: CellPosition = { row: 1, col: 1 };
  /** The corner the selection extends to from the active cell (Shift+arrows, Shift+click). */
  private extent: CellPosition = { row: 1, col: 1 };
  private editing: { mode: "enter" | "edit"; source: HTMLInputElement } | undefined;

  constructor(
    private readonly workbook: Workbook,
    private readonly grid: GridView,
    private readonly ui: SheetElements,
    private readonly commit: (position: CellPosition, text: string) => void,
  ) {
    ui.container.addEventListener("keydown", (event) => this.onGridKey(event));
    ui.container.addEventListener("mousedown", (event) => {
      const position = grid.positionOf(event.target as Element);
      if (!position || event.target === ui.editor) return;
      if (this.editing) this.finish(true);
      if (event.shiftKey) this.extendTo(position);
      else this.select(position);
      event.preventDefault();
      ui.container.focus();
    });
    ui.container.addEventListener("dblclick", (event) => {
      const position = grid.positionOf(event.target as Element);
      if (position) this.startEditing("edit", workbook.input(position));
    });
    ui.editor.addEventListener("keydown", (event) => this.onEditorKey(event, ui.editor));
    ui.editor.addEventListener("input", () => (ui.formulaInput.value = ui.editor.value));
    ui.formulaInput.addEventListener("focus", () => (this.editing = { mode: "edit", source: ui.formulaInput }));
    ui.formulaInput.addEventListener("keydown", (event) => this.onEditorKey(event, ui.formulaInput));
    ui.nameBox.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      const position = parseAddress(ui.nameBox.value);
      if (position && position.col <= grid.cols) {
        if (position.row > grid.rows) grid.addRows(position.row);
        this.select(position);
        ui.container.focus();
      } else ui.status.textContent = `"${ui.nameBox.value}" is not a cell of this sheet.`;
    });
    workbook.onChange((changed) => {
      if (changed.has(`${this.selected.row},${this.selected.col}`)) this.showStatus();
    });
    this.select(this.selected);
  }

  get selection(): CellPosition {
    return this.selected;
  }

  /** The selected area: the active cell and the corner it extends to. */
  get area(): CellArea {
    const [a, b] = [this.selected, this.extent];
    return { from: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) }, to: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) } };
  }

  select(position: CellPosition): void {
    this.selected = this.clamp(position);
    this.extent = this.selected;
    this.show();
  }

  /** Selects an area with its top-left cell active, as Excel does for a range typed into the name box. */
  selectArea(area: CellArea): void {
    if (area.to.row > this.grid.rows) this.grid.addRows(area.to.row);
    this.selected = this.clamp(area.from);
    this.extent = this.clamp(area.to);
    this.show();
  }

  extendTo(position: CellPosition): void {
    if (position.row > this.grid.rows) this.grid.addRows(position.row);
    this.extent = this.clamp(position);
    this.grid.selectArea(this.area);
    this.ui.nameBox.value = this.area.from.row === this.area.to.row && this.area.from.col === this.area.to.col ? formatAddress(this.selected) : `${formatAddress(this.area.from)}:${formatAddress(this.area.to)}`;
  }

  private clamp(position: CellPosition): CellPosition {
    return { row: Math.max(1, Math.min(position.row, this.grid.rows)), col: Math.max(1, Math.min(position.col, this.grid.cols)) };
  }

  private show(): void {
    this.grid.select(this.selected);
    this.grid.selectArea(this.area);
    this.ui.nameBox.value = formatAddress(this.selected);
    this.ui.formulaInput.value = this.workbook.input(this.selected);
    this.showStatus();
  }

  private showStatus(): void {
    const value = this.workbook.value(this.selected);
    const address = formatAddress(this.selected);
    const owner = this.workbook.spillOwner(this.selected);
    const spilled = owner ? ` (spilled from ${formatAddress(owner)})` : "";
    this.ui.status.textContent = isCellError(value)
      ? `${address}${spilled}: ${value.error}${value.message ? ` — ${value.message}` : ""}`
      : `${address}${spilled}: ${displayText(value) || "empty"}`;
  }

  private move(rows: number, cols: number): void {
    const row = this.selected.row + rows;
    if (row > this.grid.rows) this.grid.addRows(row);
    this.select({ row, col: this.selected.col + cols });
  }

  private onGridKey(event: KeyboardEvent): void {
    if (event.target !== this.ui.container) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [event.shiftKey ? -1 : 1, 0], Tab: [0, event.shiftKey ? -1 : 1] };
    if (event.shiftKey && event.key.startsWith("Arrow")) this.extendTo({ row: this.extent.row + moves[event.key][0], col: this.extent.col + moves[event.key][1] });
    else if (moves[event.key]) this.move(...moves[event.key]);
    else if (event.key === "Home") this.select(event.ctrlKey ? { row: 1, col: 1 } : { row: this.selected.row, col: 1 });
    else if (event.key === "F2") this.startEditing("edit", this.workbook.input(this.selected));
    else if (event.key === "Delete") this.commit(this.selected, "");
    else if (event.key === "Backspace") this.startEditing("enter", "");
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) this.startEditing("enter", event.key);
    else return;
    event.preventDefault();
    if (event.key === "Delete") this.select(this.selected);
  }

  private startEditing(mode: "enter" | "edit", text: string): void {
    const cell = this.grid.cellAt(this.selected);
    if (!cell) return;
    const editor = this.ui.editor;
    const box = cell.getBoundingClientRect();
    const container = this.ui.container.getBoundingClientRect();
    editor.style.left = `${box.left - container.left + this.ui.container.scrollLeft}px`;
    editor.style.top = `${box.top - container.top + this.ui.container.scrollTop}px`;
    editor.style.minWidth = `${box.width}px`;
    editor.style.height = `${box.height}px`;
    editor.value = text;
    editor.hidden = false;
    this.ui.formulaInput.value = text;
    this.editing = { mode, source: editor };
    editor.focus();
    editor.setSelectionRange(text.length, text.length);
  }

  private onEditorKey(event: KeyboardEvent, source: HTMLInputElement): void {
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (event.key === "Enter" || event.key === "Tab") {
      this.finish(true, source);
      this.move(event.key === "Tab" ? 0 : event.shiftKey ? -1 : 1, event.key === "Tab" ? (event.shiftKey ? -1 : 1) : 0);
    } else if (event.key === "Escape") this.finish(false, source);
    else if (arrows[event.key] && this.editing?.mode === "enter" && source === this.ui.editor) {
      this.finish(true, source);
      this.move(...arrows[event.key]);
    } else return;
    event.preventDefault();
  }

  private finish(keep: boolean, source: HTMLInputElement = this.editing?.source ?? this.ui.editor): void {
    const text = source.value;
    this.editing = undefined;
    this.ui.editor.hidden = true;
    if (keep) this.commit(this.selected, text);
    this.select(this.selected);
    this.ui.container.focus();
  }
}
