import { fakeWorkbook } from "./fake-runtime";

describe("preview workbook: custom functions as Excel runs them", () => {
  it("shares one streaming invocation among cells with the same function and arguments, and pushes each result to all", () => {
    const sheet = fakeWorkbook();
    sheet.set("A1", "NL0010273215");
    sheet.set("B1", '=BINCK.QUOTE(A1,"lst")');
    sheet.set("B2", '=binck.quote("NL0010273215","lst")');
    sheet.set("B3", '=BINCK.QUOTE(A1,"bid")');
    expect(sheet.invocations.QUOTE.map((call) => call.args)).toEqual([["NL0010273215", "lst"], ["NL0010273215", "bid"]]);
    expect(sheet.get("B1")).toEqual({ error: "#BUSY!", message: "Calculating: the function has not answered yet." });
    expect(sheet.workbook.runningInvocations()).toEqual([
      { key: 'BINCK.QUOTE|["NL0010273215","lst"]', cells: ["B1", "B2"] },
      { key: 'BINCK.QUOTE|["NL0010273215","bid"]', cells: ["B3"] },
    ]);
    sheet.invocations.QUOTE[0].setResult(612.4);
    expect(sheet.get("B1")).toEqual({ error: "#BUSY!", message: "Calculating: the function has not answered yet." });
    sheet.flush();
    expect([sheet.get("B1"), sheet.get("B2"), sheet.get("B3")]).toEqual([612.4, 612.4, { error: "#BUSY!", message: "Calculating: the function has not answered yet." }]);
    // A new cell with the same arguments joins the running invocation and shows its last result at once.
    sheet.set("B4", '=BINCK.QUOTE("NL0010273215","lst")');
    expect(sheet.get("B4")).toBe(612.4);
    expect(sheet.invocations.QUOTE).toHaveLength(2);
  });

  it("cancels an invocation when the last cell using it is edited or cleared, not before", () => {
    const sheet = fakeWorkbook();
    sheet.set("B1", '=BINCK.QUOTE("X","lst")');
    sheet.set("B2", '=BINCK.QUOTE("X","lst")');
    const [shared] = sheet.invocations.QUOTE;
    sheet.set("B1", '=BINCK.QUOTE("X","ask")');
    expect(shared.canceled).toBe(false);
    sheet.set("B2", "");
    expect(shared.canceled).toBe(true);
    expect(sheet.workbook.runningInvocations().map((running) => running.key)).toEqual(['BINCK.QUOTE|["X","ask"]']);
    // A cancelled invocation's late results are dropped.
    shared.setResult(1);
    sheet.flush();
    expect(sheet.get("B2")).toBeNull();
    // Changing an argument's cell starts a new invocation and cancels the old one.
    sheet.set("A9", "Y");
    sheet.set("C1", "=BINCK.QUOTE(A9)");
    const byCell = sheet.invocations.QUOTE[2];
    expect(byCell.args).toEqual(["Y", null]);
    sheet.set("A9", "Z");
    expect(byCell.canceled).toBe(true);
    expect(sheet.invocations.QUOTE[3].args).toEqual(["Z", null]);
  });

  it("recalculates only what depends on a streaming cell when it changes", () => {
    const sheet = fakeWorkbook();
    sheet.set("A2", "10");
    sheet.set("B2", "3");
    sheet.set("C2", '=BINCK.QUOTE("ASML","lst")*B2');
    sheet.set("D2", "=C2+1");
    sheet.set("E2", "=A2*2");
    sheet.changes.length = 0;
    sheet.invocations.QUOTE[0].setResult(100);
    sheet.flush();
    expect([sheet.get("C2"), sheet.get("D2"), sheet.get("E2")]).toEqual([300, 301, 20]);
    expect(sheet.changes).toEqual([["2,3", "2,4"]]);
    sheet.invocations.QUOTE[0].setResult(101);
    sheet.invocations.QUOTE[0].setResult(102);
    sheet.flush();
    expect(sheet.get("D2")).toBe(307);
    expect(sheet.changes).toHaveLength(2);
  });

  it("spills a matrix, reads it from ordinary formulas, shows #SPILL! while blocked and spills again when freed", () => {
    const sheet = fakeWorkbook();
    sheet.set("A1", "ASML");
    sheet.set("A2", "INGA");
    sheet.set("B1", '=BINCK.QUOTES(A1:A2,"lst,bid")');
    sheet.set("E1", "=SUM(B1:C2)");
    expect(sheet.invocations.QUOTES[0].args).toEqual([[["ASML"], ["INGA"]], "lst,bid"]);
    sheet.invocations.QUOTES[0].setResult([[1, 2], [3, 4]]);
    sheet.flush();
    expect(sheet.workbook.spillArea({ row: 1, col: 2 })).toEqual({ from: { row: 1, col: 2 }, to: { row: 2, col: 3 } });
    expect([sheet.get("B1"), sheet.get("C1"), sheet.get("B2"), sheet.get("C2"), sheet.get("E1")]).toEqual([1, 2, 3, 4, 10]);

    sheet.set("C2", "blocker");
    expect(sheet.get("B1")).toEqual({ error: "#SPILL!", message: "The spill range B1:C2 isn't blank: C2 holds something. Clear it to let the result spill." });
    expect(sheet.get("C1")).toBeNull();
    expect(sheet.get("E1")).toEqual({ error: "#SPILL!", message: "The spill range B1:C2 isn't blank: C2 holds something. Clear it to let the result spill." });
    expect(sheet.invocations.QUOTES[0].canceled).toBe(false);

    sheet.invocations.QUOTES[0].setResult([[5, 6], [7, 8]]);
    sheet.flush();
    sheet.set("C2", "");
    expect([sheet.get("B1"), sheet.get("C2"), sheet.get("E1")]).toEqual([5, 8, 26]);
  });

  it("gives #SPILL! to a spill over a formula or over another spill, and spills it when freed", () => {
    const sheet = fakeWorkbook();
    sheet.set("A1", '=BINCK.QUOTES("a")');
    sheet.set("B1", '=BINCK.QUOTES("b")');
    sheet.invocations.QUOTES[0].setResult([[1, 1]]);
    sheet.invocations.QUOTES[1].setResult([[2], [2]]);
    sheet.flush();
    expect(sheet.get("A1")).toEqual({ error: "#SPILL!", message: "The spill range A1:B1 isn't blank: B1 holds something. Clear it to let the result spill." });
    expect(sheet.get("B2")).toBe(2);
    sheet.set("B1", "");
    expect([sheet.get("A1"), sheet.get("B1"), sheet.get("B2")]).toEqual([1, 1, null]);

    sheet.set("D1", '=BINCK.QUOTES("c")');
    sheet.invocations.QUOTES[2].setResult([[3], [3], [3], [3], [3]]);
    sheet.flush();
    sheet.set("C3", '=BINCK.QUOTES("d")');
    sheet.invocations.QUOTES[3].setResult([[4, 4]]);
    sheet.flush();
    expect(sheet.get("C3")).toEqual({ error: "#SPILL!", message: "The spill range C3:D3 overlaps the spill of D1." });
    expect(sheet.get("D3")).toBe(3);
    sheet.set("D1", "");
    expect([sheet.get("C3"), sheet.get("D3"), sheet.get("D4")]).toEqual([4, 4, null]);
  });

  it("checks arguments against the metadata before calling: count, types, matrices; optional ones arrive as null", () => {
    const calls: unknown[][] = [];
    const sheet = fakeWorkbook({ TIMES: (...args) => { calls.push(args); return (args[0] as number) * ((args[1] as number | null) ?? 2); } });
    sheet.set("A1", "4");
    sheet.set("A2", "text");
    sheet.set("B1", "=BINCK.TIMES(A1)");
    sheet.set("B2", '=BINCK.TIMES("5",TRUE)');
    sheet.set("B3", "=BINCK.TIMES(1,2,3)");
    sheet.set("B4", "=BINCK.TIMES()");
    sheet.set("B5", "=BINCK.TIMES(A2)");
    sheet.set("B6", "=BINCK.TIMES(A1:A2)");
    sheet.set("B7", "=BINCK.TIMES(1/0)");
    sheet.set("B8", "=BINCK.FLAG(0)");
    sheet.set("B9", '=BINCK.FLAG("maybe")');
    expect(calls).toEqual([[4, null], [5, 1]]);
    expect([sheet.get("B1"), sheet.get("B2")]).toEqual([8, 5]);
    expect(sheet.get("B3")).toEqual({ error: "#VALUE!", message: "BINCK.TIMES(a, [b]) takes 1 to 2 arguments; got 3." });
    expect(sheet.get("B4")).toEqual({ error: "#VALUE!", message: "BINCK.TIMES(a, [b]) takes 1 to 2 arguments; got 0." });
    expect(sheet.get("B5")).toEqual({ error: "#VALUE!", message: 'BINCK.TIMES: a must be a number; got "text".' });
    expect(sheet.get("B6")).toEqual({ error: "#VALUE!", message: "BINCK.TIMES: a takes one value; got a range of 2 × 1 cells." });
    expect(sheet.get("B7")).toEqual({ error: "#DIV/0!" });
    expect(sheet.get("B8")).toBe("false/null");
    expect(sheet.get("B9")).toEqual({ error: "#VALUE!", message: 'BINCK.FLAG: on must be a boolean; got "maybe".' });
  });

  it("turns CustomFunctions.Error into its code and message (messages only on #VALUE! and #N/A), a thrown error into #VALUE!", () => {
    const { Error: CFError, ErrorCode } = fakeWorkbook().errors;
    const sheet = fakeWorkbook({ VERSION: () => { throw new Error("boom"); } });
    sheet.set("A1", '=BINCK.QUOTE("X")');
    sheet.set("A2", "=BINCK.VERSION()");
    sheet.set("A3", "=IFERROR(A1,\"fallback\")");
    const cases: Array<[unknown, unknown]> = [
      [new CFError(ErrorCode.notAvailable, "No quote for X"), { error: "#N/A", message: "No quote for X" }],
      [new CFError(ErrorCode.invalidValue, "Bad field"), { error: "#VALUE!", message: "Bad field" }],
      [new CFError(ErrorCode.divisionByZero, "dropped"), { error: "#DIV/0!" }],
      [new CFError(ErrorCode.invalidNumber), { error: "#NUM!" }],
      [new CFError(ErrorCode.nullReference), { error: "#NULL!" }],
      [new CFError(ErrorCode.invalidName), { error: "#NAME?" }],
      [new CFError(ErrorCode.invalidReference), { error: "#REF!" }],
      [new Error("socket closed"), { error: "#VALUE!", message: "BINCK.QUOTE failed: socket closed" }],
    ];
    for (const [reported, shown] of cases) {
      sheet.invocations.QUOTE[0].setResult(reported);
      sheet.flush();
      expect(sheet.get("A1")).toEqual(shown);
      expect(sheet.get("A3")).toBe("fallback");
    }
    expect(sheet.get("A2")).toEqual({ error: "#VALUE!", message: "BINCK.VERSION failed: boom" });
    expect(() => new CFError("#WHAT?")).toThrow('CustomFunctions.Error: "#WHAT?" is not a CustomFunctions.ErrorCode');
  });

  it("shows #NAME? for unknown and unassociated functions and formulas it cannot read; #BUSY! while a promise is pending", () => {
    const sheet = fakeWorkbook();
    sheet.set("A1", "=BINCK.NOPE()");
    sheet.set("A2", "=BINCK.MISSING()");
    sheet.set("A3", "=1+");
    sheet.set("A4", "=BINCK.LATER(1)");
    expect(sheet.get("A1")).toEqual({ error: "#NAME?", message: "Function BINCK.NOPE is not implemented." });
    expect(sheet.get("A2")).toEqual({ error: "#NAME?", message: "BINCK.MISSING is in functions.json, but the add-in did not associate id MISSING (CustomFunctions.associate)." });
    expect(sheet.get("A3")).toEqual({ error: "#NAME?", message: "The formula cannot be read at position 1:3: found ''." });
    expect(sheet.get("A4")).toMatchObject({ error: "#BUSY!" });
  });

  it("rejects a matrix from a scalar function and ragged rows; a streaming function's throw is logged and ignored", () => {
    const sheet = fakeWorkbook({ VERSION: () => [[1]], QUOTE: () => { throw new Error("not ready"); } });
    sheet.set("A1", "=BINCK.VERSION()");
    sheet.set("A2", '=BINCK.QUOTES("x")');
    sheet.set("A3", '=BINCK.QUOTE("x")');
    expect(sheet.get("A1")).toEqual({ error: "#VALUE!", message: "BINCK.VERSION returned a matrix, but its metadata declares one value (add @returns {any[][]})." });
    sheet.invocations.QUOTES[0].setResult([[1, 2], [3]]);
    sheet.flush();
    expect(sheet.get("A2")).toEqual({ error: "#VALUE!", message: "BINCK.QUOTES returned rows of different lengths; every row of a matrix needs 2 values." });
    expect(sheet.get("A3")).toMatchObject({ error: "#BUSY!" });
    expect(sheet.logLines).toEqual(["BINCK.QUOTE threw Error: not ready; Excel ignores this for a streaming function (report errors with setResult)."]);
  });

  it("marks a circular reference and keeps Excel's functions and constants working", () => {
    const sheet = fakeWorkbook();
    sheet.set("A1", "=B1+1");
    sheet.set("B1", "=A1+1");
    expect(sheet.get("A1")).toMatchObject({ error: "#REF!" });
    sheet.set("C1", "'0042");
    sheet.set("C2", "12.5%");
    sheet.set("C3", '=C1&"-"&TEXT(C2,"0.000")');
    expect([sheet.get("C1"), sheet.get("C2"), sheet.get("C3")]).toEqual(["0042", 0.125, "0042-0.125"]);
    sheet.set("D1", "=MAX(C2,7)+COUNTA(C1:C3)");
    sheet.set("D2", '=UPPER("aex")');
    sheet.set("D3", "=SUM(A1:C1)");
    sheet.set("D4", "=AVERAGE(E1:E3)");
    expect([sheet.get("D1"), sheet.get("D2"), sheet.get("D3"), sheet.get("D4")]).toEqual([10, "AEX", expect.objectContaining({ error: "#REF!" }), { error: "#DIV/0!" }]);
    sheet.set("D4", "");
    sheet.set("D1", "");
    sheet.set("D2", "");
    sheet.set("D3", "");
    expect(sheet.workbook.inputs()).toEqual({ A1: "=B1+1", B1: "=A1+1", C1: "'0042", C2: "12.5%", C3: '=C1&"-"&TEXT(C2,"0.000")' });
  });
});
