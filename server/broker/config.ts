import { readFileSync } from "node:fs";
import path from "node:path";
import { isRealm, REALMS, type Realm } from "../../src/core/wire/auth";
import { ensureLocalClient } from "../shared/clients-file";

/** Where a Binck deployment lives. The original hosts are listed for completeness: Binck decommissioned them in 2021. */
export interface BinckEndpoints {
  /** Base of the OAuth server, ending in `/am/oauth2/`: `{loginBase}realms/{realm}/authorize`. */
  loginBase: string;
  apiBase: string;
  realtimeUrl: string;
}

/** The deployments BINCK_ENV names; `description` is shown to people (the taskpane's Environment line). */
export const PROFILES: Record<string, BinckEndpoints & { description: string }> = {
  local: {
    description: "Local sandbox (practice data)",
    loginBase: "https://localhost:3001/am/oauth2/",
    apiBase: "https://localhost:3002/api/v1",
    realtimeUrl: "https://localhost:3003/stream/v1",
  },
  sandbox: {
    description: "Binck test environment (closed since 2021)",
    loginBase: "https://login.sandbox.binck.com/am/oauth2/",
    apiBase: "https://api.sandbox.binck.com/api/v1",
    realtimeUrl: "https://realtime.sandbox.binck.com/stream/v1",
  },
  production: {
    description: "Binck live accounts (closed since 2021)",
    loginBase: "https://login.binck.com/am/oauth2/",
    apiBase: "https://api.binck.com/api/v1",
    realtimeUrl: "https://realtime.binck.com/stream/v1",
  },
};

export interface BrokerConfig {
  environment: string;
  environmentDescription: string;
  endpoints: BinckEndpoints;
  clientId: string;
  /** Held by the broker only: never logged, never sent to a browser. */
  clientSecret: string;
  /** The add-in's origin, which is also the broker's: the redirect URI and CORS derive from it. */
  publicOrigin: string;
  scopes: string;
  defaultRealm: Realm;
  /** How long a started sign-in may take before its `state` expires. */
  loginTimeoutMs: number;
  /** Requests per minute one client address may make to /auth. */
  requestsPerMinute: number;
}

export function redirectUri(config: BrokerConfig): string {
  return `${config.publicOrigin}/auth/callback`;
}

/** Reads the configuration from the environment (README: "Configuration"); bad values stop the start with a clear message. */
export function brokerConfigFromEnv(env: NodeJS.ProcessEnv): BrokerConfig {
  const environment = env.BINCK_ENV || "local";
  const profile = PROFILES[environment];
  if (!profile) throw new Error(`BINCK_ENV='${environment}' is not a profile; use one of ${Object.keys(PROFILES).join(", ")}.`);
  const endpoints: BinckEndpoints = {
    loginBase: withTrailingSlash(env.BINCK_LOGIN_URL || profile.loginBase),
    apiBase: (env.BINCK_API_URL || profile.apiBase).replace(/\/+$/, ""),
    realtimeUrl: env.BINCK_REALTIME_URL || profile.realtimeUrl,
  };
  for (const [name, url] of Object.entries(endpoints)) {
    if (!/^https:\/\//.test(url)) throw new Error(`The ${name} '${url}' must be an https URL.`);
  }
  const defaultRealm = env.BINCK_REALM || "bincknlapi";
  if (!isRealm(defaultRealm)) throw new Error(`BINCK_REALM='${defaultRealm}' is not one of ${REALMS.join(", ")}.`);
  const credentials = clientCredentials(env, environment);
  return {
    environment,
    environmentDescription: profile.description,
    endpoints,
    ...credentials,
    publicOrigin: (env.ADDIN_ORIGIN || "https://localhost:3000").replace(/\/+$/, ""),
    scopes: env.BINCK_SCOPES || "read write news quotes",
    defaultRealm,
    loginTimeoutMs: 10 * 60_000,
    requestsPerMinute: Number(env.BROKER_REQUESTS_PER_MINUTE || 120),
  };
}

function clientCredentials(env: NodeJS.ProcessEnv, environment: string): { clientId: string; clientSecret: string } {
  const secretFromEnv = env.BINCK_CLIENT_SECRET || (env.BINCK_CLIENT_SECRET_FILE ? readSecretFile(env.BINCK_CLIENT_SECRET_FILE) : "");
  if (env.BINCK_CLIENT_ID && secretFromEnv) return { clientId: env.BINCK_CLIENT_ID, clientSecret: secretFromEnv };
  if (environment !== "local") {
    throw new Error("BINCK_CLIENT_ID and BINCK_CLIENT_SECRET (or BINCK_CLIENT_SECRET_FILE) are required outside the local sandbox.");
  }
  // The local sandbox registers the add-in's client with a secret made on first use; read it from there.
  const dataDir = env.SANDBOX_DATA_DIR || path.resolve(__dirname, "..", "..", ".data", "sandbox");
  return ensureLocalClient(env.SANDBOX_CLIENTS_FILE || path.join(dataDir, "clients.json"));
}

function readSecretFile(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    throw new Error(`BINCK_CLIENT_SECRET_FILE ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? "error"}.`);
  }
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
