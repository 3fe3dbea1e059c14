import { ManualClock } from "../../../src/core/clock";
import { BinckError } from "../../../src/core/errors";
import { OrderCancelRun } from "../../../src/core/orders/cancel-run";
import { fieldsByHeader, fieldsByPosition, ORDER_TABLE_COLUMNS, orderNumberOf, resultCells, tableRows } from "../../../src/core/orders/order-table";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import { FakeDesk } from "./fake-desk";

const headers = [...ORDER_TABLE_COLUMNS];

describe("the orders table (BinckOrders)", () => {
  it("reads a row by its header names, whatever their order and case, and skips blank rows", () => {
    const shuffled = ["quantity", " Instrument ", "SIDE", "Limit", "Account", "Notes", "Expiry"];
    expect(fieldsByHeader(shuffled, [10, "ASML:XAMS", "buy", 612.5, 190126781, "mine", "2026-12-31"])).toEqual({
      quantity: 10, instrument: "ASML:XAMS", side: "buy", limitPrice: 612.5, accountNumber: "190126781", expirationDate: "2026-12-31",
    });
    const body = [
      ["", "ASML", "buy", 10, "", "", "", "", "", "placed", 5001, ""],
      ["", "", "", "", "", "", "", "", "", "", "", ""],
      ["190126799", "INGA", "sell", "5", "limit", 12.34, "", "goodTillCancelled", "", "", "", ""],
    ];
    expect(tableRows(headers, body, "190126781")).toEqual([
      { index: 0, fields: { accountNumber: "190126781", instrument: "ASML", side: "buy", quantity: 10 } },
      { index: 2, fields: { accountNumber: "190126799", instrument: "INGA", side: "sell", quantity: "5", type: "limit", limitPrice: 12.34, duration: "goodTillCancelled" } },
    ]);
  });

  it("reads a selected row outside the table by position, and writes results as Status, Order, Message", () => {
    expect(fieldsByPosition(["NL0010273215", "sell", 3, "limit", 600.1, "day", "ignored"])).toEqual({ instrument: "NL0010273215", side: "sell", quantity: 3, type: "limit", limitPrice: 600.1, duration: "day" });
    expect(resultCells({ index: 0, status: "placed", orderNumber: 5001 })).toEqual(["placed", 5001, ""]);
    expect(resultCells({ index: 1, status: "invalid", message: "quantity 'x' is not a number." })).toEqual(["invalid", "", "quantity 'x' is not a number."]);
    expect([orderNumberOf(5001), orderNumberOf(" 42 "), orderNumberOf(""), orderNumberOf(1.5), orderNumberOf("abc")]).toEqual([5001, 42, undefined, undefined, undefined]);
  });
});

describe("OrderCancelRun (Cancel selected orders)", () => {
  it("cancels the selected orders after the one confirmation, and follows their statuses", async () => {
    const desk = new FakeDesk(new RequestBudget(new ManualClock(0)), {});
    const asked: number[] = [];
    desk.cancel = async (_account, orderNumber) => {
      asked.push(orderNumber);
      return orderNumber === 7 ? { kind: "refused" as const, orderNumber, error: new BinckError("api", "This order cannot be cancelled anymore.", "400") } : { kind: "done" as const, orderNumber };
    };
    const run = new OrderCancelRun("BinckOrders", [{ index: 0, accountNumber: "1", orderNumber: 5 }, { index: 1, accountNumber: "1", problem: "No order number in the Order column." }, { index: 2, accountNumber: "1", orderNumber: 7 }], desk, desk, { figures: () => new RequestBudget(new ManualClock(0)).figures() });
    expect(run.phase()).toBe("awaitingConfirmation");
    expect(run.summary()).toMatchObject({ count: 3, ready: 2 });
    expect(asked).toEqual([]);
    run.confirm();
    expect(await run.finished).toBe("done");
    expect(asked).toEqual([5, 7]);
    desk.setStatus("1", 5, "canceled");
    expect(run.progress().rows).toEqual([
      { index: 0, status: "canceled", orderNumber: 5 },
      { index: 1, status: "invalid", message: "No order number in the Order column." },
      { index: 2, status: "refused", orderNumber: 7, message: "This order cannot be cancelled anymore." },
    ]);
  });

  it("cancels nothing when not confirmed", async () => {
    const desk = new FakeDesk(new RequestBudget(new ManualClock(0)), {});
    const run = new OrderCancelRun("Sheet1", [{ index: 0, accountNumber: "1", orderNumber: 5 }], desk, desk, { figures: () => new RequestBudget(new ManualClock(0)).figures() });
    run.stop();
    expect(await run.finished).toBe("cancelled");
    expect(run.progress().rows).toEqual([{ index: 0, status: "skipped", orderNumber: 5, message: "Not cancelled: the cancellation was not confirmed." }]);
  });
});
