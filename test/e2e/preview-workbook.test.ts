import type { Page } from "playwright-core";
import { ADDIN_VERSION } from "../../src/core/version";
import { useBrowserWorld } from "../support/browser-world";
import { openWorkbook, preview } from "../support/browser-host";

/**
 * The preview workbook (host.html) with the real built add-in: the add-in's functions among Excel's, typed with
 * the keyboard, kept across reloads; the Office stand-in keeping to office.js's contract.
 */
describe("the preview workbook in headless Chromium", () => {
  const stage = useBrowserWorld();

  const open = (workbook: string, sampleSheet = false) => openWorkbook(stage.browser, stage.world.broker.url, workbook, { sampleSheet });
  const valueOf = (page: Page, address: string) => preview(page, (api, at) => api.getValue(at), address);
  const waitForText = (page: Page, address: string, text: string) =>
    preview(page, (api, [at, expected]) => api.waitFor(() => api.getText(at) === expected), [address, text] as const);
  /** The grid writes changed cells in the next animation frame, not when the value changes: read the page after it. */
  const rendered = (page: Page) => preview(page, (api) => api.nextFrame());

  it("starts a new workbook with the sample sheet: AEX watch list, order book, news, status and the version", async () => {
    const { page } = await open("Sample", true);
    const inputs = await preview(page, (api) => ["A3", "A27", "B3", "H2", "H13", "A33", "I26"].map((address) => api.getInput(address)));
    expect(inputs).toEqual(["NL0010273215", "NL0000687663", '=BINCK.QUOTES(A3:A27,"lst,bid,ask,chgpct")', '=BINCK.BOOK("NL0010273215")', "=BINCK.STATUS()", "=BINCK.NEWS(5)", "=BINCK.VERSION()"]);
    await waitForText(page, "I26", ADDIN_VERSION);
    await rendered(page);
    expect(await page.locator('[data-address="I26"]').innerText()).toBe(ADDIN_VERSION);
    expect(await page.locator('[data-address="A3"]').innerText()).toBe("NL0010273215");
  });

  it("computes Excel's functions around the add-in's, typed with the keyboard into the grid", async () => {
    const { page } = await open("Typed");
    await preview(page, (api) => api.clear());
    await page.locator('[data-address="A1"]').click();
    await page.keyboard.type("=BINCK.VERSION()");
    await page.keyboard.press("Enter");
    expect(await preview(page, (api) => api.selection())).toBe("A2");
    await page.keyboard.type('=LEN(A1)&"/"&UPPER(SUBSTITUTE(A1,".","-"))');
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("=SUM(2,3)*MAX(4,A4)");
    await page.keyboard.press("Enter");
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await waitForText(page, "A3", "25");
    expect(await valueOf(page, "A1")).toBe(ADDIN_VERSION);
    expect(await valueOf(page, "A2")).toBe(`${ADDIN_VERSION.length}/${ADDIN_VERSION.replace(/\./g, "-").toUpperCase()}`);
    await rendered(page);
    expect(await page.locator('[data-address="A2"]').innerText()).toBe(`${ADDIN_VERSION.length}/${ADDIN_VERSION.replace(/\./g, "-")}`);
    // F2 edits the current formula; Escape leaves it as it was; Delete clears the cell.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("F2");
    await page.keyboard.type("+1");
    await page.keyboard.press("Escape");
    expect(await preview(page, (api) => api.getInput("A4"))).toBe("5");
    await page.keyboard.press("F2");
    await page.keyboard.type("0");
    await page.keyboard.press("Enter");
    await waitForText(page, "A3", "250");
    expect(await page.locator("#formula-input").inputValue()).toBe("");
    await page.keyboard.press("ArrowUp");
    expect(await page.locator("#formula-input").inputValue()).toBe("50");
    await page.keyboard.press("Delete");
    await waitForText(page, "A3", "20");
  });

  it("shows an error's message in the cell's tooltip and, when selected, in the status line", async () => {
    const { page } = await open("Errors");
    await preview(page, (api) => api.setFormula("B2", "=BINCK.VERSION(1)"));
    expect(await valueOf(page, "B2")).toEqual({ error: "#VALUE!", message: "BINCK.VERSION() takes 0 arguments; got 1." });
    await rendered(page);
    expect(await page.locator('[data-address="B2"]').getAttribute("title")).toBe("#VALUE! BINCK.VERSION() takes 0 arguments; got 1.");
    await page.locator('[data-address="B2"]').click();
    expect(await page.locator("#status-line").innerText()).toBe("B2: #VALUE! — BINCK.VERSION() takes 0 arguments; got 1.");
    await preview(page, (api) => api.setFormula("B3", "=BINCK.NOSUCHFUNCTION(1)"));
    expect(await valueOf(page, "B3")).toEqual({ error: "#NAME?", message: "Function BINCK.NOSUCHFUNCTION is not implemented." });
  });

  it("spills an array, outlines it, blocks it with #SPILL! and spills again when the cell is cleared", async () => {
    const { page } = await open("Spills");
    await preview(page, (api) => {
      api.clear();
      api.setFormula("A1", "={1,2;3,4}");
      api.setFormula("D1", "=SUM(A1:B2)&\" \"&BINCK.VERSION()");
    });
    expect(await preview(page, (api) => api.spillRange("A1"))).toBe("A1:B2");
    await waitForText(page, "D1", `10 ${ADDIN_VERSION}`);
    await page.locator('[data-address="B2"]').click();
    expect(await page.locator(".cell.spill").count()).toBe(4);
    expect(await page.locator("#status-line").innerText()).toBe("B2 (spilled from A1): 4");
    await page.keyboard.type("x");
    await page.keyboard.press("Enter");
    expect(await valueOf(page, "A1")).toEqual({ error: "#SPILL!", message: "The spill range A1:B2 isn't blank: B2 holds something. Clear it to let the result spill." });
    expect(await valueOf(page, "D1")).toMatchObject({ error: "#SPILL!" });
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Delete");
    expect(await valueOf(page, "D1")).toBe(`10 ${ADDIN_VERSION}`);
  });

  it("writes only the cells whose value changed, once per frame", async () => {
    const { page } = await open("Frames");
    const rendered = async (change: (api: import("../../src/host/automation").PreviewAutomation) => void) => {
      const before = await preview(page, (api) => api.renderedCells());
      await preview(page, change);
      await preview(page, (api) => api.nextFrame());
      return (await preview(page, (api) => api.renderedCells())) - before;
    };
    expect(await rendered((api) => api.setFormula("Z10", "7"))).toBe(1);
    expect(await rendered((api) => api.setFormula("Z11", "=Z10*2"))).toBe(1);
    expect(await rendered((api) => api.setFormula("Z10", "8"))).toBe(2);
    // Three changes of one cell before a frame: written once.
    expect(await rendered((api) => ["1", "2", "3"].forEach((text) => api.setFormula("Y10", text)))).toBe(1);
    expect(await page.locator('[data-address="Z11"]').innerText()).toBe("16");
  });

  it("keeps a workbook's cells across reloads, and each workbook its own", async () => {
    const { page } = await open("Kept");
    await preview(page, (api) => {
      api.clear();
      api.setFormula("C5", "42");
      api.setFormula("C6", "=C5*2&BINCK.VERSION()");
    });
    await page.reload();
    await preview(page, (api) => api.waitFor(() => api.associated().includes("VERSION")));
    expect(await preview(page, (api) => [api.getInput("C6"), api.getInput("A3")])).toEqual(["=C5*2&BINCK.VERSION()", ""]);
    await waitForText(page, "C6", `84${ADDIN_VERSION}`);
    const other = await open("Other");
    expect(await preview(other.page, (api) => api.getInput("C5"))).toBe("");
  });

  it("gives the add-in Office as office.js does: onReady later, CustomFunctions' errors and codes, associate by any case and by object", async () => {
    const { page, pane } = await open("Contract");
    const contract = await pane.evaluate(async () => {
      let calledAtOnce = false;
      const ready = Office.onReady(() => {
        calledAtOnce = true;
      });
      const synchronous = calledAtOnce;
      const info = await ready;
      const error = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "No quote");
      return { synchronous, info, hasContext: typeof Office.context.document.settings.get, code: error.code, message: error.message, codes: { ...CustomFunctions.ErrorCode } };
    });
    expect(contract).toEqual({
      synchronous: false,
      info: { host: "Excel", platform: "OfficeOnline" },
      hasContext: "function",
      code: "#N/A",
      message: "No quote",
      codes: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
    });
    // associate is case-insensitive and takes the object form; errors a function reports reach the cell.
    await pane.evaluate(() => {
      CustomFunctions.associate({ version: () => { throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "Version withheld"); } } as never);
    });
    await preview(page, (api) => api.setFormula("E1", "=BINCK.VERSION()"));
    expect(await valueOf(page, "E1")).toEqual({ error: "#N/A", message: "Version withheld" });
  });
});
