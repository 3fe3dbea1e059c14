import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { loadTlsMaterial, type TlsMaterial } from "../shared/tls";
import { createBrokerApp } from "./app";
import type { BrokerConfig } from "./config";
import { LoginStates } from "./login-states";
import { OrderRelay, type OrderRelayPolicy } from "./order-relay";
import { SessionRefresher } from "./session-refresher";
import { MemoryBrokerSessionStore, type BrokerSessionStore } from "./session-store";
import { BinckUpstream, type FetchLike } from "./upstream";

export interface RunningBroker {
  url: string;
  sessions: BrokerSessionStore;
  close(): Promise<void>;
}

export interface StartBrokerOptions {
  config: BrokerConfig;
  port?: number;
  host?: string;
  staticDir?: string;
  tls?: TlsMaterial;
  sessions?: BrokerSessionStore;
  fetch?: FetchLike;
  now?: () => number;
  orderRelay?: OrderRelayPolicy;
  log?: (level: "info" | "warn" | "error", message: string) => void;
}

/** Listens with the broker on HTTPS; port 0 picks a free port (tests). */
export async function startBroker(options: StartBrokerOptions): Promise<RunningBroker> {
  const now = options.now ?? Date.now;
  const sessions = options.sessions ?? new MemoryBrokerSessionStore(now);
  const upstream = new BinckUpstream(options.config, options.fetch);
  const log = options.log ?? (() => undefined);
  const app = createBrokerApp({
    config: options.config,
    upstream,
    sessions,
    logins: new LoginStates(now, options.config.loginTimeoutMs),
    refresher: new SessionRefresher(sessions, upstream, now, log),
    relay: new OrderRelay({ apiBase: options.config.endpoints.apiBase, fetch: options.fetch ?? fetch, now, log, policy: options.orderRelay }),
    now,
    log,
    staticDir: options.staticDir,
  });
  const server: Server = createServer(options.tls ?? loadTlsMaterial(), app);
  const host = options.host ?? "localhost";
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${options.port} is already in use: stop the other process or set ADDIN_PORT.`) : error));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  return {
    url: `https://${host}:${(server.address() as AddressInfo).port}`,
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
