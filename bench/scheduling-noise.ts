import { spawn } from "node:child_process";
import { PerformanceObserver, constants, monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/**
 * The latency floor the machine sets: how late (beyond its 1 ms) a 1 ms timer fires in a process that does nothing else (its own
 * process, so only the OS scheduler and the other processes delay it), and how long this process's event loop is
 * held up. On a shared 2-core machine a hub-to-setResult p99 cannot beat the first figure: a message that arrives
 * while the receiving process waits for a core waits with it.
 */
export interface NoiseFigures {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const IDLE_PROBE = `
const { monitorEventLoopDelay } = require("node:perf_hooks");
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
setInterval(() => {}, 1000);
process.stdin.on("data", (data) => {
  if (String(data).includes("reset")) return histogram.reset();
  const ms = (ns) => Math.max(0, ns / 1e6 - 1);
  process.stdout.write(JSON.stringify({ p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) }) + "\\n");
  process.exit(0);
});
process.stdout.write("ready\\n");
`;

export interface IdleProbe {
  /** Starts a window. */
  reset(): void;
  /** Ends the window and the probe: how late its 1 ms timer fired. */
  stop(): Promise<NoiseFigures>;
}

/** A separate Node process doing nothing but a 1 ms timer. */
export async function startIdleProbe(): Promise<IdleProbe> {
  const child = spawn(process.execPath, ["-e", IDLE_PROBE], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => output.includes("ready") && (clearInterval(check), resolve()), 5);
    child.once("exit", (code) => (clearInterval(check), reject(new Error(`The idle probe exited with ${code}`))));
  });
  return {
    reset: () => child.stdin.write("reset\n"),
    stop: () => new Promise<NoiseFigures>((resolve) => {
      const before = output.length;
      child.stdout.on("data", () => {
        const line = output.slice(before).split("\n").find((text) => text.startsWith("{"));
        if (line) resolve(JSON.parse(line) as NoiseFigures);
      });
      child.stdin.write("report\n");
    }),
  };
}

export interface OwnLoopFigures extends NoiseFigures {
  /** Garbage-collection pauses in the window: how many, their total and the longest, ms. */
  gcPauses: number;
  gcTotalMs: number;
  gcMaxMs: number;
  /** Of those, the full (mark-compact) collections. */
  gcMajor: number;
  gcMajorMs: number;
}

/** How long this process's event loop is held up (sampled every 1 ms), and its GC pauses, from now until `stop`. */
export function watchOwnLoop(): { stop(): OwnLoopFigures } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const pauses: Array<{ ms: number; major: boolean }> = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ ms: entry.duration, major: (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR });
  });
  gc.observe({ entryTypes: ["gc"] });
  return {
    stop: () => {
      histogram.disable();
      gc.disconnect();
      const ms = (ns: number) => Math.max(0, ns / 1e6 - 1);
      return {
        p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max),
        gcPauses: pauses.length, gcTotalMs: pauses.reduce((sum, pause) => sum + pause.ms, 0), gcMaxMs: Math.max(0, ...pauses.map((pause) => pause.ms)),
        gcMajor: pauses.filter((pause) => pause.major).length, gcMajorMs: pauses.filter((pause) => pause.major).reduce((sum, pause) => sum + pause.ms, 0),
      };
    },
  };
}
