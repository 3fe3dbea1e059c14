import { startBrokerWorld } from "../test/support/broker";
import { launchBrowser } from "../test/support/browser";
import { openWorkbook, preview } from "../test/support/browser-host";

/**
 * `NODE_EXTRA_CA_CERTS=.certs/ca.crt npx tsx bench/preview-grid.ts` (after a build): the preview workbook in
 * headless Chromium with 10,000 streaming cells of a test function added to functions.json. Prints the time from
 * setResult on every cell to the frame that shows them, and the cells written, against a tick of 1% of the cells
 * in the same run. Asserts nothing.
 */
const CELLS = Number(process.env.BENCH_CELLS ?? 10_000);
const COLUMNS = 4;

async function main(): Promise<void> {
  const world = await startBrokerWorld({ serveDist: true });
  const browser = await launchBrowser();
  try {
    const context = browser.context;
    await context.route("**/functions.json", async (route) => {
      const metadata = await (await route.fetch()).json();
      metadata.functions.push({ id: "TICK", name: "TICK", parameters: [{ name: "n", type: "number" }], result: { type: "number" }, options: { stream: true } });
      await route.fulfill({ json: metadata });
    });
    const { page, pane } = await openWorkbook(browser, world.broker.url, "Bench");
    await pane.evaluate(() => {
      const handles: Array<{ setResult(value: number): void }> = [];
      (window as unknown as Record<string, unknown>).benchHandles = handles;
      CustomFunctions.associate("TICK", ((n: number, invocation: { setResult(value: number): void }) => { handles.push(invocation); }) as never);
    });
    const setup = Date.now();
    await preview(page, (api, [cells, columns]) => {
      api.clear();
      for (let index = 0; index < cells; index++) {
        api.setFormula(`${"ABCD"[index % columns]}${Math.floor(index / columns) + 1}`, `=BINCK.TICK(${index})`);
      }
    }, [CELLS, COLUMNS] as const);
    const setupMs = Date.now() - setup;
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async () => Object.fromEntries(((await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> }).metrics.map((metric) => [metric.name, metric.value]));
    const tick = async (share: number, round: number) => {
      const before = await preview(page, (api) => api.renderedCells());
      const m0 = await metrics();
      const start = await page.evaluate(() => performance.now());
      await pane.evaluate(([step, value]) => {
        const handles = (window as unknown as { benchHandles: Array<{ setResult(value: number): void }> }).benchHandles;
        for (let index = 0; index < handles.length; index += step) handles[index].setResult(value + index);
      }, [Math.round(1 / share), round] as const);
      // Results are recalculated on the next frame and written on the one after.
      await preview(page, async (api) => { await api.nextFrame(); await api.nextFrame(); });
      const end = await page.evaluate(() => performance.now());
      const m1 = await metrics();
      const spent = (name: string) => ((m1[name] - m0[name]) * 1000).toFixed(0);
      const where = `script ${spent("ScriptDuration")} ms, style ${spent("RecalcStyleDuration")} ms, layout ${spent("LayoutDuration")} ms`;
      return { ms: end - start, written: (await preview(page, (api) => api.renderedCells())) - before, where };
    };
    const all = [];
    const few = [];
    for (let round = 1; round <= 5; round++) {
      all.push(await tick(1, round * 100_000));
      few.push(await tick(0.01, round * 100_000 + 50_000));
    }
    const median = (values: Array<{ ms: number; written: number; where: string }>) => [...values].sort((a, b) => a.ms - b.ms)[2];
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`${CELLS} streaming cells typed in ${setupMs} ms; median of 5 ticks, setResult to the frame that shows them:`);
    out(`  every cell: ${median(all).ms.toFixed(0)} ms, ${median(all).written} cells written (${(median(all).ms / median(few).ms).toFixed(1)} x a tick of 1%); ${median(all).where}`);
    out(`  1% of them: ${median(few).ms.toFixed(0)} ms, ${median(few).written} cells written; ${median(few).where}`);
  } finally {
    await browser.close();
    await world.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
