import { positionsOf, type CellArea, type CellPosition } from "../engine/cell-address";
import { displayText, isCellError, type CellValue } from "../engine/cell-value";
import { invalidArgument } from "./excel-errors";
import { formatRangeAddress } from "./range-address";
import { ClientObject, type RequestContext } from "./request-context";

export type ExcelValue = number | string | boolean;
const RANGE_PROPERTIES = ["address", "addressLocal", "values", "formulas", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount"];
/** Excel's sheet: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** A cell's value as Range.values gives it: empty is "", an error its text ("#N/A"). */
export function excelValue(value: CellValue): ExcelValue {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  return value;
}

/** What a value written to Range.values types into a cell; null and undefined leave the cell as it is (as in Excel). */
export function typedText(value: unknown, where: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidArgument(where, `${value} is not a number a cell can hold.`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  throw invalidArgument(where, `A cell takes a number, text or a boolean, not ${JSON.stringify(value)}.`);
}

/**
 * Excel.Range over the preview sheet. The area is found when the batch runs (`locate` may throw: a table that
 * does not exist), so a range of the selection is the selection at sync time, as in Excel.
 */
export class PreviewRange extends ClientObject {
  constructor(context: RequestContext, readonly locate: () => CellArea) {
    super(context, "Range", RANGE_PROPERTIES);
  }

  get address(): string { return this.read("address"); }
  get addressLocal(): string { return this.read("addressLocal"); }
  get values(): ExcelValue[][] { return this.read("values"); }
  set values(values: unknown) { this.write(values, "Range.values"); }
  get formulas(): ExcelValue[][] { return this.read("formulas"); }
  set formulas(formulas: unknown) { this.write(formulas, "Range.formulas"); }
  get text(): string[][] { return this.read("text"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get cellCount(): number { return this.read("cellCount"); }

  getCell(row: number, column: number): PreviewRange {
    return this.derived("Range.getCell", (area) => ({ from: { row: area.from.row + row, col: area.from.col + column }, to: { row: area.from.row + row, col: area.from.col + column } }));
  }

  getRow(row: number): PreviewRange {
    return this.derived("Range.getRow", (area) => ({ from: { row: area.from.row + row, col: area.from.col }, to: { row: area.from.row + row, col: area.to.col } }));
  }

  getColumn(column: number): PreviewRange {
    return this.derived("Range.getColumn", (area) => ({ from: { row: area.from.row, col: area.from.col + column }, to: { row: area.to.row, col: area.from.col + column } }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): PreviewRange {
    return this.derived("Range.getOffsetRange", (area) => ({
      from: { row: area.from.row + rowOffset, col: area.from.col + columnOffset },
      to: { row: area.to.row + rowOffset, col: area.to.col + columnOffset },
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): PreviewRange {
    return this.derived("Range.getResizedRange", (area) => ({ from: area.from, to: { row: area.to.row + deltaRows, col: area.to.col + deltaColumns } }));
  }

  protected snapshot(names: readonly string[]): Record<string, unknown> {
    const area = this.locate();
    const sheet = this.context.sheet;
    const grid = <T>(cell: (position: CellPosition) => T) => rowsOf(area).map((row) => row.map(cell));
    const all: Record<string, () => unknown> = {
      address: () => formatRangeAddress(area),
      addressLocal: () => formatRangeAddress(area),
      values: () => grid((position) => excelValue(sheet.value(position))),
      formulas: () => grid((position) => (sheet.input(position).startsWith("=") ? sheet.input(position) : excelValue(sheet.value(position)))),
      text: () => grid((position) => displayText(sheet.value(position))),
      rowIndex: () => area.from.row - 1,
      columnIndex: () => area.from.col - 1,
      rowCount: () => area.to.row - area.from.row + 1,
      columnCount: () => area.to.col - area.from.col + 1,
      cellCount: () => (area.to.row - area.from.row + 1) * (area.to.col - area.from.col + 1),
    };
    return Object.fromEntries(names.map((name) => [name, all[name]()]));
  }

  private derived(where: string, shape: (area: CellArea) => CellArea): PreviewRange {
    return new PreviewRange(this.context, () => {
      const area = shape(this.locate());
      if (area.from.row < 1 || area.from.col < 1 || area.to.row > MAX_ROW || area.to.col > MAX_COL || area.to.row < area.from.row || area.to.col < area.from.col) {
        throw invalidArgument(where, "The range would lie outside the sheet.");
      }
      return area;
    });
  }

  private write(values: unknown, where: string): void {
    this.context.enqueue(() => writeArea(this.context, this.locate(), values, where));
  }
}

/** The positions of an area, row by row. */
export function rowsOf(area: CellArea): CellPosition[][] {
  const rows: CellPosition[][] = [];
  for (const position of positionsOf(area)) {
    const row = position.row - area.from.row;
    (rows[row] ??= []).push(position);
  }
  return rows;
}

/** Writes a matrix of the area's size, or one value into every cell (Excel's rule for Range.values). */
export function writeArea(context: RequestContext, area: CellArea, values: unknown, where: string): void {
  const rows = rowsOf(area);
  const single = !Array.isArray(values);
  if (!single) {
    const matrix = values as unknown[];
    const fits = matrix.length === rows.length && matrix.every((row) => Array.isArray(row) && row.length === rows[0].length);
    if (!fits) throw invalidArgument(where, `The range is ${rows.length} × ${rows[0].length}; the values must be as many rows of as many values.`);
  }
  // Checked first, so that a bad value leaves the whole range as it was.
  const texts = rows.map((row, r) => row.map((_, c) => typedText(single ? values : (values as unknown[][])[r][c], where)));
  rows.forEach((row, r) => row.forEach((position, c) => {
    const text = texts[r][c];
    if (text !== undefined) context.sheet.write(position, text);
  }));
}
