import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type express from "express";
import { systemClock, type Clock } from "../../src/core/clock";
import { loadTlsMaterial, type TlsMaterial } from "../shared/tls";
import { createAuthApp } from "./auth/app";
import { MAX_PASSWORD_FAILURES, PASSWORD_LOCKOUT_MS } from "./auth/auth-policy";
import { PasswordLockout } from "./auth/password-lockout";
import { SessionStore } from "./auth/session-store";
import type { SandboxContext } from "./context";
import { Faults } from "./control/faults";
import { CONTROL_BASE_PATH, createControlRouter } from "./control/routes";
import { SandboxEvents } from "./events";
import { silentLogger, type Logger } from "../shared/logger";
import type { Market } from "./market/market";
import { NewsDesk } from "./market/news-desk";
import { SimulatedMarket } from "./market/simulated-market";
import { defaultSandboxOptions, type SandboxOptions } from "./options";
import type { RealtimeOptions } from "./realtime/realtime-options";
import { createRealtimeServer, type RealtimeServer } from "./realtime/server";
import { createApiApp } from "./rest/app";
import { Trading } from "./trading/trading";

export interface Sandbox {
  readonly ctx: SandboxContext;
  readonly authApp: express.Express;
  readonly apiApp: express.Express;
  readonly realtime: RealtimeServer;
  /** Back to the seeded start: market, orders, news, faults; every session ends. */
  reset(): void;
  /** Tells the sandbox where it listens (its own origins, which its control surface answers). */
  setOwnOrigins(origins: readonly string[]): void;
  stop(): void;
}

export interface CreateSandboxOptions extends Partial<SandboxOptions> {
  clock?: Clock;
  logger?: Logger;
  /** Another market than the simulator (tests drive a hand-moved one). */
  market?: Market;
  /** Hub timings and limits (keep-alive, client timeout, backpressure); defaults are ASP.NET's. */
  realtime?: Partial<RealtimeOptions>;
}

/** Builds the whole sandbox without listening anywhere. */
export function createSandbox(overrides: CreateSandboxOptions = {}): Sandbox {
  const { clock = systemClock, logger = silentLogger, market: givenMarket, realtime: realtimeOptions, ...rest } = overrides;
  const options: SandboxOptions = { ...defaultSandboxOptions, ...rest };
  const events = new SandboxEvents();
  const market = givenMarket ?? new SimulatedMarket({ clock, seed: options.seed, ticksPerSecond: options.ticksPerSecond });
  const ctx: SandboxContext = {
    clock,
    options,
    logger,
    events,
    market,
    sessions: new SessionStore(clock, options, events),
    lockout: new PasswordLockout(clock, MAX_PASSWORD_FAILURES, PASSWORD_LOCKOUT_MS),
    news: new NewsDesk({ clock, seed: options.seed, events, market }),
    trading: new Trading({ clock, market, events, logger }),
    faults: new Faults(),
  };
  const reset = () => {
    ctx.sessions.endAll("reset");
    ctx.faults.reset();
    ctx.market.reset();
    ctx.trading.reset();
    ctx.news.reset();
    ctx.events.emit("reset", {});
  };
  let ownOrigins: readonly string[] = [];
  const apiApp = createApiApp(ctx, (app) => app.use(CONTROL_BASE_PATH, createControlRouter(ctx, { reset, ownOrigins: () => ownOrigins })));
  const realtime = createRealtimeServer(ctx, realtimeOptions);
  return {
    ctx,
    authApp: createAuthApp(ctx),
    apiApp,
    realtime,
    reset,
    setOwnOrigins(origins) {
      ownOrigins = [...origins];
    },
    stop() {
      realtime.close();
      ctx.trading.stop();
      ctx.news.stop();
      ctx.market.stop();
    },
  };
}

export interface SandboxPorts {
  login: number;
  api: number;
  realtime: number;
}

export interface RunningSandbox {
  readonly sandbox: Sandbox;
  readonly urls: { login: string; api: string; realtime: string };
  close(): Promise<void>;
}

/** Starts the three HTTPS origins. Port 0 picks a free port (tests); main uses 3001-3003. */
export async function startSandbox(
  options: CreateSandboxOptions & { ports?: Partial<SandboxPorts>; host?: string; tls?: TlsMaterial } = {},
): Promise<RunningSandbox> {
  const { ports = {}, host = "localhost", tls = loadTlsMaterial(), ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  const login = createServer(tls, sandbox.authApp);
  const api = createServer(tls, sandbox.apiApp);
  const realtime = createServer(tls, (request, response) => sandbox.realtime.handleRequest(request, response));
  realtime.on("upgrade", (request, socket, head) => sandbox.realtime.handleUpgrade(request, socket, head));
  const servers = [login, api, realtime];
  try {
    await listen(login, ports.login ?? 0, host);
    await listen(api, ports.api ?? 0, host);
    await listen(realtime, ports.realtime ?? 0, host);
  } catch (error) {
    await Promise.all(servers.map((server) => closeServer(server)));
    sandbox.stop();
    throw error;
  }
  const url = (server: Server) => `https://${host}:${(server.address() as AddressInfo).port}`;
  const urls = { login: url(login), api: url(api), realtime: url(realtime) };
  sandbox.setOwnOrigins(Object.values(urls));
  return {
    sandbox,
    urls,
    async close() {
      sandbox.stop();
      await Promise.all(servers.map((server) => closeServer(server)));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${port} on ${host} is already in use: stop the other process or choose another port.`) : error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Idle keep-alive connections, and any a client opened just before close, must not hold the close up.
    server.closeAllConnections();
    setImmediate(() => server.closeAllConnections());
  });
}
