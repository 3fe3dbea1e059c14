import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface BenchChild {
  pid: number;
  /** CPU seconds (user + system) the process and its children have used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export const projectRoot = path.resolve(__dirname, "..");

/** Runs a TypeScript script with tsx in its own process (so its CPU is measured apart) until it prints `readyText`. */
export async function startScript(script: string, args: string[], env: Record<string, string>, readyText: string): Promise<BenchChild> {
  const child: ChildProcess = spawn(path.join(projectRoot, "node_modules", ".bin", "tsx"), [path.join(projectRoot, script), ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
  // After the start, anything it says (and an unexpected end) goes to stderr, so a crash mid-run is seen.
  child.stdout!.removeAllListeners("data");
  child.stderr!.removeAllListeners("data");
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${path.basename(script)}] ${chunk.toString()}`));
  child.removeAllListeners("exit");
  child.on("exit", (code, signal) => process.stderr.write(`[${path.basename(script)}] exited unexpectedly (${code ?? signal})\n`));
  const pid = child.pid!;
  return {
    pid,
    // tsx runs the script in a child node process: measure the whole tree.
    cpuSeconds: () => cpuOfTree(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** CPU seconds of a process and its descendants (Linux /proc). */
export function cpuOfTree(pid: number): number {
  const ticksPerSecond = 100;
  let total = 0;
  const visit = (current: number) => {
    try {
      const stat = readFileSync(`/proc/${current}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
      const children = readFileSync(`/proc/${current}/task/${current}/children`, "utf8").trim();
      for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return total;
}
