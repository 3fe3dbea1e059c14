import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection, type ILogger } from "@microsoft/signalr";
import type { Market, SandboxInstrument } from "../../server/sandbox/market/market";
import type { NewsMessage, OrderEventMessage } from "../../src/core/wire/realtime";
import type { FakeMarket } from "../fakes/fake-market";
import type { TestSandbox } from "../support/sandbox";

/** Seeded accounts (server/sandbox/seed/people.ts) the realtime tests subscribe with. */
export const JANSEN_TRADING = "190126781";
export const JANSEN_SAVINGS = "190126799";
export const PEETERS_BE = "270055410";
export const PEETERS_NL = "190277315";

/** An order event as ctx.events "order" carries it (API.md 5.3). */
export function orderEvent(accountNumber: string, number: number, status = "placed"): OrderEventMessage {
  return { accountNumber, number, instrument: { id: "aSm1L" }, status, limitPrice: 598.5, type: "limit", dt: "2026-01-05T09:02:10Z" };
}

/** A news message as ctx.events "news" carries it (API.md 5.3). */
export function news(head: string): NewsMessage {
  return { cul: "nl-NL", dt: "2026-01-05T09:00:00Z", head, body: "<p>…</p>", fmt: "html", iids: ["aSm1L"] };
}

/** Log lines of the official client, kept instead of printed. */
export class RecordingLogger implements ILogger {
  readonly lines: string[] = [];
  log(level: LogLevel, message: string): void {
    if (level >= LogLevel.Information) this.lines.push(`${LogLevel[level]}: ${message}`);
  }
}

export interface ClientOptions {
  /** Automatic reconnect delays; none: no automatic reconnect. */
  reconnectDelaysMs?: number[];
  tokenFactory?: () => string;
  query?: string;
  logger?: RecordingLogger;
  /** WebSockets unless told (ServerSentEvents, LongPolling). */
  transport?: HttpTransportType;
}

/** The official @microsoft/signalr client, over WebSockets unless told otherwise, as the add-in builds it (API.md 5.1). */
export function buildHubClient(sandbox: TestSandbox, token: string, options: ClientOptions = {}): HubConnection {
  let builder = new HubConnectionBuilder()
    .withUrl(`${sandbox.urls.realtime}/stream/v1${options.query ?? ""}`, {
      accessTokenFactory: options.tokenFactory ?? (() => token),
      transport: options.transport ?? HttpTransportType.WebSockets,
    })
    .configureLogging(options.logger ?? new RecordingLogger());
  if (options.reconnectDelaysMs) builder = builder.withAutomaticReconnect(options.reconnectDelaysMs);
  return builder.build();
}

export async function connectHub(sandbox: TestSandbox, token: string, options: ClientOptions = {}): Promise<HubConnection> {
  const connection = buildHubClient(sandbox, token, options);
  await connection.start();
  return connection;
}

/** Everything one event delivered, with a way to wait for the n-th message. */
export class EventRecorder<T = any> {
  readonly received: T[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(connection: HubConnection, event: string) {
    connection.on(event, (payload: T) => {
      this.received.push(payload);
      this.waiters = this.waiters.filter((waiter) => {
        if (this.received.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  /** Resolves once `count` messages in total have arrived; rejects after `timeoutMs`. */
  async waitForCount(count: number, timeoutMs = 5000): Promise<T[]> {
    if (this.received.length < count) {
      await withTimeout(new Promise<void>((resolve) => this.waiters.push({ count, resolve })), timeoutMs, `${count} messages (got ${this.received.length})`);
    }
    return this.received.slice(0, count);
  }

  clear(): void {
    this.received.length = 0;
  }
}

/** The error the client's onclose reports. */
export function closed(connection: HubConnection, timeoutMs = 5000): Promise<Error | undefined> {
  return withTimeout(new Promise((resolve) => connection.onclose((error) => resolve(error))), timeoutMs, "onclose");
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)), timeoutMs);
    }),
  ]);
}

/** Waits until `condition` holds, checking after each turn of the event loop (no fixed sleeps). */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A market with thousands of extra quotable ids `x0`, `x1`, … (no prices) beside FakeMarket's instruments. */
export function widenMarket(base: FakeMarket): Market {
  const extra = (id: string): SandboxInstrument | undefined =>
    /^x\d+$/.test(id) ? { model: { ...base.instruments[0].model, id }, lists: [], quotable: true } : undefined;
  return Object.assign(Object.create(base) as Market, {
    catalogue: { ...base.catalogue, get: (id: string) => base.catalogue.get(id) ?? extra(id) },
  });
}

/** What the client's onreconnecting and onreconnected report next. */
export function reconnectEvents(connection: HubConnection): { reconnecting: Promise<Error | undefined>; reconnected: Promise<string | undefined> } {
  return {
    reconnecting: new Promise((resolve) => connection.onreconnecting(resolve)),
    reconnected: new Promise((resolve) => connection.onreconnected(resolve)),
  };
}

/** Ends the session of `accessToken` as a sign-out does. */
export function signOutSession(sandbox: TestSandbox, accessToken: string): void {
  const auth = sandbox.sandbox.ctx.sessions.authenticate(accessToken, false);
  if (!auth.ok) throw new Error("the fresh token should work");
  sandbox.sandbox.ctx.sessions.endSession(auth.session.id, "signedOut");
}

/** Refreshes through the session store, as the control client; returns the new tokens. */
export function refreshTokens(sandbox: TestSandbox, refreshToken: string) {
  const result = sandbox.sandbox.ctx.sessions.refresh(refreshToken, "sandbox-control", "bincknlapi");
  if (!result.ok) throw new Error(result.description);
  return result.tokens;
}
