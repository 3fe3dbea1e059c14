import { formatAddress, requireAddress, type CellArea } from "../../../src/host/engine/cell-address";
import { Workbook } from "../../../src/host/engine/workbook";
import { excelNamespace } from "../../../src/host/excel/excel-workbook";
import { parseRangeAddress } from "../../../src/host/excel/range-address";
import type { SheetAccess } from "../../../src/host/excel/sheet-access";
import { TableRegistry } from "../../../src/host/excel/table-registry";

/** The preview's Excel API over a real preview Workbook (formulas calculated), a selection and a table registry. */
function sheet(cells: Record<string, string> = {}) {
  const workbook = new Workbook({ schedule: (flush) => flush() });
  for (const [address, text] of Object.entries(cells)) workbook.setInput(requireAddress(address), text);
  let selected: CellArea = parseRangeAddress("A1")!;
  const tables = new TableRegistry();
  const access: SheetAccess = {
    value: (position) => workbook.value(position),
    input: (position) => workbook.input(position),
    write: (position, text) => workbook.setInput(position, text),
    selection: () => selected,
    tables,
  };
  return { Excel: excelNamespace(access), workbook, tables, select: (address: string) => (selected = parseRangeAddress(address)!), input: (address: string) => workbook.input(requireAddress(address)) };
}

describe("the preview's Excel JavaScript API", () => {
  it("reads a range's properties only once loaded and synced (PropertyNotLoaded before, as Excel)", async () => {
    const { Excel } = sheet({ B2: "7", C2: "=B2*2", B3: "text", C3: "=1/0" });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("B2:C3");
      range.load("values, formulas, address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }));
      await context.sync();
      expect(range.values).toEqual([[7, 14], ["text", "#DIV/0!"]]);
      expect(range.formulas).toEqual([[7, "=B2*2"], ["text", "=1/0"]]);
      expect(range.address).toBe("Sheet1!B2:C3");
      expect(() => range.rowCount).toThrow("The property 'rowCount' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
    });
  });

  it("applies writes at sync, recalculates what depends on them, and leaves null cells as they are", async () => {
    const { Excel, input, workbook } = sheet({ A1: "1", B1: "=A1+1", C1: "keep" });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:C1");
      range.values = [[41, "=A1*2", null]];
      expect(input("A1")).toBe("1");
      await context.sync();
      expect([input("A1"), input("B1"), input("C1")]).toEqual(["41", "=A1*2", "keep"]);
      expect(workbook.value(requireAddress("B1"))).toBe(82);
    });
    await expect(Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1").values = [[1]];
    })).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("The range is 1 × 2") });
  });

  it("finds the selection at sync time, with its row and column indexes and offsets", async () => {
    const { Excel, select } = sheet({ D5: "x" });
    select("C5:E6");
    const found = await Excel.run(async (context) => {
      const selection = context.workbook.getSelectedRange().load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
      const cell = context.workbook.getSelectedRange().getCell(0, 1).load("values");
      const below = context.workbook.getSelectedRange().getRow(1).getOffsetRange(1, 0).load("address");
      await context.sync();
      return [selection.address, selection.rowIndex, selection.columnIndex, selection.rowCount, selection.columnCount, cell.values, below.address];
    });
    expect(found).toEqual(["Sheet1!C5:E6", 4, 2, 2, 3, [["x"]], "Sheet1!C7:E7"]);
    await expect(Excel.run(async (context) => {
      context.workbook.getSelectedRange().getOffsetRange(-10, 0).load("address");
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("adds a table with its header row and a blank body row, names it, fills the blank row first, and finds it by name", async () => {
    const { Excel, tables, input } = sheet({ A10: "below" });
    await Excel.run(async (context) => {
      const table = context.workbook.tables.add("B2:D2", true);
      table.name = "BinckOrders";
      table.getHeaderRowRange().values = [["Instrument", "Side", ""]];
      table.load("name");
      await context.sync();
      expect(table.name).toBe("BinckOrders");
    });
    expect(tables.all().map((table) => [table.name, formatAddress(table.area.from), formatAddress(table.area.to)])).toEqual([["BinckOrders", "B2", "D3"]]);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("binckorders");
      table.rows.add(null, [["ASML", "buy", 1], ["INGA", "sell", 2]]);
      const body = table.getDataBodyRange().load("values, address");
      const columns = table.columns.load("items/name");
      const rows = table.rows.load("count");
      await context.sync();
      expect(body.address).toBe("Sheet1!B3:D4");
      expect(body.values).toEqual([["ASML", "buy", 1], ["INGA", "sell", 2]]);
      expect(columns.items.map((column) => column.name)).toEqual(["Instrument", "Side", ""]);
      expect(rows.count).toBe(2);
    });
    expect(input("A10")).toBe("below");
    await expect(Excel.run(async (context) => {
      context.workbook.tables.getItem("Nope").getRange().load("address");
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound", message: 'The requested resource doesn\'t exist. There is no table named "Nope".' });
    const missing = await Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("Nope");
      const found = context.workbook.tables.getItemOrNullObject("BinckOrders");
      await context.sync();
      return [table.isNullObject, found.isNullObject];
    });
    expect(missing).toEqual([true, false]);
  });

  it("names blank headers Column1…, refuses overlapping tables and bad names, and stops a batch at its first failure", async () => {
    const { Excel, input, tables } = sheet();
    await Excel.run(async (context) => {
      context.workbook.tables.add("A1:B3", true);
    });
    expect([input("A1"), input("B1"), tables.all()[0].name]).toEqual(["Column1", "Column2", "Table1"]);
    await expect(Excel.run(async (context) => {
      context.workbook.tables.add("B2:C4", true);
    })).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining("A table can't overlap another table.") });
    await expect(Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("E1").values = [["before"]];
      context.workbook.tables.getItem("Table1").name = "A1";
      context.workbook.worksheets.getActiveWorksheet().getRange("E2").values = [["after"]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining('"A1" is not a valid table name') });
    expect([input("E1"), input("E2"), tables.all()[0].name]).toEqual(["before", "", "Table1"]);
  });
});
