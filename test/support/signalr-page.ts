import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import type { CreateSandboxOptions } from "../../server/sandbox";
import { loadTlsMaterial } from "../../server/shared/tls";
import { FakeMarket } from "../fakes/fake-market";
import { launchBrowser } from "./browser";
import { startTestSandbox, type TestSandbox } from "./sandbox";

const JANSEN_TRADING = "190126781";
const SIGNALR_BUNDLE = path.resolve(__dirname, "../../node_modules/@microsoft/signalr/dist/browser/signalr.min.js");

/**
 * A page that connects like the add-in's taskpane: official browser bundle, token through accessTokenFactory, and
 * the transport the client picks unless one is named. In a browser the Server-Sent Events request carries the token
 * as `access_token` (EventSource cannot send headers) and relies on CORS with credentials; long polls and POSTs send
 * `Authorization` and so are preflighted.
 */
const PAGE = `<!doctype html><html><head><script src="/signalr.min.js"></script></head><body>
<script>
  window.received = [];
  window.events = [];
  window.connectHub = async (hubUrl, token, transport) => {
    window.received = [];
    window.events = [];
    const options = { accessTokenFactory: () => token };
    if (transport) options.transport = signalR.HttpTransportType[transport];
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hubUrl, options)
      .withAutomaticReconnect([0, 100, 500])
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on("Quote", (message) => { window.received.push(message); });
    connection.onreconnecting(() => { window.events.push("reconnecting"); });
    connection.onreconnected(() => { window.events.push("reconnected"); });
    await connection.start();
    window.connection = connection;
    return connection.state;
  };
  window.subscribe = (ids, level = "TopOfBook") => window.connection.invoke("SubscribeQuotes", "${JANSEN_TRADING}", ids, level);
  window.stopHub = () => window.connection.stop();
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

export interface HubPage {
  sandbox: TestSandbox;
  market: FakeMarket;
  /** Headless Chromium on the page's origin; `window.connectHub(url, token, transport?)` connects it to the hub. */
  page: Page;
  close(): Promise<void>;
}

export interface HubPageOptions {
  /** Sandbox options besides the market and the CORS origin, which this sets. */
  sandbox?: Omit<CreateSandboxOptions, "market" | "corsOrigins">;
  /** Called on the new page before it loads, to listen to it. */
  onPage?: (page: Page) => void;
}

/** A sandbox with a FakeMarket and a Chromium page on another HTTPS origin, allowed by CORS, that can connect to its hub. */
export async function openHubPage(options: HubPageOptions = {}): Promise<HubPage> {
  const pages = await startPageServer();
  const market = new FakeMarket();
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
    return { sandbox, market, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
