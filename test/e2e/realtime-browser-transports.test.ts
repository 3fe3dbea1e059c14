import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import { loadTlsMaterial } from "../../server/shared/tls";
import { FakeMarket } from "../fakes/fake-market";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const JANSEN_TRADING = "190126781";
const SIGNALR_BUNDLE = path.resolve(__dirname, "../../node_modules/@microsoft/signalr/dist/browser/signalr.min.js");

/**
 * The official browser bundle told to use one transport. In a browser the Server-Sent Events request carries the
 * token as `access_token` (EventSource cannot send headers) and relies on CORS with credentials; long polls and
 * POSTs send `Authorization` and so are preflighted.
 */
const PAGE = `<!doctype html><html><head><script src="/signalr.min.js"></script></head><body>
<script>
  window.connectHub = async (hubUrl, token, transport) => {
    window.received = [];
    window.events = [];
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hubUrl, { accessTokenFactory: () => token, transport: signalR.HttpTransportType[transport] })
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
  window.subscribe = (ids, level) => window.connection.invoke("SubscribeQuotes", "${JANSEN_TRADING}", ids, level);
  window.stopHub = () => window.connection.stop();
</script></body></html>`;

function startPageServer(): Promise<{ server: Server; origin: string }> {
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
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe("realtime hub from headless Chromium over Server-Sent Events and long polling (cross-origin HTTPS)", () => {
  let pages: { server: Server; origin: string };
  let sandbox: TestSandbox;
  let market: FakeMarket;
  let browser: TestBrowser;
  let page: Page;
  const logLines: string[] = [];
  beforeAll(async () => {
    pages = await startPageServer();
    market = new FakeMarket();
    sandbox = await startTestSandbox({ market, corsOrigins: [pages.origin], logger: { log: (level, message) => logLines.push(`${level} ${message}`) } });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${pages.origin}/`);
  });
  afterEach(async () => {
    await page.evaluate(() => (window as any).stopHub());
    market.reset();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await new Promise((resolve) => pages.server.close(resolve));
  });

  it.each(["ServerSentEvents", "LongPolling"])("connects over %s, streams qi then qu, and resubscribes after a drop", async (transport) => {
    const { access_token } = await sandbox.signIn("jansen");
    const state = await page.evaluate(([url, token, kind]) => (window as any).connectHub(url, token, kind), [`${sandbox.urls.realtime}/stream/v1`, access_token, transport]);
    expect(state).toBe("Connected");
    expect(logLines.filter((line) => line.includes(`opened over ${transport} for jansen`))).toHaveLength(1);
    expect(await page.evaluate(() => (window as any).subscribe(["aSm1L"], "book"))).toEqual({ isSucceeded: true, subcount: 1 });
    await page.waitForFunction(() => (window as any).received.length >= 1);
    market.setLast("aSm1L", 604.2);
    await page.waitForFunction(() => (window as any).received.length >= 2);
    const received = await page.evaluate(() => (window as any).received);
    expect(received.map((message: any) => `${message.id} ${message.lvl} ${message.qt[0].msg} ${message.qt[0].prc}`)).toEqual(["aSm1L 2 qi 600", "aSm1L 2 qu 604.2"]);

    await sandbox.control("realtime/drop");
    await page.waitForFunction(() => (window as any).events.includes("reconnected"));
    expect(market.watcherCount("aSm1L")).toBe(0);
    expect(await page.evaluate(() => (window as any).subscribe(["aSm1L"], "Trades"))).toEqual({ isSucceeded: true, subcount: 1 });
    await page.waitForFunction(() => (window as any).received.length >= 3);
    expect(await page.evaluate(() => (window as any).events)).toEqual(["reconnecting", "reconnected"]);
    expect(logLines.filter((line) => line.includes(`opened over ${transport} for jansen`))).toHaveLength(2);
  });
});
