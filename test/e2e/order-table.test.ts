import type { Frame, Page } from "playwright-core";
import { openWorkbook, preview, signInThroughPopup } from "../support/browser-host";
import { useBrowserWorld } from "../support/browser-world";

const JANSEN = "190126781";
/** ING (jansen holds 500): market sells of one share fill at once, so each row ends "executed". */
const ING = "NL0011821202";
const LONG_MS = 12 * 60_000;

/**
 * issue 9 §2 and §4, end to end: the order macros in the preview workbook against the sandbox — the ribbon makes
 * BinckOrders, the Excel API fills it, "Place orders from table" previews every row, the taskpane takes the one
 * confirmation, and every row gets its order number and live status; a lost answer still gives one order.
 */
describe("orders from a table in the preview workbook", () => {
  const stage = useBrowserWorld();
  let page: Page;
  let pane: Frame;
  beforeAll(async () => {
    ({ page, pane } = await openWorkbook(stage.browser, stage.world.broker.url, "Orders"));
    await signInThroughPopup(stage.browser, pane, { consent: "allow" });
    await pane.locator("#accounts").waitFor();
  }, 120_000);

  const ordersInSandbox = () => stage.world.sandbox.sandbox.ctx.trading.engine.ordersOf(JANSEN);
  const command = async (id: string) => {
    await page.click(`button[data-command="${id}"]`);
    await page.locator(`button[data-command="${id}"]:not([disabled])`).waitFor();
  };
  /** Adds rows to BinckOrders through the Excel JavaScript API, as the add-in's own code would (in the taskpane's frame). */
  const addRows = (rows: (string | number)[][]) => pane.evaluate(async (values) => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("BinckOrders").rows.add(undefined, values);
      await context.sync();
    });
  }, rows);
  /** The table's Status, Order and Message columns (J, K, L when it starts at A1), rows 2 on. */
  const results = (count: number) => preview(page, (api, rows) => Array.from({ length: rows }, (_, i) => [api.getValue(`J${i + 2}`), api.getValue(`K${i + 2}`), api.getValue(`L${i + 2}`)]), count);

  it("creates the table, places 50 rows after one confirmation, and writes each order number and live status back", async () => {
    await preview(page, (api) => api.select("A1"));
    await command("createOrdersTable");
    expect(await preview(page, (api) => api.tables())).toEqual([{ name: "BinckOrders", address: "A1:L2" }]);
    expect(await preview(page, (api) => ["A1", "B1", "I1", "J1", "K1", "L1"].map((at) => api.getValue(at)))).toEqual(["Account", "Instrument", "Expiry", "Status", "Order", "Message"]);
    // The header row is styled as a table's.
    expect(await page.locator('.cell.table-header[data-address="B1"]').count()).toBe(1);

    await addRows(Array.from({ length: 50 }, () => ["", ING, "sell", 1, "market", "", "", "", "", "", "", ""]));
    expect(await preview(page, (api) => api.tables())).toEqual([{ name: "BinckOrders", address: "A1:L51" }]);
    const before = ordersInSandbox().length;

    await command("placeOrdersFromTable");
    const panel = pane.locator("#order-batch");
    await panel.and(pane.locator('[data-phase="awaitingConfirmation"]')).waitFor({ timeout: LONG_MS });
    expect(await pane.locator("#batch-summary").innerText()).toMatch(/50 rijen, 50 klaar om op te geven/);
    expect(ordersInSandbox()).toHaveLength(before);
    await pane.click("#batch-confirm");
    await panel.and(pane.locator('[data-phase="placing"]')).waitFor();
    await panel.and(pane.locator('[data-phase="done"]')).waitFor({ timeout: LONG_MS });

    const placed = ordersInSandbox().slice(before);
    expect(placed).toHaveLength(50);
    await preview(page, (api) => api.waitFor(() => Array.from({ length: 50 }, (_, i) => api.getValue(`J${i + 2}`)).every((status) => status === "executed"), 60_000));
    const rows = await results(50);
    const numbers = rows.map(([, order]) => order);
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort()).toEqual(placed.map((order) => order.number).sort());
    // An empty Message is an empty cell; a placement that waited out the desk's answer timeout behind the cap was
    // found by its referenceId (one order all the same: 50 in the sandbox) and says so.
    const recovered = "Placed; its answer was lost, so it was found by its reference.";
    expect(rows.filter(([status, , message]) => status !== "executed" || (message !== null && message !== recovered))).toEqual([]);
  }, LONG_MS * 2);

  it("gives exactly one order for a row whose placement answer the sandbox dropped", async () => {
    await preview(page, (api) => {
      for (let row = 2; row <= 51; row++) for (const column of "ABCDEFGHIJKL") api.setFormula(`${column}${row}`, "");
    });
    await preview(page, (api, isin) => {
      for (const [at, value] of Object.entries({ B2: isin, C2: "sell", D2: "2", E2: "market" })) api.setFormula(at, value);
    }, ING);
    const before = ordersInSandbox().length;
    const dropped = await fetch(`${stage.world.sandbox.urls.api}/_sandbox/orders/drop-next-response`, { method: "POST" });
    expect(dropped.status).toBe(200);
    await command("placeOrdersFromTable");
    const panel = pane.locator("#order-batch");
    await panel.and(pane.locator('[data-phase="awaitingConfirmation"]')).waitFor({ timeout: LONG_MS });
    await pane.click("#batch-confirm");
    await panel.and(pane.locator('[data-phase="done"]')).waitFor({ timeout: LONG_MS });
    const placed = ordersInSandbox().slice(before);
    expect(placed).toHaveLength(1);
    await preview(page, (api) => api.waitFor(() => typeof api.getValue("K2") === "number", 30_000));
    const [[status, order, message]] = await results(1);
    expect(order).toBe(placed[0].number);
    expect(["placed", "executed"]).toContain(status);
    expect(message).toBe("Placed; its answer was lost, so it was found by its reference.");
  }, LONG_MS);
});
