import { performance } from "node:perf_hooks";
import type { Page, Request } from "playwright-core";
import { maxInAnyWindow } from "../test/support/windows";
import { startTestSandbox } from "../test/support/sandbox";
import { startBrokerWorld } from "../test/support/broker";
import { launchBrowser, type TestBrowser } from "../test/support/browser";
import { openHost, openWorkbook, preview, signInThroughPopup } from "../test/support/browser-host";
import { ACCOUNTS, pickIsins, workbookCells, type Cell } from "./portfolio-workbook-cells";

/**
 * `npx tsx scripts/with-local-ca.ts bench/portfolio-workbook.ts` (needs `npx webpack --mode development` first):
 * issue 8 §6. A workbook of 1,000 formulas — a live price of BENCH_INSTRUMENTS instruments by ISIN (default 500),
 * fields of most of them, the balances, positions and open orders of two accounts — in the preview (headless
 * Chromium) against a sandbox that enforces Binck's 50 requests a minute. Cold, full recalculation, inserted row,
 * and the workbook reopened the same day: REST requests (instrument resolution apart), the most in any 60 s, the
 * time until every cell shows a value. Requests are counted as the browser sends them (CORS preflights apart).
 * Baseline in the same run: the same cells with one request per cell (what other add-ins do), sent by a plain
 * client to a sandbox without the limit. Prints figures; asserts nothing.
 */
const INSTRUMENTS = Number(process.env.BENCH_INSTRUMENTS ?? 500);
const WINDOW_MS = 60_000;
const out = (line: string) => process.stdout.write(`${line}\n`);

interface Sent { atMs: number; path: string }

/** Instrument resolution: the ISIN search (#20) and the instrument lists (#22); GET /instruments/{ids} is not. */
const isResolution = (path: string) => /\/instruments\?/.test(path) || path.includes("/instruments/lists/");

/** Every API request the add-in's pages send, as the browser sends it. */
function recordApiRequests(browser: TestBrowser, apiOrigin: string): Sent[] {
  const sent: Sent[] = [];
  browser.context.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.origin === apiOrigin && request.method() !== "OPTIONS") sent.push({ atMs: Date.now(), path: `${url.pathname}${url.search}` });
  });
  return sent;
}

