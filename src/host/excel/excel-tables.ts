import type { CellArea } from "../engine/cell-address";
import { invalidArgument, itemNotFound } from "./excel-errors";
import { PreviewRange, rowsOf, writeArea } from "./excel-range";
import { parseRangeAddress } from "./range-address";
import { ClientObject, type LoadOption, type RequestContext } from "./request-context";
import { TableNameError, type SheetTable } from "./table-registry";

/** Which table a proxy stands for: found when the batch that made it runs, then the same table (renamed or not). */
interface TableRef {
  id?: number;
}

function tableOf(context: RequestContext, ref: TableRef, where: string): SheetTable {
  const table = ref.id === undefined ? undefined : context.sheet.tables.byId(ref.id);
  if (!table) throw itemNotFound(where);
  return table;
}

function named<T>(where: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof TableNameError) throw invalidArgument(where, error.message);
    throw error;
  }
}

/** Excel.Table over a table of the preview sheet (always with a header row). */
export class PreviewTable extends ClientObject {
  readonly rows: PreviewTableRows;
  readonly columns: PreviewTableColumns;

  constructor(context: RequestContext, private readonly ref: TableRef) {
    super(context, "Table", ["name", "id", "showHeaders", "isNullObject"]);
    this.rows = new PreviewTableRows(context, () => this.table("Table.rows"));
    this.columns = new PreviewTableColumns(context, () => this.table("Table.columns"));
  }

  get name(): string { return this.read("name"); }
  set name(name: string) { this.context.enqueue(() => named("Table.name", () => this.context.sheet.tables.rename(this.table("Table.name"), name))); }
  get id(): string { return this.read("id"); }
  get showHeaders(): boolean { return this.read("showHeaders"); }
  get isNullObject(): boolean { return this.read("isNullObject"); }

  /** A proxy of a table found while a batch runs, its properties loaded (a loaded collection's items). */
  static loadedNow(context: RequestContext, id: number): PreviewTable {
    const table = new PreviewTable(context, { id });
    table.fill();
    return table;
  }

  /** Marks the proxy found or not at the next sync (getItemOrNullObject). */
  settleNull(): void {
    this.context.enqueue(() => this.remember("isNullObject", this.ref.id === undefined || !this.context.sheet.tables.byId(this.ref.id)));
  }

  getRange(): PreviewRange {
    return new PreviewRange(this.context, () => this.table("Table.getRange").area);
  }

  getHeaderRowRange(): PreviewRange {
    return new PreviewRange(this.context, () => {
      const { area } = this.table("Table.getHeaderRowRange");
      return { from: area.from, to: { row: area.from.row, col: area.to.col } };
    });
  }

  getDataBodyRange(): PreviewRange {
    return new PreviewRange(this.context, () => bodyOf(this.table("Table.getDataBodyRange").area));
  }

  protected snapshot(names: readonly string[]): Record<string, unknown> {
    if (this.ref.id === undefined || !this.context.sheet.tables.byId(this.ref.id)) {
      // A null object's properties read as null (isNullObject true).
      return Object.fromEntries(names.map((name) => [name, name === "isNullObject" ? true : null]));
    }
    const table = this.table("Table.load");
    const all: Record<string, unknown> = { name: table.name, id: String(table.id), showHeaders: true, isNullObject: false };
    return Object.fromEntries(names.map((name) => [name, all[name]]));
  }

  private table(where: string): SheetTable {
    return tableOf(this.context, this.ref, where);
  }
}

export function bodyOf(area: CellArea): CellArea {
  return { from: { row: area.from.row + 1, col: area.from.col }, to: area.to };
}

/** Excel.TableRowCollection: the count, and rows added at the end. */
export class PreviewTableRows extends ClientObject {
  constructor(context: RequestContext, private readonly table: () => SheetTable) {
    super(context, "TableRowCollection", ["count"]);
  }

  get count(): number { return this.read("count"); }

