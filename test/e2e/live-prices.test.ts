import type { Page } from "playwright-core";
import { useBrowserWorld } from "../support/browser-world";
import { openWorkbook, preview, signInThroughPopup } from "../support/browser-host";

/**
 * issue 6 §5, end to end: the built add-in's streaming functions in the preview workbook, against the sandbox's
 * realtime hub through the official SignalR client — values that move, sign-out and sign-in, a dropped feed, a
 * blocked spill. Every wait is for what the cells show, never a fixed sleep.
 */
describe("live prices in the preview workbook", () => {
  const stage = useBrowserWorld({ sandbox: { ticksPerSecond: 10 } });

  type Preview = import("../../src/host/automation").PreviewAutomation;
  const set = (page: Page, cells: Record<string, string>) => preview(page, (api, all) => {
    for (const [address, text] of Object.entries(all)) api.setFormula(address, text);
  }, cells);
  const value = (page: Page, address: string) => preview(page, (api, at) => api.getValue(at), address);
  /** Waits until `check(value)` holds for the cell; `check` runs in the page, so it is given as source text. */
  const waitFor = (page: Page, address: string, check: string, timeoutMs = 30_000) =>
    preview(page, (api: Preview, [at, source, ms]) => {
      const test = new Function("value", `return (${source})(value);`) as (value: unknown) => boolean;
      return api.waitFor(() => test(api.getValue(at)), ms);
    }, [address, check, timeoutMs] as const);
  const control = (path: string, body: unknown = {}) =>
    fetch(`${stage.world.sandbox.urls.api}/_sandbox/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  let page: Page;
  let pane: Awaited<ReturnType<typeof openWorkbook>>["pane"];

  it("says 'sign in' before sign-in, then streams prices that move, with formulas around them", async () => {
    ({ page, pane } = await openWorkbook(stage.browser, stage.world.broker.url, "LivePrices"));
    await preview(page, (api) => api.clear());
    await set(page, {
      A1: "NL0010273215", B1: "=BINCK.QUOTE(A1,\"lst\")", C1: "=B1*10",
      A2: "ASML:XAMS", B2: "=BINCK.QUOTE(A2,\"bid\",\"volume\")",
      A3: "=BINCK.QUOTE(\"NL0010273215\",\"speed\")",
    });
    await waitFor(page, "B1", "(v) => v && v.error === '#N/A'");
    expect(await value(page, "B1")).toEqual({ error: "#N/A", message: "sign in to Binck in the taskpane" });
    expect(await value(page, "A3")).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("'speed' is not a quote field; use one of lst, cls") });

    await signInThroughPopup(stage.browser, pane, { consent: "allow" });
    await waitFor(page, "B1", "(v) => typeof v === 'number'");
    await waitFor(page, "B2", "(v) => typeof v === 'number'");
    // B1 and C1 read together: the price may tick between two separate reads, and C1 follows the newer one.
    const [first, times10] = (await preview(page, (api) => [api.getValue("B1"), api.getValue("C1")])) as number[];
    expect(times10).toBeCloseTo(first * 10, 6);
    // The market ticks 10 times a second: the price moves, and the formula over it follows.
    await waitFor(page, "B1", `(v) => typeof v === 'number' && v !== ${first}`);
    const moved = (await value(page, "B1")) as number;
    await waitFor(page, "C1", `(v) => Math.abs(v - ${moved} * 10) < 1e-6 || v !== ${first * 10}`);
    // Identical arguments share one invocation, as in Excel.
    await set(page, { D1: "=BINCK.QUOTE(A1,\"lst\")" });
    const shared = await preview(page, (api) => api.invocations().filter((invocation) => invocation.cells.includes("D1")));
    expect(shared).toEqual([expect.objectContaining({ cells: expect.arrayContaining(["B1", "D1"]) })]);
  }, 120_000);

  it("spills QUOTES and BOOK, sums over a spill, and shows #SPILL! while the area is blocked", async () => {
    await set(page, {
      F1: "NL0010273215", F2: "NL0011821202", F3: "NL0000009538",
      G1: "=BINCK.QUOTES(F1:F3,\"lst,bid,ask\")", K1: "=SUM(G1:G3)",
      G6: "=BINCK.BOOK(\"NL0010273215\",3)",
    });
    await waitFor(page, "K1", "(v) => typeof v === 'number' && v > 0");
    expect(await preview(page, (api) => api.spillRange("G1"))).toBe("G1:I3");
    // The book's first answer may come after the quotes': wait for it before reading its spill.
    await waitFor(page, "I6", "(v) => typeof v === 'number'");
    expect(await preview(page, (api) => api.spillRange("G6"))).toBe("G6:L8");
    await set(page, { H2: "in the way" });
    await waitFor(page, "G1", "(v) => v && v.error === '#SPILL!'");
    await set(page, { H2: "" });
    await waitFor(page, "H2", "(v) => typeof v === 'number'");
    expect(await preview(page, (api) => api.spillRange("G1"))).toBe("G1:I3");
  }, 120_000);

  it("shows a field that does not tick after its formula is edited in place (the instrument's only cell)", async () => {
    // Heineken is in no other cell: editing the formula takes its last watch away and brings a new one at once.
    await set(page, { Z1: "=BINCK.QUOTE(\"NL0000009165\",\"lst\")" });
    await waitFor(page, "Z1", "(v) => typeof v === 'number'");
    await set(page, { Z1: "=BINCK.QUOTE(\"NL0000009165\",\"cls\")" });
    // The previous close does not change during the day: only the snapshot a new subscription brings can show it.
    await waitFor(page, "Z1", "(v) => typeof v === 'number' && v > 0");
    await set(page, { Z1: "" });
  }, 120_000);

  it("shows a dropped feed in the cells after the grace period, and recovers by itself", async () => {
    // Hold the feed down: every reconnect is refused while the hub is in maintenance, then let it back.
    expect((await control("maintenance", { on: true })).status).toBe(200);
    await waitFor(page, "B1", "(v) => v && v.error === '#N/A' && /connection lost since \\d{1,2}:\\d{2}:\\d{2}.* — reconnecting/.test(v.message)", 60_000);
    expect((await control("maintenance", { on: false })).status).toBe(200);
    await waitFor(page, "B1", "(v) => typeof v === 'number'", 60_000);
    await waitFor(page, "G1", "(v) => typeof v === 'number'", 60_000);
  }, 150_000);

  it("says 'sign in' in every cell after sign-out, and every cell comes back after signing in again", async () => {
    await pane.locator("#sign-out").click();
    await waitFor(page, "B1", "(v) => v && v.message === 'sign in to Binck in the taskpane'");
    await waitFor(page, "G1", "(v) => v && v.message === 'sign in to Binck in the taskpane'");
    await signInThroughPopup(stage.browser, pane, {});
    await waitFor(page, "B1", "(v) => typeof v === 'number'");
    await waitFor(page, "G1", "(v) => typeof v === 'number'");
    await waitFor(page, "G6", "(v) => typeof v === 'number'");
  }, 120_000);
});
