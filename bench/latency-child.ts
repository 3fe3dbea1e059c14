import { cpuOfTree } from "./child-process";
import { measureBareClient, measurePipeline, percentile, startPipeline } from "./pipeline";
import type { SandboxProcess } from "./sandbox-process";
import { watchOwnLoop } from "./scheduling-noise";

/**
 * Run by bench/latency-run.ts in a Node process of its own: the hub-send → setResult latency of one client, with
 * nothing else in its heap, as the functions runtime holds only the add-in. LATENCY_MODE "bare" is the official
 * client counting Quote items; "pipeline" is the add-in's pipeline without the coalescing window. Prints one JSON line.
 */
export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  itemsPerSecond: number;
  cpuPercent: number;
  serverCpuPercent: number;
  /** The pipeline's own Quote handler, ms per message (pipeline only). */
  handlerP99Ms?: number;
  gcPauses: number;
  gcMaxMs: number;
  gcTotalMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

async function main(): Promise<void> {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set.`);
    return value;
  };
  const sandboxPid = Number(env("SANDBOX_PID"));
  const sandbox = { pid: sandboxPid, urls: JSON.parse(env("SANDBOX_URLS")), cpuSeconds: () => cpuOfTree(sandboxPid), stop: async () => undefined } as SandboxProcess;
  const accessToken = env("LATENCY_TOKEN");
  const ids = env("LATENCY_IDS").split(",");
  const seconds = Number(env("LATENCY_SECONDS"));
  let figures: LatencyFigures;
  if (env("LATENCY_MODE") === "bare") {
    const loop = watchOwnLoop();
    const bare = await measureBareClient(sandbox, accessToken, ids, seconds);
    figures = { ...latencies(bare.latenciesMs), itemsPerSecond: bare.itemsPerSecond, cpuPercent: bare.cpuPercent, serverCpuPercent: bare.serverCpuPercent, ...loopFigures(loop.stop()) };
  } else {
    const run = await startPipeline(sandbox, accessToken, ids, 0);
    try {
      const loop = watchOwnLoop();
      const window = await measurePipeline(sandbox, run.client, seconds);
      figures = {
        ...latencies(run.client.latenciesMs), itemsPerSecond: window.itemsPerSecond, cpuPercent: window.cpuPercent, serverCpuPercent: window.serverCpuPercent,
        handlerP99Ms: percentile(run.client.handlerMs, 0.99), ...loopFigures(loop.stop()),
      };
    } finally {
      run.client.stop();
    }
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function latencies(values: number[]): Pick<LatencyFigures, "p50Ms" | "p99Ms" | "maxMs" | "samples"> {
  return { p50Ms: percentile(values, 0.5), p99Ms: percentile(values, 0.99), maxMs: percentile(values, 1), samples: values.length };
}

function loopFigures(loop: ReturnType<ReturnType<typeof watchOwnLoop>["stop"]>): Pick<LatencyFigures, "gcPauses" | "gcMaxMs" | "gcTotalMs" | "loopP99Ms" | "loopMaxMs"> {
  return { gcPauses: loop.gcPauses, gcMaxMs: loop.gcMaxMs, gcTotalMs: loop.gcTotalMs, loopP99Ms: loop.p99Ms, loopMaxMs: loop.maxMs };
}

if (require.main === module) {
  main().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
