import { performance } from "node:perf_hooks";
import type { Frame, Page } from "playwright-core";
import { startBrokerWorld } from "../test/support/broker";
import { launchBrowser } from "../test/support/browser";
import { openWorkbook, preview, signInThroughPopup } from "../test/support/browser-host";
import { startTestSandbox } from "../test/support/sandbox";

/**
 * `npx tsx scripts/with-local-ca.ts bench/order-table.ts` (needs `npx webpack --mode development` first): issue 9
 * §5. A BinckOrders table of BENCH_ROWS rows (default 50; market sells of one ING share by jansen) placed through
 * the preview against a sandbox that enforces Binck's 50 requests a minute: time and requests of the preview
 * (command to summary), the confirmation (click to the first placement starting: what it counts are placements) and the
 * placement (to every row placed), the most
 * requests in any 60 s window, and the least time the cap allows for as many requests. Baseline in the same run:
 * the same previews, costs and placements sent one after the other by a plain client to a sandbox without the
 * limit. Prints figures; asserts nothing.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 50);
const JANSEN = "190126781";
const ING = "NL0011821202";
const CAP = 40;
const WINDOW_S = 60;
const out = (line: string) => process.stdout.write(`${line}\n`);

function maxInWindow(times: number[], windowMs = WINDOW_S * 1000): number {
  return times.length === 0 ? 0 : Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

/** The least seconds `requests` starts take under the cap: the first CAP at once, then CAP a window. */
const leastSeconds = (requests: number) => Math.max(0, Math.ceil(requests / CAP) - 1) * WINDOW_S;

async function recordRequests(pane: Frame): Promise<() => Promise<number[]>> {
  await pane.evaluate(() => {
    const runtime = (globalThis as unknown as { __binckAddinRuntime: { budget: { figures(): { sent: number }; onChange(listener: () => void): () => void } } }).__binckAddinRuntime;
    const times: number[] = [];
    let sent = runtime.budget.figures().sent;
    runtime.budget.onChange(() => {
      for (const now = runtime.budget.figures().sent; sent < now; sent++) times.push(Date.now());
    });
    (globalThis as unknown as Record<string, unknown>).__requestTimes = times;
  });
  return () => pane.evaluate(() => (globalThis as unknown as { __requestTimes: number[] }).__requestTimes.slice());
}

async function measureAddin(): Promise<number> {
  const world = await startBrokerWorld({ serveDist: true });
  const browser = await launchBrowser();
  try {
    const { page, pane } = await openWorkbook(browser, world.broker.url, "OrderBench");
    await signInThroughPopup(browser, pane, { consent: "allow" });
    await pane.locator("#accounts").waitFor();
    await preview(page, (api) => api.select("A1"));
    await click(page, "createOrdersTable");
    await pane.evaluate(async (rows) => {
      await Excel.run(async (context) => {
        context.workbook.tables.getItem("BinckOrders").rows.add(undefined, Array.from({ length: rows }, () => ["", "NL0011821202", "sell", 1, "market", "", "", "", "", "", "", ""]));
        await context.sync();
      });
    }, ROWS);
    const times = await recordRequests(pane);
    const panel = pane.locator("#order-batch");
    const phase = async (name: string, run: () => Promise<void>, until: string) => {
      const before = (await times()).length;
      const started = performance.now();
      await run();
      await panel.and(pane.locator(`[data-phase="${until}"]`)).waitFor({ timeout: 3_600_000 });
      const seconds = (performance.now() - started) / 1000;
      const sent = (await times()).slice(before);
      out(`add-in     ${name.padEnd(10)} ${String(sent.length).padStart(4)} requests, at most ${maxInWindow(sent)} in any 60 s, ${seconds.toFixed(1)} s (the cap allows it in ${leastSeconds(sent.length)} s at the least)`);
      return seconds;
    };
    const ordersBefore = world.sandbox.sandbox.ctx.trading.engine.ordersOf(JANSEN).length;
    let total = await phase("preview", () => click(page, "placeOrdersFromTable"), "awaitingConfirmation");
    total += await phase("confirm", () => pane.click("#batch-confirm"), "placing");
    total += await phase("placement", async () => undefined, "done");
    const all = await times();
    const placed = world.sandbox.sandbox.ctx.trading.engine.ordersOf(JANSEN).length - ordersBefore;
    out(`add-in     ${ROWS} rows: ${all.length} requests in ${total.toFixed(1)} s, at most ${maxInWindow(all)} in any 60 s (Binck's limit 50, the add-in's cap ${CAP}); ${placed} new orders in the sandbox`);
    return total;
  } finally {
    await browser.close();
    await world.close();
  }
}

async function click(page: Page, command: string): Promise<void> {
  await page.click(`button[data-command="${command}"]`);
  await page.locator(`button[data-command="${command}"]:not([disabled])`).waitFor();
}

/** The same orders, one request at a time, by a plain client against a sandbox without the limit. */
async function measureBaseline(): Promise<number> {
  const sandbox = await startTestSandbox({ requestsPerWindow: 100_000_000 });
  try {
    const token = (await sandbox.signIn("jansen")).access_token;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await sandbox.api(`/api/v1${path}`, { method, token, ...(body ? { body: JSON.stringify(body) } : {}) });
      return (await response.json()) as Record<string, any>;
    };
    const started = performance.now();
    const found = await call("GET", `/instruments?accountNumber=${JANSEN}&isin=${ING}`);
    const order = { type: "market", quantity: 1, duration: "day", cash: { side: "sell", instrumentId: found.instrumentsCollection.instruments[0].id } };
    const previews = [];
    for (let row = 0; row < ROWS; row++) {
      previews.push(await call("POST", `/accounts/${JANSEN}/orders/preview`, order));
      await call("POST", `/accounts/${JANSEN}/orders/costs`, order);
    }
    for (const [row, answer] of previews.entries()) {
      await call("POST", `/accounts/${JANSEN}/orders`, { ...order, validationCode: answer.previewOrder.validationCode, referenceId: `bench-${row}` });
    }
    const seconds = (performance.now() - started) / 1000;
    out(`baseline   ${ROWS} rows: ${1 + ROWS * 3} requests in ${seconds.toFixed(1)} s, one after the other, no limit`);
    return seconds;
  } finally {
    await sandbox.close();
  }
}

void (async () => {
  const baseline = await measureBaseline();
  const addin = await measureAddin();
  out(`ratio      add-in / baseline: ${(addin / baseline).toFixed(1)} (the cap of ${CAP} a minute, not the add-in, sets the add-in's pace)`);
})().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
