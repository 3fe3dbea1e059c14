import { cancelSelectedOrders, createOrdersTableCommand, orderFromSelection, placeOrdersFromTable, type OrderCommandServices } from "../../../src/commands/order-commands";
import { ManualClock } from "../../../src/core/clock";
import type { BatchPhase, BatchRun, OrderFields } from "../../../src/core/orders/contract";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import { requireAddress, type CellArea } from "../../../src/host/engine/cell-address";
import { Workbook } from "../../../src/host/engine/workbook";
import { excelNamespace } from "../../../src/host/excel/excel-workbook";
import { parseRangeAddress } from "../../../src/host/excel/range-address";
import { TableRegistry } from "../../../src/host/excel/table-registry";
import { LiveValue } from "../../../src/platform/live-value";
import { FakeDesk } from "../orders/fake-desk";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The order commands over the preview's Excel API (a real preview sheet) and a fake desk: the whole macro in Node. */
function stage() {
  const workbook = new Workbook({ schedule: (run) => run() });
  const tables = new TableRegistry();
  let selected: CellArea = parseRangeAddress("B2")!;
  const excel = excelNamespace({ value: (at) => workbook.value(at), input: (at) => workbook.input(at), write: (at, text) => workbook.setInput(at, text), selection: () => selected, tables });
  const budget = new RequestBudget(new ManualClock(0));
  const desk = new FakeDesk(budget, { ASML: { price: 600 }, INGA: { price: 12 } });
  let shown = 0;
  const services: OrderCommandServices = {
    excel: (batch) => excel.run(batch as never),
    desk: async () => desk,
    orderEvents: async () => desk,
    budget,
    signedIn: () => true,
    account: () => "190126781",
    orderRequests: new LiveValue<OrderFields | undefined>(undefined),
    orderBatch: new LiveValue<BatchRun | undefined>(undefined),
    notice: new LiveValue<string | undefined>(undefined),
    showTaskpane: async () => void shown++,
    logger: { log: () => undefined },
  };
  const type = (cells: Record<string, string>) => Object.entries(cells).forEach(([address, text]) => workbook.setInput(requireAddress(address), text));
  const text = (address: string) => workbook.value(requireAddress(address));
  return { services, desk, tables, type, text, select: (address: string) => (selected = parseRangeAddress(address)!), shown: () => shown };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await flush();
  if (!check()) throw new Error(`never ${what}`);
}

const phaseIs = (services: OrderCommandServices, phase: BatchPhase) => () => services.orderBatch.current()?.phase() === phase;

describe("the order commands over the preview's Excel API", () => {
  it("creates the table, places its rows after the one confirmation and writes Status, Order and Message back", async () => {
    const { services, desk, tables, type, text, select, shown } = stage();
    select("B2");
    expect(await createOrdersTableCommand(services)).toBe('Orders table BinckOrders created at Sheet1!B2:M3: one order a row, then "Place orders from table".');
    expect(tables.all().map((table) => table.name)).toEqual(["BinckOrders"]);
    expect([text("B2"), text("C2"), text("M2")]).toEqual(["Account", "Instrument", "Message"]);
    expect(await createOrdersTableCommand(services)).toBe("The workbook already has BinckOrders, at Sheet1!B2:M3.");

    // Rows typed below the table do not belong to it; rows typed into its body do (the table is grown by rows.add in the e2e test).
    type({ C3: "ASML", D3: "buy", E3: "10" });
    expect(await placeOrdersFromTable(services)).toBe("Previewing 1 order of BinckOrders: confirm them in the taskpane.");
    expect(shown()).toBe(1);
    await until(phaseIs(services, "awaitingConfirmation"), "awaiting confirmation");
    expect(desk.placed).toEqual([]);
    services.orderBatch.current()!.confirm();
    await until(() => text("K3") === "placed" && text("L3") === 5001, "written back");
    expect(desk.placed).toHaveLength(1);
    desk.setStatus("190126781", 5001, "completelyExecuted");
    await until(() => text("K3") === "executed", "kept live");
  });

  it("refuses a second run while one waits for its confirmation, and says when there is no table", async () => {
    const { services, type, select } = stage();
    expect(await placeOrdersFromTable(services)).toBe('There is no table named BinckOrders: make one with "Create orders table".');
    select("A1");
    await createOrdersTableCommand(services);
    expect(await placeOrdersFromTable(services)).toBe("BinckOrders has no orders: fill in one order a row.");
    type({ B2: "INGA", C2: "sell", D2: "5" });
    await placeOrdersFromTable(services);
    await until(phaseIs(services, "awaitingConfirmation"), "awaiting confirmation");
    expect(await placeOrdersFromTable(services)).toBe("A table of orders is already running in the taskpane: finish or stop it first.");
  });

  it("puts the selected row into the ticket: by header names inside the table, by position outside", async () => {
    const { services, type, select } = stage();
    select("A1");
    await createOrdersTableCommand(services);
    type({ A2: "190126799", B2: "INGA", C2: "sell", D2: "5", E2: "limit", F2: "12.34" });
    select("C2");
    await orderFromSelection(services);
    expect(services.orderRequests.current()).toEqual({ accountNumber: "190126799", instrument: "INGA", side: "sell", quantity: 5, type: "limit", limitPrice: 12.34 });
    type({ P5: "ASML", Q5: "buy", R5: "3", S5: "", T5: "", U5: "goodTillCancelled" });
    select("P5:U5");
    await orderFromSelection(services);
    expect(services.orderRequests.current()).toEqual({ accountNumber: "190126781", instrument: "ASML", side: "buy", quantity: 3, duration: "goodTillCancelled" });
  });

  it("cancels the selected rows' orders after the one confirmation and writes the result back", async () => {
    const { services, desk, type, text, select } = stage();
    const cancelled: number[] = [];
    desk.cancel = async (_account, orderNumber) => {
      cancelled.push(orderNumber);
      return { kind: "done", orderNumber };
    };
    select("A1");
    await createOrdersTableCommand(services);
    type({ B2: "ASML", C2: "buy", D2: "1", K2: "5001" });
    select("B2");
    expect(await cancelSelectedOrders(services)).toBe("Cancel 1 selected order? Confirm in the taskpane.");
    expect(cancelled).toEqual([]);
    services.orderBatch.current()!.confirm();
    await until(() => text("J2") === "cancelationRequested", "written back");
    expect(cancelled).toEqual([5001]);
  });
});
