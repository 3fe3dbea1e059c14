import path from "node:path";
import type { SandboxOptions } from "./options";
import type { SandboxPorts } from "./index";

/** Reads sandbox settings from the environment (README: "Configuration"). Bad values stop the start with a clear message. */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<SandboxOptions> {
  const options: Partial<SandboxOptions> = {};
  const number = (name: string, min: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`${name}='${raw}' must be a number of at least ${min}.`);
    return value;
  };
  const seconds = (name: string) => {
    const value = number(name, 1);
    return value === undefined ? undefined : value * 1000;
  };
  const set = <K extends keyof SandboxOptions>(key: K, value: SandboxOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set("seed", number("SANDBOX_SEED", 0));
  set("ticksPerSecond", number("SANDBOX_TICKS_PER_SECOND", 0));
  set("accessTokenLifetimeMs", seconds("SANDBOX_ACCESS_TOKEN_SECONDS"));
  set("idleTimeoutMs", seconds("SANDBOX_IDLE_TIMEOUT_SECONDS"));
  set("refreshChainMs", seconds("SANDBOX_REFRESH_CHAIN_SECONDS"));
  set("authorizationCodeLifetimeMs", seconds("SANDBOX_AUTH_CODE_SECONDS"));
  set("requestsPerWindow", number("SANDBOX_REQUESTS_PER_MINUTE", 1));
  const dataDir = env.SANDBOX_DATA_DIR || path.resolve(__dirname, "..", "..", ".data", "sandbox");
  options.dataDir = dataDir;
  options.clientsFile = env.SANDBOX_CLIENTS_FILE || path.join(dataDir, "clients.json");
  if (env.ADDIN_ORIGIN) options.addinOrigin = env.ADDIN_ORIGIN.replace(/\/+$/, "");
  if (env.SANDBOX_CORS_ORIGINS) options.corsOrigins = env.SANDBOX_CORS_ORIGINS.split(",").map((origin) => origin.trim());
  return options;
}

export function sandboxPortsFromEnv(env: NodeJS.ProcessEnv): SandboxPorts {
  const port = (name: string, fallback: number) => {
    const raw = env[name];
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name}='${raw}' is not a port number.`);
    return value;
  };
  return { login: port("SANDBOX_LOGIN_PORT", 3001), api: port("SANDBOX_API_PORT", 3002), realtime: port("SANDBOX_REALTIME_PORT", 3003) };
}
