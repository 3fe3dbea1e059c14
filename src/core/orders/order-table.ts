import type { BatchRow, BatchRowResult, OrderField, OrderFields } from "./contract";

/** The table "Place orders from table" reads (README: "Orders from a table"). */
export const ORDER_TABLE_NAME = "BinckOrders";

/** Its columns: what the person fills in, then what the macros write back (Status, Order, Message). */
export const ORDER_TABLE_COLUMNS = ["Account", "Instrument", "Side", "Quantity", "Type", "Limit", "Stop", "Duration", "Expiry", "Status", "Order", "Message"] as const;
export type OrderTableColumn = (typeof ORDER_TABLE_COLUMNS)[number];
export const RESULT_COLUMNS = ["Status", "Order", "Message"] as const;

/** The order field each input column fills. */
const FIELD_OF: Readonly<Record<string, OrderField>> = {
  account: "accountNumber", instrument: "instrument", side: "side", quantity: "quantity", type: "type",
  limit: "limitPrice", stop: "stopPrice", duration: "duration", expiry: "expirationDate",
};

/** A row of a selection outside the table, by position: instrument, side, quantity, then optionally type, limit, duration. */
const BY_POSITION: readonly OrderField[] = ["instrument", "side", "quantity", "type", "limitPrice", "duration"];

/** A cell's value as Excel's Range.values gives it. */
export type SheetValue = string | number | boolean | null | undefined;

function fieldValue(value: SheetValue): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return value;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

function put(fields: OrderFields, field: OrderField, value: SheetValue): void {
  const given = fieldValue(value);
  if (given === undefined) return;
  // Account numbers are digits: a cell holding 190126781 as a number is the same account.
  if (field === "accountNumber" || field === "instrument" || field === "side" || field === "type" || field === "duration") (fields[field] as string) = String(given);
  else (fields[field] as string | number) = given;
}

/** The column index of each header, by name, whatever its case and surrounding spaces. */
export function columnIndex(headers: readonly SheetValue[], name: string): number {
  return headers.findIndex((header) => String(header ?? "").trim().toLowerCase() === name.toLowerCase());
}

/** A table row's order fields, by the table's header names (columns the table lacks stay empty). */
export function fieldsByHeader(headers: readonly SheetValue[], values: readonly SheetValue[]): OrderFields {
  const fields: OrderFields = {};
  headers.forEach((header, column) => {
    const field = FIELD_OF[String(header ?? "").trim().toLowerCase()];
    if (field) put(fields, field, values[column]);
  });
  return fields;
}

/** A selected row outside the table, by position (instrument, side, quantity, type, limit, duration). */
export function fieldsByPosition(values: readonly SheetValue[]): OrderFields {
  const fields: OrderFields = {};
  BY_POSITION.forEach((field, column) => put(fields, field, values[column]));
  return fields;
}

/** Whether every input column of a row is empty (such rows are not orders: they are skipped). */
export function isBlankRow(headers: readonly SheetValue[], values: readonly SheetValue[]): boolean {
  return headers.every((header, column) => !FIELD_OF[String(header ?? "").trim().toLowerCase()] || fieldValue(values[column]) === undefined);
}

/** The rows of the table's body that hold an order, with the account picked in the taskpane where none is given. */
export function tableRows(headers: readonly SheetValue[], body: readonly (readonly SheetValue[])[], defaultAccount?: string): BatchRow[] {
  return body.flatMap((values, index) => {
    if (isBlankRow(headers, values)) return [];
    const fields = fieldsByHeader(headers, values);
    if (fields.accountNumber === undefined && defaultAccount !== undefined) fields.accountNumber = defaultAccount;
    return [{ index, fields }];
  });
}

/** Status, Order and Message as written back into a row. */
export function resultCells(result: BatchRowResult): [string, number | string, string] {
  return [result.status, result.orderNumber ?? "", result.message ?? ""];
}

/** An order number from a cell: a whole positive number, or text of digits. */
export function orderNumberOf(value: SheetValue): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
