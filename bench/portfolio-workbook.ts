import { performance } from "node:perf_hooks";
import type { Frame, Page } from "playwright-core";
import { EQUITIES } from "../server/sandbox/seed/instruments/equities";
import { startTestSandbox } from "../test/support/sandbox";
import { startBrokerWorld } from "../test/support/broker";
import { launchBrowser } from "../test/support/browser";
import { openWorkbook, preview, signInThroughPopup } from "../test/support/browser-host";

/**
 * `npx tsx scripts/with-local-ca.ts bench/portfolio-workbook.ts` (needs `npx webpack --mode development` first):
 * issue 8 §6. A workbook of 1,000 formulas — BENCH_INSTRUMENTS instruments by ISIN:MIC (default 300, the sandbox
 * has 318 equity listings) with a quote and an instrument field each, the rest the positions, balances and
 * orders of two accounts — in the preview against a sandbox that enforces Binck's 50 requests a minute. Cold,
 * full recalculation, inserted row: requests, most in any 60 s window, time until every cell shows a value.
 * Baseline in the same run: the same cells with one request per cell (what other add-ins do), sent by a plain
 * client to a sandbox without the limit. Prints figures; asserts nothing.
 */
const INSTRUMENTS = Number(process.env.BENCH_INSTRUMENTS ?? 300);
const ACCOUNTS = ["190126781", "190126799"];
const FORMULAS = 1_000;
const COLUMNS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const BALANCE_FIELDS = ["assetsTotalValue", "cashBalance", "portfolioValue", "currency"];
const out = (line: string) => process.stdout.write(`${line}\n`);

interface Cell { address: string; formula: string; request: (account: string, id: (isin: string) => string) => string }

function workbookCells(): Cell[] {
  const listings = EQUITIES.slice(0, INSTRUMENTS).map(([, , isin, mic]) => ({ isin, mic }));
  const cells: Cell[] = [];
  const add = (formula: string, request: Cell["request"]) => {
    const index = cells.length;
    cells.push({ address: `${COLUMNS[index % 20]}${Math.floor(index / 20) + 1}`, formula, request });
  };
  for (const { isin, mic } of listings) add(`=BINCK.QUOTE("${isin}:${mic}","lst")`, (account, id) => `/quotes?accountNumber=${account}&instrumentIds=${id(`${isin}:${mic}`)}`);
  for (let index = 0; cells.length < FORMULAS - 10 - ACCOUNTS.length * BALANCE_FIELDS.length; index++) {
    const { isin, mic } = listings[index % listings.length];
    const field = ["name", "currency", "type"][Math.floor(index / listings.length) % 3];
    add(`=BINCK.INSTRUMENT("${isin}:${mic}","${field}")`, () => `/instruments?isin=${isin}&mic=${mic}`);
  }
  for (const account of ACCOUNTS) for (const field of BALANCE_FIELDS) add(`=BINCK.BALANCE("${account}","${field}")`, () => `/accounts/${account}/balances`);
  // Spills below the grid of scalars, each with room.
  const bottom = Math.floor(cells.length / 20) + 3;
  ACCOUNTS.forEach((account, index) => {
    const row = bottom + index * 12;
    cells.push({ address: `A${row}`, formula: `=BINCK.POSITIONS("${account}")`, request: () => `/accounts/${account}/positions` });
    cells.push({ address: `A${row + 8}`, formula: `=BINCK.ORDERS("${account}","open")`, request: () => `/accounts/${account}/orders?status=open` });
  });
  while (cells.length < FORMULAS) {
    const row = bottom + 30 + cells.length;
    cells.push({ address: `A${row}`, formula: `=BINCK.BALANCE("${ACCOUNTS[0]}","cashBalance")+${cells.length}`, request: () => `/accounts/${ACCOUNTS[0]}/balances` });
  }
  return cells;
}

