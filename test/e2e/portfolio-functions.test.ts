import type { Frame, Page } from "playwright-core";
import { startBrokerWorld, type BrokerWorld } from "../support/broker";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { openWorkbook, preview, signInThroughPopup } from "../support/browser-host";

const JANSEN = "190126781";
const ASML = "NL0010273215";

/**
 * issue 8 §2 and §5, end to end: the portfolio functions in the preview workbook against the sandbox — spills
 * with headers, live prices in the positions, a full recalculation and an inserted row that send no request,
 * and the positions after a fill. Requests are counted by the runtime's one budget (every REST call goes through it).
 */
describe("portfolio functions in the preview workbook", () => {
  let world: BrokerWorld;
  let browser: TestBrowser;
  let page: Page;
  let pane: Frame;
  beforeAll(async () => {
    world = await startBrokerWorld({ serveDist: true, sandbox: { ticksPerSecond: 10 } });
    browser = await launchBrowser();
    ({ page, pane } = await openWorkbook(browser, world.broker.url, "Portfolio"));
    await preview(page, (api) => api.clear());
    await signInThroughPopup(browser, pane, { consent: "allow" });
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await world.close();
  });

  type Preview = import("../../src/host/automation").PreviewAutomation;
  const set = (cells: Record<string, string>) => preview(page, (api, all) => {
    for (const [address, text] of Object.entries(all)) api.setFormula(address, text);
  }, cells);
  const value = (address: string) => preview(page, (api, at) => api.getValue(at), address);
  /** Waits until `check(value)` holds for the cell (source text, run in the page); the error names the cell and its value. */
  const waitFor = (address: string, check: string, timeoutMs = 30_000) =>
    preview(page, (api: Preview, [at, source, ms]) => {
      const test = new Function("value", `return (${source})(value);`) as (value: unknown) => boolean;
      return api.waitFor(() => test(api.getValue(at)), ms).catch(() => {
        throw new Error(`${at} is still ${JSON.stringify(api.getValue(at))}, not ${source}`);
      });
    }, [address, check, timeoutMs] as const);
  /** Requests the add-in's runtime has sent (its RequestBudget's count; the runtime lives in the taskpane's frame). */
  const sent = () => pane.evaluate(() => (globalThis as unknown as { __binckAddinRuntime: { budget: { figures(): { sent: number } } } }).__binckAddinRuntime.budget.figures().sent);
  /** A cell's formula has answered: no longer #BUSY! or a waiting #N/A ("connecting to Binck…"). */
  const answered = "(v) => !(v && (v.error === '#BUSY!' || v.error === '#N/A'))";
  const settled = () => preview(page, async (api) => {
    await api.nextFrame();
    await api.nextFrame();
  });

  it("spills positions, balances, orders and accounts with header rows, and prices the positions live", async () => {
    await set({
      A1: "=BINCK.POSITIONS()",
      A8: `=BINCK.BALANCE("${JANSEN}","cashBalance")`, B8: `=BINCK.BALANCE(${JANSEN},"currency")`,
      A10: "=BINCK.BALANCE()",
      D10: "=BINCK.ACCOUNTS(FALSE)",
      A18: `=BINCK.ORDERS("${JANSEN}","open")`,
      L1: "=BINCK.POSITIONS(\"12 34\")",
    });
    await waitFor("A2", "(v) => typeof v === 'string' && v.length > 0");
    expect(await preview(page, (api) => api.spillRange("A1"))).toBe("A1:J5");
    expect(await preview(page, (api) => [api.getValue("A1"), api.getValue("B1"), api.getValue("F1"), api.getValue("J1")])).toEqual(["instrument", "ISIN", "last", "currency"]);
    await waitFor("B2", "(v) => typeof v === 'string' && /^[A-Z]{2}[A-Z0-9]{10}$/.test(v)");
    await waitFor("F2", "(v) => typeof v === 'number' && v > 0");
    const [quantity, last, worth] = await preview(page, (api) => [api.getValue("D2"), api.getValue("F2"), api.getValue("G2")]) as number[];
    expect(worth).toBeCloseTo(quantity * last, 4);
    await waitFor("A8", "(v) => typeof v === 'number'");
    // B8 is a formula of its own: its first answer may come a frame (or a coalescing interval) after A8's.
    await waitFor("B8", answered);
    expect(await value("B8")).toBe("EUR");
    await waitFor("A11", "(v) => v === 'assetsTotalValue'");
    expect(await preview(page, (api) => api.spillRange("A10"))).toBe("A10:B16");
    await waitFor("D10", "(v) => v === '190126781'");
    expect(await value("D11")).toBe("190126799");
    await waitFor("A18", answered);
    expect(await value("A18")).toBe("number");
    expect(await value("L1")).toEqual({ error: "#VALUE!", message: "account '12 34' is not an account number; give one from BINCK.ACCOUNTS(), or omit it for the account picked in the taskpane." });
  }, 120_000);

  it("sends no request on a full recalculation or an inserted row", async () => {
    const before = await sent();
    const invocations = await preview(page, (api) => api.invocations().map((invocation) => invocation.key).sort());
    await preview(page, (api) => api.recalculateAll());
    // An inserted row 1: every formula moves down a row with the same arguments (Excel keeps its invocations).
    await preview(page, (api) => {
      const formulas = ["L1", "A18", "D10", "A10", "B8", "A8", "A1"].map((address) => [address, api.getInput(address)] as const);
      for (const [address, text] of formulas) {
        const moved = address.replace(/\d+$/, (row) => String(Number(row) + 1));
        api.setFormula(moved, text);
        api.setFormula(address, "");
      }
    });
    await settled();
    expect(await preview(page, (api) => api.invocations().map((invocation) => invocation.key).sort())).toEqual(invocations);
    expect(await preview(page, (api) => api.spillRange("A2"))).toBe("A2:J6");
    expect(await sent()).toBe(before);
  }, 120_000);

  it("changes the positions after a fill: the OrderExecution from the hub brings the new rows", async () => {
    const token = (await world.sandbox.signIn("jansen")).access_token;
    const api = (path: string, body?: unknown) => world.sandbox.api(`/api/v1${path}`, body === undefined ? { token } : { method: "POST", token, body: JSON.stringify(body) });
    const found = await (await api(`/instruments?accountNumber=${JANSEN}&isin=${ASML}&mic=XAMS`)).json() as { instrumentsCollection: { instruments: { id: string }[] } };
    const instrumentId = found.instrumentsCollection.instruments[0].id;
    // Each row's ISIN comes from the instrument look-up, shown up to a coalescing interval after the first row's.
    await preview(page, (automation) => automation.waitFor(() => [3, 4, 5, 6].every((r) => /^[A-Z]{2}[A-Z0-9]{10}$/.test(String(automation.getValue(`B${r}`)))), 30_000));
    const row = await preview(page, (automation, isin) => [3, 4, 5, 6].find((r) => automation.getValue(`B${r}`) === isin), ASML);
    const held = await value(`D${row}`) as number;
    const order = { type: "market", quantity: 10, duration: "day", cash: { side: "buy", instrumentId } };
    const previewed = await (await api(`/accounts/${JANSEN}/orders/preview`, order)).json() as { previewOrder: { validationCode: string } };
    expect((await api(`/accounts/${JANSEN}/orders`, { ...order, validationCode: previewed.previewOrder.validationCode })).status).toBe(201);
    await waitFor(`D${row}`, `(v) => v === ${held + 10}`);
    await waitFor("A9", "(v) => typeof v === 'number'");
  }, 120_000);

  it("shows the ribbon's \"Refresh Binck data\" as a button that refreshes every table within the budget and tells what it did", async () => {
    const before = await sent();
    const tables = await pane.evaluate(() => (globalThis as unknown as { __binckAddinRuntime: { portfolio(): Promise<{ watchedRequests: number }> } }).__binckAddinRuntime.portfolio().then((portfolio) => portfolio.watchedRequests));
    await page.click("#commands button[data-command='refreshBinckData']");
    await pane.waitForSelector("#refresh-notice");
    const notice = await pane.locator("#refresh-notice").textContent();
    expect(notice).toMatch(new RegExp(`^Binck data refreshed: ${tables} requests for ${tables} tables; data fetched at \\d{1,2}:\\d{2}:\\d{2}`));
    expect(await sent()).toBe(before + tables);
    await page.waitForSelector("#command-notice:has-text('Refresh Binck data: done')");
  }, 120_000);

  it("fills the sample sheet's portfolio beside the live prices, every spill unblocked", async () => {
    // The first workbook's requests of the last minute count in the second's budget (the same session at Binck):
    // the sample's ~30 requests may wait for them to leave the window.
    const sample = await openWorkbook(browser, world.broker.url, "PortfolioSample", { sampleSheet: true, readyTimeoutMs: 120_000 });
    const at = (address: string, check: string) => preview(sample.page, (api: Preview, [cell, source]) => {
      const test = new Function("value", `return (${source})(value);`) as (value: unknown) => boolean;
      return api.waitFor(() => test(api.getValue(cell)), 120_000);
    }, [address, check] as const);
    await at("O4", "(v) => typeof v === 'string' && v.length > 0");
    await at("P18", "(v) => v === 'value'");
    await at("A40", "(v) => v === 'number'");
    await at("S18", "(v) => typeof v === 'number' && v > 0");
    // Each spill appears with its own first answer: wait until all have one.
    await preview(sample.page, (api) => api.waitFor(() => ["O3", "O18", "A40", "B3", "A33"].every((address) => api.spillRange(address) !== null), 120_000));
    expect(await preview(sample.page, (api) => ["O3", "O18", "A40", "B3", "A33"].map((address) => api.spillRange(address)))).toEqual([
      expect.stringMatching(/^O3:X\d+$/), "O18:P24", expect.stringMatching(/^A40:M\d+$/), "B3:E27", expect.stringMatching(/^A33:C3\d$/),
    ]);
    expect(await preview(sample.page, (api) => ["O3", "O18", "A40", "B3", "A33", "H2", "H13", "P2"].filter((address) => (api.getValue(address) as { error?: string } | null)?.error === "#SPILL!"))).toEqual([]);
  }, 300_000);
});
