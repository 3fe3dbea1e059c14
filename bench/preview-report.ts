import { writeFileSync } from "node:fs";
import path from "node:path";
import { startBrokerWorld } from "../test/support/broker";
import type { Page } from "playwright-core";
import { launchBrowser } from "../test/support/browser";
import { openWorkbook, preview, signInThroughPopup } from "../test/support/browser-host";
import { percentile, pipelineInputs } from "./pipeline";
import { LATENCY_PROBE, recordLatencies } from "./preview-latency";
import { DEFINE_NAME_HELPER, measureBarePage, measurePage, pageHeapMb, QuoteItemCounter } from "./preview-live";

const FORMULAS = 1000;
const INSTRUMENTS = 3000;
const CELLS_FOR_HEAP = 10_000;
const FIELDS = ["lst", "bid", "ask"];

/**
 * issue 6 part 6, in headless Chromium: the built add-in (dist/, build it first) in the preview workbook, signed
 * in through the pop-up, against a sandbox and broker in this process. BENCH_PROFILE_DIR=dir writes CPU profiles of
 * the page during the 1,000 formulas and the QUOTES window there (read it with bench/cpu-profile-summary.ts).
 */
export async function printPreview(seconds: number, out: (line: string) => void): Promise<void> {
  const world = await startBrokerWorld({ serveDist: true, sandbox: { ticksPerSecond: Number(process.env.BENCH_TICKS_PER_SECOND ?? 10) } });
  const browser = await launchBrowser();
  await browser.context.addInitScript(DEFINE_NAME_HELPER);
  await browser.context.addInitScript(LATENCY_PROBE);
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

    const alone = await quoteLatencies(page, ids.slice(0, FORMULAS), seconds);
    await preview(page, (api) => api.clear());
    out(`preview    ${FORMULAS} =BINCK.QUOTE(id,"lst"), hub send (sdt) → setResult in the page, for setResults made as a frame arrives (not those the 250 ms window holds back): ` +
      `${latencyFigures(alone, "setResults")} (goal p99 <= 10 ms); blank page (3,000 instruments at Book level), hub send → handler: ${latencyFigures(bare.latenciesMs, "messages")}`);

    // Items/s through the whole add-in: one =BINCK.QUOTES spill over 3,000 ids at Book level (bid2 is a Book field).
    const before = await pageHeapMb(cdp);
    await preview(page, (api, all) => {
      all.forEach((id, index) => api.setFormula(`A${index + 1}`, id));
      api.setFormula("B1", `=BINCK.QUOTES(A1:A${all.length},"lst,bid,ask,bid2,ask2")`);
      return api.waitFor(() => api.spillRange("B1") === `B1:F${all.length}` && typeof api.getValue("B1") === "number", 120_000);
    }, ids);
    if (profileDir) await cdp.send("Profiler.start");
    const spill = await measurePage(page, counter, seconds, true);
    if (profileDir) writeFileSync(path.join(profileDir, "preview-quotes-spill.cpuprofile"), JSON.stringify((await cdp.send("Profiler.stop")).profile));
    out(`preview    =BINCK.QUOTES over ${ids.length} ids (Book level): ${spill.itemsPerSecond.toFixed(0)} items/s arriving = ` +
      `${(spill.itemsPerSecond / bare.itemsPerSecond).toFixed(2)}x the blank page; ${spill.recalcsPerSecond.toFixed(1)} recalculations/s; Chromium CPU ${pct(spill.chromiumCpuPercent)} of one core`);

    const withSpill = await quoteLatencies(page, ids.slice(0, FORMULAS), seconds);
    out(`preview    the same spill recalculating beside ${FORMULAS} =BINCK.QUOTE(id,"lst") (one thread for the add-in and the preview's grid): hub send (sdt) → setResult ${latencyFigures(withSpill, "setResults")}`);

    // 5. Heap with 3,000 subscriptions and 10,000 streaming cells: the spill cut to 3 fields (9,000 cells) and
    // 1,000 QUOTE formulas. (Typing 10,000 formulas one by one takes minutes: the preview saves the whole
    // workbook on every typed cell.)
    const filled = await preview(page, async (api, [some, count]) => {
      const started = performance.now();
      api.setFormula("B1", `=BINCK.QUOTES(A1:A${count.instruments},"lst,bid,ask")`);
      some.forEach((id, index) => api.setFormula(`H${index + 1}`, `=BINCK.QUOTE("${id}","bid")`));
      const numbers = () => some.filter((_, index) => typeof api.getValue(`H${index + 1}`) === "number").length;
      // Some instruments have had no bid (indices have no book): done when the count has not grown for 5 s.
      let seen = "";
      let grewAt = started;
      const done = () => {
        const now = numbers();
        const spilled = api.spillRange("B1") === `B1:D${count.instruments}`;
        if (`${now} ${spilled}` !== seen) [seen, grewAt] = [`${now} ${spilled}`, performance.now()];
        return spilled && now === some.length;
      };
      for (;;) {
        const finished = await api.waitFor(done, 5000).then(() => true, () => false);
        if (finished || performance.now() - grewAt >= 5000 || performance.now() - started > 120_000) break;
      }
      return { ms: grewAt - started, numbers: numbers(), spill: api.spillRange("B1") };
    }, [ids.slice(0, CELLS_FOR_HEAP - ids.length * FIELDS.length), { instruments: ids.length }] as const);
    const after = await pageHeapMb(cdp);
    out(`preview    heap with ${ids.length} subscriptions and ${CELLS_FOR_HEAP} streaming cells (QUOTES spill ${filled.spill} + ${CELLS_FOR_HEAP - ids.length * FIELDS.length} QUOTE cells, ` +
      `${filled.numbers} of them numbers after ${filled.ms.toFixed(0)} ms (the others: a bid the instrument has not had yet); goal <= 60 MB): ${(after - before).toFixed(1)} MB over the ${before.toFixed(1)} MB of the empty sheet ` +
      `(after GC, CDP Runtime.getHeapUsage, the ${ids.length} id cells included)`);
    await preview(page, (api) => api.clear());
  } finally {
    await browser.close();
    await world.close();
  }
}

/** Hub send → setResult in the page for 1,000 =BINCK.QUOTE(id,"lst") in column H, over `seconds` (preview-latency.ts). */
async function quoteLatencies(page: Page, ids: readonly string[], seconds: number): Promise<number[]> {
  await preview(page, (api, some) => {
    some.forEach((id, index) => api.setFormula(`H${index + 1}`, `=BINCK.QUOTE("${id}","lst")`));
    return api.waitFor(() => some.every((_, index) => typeof api.getValue(`H${index + 1}`) === "number"), 120_000);
  }, [...ids]);
  await recordLatencies(page, true);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return recordLatencies(page, false);
}

function latencyFigures(values: readonly number[], unit: string): string {
  const ms = (share: number) => `${percentile(values, share).toFixed(0)} ms`;
  return `p50 ${ms(0.5)}, p99 ${ms(0.99)}, max ${ms(1)} over ${values.length} ${unit}`;
}
