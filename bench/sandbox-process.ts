import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface SandboxProcess {
  urls: { login: string; api: string; realtime: string };
  pid: number;
  /** CPU seconds (user + system) the sandbox process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "..");

/** Runs the sandbox in its own process on the given base port (base, base+1, base+2), so its CPU is measured apart. */
export async function startSandboxProcess(basePort: number, env: Record<string, string> = {}): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "server", "sandbox", "main.ts")], {
    env: {
      ...process.env,
      SANDBOX_LOGIN_PORT: String(basePort),
      SANDBOX_API_PORT: String(basePort + 1),
      SANDBOX_REALTIME_PORT: String(basePort + 2),
      BINCK_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The sandbox did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Binck sandbox running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The sandbox exited with ${code}:\n${output}`));
    });
  });
  const pid = child.pid!;
  // tsx runs the script in a child node process: measure the whole tree.
  const treeCpu = () => cpuOfTree(pid);
  return {
    urls: {
      login: `https://localhost:${basePort}`,
      api: `https://localhost:${basePort + 1}`,
      realtime: `https://localhost:${basePort + 2}`,
    },
    pid,
    cpuSeconds: treeCpu,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function cpuOfTree(pid: number): number {
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
