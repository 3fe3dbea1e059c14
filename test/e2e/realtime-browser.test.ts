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

/** A page that connects like the add-in's taskpane: official browser bundle, token through accessTokenFactory. */
const PAGE = `<!doctype html><html><head><script src="/signalr.min.js"></script></head><body>
<script>
  window.received = [];
  window.events = [];
  window.connectHub = async (hubUrl, token) => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hubUrl, { accessTokenFactory: () => token })
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
  window.subscribe = (ids) => window.connection.invoke("SubscribeQuotes", "${JANSEN_TRADING}", ids, "TopOfBook");
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

describe("realtime hub from headless Chromium on another HTTPS origin", () => {
  let pages: { server: Server; origin: string };
  let sandbox: TestSandbox;
  let market: FakeMarket;
  let browser: TestBrowser;
  let page: Page;
  /** Text frames the page's WebSocket received, as Chromium saw them. */
  const frames: string[] = [];
  beforeAll(async () => {
    pages = await startPageServer();
    market = new FakeMarket();
    sandbox = await startTestSandbox({ market, corsOrigins: [pages.origin] });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => { frames.push(payload.toString()); }));
    await page.goto(`${pages.origin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await new Promise((resolve) => pages.server.close(resolve));
  });

  it("negotiates through CORS, streams qi then qu, and resubscribes after a drop", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const state = await page.evaluate(([url, token]) => (window as any).connectHub(url, token), [`${sandbox.urls.realtime}/stream/v1`, access_token]);
    expect(state).toBe("Connected");
    expect(sandbox.sandbox.realtime.connectionCount).toBe(1);
    expect(await page.evaluate(() => (window as any).subscribe(["aSm1L", "iNg01"]))).toEqual({ isSucceeded: true, subcount: 2 });
    await page.waitForFunction(() => (window as any).received.length >= 2);
    market.setLast("aSm1L", 604.2);
    await page.waitForFunction(() => (window as any).received.length >= 3);
    const received = await page.evaluate(() => (window as any).received);
    expect(received.map((message: any) => `${message.id} ${message.lvl} ${message.qt[0].msg} ${message.qt[0].prc}`)).toEqual([
      "aSm1L 1 qi 600", "iNg01 1 qi 12.5", "aSm1L 1 qu 604.2",
    ]);

    await sandbox.control("realtime/drop");
    await page.waitForFunction(() => (window as any).events.includes("reconnected"));
    expect(market.watcherCount("aSm1L")).toBe(0);
    expect(await page.evaluate(() => (window as any).subscribe(["aSm1L"]))).toEqual({ isSucceeded: true, subcount: 1 });
    await page.waitForFunction(() => (window as any).received.length >= 4);
    expect(await page.evaluate(() => (window as any).events)).toEqual(["reconnecting", "reconnected"]);
  });

  it("streams a burst of one turn in one frame: 2,000 updates arrive complete and in order", async () => {
    expect(await page.evaluate(() => (window as any).subscribe(["iNg01"]))).toEqual({ isSucceeded: true, subcount: 2 });
    await page.waitForFunction(() => (window as any).received.some((message: any) => message.id === "iNg01" && message.qt[0].msg === "qi"));
    await page.evaluate(() => { (window as any).received.length = 0; });
    const framesBefore = frames.length;
    for (let step = 1; step <= 2000; step++) market.setLast("iNg01", 12 + step / 1000);
    await page.waitForFunction(() => (window as any).received.filter((message: any) => message.id === "iNg01").length >= 2000, undefined, { timeout: 10_000 });
    const prices = await page.evaluate(() => (window as any).received.filter((message: any) => message.id === "iNg01").map((message: any) => message.qt[0].prc));
    expect(prices[0]).toBe(12.001);
    expect(prices[1999]).toBe(14);
    expect(prices.every((price: number, index: number) => index === 0 || price > prices[index - 1])).toBe(true);
    // All 2,000 were produced in one event-loop turn, so they share one frame (pings may add a frame).
    expect(frames.slice(framesBefore).filter((frame) => frame.includes('"iNg01"'))).toHaveLength(1);
  });
});