  /**
   * Adds rows at the end (index null, undefined or the row count). A table whose only body row is blank, as
   * tables.add leaves it, gets its first new row there (Excel's own samples rely on it).
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.context.enqueue(() => {
      const table = this.table();
      const body = bodyOf(table.area);
      const bodyRows = body.to.row - body.from.row + 1;
      if (index !== null && index !== undefined && index !== bodyRows) throw invalidArgument("TableRowCollection.add", "The preview adds table rows only at the end (index null).");
      const matrix = values ?? [rowsOf(body)[0].map(() => "")];
      const sheet = this.context.sheet;
      const blankOnlyRow = bodyRows === 1 && rowsOf(body)[0].every((position) => sheet.input(position) === "");
      const start = blankOnlyRow ? body.from.row : body.to.row + 1;
      const area = { from: { row: start, col: body.from.col }, to: { row: start + matrix.length - 1, col: body.to.col } };
      const grown = { from: table.area.from, to: { row: Math.max(table.area.to.row, area.to.row), col: table.area.to.col } };
      const other = sheet.tables.all().find((candidate) => candidate.id !== table.id && candidate.area.from.row <= grown.to.row && candidate.area.to.row >= area.from.row && candidate.area.from.col <= grown.to.col && candidate.area.to.col >= grown.from.col);
      if (other) throw invalidArgument("TableRowCollection.add", `The new rows would overlap the table "${other.name}".`);
      writeArea(this.context, area, matrix, "TableRowCollection.add");
      sheet.tables.resize(table, grown);
    });
  }

  protected snapshot(): Record<string, unknown> {
    const body = bodyOf(this.table().area);
    return { count: body.to.row - body.from.row + 1 };
  }
}

/** Excel.TableColumnCollection: `items` (name and index of each column) and `count`, once loaded. */
export class PreviewTableColumns extends ClientObject {
  constructor(context: RequestContext, private readonly table: () => SheetTable) {
    super(context, "TableColumnCollection", ["items", "count"]);
  }

  get items(): Array<{ name: string; index: number }> { return this.read("items"); }
  get count(): number { return this.read("count"); }

  /** A collection loads its items whole, whatever properties of them are named ("items/name"). */
  override load(_option?: LoadOption): this {
    this.context.enqueue(() => this.fill());
    return this;
  }

  protected snapshot(): Record<string, unknown> {
    const { area } = this.table();
    const header = rowsOf({ from: area.from, to: { row: area.from.row, col: area.to.col } })[0];
    const items = header.map((position, index) => ({ name: String(this.context.sheet.value(position) ?? ""), index }));
    return { items, count: items.length };
  }
}

/** Excel.TableCollection of the workbook (the preview has one sheet). */
export class PreviewTableCollection extends ClientObject {
  constructor(context: RequestContext) {
    super(context, "TableCollection", ["count", "items"]);
  }

  get count(): number { return this.read("count"); }
  get items(): PreviewTable[] { return this.read("items"); }

  override load(_option?: LoadOption): this {
    this.context.enqueue(() => this.fill());
    return this;
  }

  /** A table over `address` whose first row is its header row; a one-row address gets one blank body row. */
  add(address: string | PreviewRange, hasHeaders: boolean): PreviewTable {
    const ref: TableRef = {};
    this.context.enqueue(() => {
      const where = "TableCollection.add";
      if (!hasHeaders) throw invalidArgument(where, "The preview makes tables from a range with its header row (hasHeaders true).");
      const area = typeof address === "string" ? parseRangeAddress(address) : address.locate();
      if (!area) throw invalidArgument(where, `"${String(address)}" is not an address of this sheet.`);
      const full = area.to.row === area.from.row ? { from: area.from, to: { row: area.to.row + 1, col: area.to.col } } : area;
      const table = named(where, () => this.context.sheet.tables.add(full));
      ref.id = table.id;
      // Blank header cells are named Column1, Column2, … as Excel names them.
      rowsOf({ from: full.from, to: { row: full.from.row, col: full.to.col } })[0].forEach((position, index) => {
        if (this.context.sheet.input(position) === "") this.context.sheet.write(position, `Column${index + 1}`);
      });
    });
    return new PreviewTable(this.context, ref);
  }

  getItem(name: string): PreviewTable {
    const ref: TableRef = {};
    this.context.enqueue(() => {
      const table = this.context.sheet.tables.get(name);
      if (!table) throw itemNotFound("TableCollection.getItem", `There is no table named "${name}".`);
      ref.id = table.id;
    });
    return new PreviewTable(this.context, ref);
  }

  getItemOrNullObject(name: string): PreviewTable {
    const ref: TableRef = {};
    this.context.enqueue(() => {
      ref.id = this.context.sheet.tables.get(name)?.id;
    });
    const table = new PreviewTable(this.context, ref);
    table.settleNull();
    return table;
  }

  protected snapshot(): Record<string, unknown> {
    const tables = this.context.sheet.tables.all();
    const items = tables.map((table) => PreviewTable.loadedNow(this.context, table.id));
    return { count: tables.length, items };
  }
}
