import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { quotableIds, token } from "./hub-push";
import { PipelineClient } from "./pipeline-client";
import { connectQuoteClient, measureReceiving } from "./quote-client";
import type { SandboxProcess } from "./sandbox-process";

/** Jansen's trading account (the sandbox's seed): every pipeline client subscribes with it. */
const ACCOUNT = "190126781";
const IDS_PER_SUBSCRIBE_CALL = 100;

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

export function heapMb(): number {
  for (let i = 0; i < 3; i++) collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Window {
  itemsPerSecond: number;
  setResultsPerSecond: number;
  cpuPercent: number;
  /** The sandbox process's CPU over the window, % of one core. */
  serverCpuPercent: number;
  /** heapUsed at the end of the window, no GC forced. */
  heapUsedMb: number;
}

/**
 * Jansen's token and `count` quotable ids with a small letter: a cell reads an id in capitals as a symbol first
 * (src/core/instruments/instrument-reference.ts), which costs a REST look-up; these go straight to the feed.
 */
export async function pipelineInputs(sandbox: Pick<SandboxProcess, "urls">, count: number): Promise<{ accessToken: string; ids: string[] }> {
  const ids = (await quotableIds(sandbox, await token(sandbox, "smith"), Math.ceil(count * 1.2))).filter((id) => /[a-z]/.test(id)).slice(0, count);
  return { accessToken: await token(sandbox, "jansen"), ids };
}

export interface BareFigures extends Window {
  /** The 30 SubscribeQuotes calls, one after the other, ms. */
  subscribeMs: number;
  /** First call sent → a Quote of every instrument received, ms. */
  allQuotedMs: number;
  /** Hub send (`sdt`) → the Quote handler, ms, per message during the window. */
  latenciesMs: number[];
}

/** The same kind of client doing nothing with the messages: a bare HubConnection that counts Quote items. */
export async function measureBareClient(sandbox: SandboxProcess, accessToken: string, ids: readonly string[], seconds: number): Promise<BareFigures> {
  const client = await connectQuoteClient(`${sandbox.urls.realtime}/stream/v1`, { accessToken });
  const quoted = new Set<string>();
  let allQuotedAt = 0;
  let latenciesMs: number[] | undefined;
  client.connection.on("Quote", (message: { id: string; sdt: string }) => {
    latenciesMs?.push(Date.now() - Date.parse(message.sdt));
    if (quoted.size === ids.length || quoted.has(message.id)) return;
    quoted.add(message.id);
    if (quoted.size === ids.length) allQuotedAt = Date.now();
  });
  try {
    const started = Date.now();
    for (let first = 0; first < ids.length; first += IDS_PER_SUBSCRIBE_CALL) {
      const result = (await client.connection.invoke("SubscribeQuotes", ACCOUNT, ids.slice(first, first + IDS_PER_SUBSCRIBE_CALL), "Book")) as { isSucceeded: boolean };
      if (!result.isSucceeded) throw new Error(`SubscribeQuotes failed: ${JSON.stringify(result)}`);
    }
    const subscribeMs = Date.now() - started;
    while (quoted.size < ids.length && Date.now() - started < 60_000) await pause(1);
    await pause(1000);
    latenciesMs = [];
    const serverStart = sandbox.cpuSeconds();
    const figures = await measureReceiving([client], () => 0, seconds);
    return {
      itemsPerSecond: figures.itemsPerSecond, setResultsPerSecond: 0, cpuPercent: figures.clientCpuPercent,
      serverCpuPercent: ((sandbox.cpuSeconds() - serverStart) / figures.seconds) * 100, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
      subscribeMs, allQuotedMs: allQuotedAt - started, latenciesMs,
    };
  } finally {
    await client.connection.stop();
  }
}

export interface PipelineRun {
  client: PipelineClient;
  /** Cells created → every cell showing a value, ms. */
  allValuesMs: number;
  /** Cells created → the last SubscribeQuotes call answered, ms. */
  subscribeAnsweredMs: number;
  subscribeCalls: number;
}

/** A connected pipeline client with one BOOK cell per id and `quoteCells` QUOTE cells over them, every cell showing a value. */
export async function startPipeline(sandbox: SandboxProcess, accessToken: string, ids: readonly string[], resultIntervalMs: number, quoteCells = 0): Promise<PipelineRun> {
  const client = new PipelineClient(`${sandbox.urls.realtime}/stream/v1`, ACCOUNT, accessToken, resultIntervalMs);
  await client.connect();
  const created = Date.now();
  client.addBookCells(ids);
  client.addQuoteCells(ids, quoteCells);
  const done = await client.allValues(60_000, quoteCells > 0 ? 2000 : Infinity);
  return { client, allValuesMs: done - created, subscribeAnsweredMs: client.lastSubscribeAnsweredMs - created, subscribeCalls: client.subscribeCalls };
}

/** Items through the pipeline and setResults per second over `seconds`, with this process's CPU. */
export async function measurePipeline(sandbox: SandboxProcess, client: PipelineClient, seconds: number): Promise<Window> {
  await pause(1000);
  client.resetCounters();
  const cpu = process.cpuUsage();
  const serverStart = sandbox.cpuSeconds();
  const started = Date.now();
  await pause(seconds * 1000);
  const elapsed = (Date.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    itemsPerSecond: client.items / elapsed,
    setResultsPerSecond: client.setResults / elapsed,
    cpuPercent: ((used.user + used.system) / 1e6 / elapsed) * 100,
    serverCpuPercent: ((sandbox.cpuSeconds() - serverStart) / elapsed) * 100,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}
