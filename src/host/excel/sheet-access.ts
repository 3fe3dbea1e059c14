import type { CellArea, CellPosition } from "../engine/cell-address";
import type { CellValue } from "../engine/cell-value";
import type { TableRegistry } from "./table-registry";

/** What the preview's Excel API reads and writes: the one sheet, its selection and its tables. */
export interface SheetAccess {
  value(position: CellPosition): CellValue;
  /** What was typed: a formula with its "=", or a constant as typed. */
  input(position: CellPosition): string;
  /** Types `text` into the cell ("" clears it). */
  write(position: CellPosition, text: string): void;
  selection(): CellArea;
  readonly tables: TableRegistry;
}
