import { startScript, type BenchChild } from "./child-process";

export interface SandboxProcess extends BenchChild {
  urls: { login: string; api: string; realtime: string };
}

/** Runs the sandbox in its own process on the given base port (base, base+1, base+2), so its CPU is measured apart. */
export async function startSandboxProcess(basePort: number, env: Record<string, string> = {}): Promise<SandboxProcess> {
  const child = await startScript("server/sandbox/main.ts", [], {
    SANDBOX_LOGIN_PORT: String(basePort),
    SANDBOX_API_PORT: String(basePort + 1),
    SANDBOX_REALTIME_PORT: String(basePort + 2),
    BINCK_LOG_LEVEL: "warn",
    ...env,
  }, "Binck sandbox running");
  return {
    ...child,
    urls: {
      login: `https://localhost:${basePort}`,
      api: `https://localhost:${basePort + 1}`,
      realtime: `https://localhost:${basePort + 2}`,
    },
  };
}
