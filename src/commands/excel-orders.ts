import { columnIndex, ORDER_TABLE_COLUMNS, ORDER_TABLE_NAME, RESULT_COLUMNS, resultCells, type BatchRowResult, type SheetValue } from "../core";

/**
 * The order commands' Excel side: read and write ranges of the BinckOrders table and of the selection, nothing
 * else (what a row means lives in core/orders/order-table.ts). Each function is one batch of an Excel.run.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type CreateTableResult = { created: true; address: string } | { created: false; address: string };

/** An empty BinckOrders table with the documented header row at the selection's top-left cell. */
export async function createOrdersTable(context: Excel.RequestContext): Promise<CreateTableResult> {
  // load() fills isNullObject in every implementation (office-addin-mock needs it loaded; Excel fills it anyway).
  const existing = context.workbook.tables.getItemOrNullObject(ORDER_TABLE_NAME).load();
  await context.sync();
  if (!existing.isNullObject) {
    const range = existing.getRange().load("address");
    await context.sync();
    return { created: false, address: range.address };
  }
  const header = context.workbook.getSelectedRange().getCell(0, 0).getResizedRange(0, ORDER_TABLE_COLUMNS.length - 1);
  header.values = [[...ORDER_TABLE_COLUMNS]];
  const table = context.workbook.tables.add(header, true);
  table.name = ORDER_TABLE_NAME;
  const range = table.getRange().load("address");
  await context.sync();
  return { created: true, address: range.address };
}

/** The table's header names and body values, or undefined when the workbook has no BinckOrders table. */
export async function readOrdersTable(context: Excel.RequestContext): Promise<{ headers: SheetValue[]; body: SheetValue[][] } | undefined> {
  const table = context.workbook.tables.getItemOrNullObject(ORDER_TABLE_NAME).load();
  await context.sync();
  if (table.isNullObject) return undefined;
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  await context.sync();
  return { headers: header.values[0] as SheetValue[], body: body.values as SheetValue[][] };
}

/** Writes Status, Order and Message of each result into its body row (columns the table lacks are left out). */
export async function writeRowResults(context: Excel.RequestContext, results: readonly BatchRowResult[]): Promise<void> {
  const table = context.workbook.tables.getItem(ORDER_TABLE_NAME);
  const header = table.getHeaderRowRange().load("values");
  await context.sync();
  const columns = RESULT_COLUMNS.map((name) => columnIndex(header.values[0] as SheetValue[], name));
  const body = table.getDataBodyRange();
  for (const result of results) {
    resultCells(result).forEach((value, position) => {
      if (columns[position] >= 0) body.getCell(result.index, columns[position]).values = [[value]];
    });
  }
  await context.sync();
}

/** The selected rows: inside the BinckOrders body, the table's whole rows with their header; else the selected cells. */
export type SelectedRows =
  | { inTable: true; headers: SheetValue[]; rows: Array<{ index: number; values: SheetValue[] }> }
  | { inTable: false; rows: Array<{ index: number; values: SheetValue[] }> };

export async function readSelectedRows(context: Excel.RequestContext): Promise<SelectedRows> {
  const selection = context.workbook.getSelectedRange().load(["values", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const table = context.workbook.tables.getItemOrNullObject(ORDER_TABLE_NAME).load();
  await context.sync();
  const outside = () => ({ inTable: false as const, rows: (selection.values as SheetValue[][]).map((values, index) => ({ index, values })) });
  if (table.isNullObject) return outside();
  const body = table.getDataBodyRange().load(["values", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const header = table.getHeaderRowRange().load("values");
  await context.sync();
  const first = Math.max(selection.rowIndex, body.rowIndex);
  const last = Math.min(selection.rowIndex + selection.rowCount, body.rowIndex + body.rowCount) - 1;
  const columnsMeet = selection.columnIndex < body.columnIndex + body.columnCount && body.columnIndex < selection.columnIndex + selection.columnCount;
  if (first > last || !columnsMeet) return outside();
  const rows = [];
  for (let row = first; row <= last; row++) rows.push({ index: row - body.rowIndex, values: body.values[row - body.rowIndex] as SheetValue[] });
  return { inTable: true, headers: header.values[0] as SheetValue[], rows };
}
