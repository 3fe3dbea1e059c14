import { randomBytes } from "node:crypto";
import path from "node:path";
import { PROFILES, type BrokerConfig } from "../../server/broker/config";
import { startBroker, type RunningBroker, type StartBrokerOptions } from "../../server/broker";
import { MemoryBrokerSessionStore, type BrokerSessionStore } from "../../server/broker/session-store";
import type { CreateSandboxOptions } from "../../server/sandbox";
import type { SignInMessage } from "../../src/core/wire/broker";
import { freePort } from "./free-port";
import { startTestSandbox, type TestSandbox } from "./sandbox";

/** The sign-in result the broker's last dialog page carries as inert JSON (null when the page has none). */
export function signInResultOf(html: string): SignInMessage | null {
  const json = /<script id="binck-sign-in-result" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? "null") as SignInMessage | null;
}

export interface BrokerWorld {
  sandbox: TestSandbox;
  broker: RunningBroker;
  config: BrokerConfig;
  /** Every upstream call the broker made, as "METHOD path". */
  upstreamCalls: string[];
  /** Every refresh token the broker stored: none may ever reach a browser or a response. */
  refreshTokens: string[];
  /** Every line the broker logged. */
  logLines: string[];
  close(): Promise<void>;
}

/** A sandbox and a broker registered with it as an OAuth client, both on free ports. */
export async function startBrokerWorld(options: {
  sandbox?: CreateSandboxOptions;
  broker?: Partial<StartBrokerOptions>;
  config?: Partial<BrokerConfig>;
  serveDist?: boolean;
} = {}): Promise<BrokerWorld> {
  const port = await freePort();
  const origin = `https://localhost:${port}`;
  const clientSecret = `test-secret-${randomBytes(16).toString("hex")}`;
  const client = { clientId: "broker-test-client", clientSecret, redirectUris: [`${origin}/auth/callback`], scopes: ["read", "write", "news", "quotes"] as const };
  const sandbox = await startTestSandbox({ ...options.sandbox, extraClients: [{ ...client, scopes: [...client.scopes] }] });
  const config: BrokerConfig = {
    environment: "local",
    environmentDescription: PROFILES.local.description,
    endpoints: { loginBase: `${sandbox.urls.login}/am/oauth2/`, apiBase: `${sandbox.urls.api}/api/v1`, realtimeUrl: `${sandbox.urls.realtime}/stream/v1` },
    clientId: client.clientId,
    clientSecret,
    publicOrigin: origin,
    scopes: "read write news quotes",
    defaultRealm: "bincknlapi",
    loginTimeoutMs: 10 * 60_000,
    requestsPerMinute: 1000,
    ...options.config,
  };
  const upstreamCalls: string[] = [];
  const refreshTokens: string[] = [];
  const store = new MemoryBrokerSessionStore(options.broker?.now ?? Date.now);
  const sessions: BrokerSessionStore = {
    get: (handle) => store.get(handle),
    put: (handle, session) => {
      refreshTokens.push(session.refreshToken);
      return store.put(handle, session);
    },
    delete: (handle) => store.delete(handle),
  };
  const logLines: string[] = [];
  const broker = await startBroker({
    sessions,
    log: (level, message) => {
      logLines.push(`${level} ${message}`);
    },
    config,
    port,
    staticDir: options.serveDist ? path.resolve(__dirname, "..", "..", "dist") : undefined,
    fetch: (url, init) => {
      upstreamCalls.push(`${init?.method ?? "GET"} ${new URL(url).pathname}`);
      return fetch(url, init);
    },
    ...options.broker,
  });
  return {
    sandbox,
    broker,
    config,
    upstreamCalls,
    refreshTokens,
    logLines,
    async close() {
      await broker.close();
      await sandbox.close();
    },
  };
}
