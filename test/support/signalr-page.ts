import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import type { CreateSandboxOptions } from "../../server/sandbox";
import type { Logger } from "../../server/shared/logger";
import { loadTlsMaterial } from "../../server/shared/tls";
import { FakeMarket } from "../fakes/fake-market";
import { launchBrowser } from "./browser";
import { startTestSandbox, type TestSandbox } from "./sandbox";

const SIGNALR_BUNDLE = path.resolve(__dirname, "../../node_modules/@microsoft/signalr/dist/browser/signalr.min.js");

/** The Binck hub's server → client events (API.md 5.3); the page records every one of them, in arrival order. */
export const HUB_EVENTS = ["Quote", "News", "OrderStatus", "OrderModified", "OrderExecution"] as const;
export type HubEventName = (typeof HUB_EVENTS)[number];

/**
 * A page that connects like the add-in's taskpane: official browser bundle, token through accessTokenFactory, and
 * the transport the client picks unless one is named. In a browser the Server-Sent Events request carries the token
 * as `access_token` (EventSource cannot send headers) and relies on CORS with credentials; long polls and POSTs send
 * `Authorization` and so are preflighted.
 *
 * `window.hubs[name]` holds one connection each: `messages` ({ event, payload } in arrival order) and `lifecycle`
 * ("reconnecting", "reconnected", "closed: <error message>"). Drive it from Node through PageHub.
 */
const PAGE = `<!doctype html><html><head><script src="/signalr.min.js"></script></head><body>
<script>
  window.hubs = {};
  window.openHub = async (name, hubUrl, token, settings) => {
    const options = { accessTokenFactory: () => token };
    if (settings.transport) options.transport = signalR.HttpTransportType[settings.transport];
    let builder = new signalR.HubConnectionBuilder().withUrl(hubUrl, options).configureLogging(signalR.LogLevel.None);
    if (settings.reconnect) builder = builder.withAutomaticReconnect([0, 100, 500]);
    const connection = builder.build();
    const hub = { connection, messages: [], lifecycle: [] };
    for (const event of ${JSON.stringify(HUB_EVENTS)}) connection.on(event, (payload) => { hub.messages.push({ event, payload }); });
    connection.onreconnecting(() => { hub.lifecycle.push("reconnecting"); });
    connection.onreconnected(() => { hub.lifecycle.push("reconnected"); });
    connection.onclose((error) => { hub.lifecycle.push("closed: " + (error ? error.message : "")); });
    window.hubs[name] = hub;
    await connection.start();
    return connection.state;
  };
  window.invokeHub = async (name, method, args) => {
    try {
      return { ok: true, value: await window.hubs[name].connection.invoke(method, ...args) };
    } catch (error) {
      return { ok: false, error: String(error && error.message) };
    }
  };
  window.stopHubs = async () => {
    const open = Object.values(window.hubs);
    window.hubs = {};
    await Promise.all(open.map((hub) => hub.connection.stop()));
  };
</script></body></html>`;

/** Serves PAGE and the SignalR bundle over HTTPS on a free port of its own (another origin than the sandbox's). */
function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const bundle = readFileSync(SIGNALR_BUNDLE);
  const server = createServer(loadTlsMaterial(), (request, response) => {
    if (request.url === "/signalr.min.js") {
      response.setHeader("Content-Type", "text/javascript");
      return response.end(bundle);
    }
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(PAGE);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({
      origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise((closed) => server.close(() => closed())),
    }));
  });
}

export interface RecordedMessage<T = any> {
  event: HubEventName;
  payload: T;
}

/** One connection of the official browser client in the page, seen from the test process. */
export class PageHub {
  constructor(readonly page: Page, readonly name: string) {}

