import { cpus, loadavg } from "node:os";
import { heapMb, measureBareClient, measurePipeline, percentile, pipelineInputs, startPipeline } from "./pipeline";
import type { SandboxProcess } from "./sandbox-process";
import { measureLatencyApart } from "./latency-run";
import { startIdleProbe, watchOwnLoop, type NoiseFigures } from "./scheduling-noise";

const INSTRUMENTS = 3000;
const CELLS_FOR_HEAP = 10_000;

/**
 * issue 6 part 6, in Node: the live-prices pipeline (socket → quote state → cell → coalesced setResult) of one
 * client watching 3,000 instruments at Book level, against the same client's bare receive rate in the same run.
 */
export async function printPipeline(sandbox: SandboxProcess, seconds: number, out: (line: string) => void): Promise<void> {
  const { accessToken, ids } = await pipelineInputs(sandbox, INSTRUMENTS);
  const pct = (value: number) => `${value.toFixed(0)}%`;
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  const ms = (values: readonly number[], share: number) => `${percentile(values, share).toFixed(0)} ms`;

  const bare = await measureBareClient(sandbox, accessToken, ids, seconds);
  out(`pipeline   baseline: bare HubConnection counting Quote items, ${ids.length} instruments (Book): ${bare.itemsPerSecond.toFixed(0)} items/s; ` +
    `CPU ${pct(bare.cpuPercent)} of one core (sandbox ${pct(bare.serverCpuPercent)}), heap ${mb(bare.heapUsedMb)}; ` +
    `hub send (sdt) → handler p50 ${ms(bare.latenciesMs, 0.5)}, p99 ${ms(bare.latenciesMs, 0.99)}; ` +
    `${ids.length / 100} SubscribeQuotes calls answered in ${bare.subscribeMs} ms, every instrument quoted after ${bare.allQuotedMs} ms`);

  const coalesced = await startPipeline(sandbox, accessToken, ids, 250);
  try {
    out(`pipeline   subscribe ${ids.length} instruments (goal <= 1000 ms): ${coalesced.allValuesMs} ms from ${ids.length} BOOK cells created to every cell showing a value ` +
      `(${(coalesced.allValuesMs / bare.allQuotedMs).toFixed(2)}x the bare client's time to every first quote); ` +
      `${coalesced.subscribeCalls} SubscribeQuotes calls, the last answered after ${coalesced.subscribeAnsweredMs} ms`);
    const window = await measurePipeline(sandbox, coalesced.client, seconds);
    out(`pipeline   ${ids.length} BOOK cells, 250 ms coalescing: ${window.itemsPerSecond.toFixed(0)} items/s through socket → quote state → cell → setResult ` +
      `= ${(window.itemsPerSecond / bare.itemsPerSecond).toFixed(2)}x the bare client (goal >= 0.5); ${window.setResultsPerSecond.toFixed(0)} setResult/s; ` +
      `CPU ${pct(window.cpuPercent)} of one core (${(window.cpuPercent / bare.cpuPercent).toFixed(1)}x the bare client's; sandbox ${pct(window.serverCpuPercent)}), heap ${mb(window.heapUsedMb)}`);
  } finally {
    coalesced.client.stop();
  }

  const direct = await startPipeline(sandbox, accessToken, ids, 0);
  try {
    const idle = await startIdleProbe();
    const ownLoop = watchOwnLoop();
    const window = await measurePipeline(sandbox, direct.client, seconds);
    const noise = (figures: NoiseFigures) => `p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, max ${figures.maxMs.toFixed(0)} ms`;
    const latencies = direct.client.latenciesMs;
    const handler = direct.client.handlerMs;
    out(`pipeline   ${ids.length} BOOK cells, no coalescing window: hub send (sdt) → setResult p50 ${ms(latencies, 0.5)}, p99 ${ms(latencies, 0.99)} (goal p99 <= 10 ms), ` +
      `max ${ms(latencies, 1)} over ${latencies.length} setResults (bare client p50 ${ms(bare.latenciesMs, 0.5)}, p99 ${ms(bare.latenciesMs, 0.99)}); ` +
      `${window.itemsPerSecond.toFixed(0)} items/s = ${(window.itemsPerSecond / bare.itemsPerSecond).toFixed(2)}x the bare client; CPU ${pct(window.cpuPercent)} of one core (sandbox ${pct(window.serverCpuPercent)})`);
    const loop = ownLoop.stop();
    const fine = (values: readonly number[], share: number) => `${percentile(values, share).toFixed(2)} ms`;
    out(`pipeline   the pipeline's own share: Quote handler (state → cells → setResult) p50 ${fine(handler, 0.5)}, p99 ${fine(handler, 0.99)}, max ${fine(handler, 1)} per message over ${handler.length}; ` +
      `${loop.gcPauses} GC pauses, ${loop.gcTotalMs.toFixed(0)} ms in all (${loop.gcMajor} full ones, ${loop.gcMajorMs.toFixed(0)} ms), the longest ${loop.gcMaxMs.toFixed(1)} ms`);
    out(`pipeline   the machine's floor in that window: a 1 ms timer in an idle process fired late by ${noise(await idle.stop())}; ` +
      `this (the client's) event loop held up ${noise(loop)}; load average ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${cpus().length} cores`);
  } finally {
    direct.client.stop();
  }

  const bareApart = await measureLatencyApart("bare", sandbox, accessToken, ids, seconds);
  const apart = await measureLatencyApart("pipeline", sandbox, accessToken, ids, seconds);
  const gc = (figures: typeof apart) => `${figures.gcPauses} GC pauses, the longest ${figures.gcMaxMs.toFixed(1)} ms`;
  out(`pipeline   the same, each client alone in a fresh Node process (the functions runtime holds only the add-in): hub send (sdt) → setResult ` +
    `p50 ${apart.p50Ms} ms, p99 ${apart.p99Ms} ms (goal p99 <= 10 ms), max ${apart.maxMs} ms over ${apart.samples} setResults, ${apart.itemsPerSecond.toFixed(0)} items/s, ${gc(apart)}; ` +
    `bare client p50 ${bareApart.p50Ms} ms, p99 ${bareApart.p99Ms} ms, max ${bareApart.maxMs} ms, ${bareApart.itemsPerSecond.toFixed(0)} items/s, ${gc(bareApart)}`);

  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = heapMb();
  const big = await startPipeline(sandbox, accessToken, ids, 250, CELLS_FOR_HEAP - ids.length);
  try {
    const window = await measurePipeline(sandbox, big.client, Math.min(seconds, 5));
    const after = heapMb();
    out(`pipeline   heap with ${ids.length} subscriptions and ${big.client.cells} cells (goal <= 60 MB): ${mb(after - before)} over the ${mb(before)} before ` +
      `(after GC); ${big.client.cellsWithValues} cells showing values ${big.allValuesMs} ms after creation (the others: a field the instrument has not had yet); ${window.itemsPerSecond.toFixed(0)} items/s, ${window.setResultsPerSecond.toFixed(0)} setResult/s, CPU ${pct(window.cpuPercent)}`);
  } finally {
    big.client.stop();
  }
}
