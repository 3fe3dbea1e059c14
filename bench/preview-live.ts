import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import type { TestBrowser } from "../test/support/browser";
import { preview } from "../test/support/browser-host";
import { cpuOfTree, projectRoot } from "./child-process";

/**
 * The preview workbook (dist/host.html) in headless Chromium, measured from the page. A script injected before
 * every page loads counts the Quote items arriving on any WebSocket, so the add-in page and a bare page are
 * counted alike; nothing in src/ is changed.
 */
export const COUNT_QUOTE_ITEMS = `(() => {
  const Native = window.WebSocket;
  window.__benchQuoteItems = 0;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string" || !event.data.includes('"Quote"')) return;
        const matches = event.data.match(/"typ":/g);
        window.__benchQuoteItems += matches ? matches.length : 0;
      });
    }
  };
})();`;

/** Quote items counted in every frame of the page. */
export async function quoteItems(page: Page): Promise<number> {
  let total = 0;
  for (const frame of page.frames()) total += await frame.evaluate(() => (window as unknown as { __benchQuoteItems?: number }).__benchQuoteItems ?? 0).catch(() => 0);
  return total;
}

/** The page's JS heap after a forced GC, MB (CDP; the frames of one origin share the page's isolate). */
export async function pageHeapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize / 2 ** 20;
}

/** CPU of Chromium (every descendant of this process but itself), seconds. */
export function chromiumCpuSeconds(): number {
  const own = process.cpuUsage();
  return cpuOfTree(process.pid) - (own.user + own.system) / 1e6;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BrowserWindow {
  itemsPerSecond: number;
  /** Recalculations of the workbook per second (each one after one or more setResults). */
  recalcsPerSecond: number;
  chromiumCpuPercent: number;
}

/** Items/s arriving and recalculations/s over `seconds`. */
export async function measurePage(page: Page, seconds: number, countRecalcs: boolean): Promise<BrowserWindow> {
  const itemsBefore = await quoteItems(page);
  const cpuBefore = chromiumCpuSeconds();
  const started = Date.now();
  const recalcs = countRecalcs
    ? preview(page, (api, ms) => {
      let count = 0;
      return api.waitFor(() => void count++, ms).then(() => count, () => count);
    }, seconds * 1000)
    : pause(seconds * 1000).then(() => 0);
  const recalcCount = await recalcs;
  const elapsed = (Date.now() - started) / 1000;
  return {
    itemsPerSecond: ((await quoteItems(page)) - itemsBefore) / elapsed,
    recalcsPerSecond: recalcCount / elapsed,
    chromiumCpuPercent: ((chromiumCpuSeconds() - cpuBefore) / elapsed) * 100,
  };
}

/**
 * The baseline page: a blank page on the add-in origin with the official SignalR browser bundle, subscribed to
 * the same instruments at Book level, doing nothing with the messages but the injected count.
 */
export async function measureBarePage(browser: TestBrowser, addinOrigin: string, hubUrl: string, accessToken: string, account: string, ids: readonly string[], seconds: number): Promise<BrowserWindow> {
  const page = await browser.context.newPage();
  try {
    await page.route(`${addinOrigin}/bench-blank.html`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" }));
    await page.addInitScript(COUNT_QUOTE_ITEMS);
    await page.goto(`${addinOrigin}/bench-blank.html`);
    await page.addScriptTag({ path: path.join(projectRoot, "node_modules/@microsoft/signalr/dist/browser/signalr.min.js") });
    await page.evaluate(async ({ hubUrl, accessToken, account, ids }) => {
      const signalR = (window as unknown as { signalR: typeof import("@microsoft/signalr") }).signalR;
      const connection = new signalR.HubConnectionBuilder()
        .withUrl(hubUrl, { accessTokenFactory: () => accessToken, transport: signalR.HttpTransportType.WebSockets })
        .configureLogging(signalR.LogLevel.None)
        .build();
      connection.on("Quote", () => undefined);
      await connection.start();
      for (let first = 0; first < ids.length; first += 100) await connection.invoke("SubscribeQuotes", account, ids.slice(first, first + 100), "Book");
    }, { hubUrl, accessToken, account, ids: [...ids] });
    await pause(1000);
    return await measurePage(page, seconds, false);
  } finally {
    await page.close();
  }
}
