import { wholeFormulaCall } from "../../../src/host/engine/streamed-update";
import { fakeWorkbook } from "./fake-runtime";

describe("preview workbook: a streaming spill's update costs what changed", () => {
  it("writes only the changed entries of a same-shaped update and recalculates only their readers", () => {
    const sheet = fakeWorkbook();
    sheet.set("A1", "ASML");
    sheet.set("A2", "INGA");
    sheet.set("A3", "RDSA");
    sheet.set("B1", '=BINCK.QUOTES(A1:A3,"lst,bid")');
    sheet.set("E1", "=SUM(B1:B3)");
    sheet.set("E2", "=C3*10");
    sheet.set("E3", "=C1*10");
    const [quotes] = sheet.invocations.QUOTES;
    quotes.setResult([[1, 2], [3, 4], [5, 6]]);
    sheet.flush();
    expect([sheet.get("E1"), sheet.get("E2"), sheet.get("E3")]).toEqual([9, 60, 20]);

    sheet.changes.length = 0;
    quotes.setResult([[1, 2], [30, 4], [5, 60]]);
    sheet.flush();
    expect(sheet.changes.map((changed) => changed.sort())).toEqual([["1,5", "2,2", "2,5", "3,3"]]);
    expect([sheet.get("B2"), sheet.get("C3"), sheet.get("E1"), sheet.get("E2"), sheet.get("E3")]).toEqual([30, 60, 36, 600, 20]);

    // Nothing changed: nothing shown, nothing recalculated.
    sheet.changes.length = 0;
    quotes.setResult([[1, 2], [30, 4], [5, 60]]);
    sheet.flush();
    expect(sheet.changes).toEqual([]);
  });

  it("keeps one cell error per CustomFunctions.Error across updates, with its code and message", () => {
    const sheet = fakeWorkbook();
    sheet.set("B1", '=BINCK.QUOTES("x")');
    sheet.set("D1", "=B2");
    const waiting = new sheet.errors.Error("#N/A", "no quote for INGA yet");
    const [quotes] = sheet.invocations.QUOTES;
    quotes.setResult([[1], [waiting]]);
    sheet.flush();
    const shown = sheet.get("B2");
    expect(shown).toEqual({ error: "#N/A", message: "no quote for INGA yet" });
    expect(sheet.get("D1")).toEqual({ error: "#N/A", message: "no quote for INGA yet" });
    sheet.changes.length = 0;
    quotes.setResult([[2], [waiting]]);
    sheet.flush();
    expect(sheet.changes).toEqual([["1,2"]]);
    expect(sheet.get("B2")).toBe(shown);
    quotes.setResult([[2], [7]]);
    sheet.flush();
    expect([sheet.get("B2"), sheet.get("D1")]).toEqual([7, 7]);
  });

  it("takes the full calculation when the shape changes, the spill is blocked, or the formula is more than the call", () => {
    const sheet = fakeWorkbook();
    sheet.set("B1", '=BINCK.QUOTES("grow")');
    sheet.set("D1", '=TRANSPOSE(BINCK.QUOTES("t"))');
    const [grow, transposed] = sheet.invocations.QUOTES;
    grow.setResult([[1], [2]]);
    transposed.setResult([[1], [2]]);
    sheet.flush();
    expect([sheet.get("D1"), sheet.get("E1")]).toEqual([1, 2]);
    transposed.setResult([[1], [5]]);
    sheet.flush();
    expect([sheet.get("D1"), sheet.get("E1"), sheet.get("D2")]).toEqual([1, 5, null]);

    grow.setResult([[1], [2], [3]]);
    sheet.flush();
    expect(sheet.workbook.spillArea({ row: 1, col: 2 })).toEqual({ from: { row: 1, col: 2 }, to: { row: 3, col: 2 } });
    expect(sheet.get("B3")).toBe(3);

    sheet.set("B4", "blocker");
    grow.setResult([[1], [2], [3], [4]]);
    sheet.flush();
    expect(sheet.get("B1")).toEqual({ error: "#SPILL!", message: "The spill range B1:B4 isn't blank: B4 holds something. Clear it to let the result spill." });
    expect(sheet.get("B2")).toBeNull();
    grow.setResult([[9], [8], [7]]);
    sheet.flush();
    expect([sheet.get("B1"), sheet.get("B2"), sheet.get("B3")]).toEqual([9, 8, 7]);
  });

  it("recognises a formula that is one whole call", () => {
    expect(wholeFormulaCall('BINCK.QUOTES(A1:A9,"lst,bid")')).toBe("BINCK.QUOTES");
    expect(wholeFormulaCall(' binck.quotes( A1:A9 , "a)b""(" ) ')).toBe("BINCK.QUOTES");
    expect(wholeFormulaCall('BINCK.QUOTE(A1,"lst")*B2')).toBeUndefined();
    expect(wholeFormulaCall("-BINCK.QUOTE(A1)")).toBeUndefined();
    expect(wholeFormulaCall("SUM(A1:A3)+SUM(B1:B3)")).toBeUndefined();
    expect(wholeFormulaCall("A1")).toBeUndefined();
    expect(wholeFormulaCall("BINCK.QUOTE(A1")).toBeUndefined();
  });
});