  /** `connection.invoke(method, ...args)` in the page: its result, or an Error with the client's message. */
  async invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    const outcome = await this.page.evaluate(([name, called, values]) => (window as any).invokeHub(name, called, values), [this.name, method, args] as const);
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.value;
  }

  /** Payloads of one event, or every message as { event, payload }, in arrival order. */
  messages(): Promise<RecordedMessage[]>;
  messages<T = any>(event: HubEventName): Promise<T[]>;
  async messages(event?: HubEventName): Promise<unknown[]> {
    const all: RecordedMessage[] = await this.page.evaluate((name) => (window as any).hubs[name].messages, this.name);
    return event ? all.filter((message) => message.event === event).map((message) => message.payload) : all;
  }

  /** Waits until `count` messages of `event` have arrived in total; returns the first `count` payloads. */
  async waitForMessages<T = any>(event: HubEventName, count: number, timeoutMs = 5000): Promise<T[]> {
    await this.page.waitForFunction(
      ([name, wanted, total]) => (window as any).hubs[name].messages.filter((message: any) => message.event === wanted).length >= total,
      [this.name, event, count] as const, { timeout: timeoutMs },
    );
    return (await this.messages<T>(event)).slice(0, count);
  }

  /** Forgets the messages received so far. */
  async clearMessages(): Promise<void> {
    await this.page.evaluate((name) => { (window as any).hubs[name].messages.length = 0; }, this.name);
  }

  /** "reconnecting", "reconnected" and "closed: <error message>", in order. */
  lifecycle(): Promise<string[]> {
    return this.page.evaluate((name) => (window as any).hubs[name].lifecycle, this.name);
  }

  /** Waits until the lifecycle has an entry `entry` (or, for "closed", one starting with "closed: "). */
  async waitForLifecycle(entry: "reconnecting" | "reconnected" | "closed", timeoutMs = 5000): Promise<string[]> {
    await this.page.waitForFunction(
      ([name, wanted]) => (window as any).hubs[name].lifecycle.some((seen: string) => seen === wanted || seen.startsWith(`${wanted}: `)),
      [this.name, entry] as const, { timeout: timeoutMs },
    );
    return this.lifecycle();
  }

  /** Waits for onclose; the message of the error it reported ("" for none). */
  async closed(timeoutMs = 5000): Promise<string> {
    const lifecycle = await this.waitForLifecycle("closed", timeoutMs);
    return lifecycle.find((seen) => seen.startsWith("closed: "))!.slice("closed: ".length);
  }

  state(): Promise<string> {
    return this.page.evaluate((name) => (window as any).hubs[name].connection.state, this.name);
  }

  connectionId(): Promise<string | null> {
    return this.page.evaluate((name) => (window as any).hubs[name].connection.connectionId, this.name);
  }
}

export interface ConnectOptions {
  /** "WebSockets", "ServerSentEvents" or "LongPolling"; unnamed: the client picks (WebSockets). */
  transport?: string;
  /** withAutomaticReconnect([0, 100, 500]) as the add-in; default true. */
  reconnect?: boolean;
}

export interface HubPage {
  sandbox: TestSandbox;
  market: FakeMarket;
  /** Headless Chromium on the page's origin. */
  page: Page;
  /** Starts a connection named `name` in the page with `token`; resolves once start() has. */
  connect(name: string, token: string, options?: ConnectOptions): Promise<PageHub>;
  /** Stops every connection of the page (for afterEach). */
  stopAll(): Promise<void>;
  close(): Promise<void>;
}

export interface HubPageOptions {
  /** Sandbox options besides the market and the CORS origin, which this sets. With a clock, the FakeMarket uses it too. */
  sandbox?: Omit<CreateSandboxOptions, "market" | "corsOrigins">;
  /** Called on the new page before it loads, to listen to it. */
  onPage?: (page: Page) => void;
}

export interface HubPageFixture extends HubPage {
  /** Every sandbox log line ("<level> <message>") since the page opened, unless options.sandbox names a logger. */
  readonly logLines: string[];
}

/**
 * openHubPage for the describe block it is called in: opened in beforeAll, every connection stopped and the market
 * reset after each test, closed in afterAll. Read its members inside tests and hooks only.
 */
export function useHubPage(options: HubPageOptions = {}): HubPageFixture {
  const logLines: string[] = [];
  let opened: HubPage | undefined;
  const current = (): HubPage => {
    if (!opened) throw new Error("The hub page is not open: use it inside tests and hooks.");
    return opened;
  };
  beforeAll(async () => {
    const logger: Logger = { log: (level, message) => { logLines.push(`${level} ${message}`); } };
    opened = await openHubPage({ ...options, sandbox: { logger, ...options.sandbox } });
  });
  afterEach(async () => {
    await current().stopAll();
    current().market.reset();
  });
  afterAll(() => opened?.close());
  return {
    logLines,
    get sandbox() { return current().sandbox; },
    get market() { return current().market; },
    get page() { return current().page; },
    connect: (name, token, connectOptions) => current().connect(name, token, connectOptions),
    stopAll: () => current().stopAll(),
    close: () => current().close(),
  };
}

/** A sandbox with a FakeMarket and a Chromium page on another HTTPS origin, allowed by CORS, that can connect to its hub. */
async function openHubPage(options: HubPageOptions = {}): Promise<HubPage> {
  const pages = await startPageServer();
  const clock = options.sandbox?.clock;
  const market = new FakeMarket(clock ? () => clock.now() : undefined);
  const sandbox = await startTestSandbox({ ...options.sandbox, market, corsOrigins: [pages.origin] });
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await sandbox.close();
    await pages.close();
  };
  try {
    const page = await browser.context.newPage();
    options.onPage?.(page);
    await page.goto(`${pages.origin}/`);
    const hubUrl = `${sandbox.urls.realtime}/stream/v1`;
    return {
      sandbox, market, page, close,
      async connect(name, token, { transport, reconnect = true } = {}) {
        const state = await page.evaluate(([hubName, url, accessToken, settings]) => (window as any).openHub(hubName, url, accessToken, settings),
          [name, hubUrl, token, { transport, reconnect }] as const);
        if (state !== "Connected") throw new Error(`Connection ${name} is ${state} after start().`);
        return new PageHub(page, name);
      },
      stopAll: () => page.evaluate(() => (window as any).stopHubs()),
    };
  } catch (error) {
    await close();
    throw error;
  }
}
