import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./child-process";
import type { LatencyFigures } from "./latency-child";
import type { SandboxProcess } from "./sandbox-process";

/** Runs bench/latency-child.ts in a fresh Node process against `sandbox` and returns what it measured. */
export function measureLatencyApart(mode: "bare" | "pipeline", sandbox: SandboxProcess, accessToken: string, ids: readonly string[], seconds: number): Promise<LatencyFigures> {
  const child = spawn(path.join(projectRoot, "node_modules", ".bin", "tsx"), [path.join(projectRoot, "bench", "latency-child.ts")], {
    env: {
      ...process.env,
      SANDBOX_PID: String(sandbox.pid), SANDBOX_URLS: JSON.stringify(sandbox.urls),
      LATENCY_MODE: mode, LATENCY_TOKEN: accessToken, LATENCY_IDS: ids.join(","), LATENCY_SECONDS: String(seconds),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const line = output.split("\n").find((text) => text.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as LatencyFigures);
      else reject(new Error(`The ${mode} latency run exited with ${code}:\n${output}${errors}`));
    });
  });
}
