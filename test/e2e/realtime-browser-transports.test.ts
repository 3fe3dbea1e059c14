import type { Page } from "playwright-core";
import type { FakeMarket } from "../fakes/fake-market";
import type { TestSandbox } from "../support/sandbox";
import { openHubPage, type HubPage } from "../support/signalr-page";

/**
 * The official browser bundle told to use one transport. In a browser the Server-Sent Events request carries the
 * token as `access_token` (EventSource cannot send headers) and relies on CORS with credentials; long polls and
 * POSTs send `Authorization` and so are preflighted.
 */
describe("realtime hub from headless Chromium over Server-Sent Events and long polling (cross-origin HTTPS)", () => {
  let hub: HubPage;
  let sandbox: TestSandbox;
  let market: FakeMarket;
  let page: Page;
  const logLines: string[] = [];
  beforeAll(async () => {
    hub = await openHubPage({ sandbox: { logger: { log: (level, message) => logLines.push(`${level} ${message}`) } } });
    ({ sandbox, market, page } = hub);
  });
  afterEach(async () => {
    await page.evaluate(() => (window as any).stopHub());
    market.reset();
  });
  afterAll(() => hub?.close());

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