/** Every cell a value within 10 minutes (the cold phase needs about one at the cap); else what the cells and the taskpane say. */
async function untilAllShown(page: Page, addresses: string[]): Promise<void> {
  try {
    await preview(page, (api, all) => api.waitFor(() => all.every((address) => {
      const shown = api.getValue(address) as { error?: string } | null;
      return shown !== null && (typeof shown !== "object" || shown.error === undefined);
    }), 600_000), addresses);
  } catch (error) {
    const waiting = await preview(page, (api, all) => all.filter((address) => {
      const shown = api.getValue(address) as { error?: string } | null;
      return shown === null || (typeof shown === "object" && shown.error !== undefined);
    }).slice(0, 10).map((address) => `${address} ${JSON.stringify(api.getValue(address))}`), addresses);
    const pane = page.frameLocator("#taskpane");
    // The Diagnostics panel renders its lines only when opened.
    const diagnostics = await pane.getByText(/^Diagnostics \(/).click({ timeout: 5_000 })
      .then(() => pane.locator("#diagnostics").textContent({ timeout: 5_000 }))
      .catch(() => "(no Diagnostics shown)");
    throw new Error(`${String(error)}\nCells still without a value (first 10): ${waiting.join("; ")}\nDiagnostics:\n${diagnostics}`);
  }
  await preview(page, async (api) => { await api.nextFrame(); await api.nextFrame(); });
}

function report(name: string, requests: Sent[], seconds: number): void {
  const resolution = requests.filter((request) => isResolution(request.path)).length;
  const most = maxInAnyWindow(requests.map((request) => request.atMs), WINDOW_MS);
  out(`add-in     ${name.padEnd(13)} ${String(requests.length - resolution).padStart(4)} requests + ${String(resolution).padStart(3)} for instrument resolution, ` +
    `at most ${String(most).padStart(2)} in any 60 s, every cell shows a value after ${seconds.toFixed(1)} s`);
}

async function measureAddin(cells: Cell[], perCellRequests: number): Promise<void> {
  const world = await startBrokerWorld({ serveDist: true });
  const browser = await launchBrowser();
  const sent = recordApiRequests(browser, new URL(world.sandbox.urls.api).origin);
  const addresses = cells.map((cell) => cell.address);
  try {
    const missing = cells.filter((cell) => cell.needsId && world.sandbox.sandbox.ctx.market.catalogue.byIsin(cell.needsId).length === 0);
    if (missing.length > 0) throw new Error(`The add-in's sandbox lacks ${missing.length} of the workbook's instruments.`);
    const { page, pane } = await openWorkbook(browser, world.broker.url, "Bench");
    await preview(page, (api) => api.clear());
    await signInThroughPopup(browser, pane, { consent: "allow" });
    await pane.locator("#accounts").waitFor();
    const phase = async (name: string, run: () => Promise<unknown>, shown: string[], on: () => Page) => {
      const before = sent.length;
      const started = performance.now();
      await run();
      await untilAllShown(on(), shown);
      report(name, sent.slice(before), (performance.now() - started) / 1000);
      return sent.length - before;
    };
    const cold = Object.fromEntries(cells.map((cell) => [cell.address, cell.formula]));
    const coldRequests = await phase("cold", () => preview(page, (api, all) => { for (const [address, text] of Object.entries(all)) api.setFormula(address, text); }, cold), addresses, () => page);
    await phase("full recalc", () => preview(page, (api) => api.recalculateAll()), addresses, () => page);
    const moved = addresses.map((address) => address.replace(/\d+$/, (row) => String(Number(row) + 1)));
    await phase("inserted row", () => preview(page, (api, all) => {
      for (const [address, text] of [...all].reverse()) {
        api.setFormula(address.replace(/\d+$/, (row) => String(Number(row) + 1)), text);
        api.setFormula(address, "");
      }
    }, cells.map((cell) => [cell.address, cell.formula] as [string, string])), moved, () => page);
    // Resolved ids are saved a moment after the last answer; the reopened workbook finds them in storage. The
    // predicate is synchronous (a Promise would be truthy at once): it reads the emulated OfficeRuntime.storage.
    await pane.waitForFunction((isins) => {
      const text = localStorage.getItem("binckHost.storage.binck.instrumentResolutions");
      if (text === null) return false;
      const saved = new Set((JSON.parse(text) as { entries: [string, unknown][] }).entries.map(([key]) => key));
      return isins.every((isin) => saved.has(`isin:${isin}`));
    }, [...new Set(cells.flatMap((cell) => (cell.needsId ? [cell.needsId] : [])))], { timeout: 60_000, polling: 250 });
    await page.close();
    let reopened!: Page;
    await phase("reopened", async () => {
      reopened = (await openHost(browser, world.broker.url, "Bench", { readySelector: "#accounts" })).page;
    }, moved, () => reopened);
    out(`ratio      cold: ${coldRequests} requests against ${perCellRequests} with one request per cell (${(perCellRequests / coldRequests).toFixed(0)}x fewer); ` +
      `recalculation, inserted row: 0 against ${perCellRequests} each`);
    out(`add-in     all phases    at most ${maxInAnyWindow(sent.map((request) => request.atMs), WINDOW_MS)} requests in any 60 s of the whole run (the sandbox ends a session above 50)`);
  } finally {
    await browser.close();
    await world.close();
  }
}

/** One request per cell, 6 at a time (a browser's connections per host), against a sandbox without the limit. */
async function measureBaseline(cells: Cell[]): Promise<number> {
  const sandbox = await startTestSandbox({ requestsPerWindow: 100_000_000 });
  try {
    const token = (await sandbox.signIn("jansen")).access_token;
    const ids = new Map<string, string>();
    const times: number[] = [];
    const started = performance.now();
    const send = async (path: string) => {
      times.push(Date.now());
      return (await sandbox.api(`/api/v1${path}`, { token })).json() as Promise<{ instrumentsCollection?: { instruments: { id: string }[] } }>;
    };
    let next = 0;
    const worker = async () => {
      while (next < cells.length) {
        const cell = cells[next++];
        if (cell.needsId) {
          const found = await send(`/instruments?accountNumber=${ACCOUNTS[0]}&isin=${cell.needsId}`);
          ids.set(cell.needsId, found.instrumentsCollection!.instruments[0].id);
        }
        await send(cell.request(ACCOUNTS[0], (isin) => ids.get(isin)!));
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const seconds = (performance.now() - started) / 1000;
    const lookups = cells.filter((cell) => cell.needsId).length;
    out(`per cell   ${"cold".padEnd(13)} ${String(times.length - lookups).padStart(4)} requests + ${lookups} ISIN look-ups, at most ${maxInAnyWindow(times, WINDOW_MS)} in any 60 s ` +
      `(Binck ends the session above 50: at 50 a minute it would take ${Math.ceil(times.length / 50)} min), every cell answered after ${seconds.toFixed(1)} s without the limit`);
    for (const name of ["full recalc", "inserted row", "reopened"]) out(`per cell   ${name.padEnd(13)} the same ${times.length} requests again (each cell calls its function again)`);
    return times.length;
  } finally {
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const catalogueSandbox = await startTestSandbox();
  const isins = pickIsins(catalogueSandbox.sandbox.ctx.market.catalogue, INSTRUMENTS);
  await catalogueSandbox.close();
  const cells = workbookCells(isins);
  out(`Workbook: ${cells.length} formulas, ${isins.length} distinct instruments by ISIN (quote and fields), balances, positions and open orders of ${ACCOUNTS.length} accounts.`);
  await measureAddin(cells, await measureBaseline(cells));
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
