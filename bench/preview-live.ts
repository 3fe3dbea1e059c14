import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import type { TestBrowser } from "../test/support/browser";
import { preview } from "../test/support/browser-host";
import { cpuOfTree, projectRoot } from "./child-process";
import { recordLatencies } from "./preview-latency";

/**
 * The preview workbook (dist/host.html) in headless Chromium, measured from outside the page: Quote items are
 * counted in the WebSocket frames Chromium reports (playwright's framereceived), so the add-in page and a bare
 * page are counted alike and nothing in src/ is changed.
 */
export class QuoteItemCounter {
  items = 0;

  watch(page: Page): void {
    page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => {
      const text = typeof payload === "string" ? payload : payload.toString();
      if (!text.includes('"Quote"')) return;
      this.items += text.match(/"typ":/g)?.length ?? 0;
    }));
  }
}

/** tsx compiles functions passed to page.evaluate with esbuild's keepNames, which calls __name in the page. */
export const DEFINE_NAME_HELPER = "window.__name = window.__name || ((target) => target);";

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
export async function measurePage(page: Page, counter: QuoteItemCounter, seconds: number, countRecalcs: boolean): Promise<BrowserWindow> {
  const itemsBefore = counter.items;
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
    itemsPerSecond: (counter.items - itemsBefore) / elapsed,
    recalcsPerSecond: recalcCount / elapsed,
    chromiumCpuPercent: ((chromiumCpuSeconds() - cpuBefore) / elapsed) * 100,
  };
}

/**
 * The baseline page: a bare page on the hub's origin with the official SignalR browser bundle, subscribed to
 * the same instruments at Book level, doing nothing with the messages.
 */
export async function measureBarePage(browser: TestBrowser, hubUrl: string, accessToken: string, account: string, ids: readonly string[], seconds: number): Promise<BrowserWindow & { latenciesMs: number[] }> {
  const page = await browser.context.newPage();
  const counter = new QuoteItemCounter();
  counter.watch(page);
  try {
    // A page the hub's origin really serves (its 404): a page fulfilled by page.route counts as a public one,
    // and Chromium's local network access checks then block its WebSocket to localhost.
    const blank = `${new URL(hubUrl).origin}/bench-blank`;
    await page.goto(blank);
    await page.addScriptTag({ path: path.join(projectRoot, "node_modules/@microsoft/signalr/dist/browser/signalr.min.js") });
    await page.evaluate(async ({ hubUrl, accessToken, account, ids }) => {
      const signalR = (window as unknown as { signalR: typeof import("@microsoft/signalr") }).signalR;
      const connection = new signalR.HubConnectionBuilder()
        .withUrl(hubUrl, { accessTokenFactory: () => accessToken, transport: signalR.HttpTransportType.WebSockets })
        .configureLogging(signalR.LogLevel.None)
        .build();
      // Hub send → handler, per message, while bench/preview-latency.ts's probe records.
      connection.on("Quote", (message: { sdt: string }) => {
        const probe = (window as unknown as { __binckLatency?: { recording: boolean; latencies: number[] } }).__binckLatency;
        if (probe?.recording) probe.latencies.push(Date.now() - Date.parse(message.sdt));
      });
      await connection.start();
      for (let first = 0; first < ids.length; first += 100) await connection.invoke("SubscribeQuotes", account, ids.slice(first, first + 100), "Book");
    }, { hubUrl, accessToken, account, ids: [...ids] });
    await pause(1000);
    await recordLatencies(page, true);
    const window = await measurePage(page, counter, seconds, false);
    return { ...window, latenciesMs: await recordLatencies(page, false) };
  } finally {
    await page.close();
  }
}
