import { ensureCertificates } from "../server/shared/tls";
import { measureHubPush } from "./hub-push";
import { measureRest } from "./rest-rate";
import { startSandboxProcess } from "./sandbox-process";

/**
 * `npm run bench`: hub push rate to 1 and to 50 clients, and REST requests per second on a typical endpoint,
 * against a sandbox in its own process. Prints figures; asserts nothing.
 * Needs NODE_EXTRA_CA_CERTS=.certs/ca.crt (the npm script sets it).
 */
async function main(): Promise<void> {
  ensureCertificates();
  const ticksPerSecond = Number(process.env.BENCH_TICKS_PER_SECOND ?? 10);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const sandbox = await startSandboxProcess(Number(process.env.BENCH_BASE_PORT ?? 4101), {
    SANDBOX_TICKS_PER_SECOND: String(ticksPerSecond),
    SANDBOX_REQUESTS_PER_MINUTE: "100000000",
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    out(`Sandbox pid ${sandbox.pid}; ${ticksPerSecond} ticks per second per watched instrument; ${seconds} s per run.`);
    for (const [clients, instruments] of [[1, 500], [50, 100]] as const) {
      const figures = await measureHubPush(sandbox, clients, instruments, seconds);
      out(`hub push   ${String(figures.clients).padStart(2)} client(s) x ${figures.instrumentsPerClient} instruments (Book): ` +
        `${figures.messagesPerSecond.toFixed(0)} Quote messages/s, ${figures.itemsPerSecond.toFixed(0)} quote items/s received in total; ` +
        `client CPU ${figures.clientCpuPercent.toFixed(0)}%, server CPU ${figures.serverCpuPercent.toFixed(0)}%`);
    }
    const response = await fetch(`${sandbox.urls.api}/_sandbox/sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "jansen" }),
    });
    const { access_token } = (await response.json()) as { access_token: string };
    for (const concurrency of [1, 16]) {
      const rest = await measureRest(sandbox, "/api/v1/accounts/190126781/positions", access_token, concurrency, seconds);
      out(`REST       GET ${rest.path}, ${rest.concurrency} in flight: ${rest.requestsPerSecond.toFixed(0)} requests/s, ` +
        `p50 ${rest.p50Ms.toFixed(1)} ms, p99 ${rest.p99Ms.toFixed(1)} ms, ${rest.errors} errors; server CPU ${rest.serverCpuPercent.toFixed(0)}%`);
    }
  } finally {
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
