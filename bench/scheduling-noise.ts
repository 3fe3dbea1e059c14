import { spawn } from "node:child_process";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

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

/** How long this process's event loop is held up (sampled every 1 ms), from now until `stop`. */
export function watchOwnLoop(): { stop(): NoiseFigures } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  return {
    stop: () => {
      histogram.disable();
      const ms = (ns: number) => Math.max(0, ns / 1e6 - 1);
      return { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
    },
  };
}
