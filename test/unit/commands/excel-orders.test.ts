import { OfficeMockObject } from "office-addin-mock";
import { createOrdersTable, readOrdersTable, readSelectedRows, writeRowResults } from "../../../src/commands/excel-orders";
import { ORDER_TABLE_COLUMNS } from "../../../src/core/orders/order-table";

/* eslint-disable @typescript-eslint/no-explicit-any */
/** office-addin-mock stands in for Excel: properties read before load and sync give its error text, writes land on sync. */
const context = (workbook: Record<string, unknown>) => new OfficeMockObject({ workbook }) as unknown as Excel.RequestContext & { workbook: any };
const HEADERS = [...ORDER_TABLE_COLUMNS];

describe("the order commands' Excel side (office-addin-mock)", () => {
  it("creates BinckOrders with the documented header row at the selection's first cell", async () => {
    const added: unknown[][] = [];
    const ctx = context({
      selected: { first: { header: { values: [[]] }, getResizedRange(this: any, rows: number, columns: number): any { added.push(["resize", rows, columns]); return this.header; } }, getCell(this: any, row: number, column: number): any { added.push(["cell", row, column]); return this.first; } },
      getSelectedRange(this: any): any { return this.selected; },
      tables: {
        none: { isNullObject: true },
        made: { name: "Table1", range: { address: "Sheet1!C4:N5" }, getRange(this: any): any { return this.range; } },
        getItemOrNullObject(this: any): any { return this.none; },
        add(this: any, range: unknown, hasHeaders: boolean): any { added.push(["add", (range as { values: unknown }).values, hasHeaders]); return this.made; },
      },
    });
    expect(await createOrdersTable(ctx)).toEqual({ created: true, address: "Sheet1!C4:N5" });
    expect(added).toEqual([["cell", 0, 0], ["resize", 0, 11], ["add", [HEADERS], true]]);
    expect(ctx.workbook.tables.made.name).toBe("BinckOrders");
  });

  it("does not make a second table when BinckOrders exists", async () => {
    const ctx = context({ tables: { found: { isNullObject: false, range: { address: "Sheet1!A1:L9" }, getRange(this: any): any { return this.range; } }, getItemOrNullObject(this: any): any { return this.found; } } });
    expect(await createOrdersTable(ctx)).toEqual({ created: false, address: "Sheet1!A1:L9" });
  });

  it("reads the table's headers and body, or nothing when there is no table", async () => {
    const body = [["", "ASML", "buy", 10, "", "", "", "", "", "", "", ""]];
    const table = { isNullObject: false, header: { values: [HEADERS] }, body: { values: body }, getHeaderRowRange(this: any): any { return this.header; }, getDataBodyRange(this: any): any { return this.body; } };
    expect(await readOrdersTable(context({ tables: { table, getItemOrNullObject(this: any): any { return this.table; } } }))).toEqual({ headers: HEADERS, body });
    expect(await readOrdersTable(context({ tables: { none: { isNullObject: true }, getItemOrNullObject(this: any): any { return this.none; } } }))).toBeUndefined();
  });

  it("writes Status, Order and Message into each result's row, under the table's own header positions", async () => {
    const headers = ["Instrument", "Side", "Quantity", "Message", "Order", "Status"];
    const cells: Record<string, { values: unknown }> = {};
    for (const row of [0, 2]) for (const column of [3, 4, 5]) cells[`r${row}c${column}`] = { values: [[""]] };
    const ctx = context({
      tables: {
        table: { header: { values: [headers] }, body: { ...cells, getCell(this: any, row: number, column: number): any { return this[`r${row}c${column}`]; } }, getHeaderRowRange(this: any): any { return this.header; }, getDataBodyRange(this: any): any { return this.body; } },
        getItem(this: any): any { return this.table; },
      },
    });
    await writeRowResults(ctx, [{ index: 0, status: "placed", orderNumber: 5001 }, { index: 2, status: "invalid", message: "quantity 'x' is not a number." }]);
    const body = ctx.workbook.tables.table.body;
    expect([body.r0c5.values, body.r0c4.values, body.r0c3.values]).toEqual([[["placed"]], [[5001]], [[""]]]);
    expect([body.r2c5.values, body.r2c4.values, body.r2c3.values]).toEqual([[["invalid"]], [[""]], [["quantity 'x' is not a number."]]]);
  });

  it("reads selected rows inside the table as the table's whole rows, and elsewhere as the selected cells", async () => {
    const body = [["", "ASML", "buy", 10], ["", "INGA", "sell", 5], ["", "AD", "buy", 1]];
    const table = { isNullObject: false, header: { values: [["Account", "Instrument", "Side", "Quantity"]] }, body: { values: body, rowIndex: 4, columnIndex: 1, rowCount: 3, columnCount: 4 }, getHeaderRowRange(this: any): any { return this.header; }, getDataBodyRange(this: any): any { return this.body; } };
    const inside = context({ selection: { values: [["INGA"], ["AD"]], rowIndex: 5, columnIndex: 2, rowCount: 2, columnCount: 1 }, getSelectedRange(this: any): any { return this.selection; }, tables: { table, getItemOrNullObject(this: any): any { return this.table; } } });
    expect(await readSelectedRows(inside)).toEqual({ inTable: true, headers: ["Account", "Instrument", "Side", "Quantity"], rows: [{ index: 1, values: body[1] }, { index: 2, values: body[2] }] });
    const beside = context({ selection: { values: [["ASML", "buy", 3]], rowIndex: 5, columnIndex: 8, rowCount: 1, columnCount: 3 }, getSelectedRange(this: any): any { return this.selection; }, tables: { table, getItemOrNullObject(this: any): any { return this.table; } } });
    expect(await readSelectedRows(beside)).toEqual({ inTable: false, rows: [{ index: 0, values: ["ASML", "buy", 3] }] });
  });
});
