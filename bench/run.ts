import { ensureCertificates } from "../server/shared/tls";
import { printBundleSizes } from "./bundle-size";
import { measureClientCeiling } from "./client-ceiling";
import { measureHubPush } from "./hub-push";
import { measureMarketTick } from "./market-tick";
import { printPipeline } from "./pipeline-report";
import { printPreview } from "./preview-report";
import { measureRest } from "./rest-rate";
import { startSandboxProcess } from "./sandbox-process";

/**
 * `npm run bench`: the market tick, the hub push rate to 1 client watching 3,000 instruments (with the same
 * client fed by a bare sender as baseline), to 1 and to 50 clients, and REST requests per second, against a sandbox in its own
 * process; the add-in's live-prices pipeline in Node (bench/pipeline-report.ts) and in the preview in Chromium
 * (bench/preview-report.ts); the bundle sizes. BENCH_ONLY picks parts (comma-separated). Prints figures; asserts nothing. Needs NODE_EXTRA_CA_CERTS=.certs/ca.crt (the npm script sets it).
 */
const SEED = 20210630;
const WATCHED = 3000;

async function main(): Promise<void> {
  ensureCertificates();
  const ticksPerSecond = Number(process.env.BENCH_TICKS_PER_SECOND ?? 10);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const basePort = Number(process.env.BENCH_BASE_PORT ?? 4101);
  const parts = new Set((process.env.BENCH_ONLY ?? "").split(",").filter(Boolean));
  const wanted = (part: string) => parts.size === 0 || parts.has(part);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  if (wanted("tick")) {
    const tick = measureMarketTick(WATCHED, ticksPerSecond, SEED);
    out(`market tick  ${tick.instruments} watched instruments: ${tick.msPerTick.toFixed(2)} ms per tick (${tick.itemsPerTick.toFixed(0)} items), ` +
      `${(tick.msPerTick / tick.serializeMsPerTick).toFixed(2)}x the time JSON.stringify takes for the tick's batches (${tick.serializeMsPerTick.toFixed(2)} ms); ` +
      `stepTicks ${tick.stepTicksNs.toFixed(0)} ns vs ${tick.stringStepTicksNs.toFixed(0)} ns string-based (${(tick.stringStepTicksNs / tick.stepTicksNs).toFixed(1)}x faster)`);
  }
  if (wanted("bundle")) printBundleSizes(out);
  if (wanted("hub") || wanted("rest") || wanted("pipeline")) await againstSandboxProcess(basePort, ticksPerSecond, seconds, wanted, out);
  if (wanted("preview")) await printPreview(seconds, out);
}

async function againstSandboxProcess(basePort: number, ticksPerSecond: number, seconds: number, wanted: (part: string) => boolean, out: (line: string) => void): Promise<void> {
  const pct = (value: number) => `${value.toFixed(0)}%`;

  const sandbox = await startSandboxProcess(basePort, {
    SANDBOX_TICKS_PER_SECOND: String(ticksPerSecond),
    SANDBOX_REQUESTS_PER_MINUTE: "100000000",
    SANDBOX_SEED: String(SEED),
  });
  try {
    out(`Sandbox pid ${sandbox.pid}; ${ticksPerSecond} ticks per second per watched instrument; ${seconds} s per run.`);
    if (wanted("pipeline")) await printPipeline(sandbox, seconds, out);
    if (wanted("hub")) {
      const ceiling = await measureClientCeiling(basePort + 3, WATCHED, ticksPerSecond, seconds);
      out(`baseline     1 client, recorded frames of ${WATCHED} instruments from a bare sender: ${ceiling.itemsPerSecond.toFixed(0)} quote items/s ` +
        `(the same client's receive rate when the sender costs next to nothing); client CPU ${pct(ceiling.clientCpuPercent)}, sender CPU ${pct(ceiling.serverCpuPercent)}`);
      const perItem = (cpuPercent: number, itemsPerSecond: number) => cpuPercent / (itemsPerSecond / 1000);
      for (const [clients, instruments] of [[1, WATCHED], [1, 500], [50, 100]] as const) {
        const figures = await measureHubPush(sandbox, clients, instruments, seconds);
        out(`hub push   ${String(figures.clients).padStart(2)} client(s) x ${figures.instrumentsPerClient} instruments (Book): ` +
          `${figures.messagesPerSecond.toFixed(0)} Quote messages/s, ${figures.itemsPerSecond.toFixed(0)} quote items/s received in total ` +
          `(${((figures.itemsPerSecond / figures.clients / ceiling.itemsPerSecond) * 100).toFixed(0)}% of the baseline per client); ` +
          `client CPU ${pct(figures.clientCpuPercent)}, server CPU ${pct(figures.serverCpuPercent)} of one core ` +
          `(${(perItem(figures.serverCpuPercent, figures.itemsPerSecond) / perItem(ceiling.serverCpuPercent, ceiling.itemsPerSecond)).toFixed(1)}x the bare sender's CPU per item)`);
      }
    }
    if (wanted("rest")) {
      const response = await fetch(`${sandbox.urls.api}/_sandbox/sessions`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "jansen" }),
      });
      const { access_token } = (await response.json()) as { access_token: string };
      for (const concurrency of [1, 16]) {
        const rest = await measureRest(sandbox, "/api/v1/accounts/190126781/positions", access_token, concurrency, seconds);
        out(`REST       GET ${rest.path}, ${rest.concurrency} in flight: ${rest.requestsPerSecond.toFixed(0)} requests/s, ` +
          `p50 ${rest.p50Ms.toFixed(1)} ms, p99 ${rest.p99Ms.toFixed(1)} ms, ${rest.errors} errors; server CPU ${pct(rest.serverCpuPercent)}`);
      }
    }
  } finally {
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