function maxInWindow(times: number[], windowMs = 60_000): number {
  return times.length === 0 ? 0 : Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

async function requestTimes(pane: Frame): Promise<number[]> {
  return pane.evaluate(() => (globalThis as unknown as { __requestTimes: number[] }).__requestTimes.slice());
}

async function recordRequests(pane: Frame): Promise<void> {
  await pane.evaluate(() => {
    const runtime = (globalThis as unknown as { __binckAddinRuntime: { budget: { figures(): { sent: number }; onChange(listener: () => void): () => void } } }).__binckAddinRuntime;
    const times: number[] = [];
    let sent = runtime.budget.figures().sent;
    runtime.budget.onChange(() => {
      for (const now = runtime.budget.figures().sent; sent < now; sent++) times.push(Date.now());
    });
    (globalThis as unknown as Record<string, unknown>).__requestTimes = times;
  });
}

async function untilAllShown(page: Page, addresses: string[]): Promise<void> {
  await preview(page, (api, all) => api.waitFor(() => all.every((address) => {
    const shown = api.getValue(address) as { error?: string } | null;
    return shown !== null && (typeof shown !== "object" || shown.error === undefined);
  }), 3_600_000), addresses);
}

async function measureAddin(cells: Cell[]): Promise<void> {
  const world = await startBrokerWorld({ serveDist: true });
  const browser = await launchBrowser();
  try {
    const { page, pane } = await openWorkbook(browser, world.broker.url, "Bench");
    await preview(page, (api) => api.clear());
    await signInThroughPopup(browser, pane, { consent: "allow" });
    await recordRequests(pane);
    const phase = async (name: string, run: () => Promise<void>, addresses: string[]) => {
      const before = (await requestTimes(pane)).length;
      const started = performance.now();
      await run();
      await untilAllShown(page, addresses);
      await preview(page, async (api) => { await api.nextFrame(); await api.nextFrame(); });
      const seconds = (performance.now() - started) / 1000;
      const times = (await requestTimes(pane)).slice(before);
      out(`add-in     ${name.padEnd(16)} ${String(times.length).padStart(4)} requests, at most ${maxInWindow(times)} in any 60 s, every cell shows a value after ${seconds.toFixed(1)} s`);
    };
    const cold = Object.fromEntries(cells.map((cell) => [cell.address, cell.formula]));
    await phase("cold", () => preview(page, (api, all) => { for (const [address, text] of Object.entries(all)) api.setFormula(address, text); }, cold), cells.map((cell) => cell.address));
    await phase("full recalc", () => preview(page, (api) => api.recalculateAll()), cells.map((cell) => cell.address));
    const moved = cells.map((cell) => cell.address.replace(/\d+$/, (row) => String(Number(row) + 1)));
    await phase("inserted row", () => preview(page, (api, all) => {
      for (const [address, text] of [...all].reverse()) {
        api.setFormula(address.replace(/\d+$/, (row) => String(Number(row) + 1)), text);
        api.setFormula(address, "");
      }
    }, cells.map((cell) => [cell.address, cell.formula] as [string, string])), moved);
  } finally {
    await browser.close();
    await world.close();
  }
}

/** One request per cell, 6 at a time (a browser's connections per host), against a sandbox without the limit. */
async function measureBaseline(cells: Cell[]): Promise<void> {
  const sandbox = await startTestSandbox({ requestsPerWindow: 100_000_000 });
  try {
    const token = (await sandbox.signIn("jansen")).access_token;
    const ids = new Map<string, string>();
    const idOf = (reference: string) => ids.get(reference) ?? "";
    for (const cell of cells.filter((candidate) => candidate.formula.startsWith("=BINCK.QUOTE"))) {
      const [isin, mic] = /"([^":]+):([^"]+)"/.exec(cell.formula)!.slice(1);
      const found = await (await sandbox.api(`/api/v1/instruments?accountNumber=${ACCOUNTS[0]}&isin=${isin}&mic=${mic}`, { token })).json() as { instrumentsCollection: { instruments: { id: string }[] } };
      ids.set(`${isin}:${mic}`, found.instrumentsCollection.instruments[0].id);
    }
    const times: number[] = [];
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < cells.length) {
        const cell = cells[next++];
        times.push(Date.now());
        const response = await sandbox.api(`/api/v1${cell.request(ACCOUNTS[0], idOf)}`, { token });
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const seconds = (performance.now() - started) / 1000;
    const line = `${String(times.length).padStart(4)} requests, at most ${maxInWindow(times)} in any 60 s (Binck ends the session above 50), every cell answered after ${seconds.toFixed(1)} s without the limit`;
    out(`per cell   ${"cold".padEnd(16)} ${line}`);
    // A function that is not streaming is called again on Ctrl+Alt+F9 and for every moved cell: the same requests.
    for (const name of ["full recalc", "inserted row"]) out(`per cell   ${name.padEnd(16)} the same ${times.length} requests again (each cell calls its function again)`);
  } finally {
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const cells = workbookCells();
  out(`Workbook: ${cells.length} formulas, ${INSTRUMENTS} instruments by ISIN:MIC, balances, positions and orders of ${ACCOUNTS.length} accounts.`);
  await measureBaseline(cells);
  await measureAddin(cells);
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
