import {
  fieldsByHeader, fieldsByPosition, isBlankRow, OrderBatchRun, OrderCancelRun, orderNumberOf, ORDER_TABLE_NAME, tableRows, columnIndex,
  type BatchRun, type CancelRow, type Logger, type OrderDesk, type OrderEventSource, type OrderFields,
} from "../core";
import type { LiveValue } from "../platform/live-value";
import { createOrdersTable, readOrdersTable, readSelectedRows, type ExcelRun } from "./excel-orders";
import { ResultWriter } from "./result-writer";

/** What the order commands use of the shared runtime (AddinRuntime has it all). */
export interface OrderCommandServices {
  excel: ExcelRun;
  desk(): Promise<OrderDesk>;
  orderEvents(): Promise<OrderEventSource>;
  budget: ConstructorParameters<typeof OrderBatchRun>[0]["budget"];
  signedIn(): boolean;
  account(): string | undefined;
  orderRequests: LiveValue<OrderFields | undefined>;
  orderBatch: LiveValue<BatchRun | undefined>;
  /** What a command did, for the taskpane. */
  notice: LiveValue<string | undefined>;
  showTaskpane(): Promise<void>;
  logger: Logger;
}

const SIGN_IN_FIRST = "Sign in to Binck in the taskpane first.";
const NO_TABLE = `There is no table named ${ORDER_TABLE_NAME}: make one with "Create orders table".`;
let writer: ResultWriter | undefined;

function tell(services: OrderCommandServices, text: string): string {
  services.logger.log("info", text);
  services.notice.set(text);
  return text;
}

/** A run still previewing, waiting for its confirmation or placing: a second one would not be seen. */
function busy(run: BatchRun | undefined): boolean {
  return !!run && ["previewing", "awaitingConfirmation", "placing"].includes(run.phase());
}

/** Starts a run in the taskpane, and its results written into the table as they come. */
async function start(services: OrderCommandServices, run: OrderBatchRun | OrderCancelRun, writesBack: boolean): Promise<void> {
  const previous = services.orderBatch.current() as { dispose?: () => void } | undefined;
  previous?.dispose?.();
  writer?.dispose();
  writer = writesBack ? new ResultWriter(run, services.excel, services.logger) : undefined;
  services.orderBatch.set(run);
  await services.showTaskpane();
}

export async function createOrdersTableCommand(services: OrderCommandServices): Promise<string> {
  try {
    const result = await services.excel(createOrdersTable);
    return tell(services, result.created ? `Orders table ${ORDER_TABLE_NAME} created at ${result.address}: one order a row, then "Place orders from table".` : `The workbook already has ${ORDER_TABLE_NAME}, at ${result.address}.`);
  } catch (error) {
    return tell(services, `The orders table could not be created: ${(error as Error).message}`);
  }
}

export async function placeOrdersFromTable(services: OrderCommandServices): Promise<string> {
  try {
    if (!services.signedIn()) return tell(services, SIGN_IN_FIRST);
    if (busy(services.orderBatch.current())) return tell(services, "A table of orders is already running in the taskpane: finish or stop it first.");
    const table = await services.excel(readOrdersTable);
    if (!table) return tell(services, NO_TABLE);
    const rows = tableRows(table.headers, table.body, services.account());
    if (rows.length === 0) return tell(services, `${ORDER_TABLE_NAME} has no orders: fill in one order a row.`);
    const [desk, orderEvents] = await Promise.all([services.desk(), services.orderEvents()]);
    const run = new OrderBatchRun({ tableName: ORDER_TABLE_NAME, rows, desk, orderEvents, budget: services.budget, logger: services.logger });
    await start(services, run, true);
    return tell(services, `Previewing ${rows.length} order${rows.length === 1 ? "" : "s"} of ${ORDER_TABLE_NAME}: confirm them in the taskpane.`);
  } catch (error) {
    return tell(services, `The orders table could not be read: ${(error as Error).message}`);
  }
}

export async function orderFromSelection(services: OrderCommandServices): Promise<string> {
  try {
    const selected = await services.excel(readSelectedRows);
    const row = selected.rows.find((candidate) => (selected.inTable ? !isBlankRow(selected.headers, candidate.values) : candidate.values.some((value) => value !== "" && value !== null)));
    if (!row) return tell(services, "Select a row with an instrument, side and quantity (and optionally type, limit and duration).");
    const fields = selected.inTable ? fieldsByHeader(selected.headers, row.values) : fieldsByPosition(row.values);
    const account = services.account();
    services.orderRequests.set(fields.accountNumber === undefined && account !== undefined ? { ...fields, accountNumber: account } : fields);
    await services.showTaskpane();
    return tell(services, "The selected row is in the order ticket: check it, preview and confirm there.");
  } catch (error) {
    return tell(services, `The selection could not be read: ${(error as Error).message}`);
  }
}

export async function cancelSelectedOrders(services: OrderCommandServices): Promise<string> {
  try {
    if (!services.signedIn()) return tell(services, SIGN_IN_FIRST);
    if (busy(services.orderBatch.current())) return tell(services, "Orders are still running in the taskpane: finish or stop them first.");
    const selected = await services.excel(readSelectedRows);
    const account = services.account() ?? "";
    const rows: CancelRow[] = selected.inTable
      ? selected.rows.filter((row) => !isBlankRow(selected.headers, row.values)).map((row) => {
        const orderNumber = orderNumberOf(row.values[columnIndex(selected.headers, "Order")]);
        const rowAccount = row.values[columnIndex(selected.headers, "Account")];
        return { index: row.index, accountNumber: rowAccount !== undefined && rowAccount !== "" ? String(rowAccount) : account, ...(orderNumber === undefined ? { problem: "This row has no order number in its Order column." } : { orderNumber }) };
      })
      : selected.rows.flatMap((row) => row.values.flatMap((value) => {
        const orderNumber = orderNumberOf(value);
        return orderNumber === undefined ? [] : [{ index: row.index, accountNumber: account, orderNumber }];
      }));
    if (rows.length === 0) return tell(services, `Select the orders to cancel: rows of ${ORDER_TABLE_NAME} with an order number, or cells holding order numbers.`);
    const [desk, orderEvents] = await Promise.all([services.desk(), services.orderEvents()]);
    await start(services, new OrderCancelRun(selected.inTable ? ORDER_TABLE_NAME : "selection", rows, desk, orderEvents, services.budget), selected.inTable);
    return tell(services, `Cancel ${rows.length} selected order${rows.length === 1 ? "" : "s"}? Confirm in the taskpane.`);
  } catch (error) {
    return tell(services, `The selected orders could not be read: ${(error as Error).message}`);
  }
}
