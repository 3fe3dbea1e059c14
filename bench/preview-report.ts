import { writeFileSync } from "node:fs";
import path from "node:path";
import { startBrokerWorld } from "../test/support/broker";
import { launchBrowser } from "../test/support/browser";
import { openWorkbook, preview, signInThroughPopup } from "../test/support/browser-host";
import { pipelineInputs } from "./pipeline";
import { DEFINE_NAME_HELPER, measureBarePage, measurePage, pageHeapMb, QuoteItemCounter } from "./preview-live";

const FORMULAS = 1000;
const INSTRUMENTS = 3000;
const CELLS_FOR_HEAP = 10_000;
const FIELDS = ["lst", "bid", "ask"];

/**
 * issue 6 part 6, in headless Chromium: the built add-in (dist/, build it first) in the preview workbook, signed
 * in through the pop-up, against a sandbox and broker in this process. BENCH_PROFILE_DIR=dir writes a CPU profile of
 * the page during the 1,000 formulas there (read it with bench/cpu-profile-summary.ts).
 */
export async function printPreview(seconds: number, out: (line: string) => void): Promise<void> {
  const world = await startBrokerWorld({ serveDist: true, sandbox: { ticksPerSecond: Number(process.env.BENCH_TICKS_PER_SECOND ?? 10) } });
  const browser = await launchBrowser();
  await browser.context.addInitScript(DEFINE_NAME_HELPER);
  try {
    const { accessToken, ids } = await pipelineInputs(world.sandbox, INSTRUMENTS);
    const pct = (value: number) => `${value.toFixed(0)}%`;
    const bare = await measureBarePage(browser, `${world.sandbox.urls.realtime}/stream/v1`, accessToken, "190126781", ids, seconds);
    out(`preview    baseline: blank page (on the hub's origin) with the SignalR browser client, ${ids.length} instruments (Book), counting only: ${bare.itemsPerSecond.toFixed(0)} items/s; Chromium CPU ${pct(bare.chromiumCpuPercent)} of one core`);

    const counter = new QuoteItemCounter();
    browser.context.once("page", (opened) => counter.watch(opened));
    const { page, pane } = await openWorkbook(browser, world.broker.url, "Bench");
    const cdp = await browser.context.newCDPSession(page);
    await signInThroughPopup(browser, pane, { consent: "allow" });
    await preview(page, (api, id) => {
      api.setFormula("A1", `=BINCK.QUOTE("${id}","lst")`);
      return api.waitFor(() => typeof api.getValue("A1") === "number", 60_000);
    }, ids[0]);
    await preview(page, (api) => api.clear());

    // 3. 1,000 formulas typed at once, to every one showing a number; the baseline is 1,000 plain formulas.
    const profileDir = process.env.BENCH_PROFILE_DIR;
    if (profileDir) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    const [plainMs, quoteMs] = await preview(page, async (api, [some, count]) => {
      const timed = async (formula: (row: number) => string) => {
        const started = performance.now();
        for (let row = 1; row <= count; row++) api.setFormula(`A${row}`, formula(row));
        await api.waitFor(() => {
          for (let row = 1; row <= count; row++) if (typeof api.getValue(`A${row}`) !== "number") return false;
          return true;
        }, 120_000);
        return performance.now() - started;
      };
      const plain = await timed((row) => `=${row}*2`);
      api.clear();
      const quotes = await timed((row) => `=BINCK.QUOTE("${some[row - 1]}","lst")`);
      api.clear();
      return [plain, quotes];
    }, [ids.slice(0, FORMULAS), FORMULAS] as const);
    if (profileDir) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(path.join(profileDir, "preview-1000-formulas.cpuprofile"), JSON.stringify(profile));
    }
    out(`preview    ${FORMULAS} =BINCK.QUOTE(id,"lst") typed at once → all numbers (goal <= 2000 ms): ${quoteMs.toFixed(0)} ms ` +
      `(${(quoteMs / plainMs).toFixed(1)}x the ${plainMs.toFixed(0)} ms of ${FORMULAS} plain formulas =n*2)`);

    // Items/s through the whole add-in: one =BINCK.QUOTES spill over 3,000 ids at Book level (bid2 is a Book field).
    await preview(page, (api, all) => {
      all.forEach((id, index) => api.setFormula(`A${index + 1}`, id));
      api.setFormula("B1", `=BINCK.QUOTES(A1:A${all.length},"lst,bid,ask,bid2,ask2")`);
      return api.waitFor(() => api.spillRange("B1") === `B1:F${all.length}` && typeof api.getValue("B1") === "number", 120_000);
    }, ids);
    const spill = await measurePage(page, counter, seconds, true);
    out(`preview    =BINCK.QUOTES over ${ids.length} ids (Book level): ${spill.itemsPerSecond.toFixed(0)} items/s arriving = ` +
      `${(spill.itemsPerSecond / bare.itemsPerSecond).toFixed(2)}x the blank page; ${spill.recalcsPerSecond.toFixed(1)} recalculations/s; Chromium CPU ${pct(spill.chromiumCpuPercent)} of one core`);
    await preview(page, (api) => api.clear());

    // 5. Heap of the page with 10,000 QUOTE cells over 3,000 instruments.
    const before = await pageHeapMb(cdp);
    const filled = await preview(page, async (api, [all, count, fields]) => {
      const started = performance.now();
      for (let row = 1; row <= count; row++) api.setFormula(`A${row}`, `=BINCK.QUOTE("${all[(row - 1) % all.length]}","${fields[Math.floor((row - 1) / all.length) % fields.length]}")`);
      const numbers = () => {
        let found = 0;
        for (let row = 1; row <= count; row++) if (typeof api.getValue(`A${row}`) === "number") found++;
        return found;
      };
      await api.waitFor(() => numbers() === count, 120_000).catch(() => undefined);
      return { ms: performance.now() - started, numbers: numbers() };
    }, [ids, CELLS_FOR_HEAP, FIELDS] as const);
    const after = await pageHeapMb(cdp);
    out(`preview    heap with ${CELLS_FOR_HEAP} =BINCK.QUOTE cells over ${ids.length} instruments (goal <= 60 MB): ${(after - before).toFixed(1)} MB over the ` +
      `${before.toFixed(1)} MB before (after GC, CDP Runtime.getHeapUsage); ${filled.numbers} cells showing numbers after ${filled.ms.toFixed(0)} ms`);
    await preview(page, (api) => api.clear());
  } finally {
    await browser.close();
    await world.close();
  }
}
