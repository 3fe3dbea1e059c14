import type { Page } from "playwright-core";
import type { FakeMarket } from "../fakes/fake-market";
import type { TestSandbox } from "../support/sandbox";
import { openHubPage, type HubPage } from "../support/signalr-page";

/** The add-in's way: the transport the official client picks (WebSockets), token through accessTokenFactory. */
describe("realtime hub from headless Chromium on another HTTPS origin", () => {
  let hub: HubPage;
  let sandbox: TestSandbox;
  let market: FakeMarket;
  let page: Page;
  /** Text frames the page's WebSocket received, as Chromium saw them. */
  const frames: string[] = [];
  beforeAll(async () => {
    hub = await openHubPage({
      onPage: (opened) => opened.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => { frames.push(payload.toString()); })),
    });
    ({ sandbox, market, page } = hub);
  });
  afterAll(() => hub?.close());

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
