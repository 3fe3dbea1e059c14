import type { SandboxProcess } from "./sandbox-process";

export interface RestFigures {
  path: string;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  serverCpuPercent: number;
}

/** Closed-loop load: `concurrency` workers each send the next request as soon as the previous one answered. */
export async function measureRest(sandbox: SandboxProcess, path: string, accessToken: string, concurrency: number, seconds: number): Promise<RestFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const serverStart = sandbox.cpuSeconds();
  const started = Date.now();
  const worker = async () => {
    while (Date.now() < deadline) {
      const sent = performance.now();
      const response = await fetch(`${sandbox.urls.api}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return {
    path,
    concurrency,
    seconds: elapsed,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    errors,
    serverCpuPercent: ((sandbox.cpuSeconds() - serverStart) / elapsed) * 100,
  };
}
