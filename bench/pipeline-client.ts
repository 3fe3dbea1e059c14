import { systemClock } from "../src/core/clock";
import { bookCell } from "../src/core/cells/book-cell";
import type { CellServices, Live, StreamingServices } from "../src/core/cells/cell-services";
import type { CellOutput, Stop } from "../src/core/cells/cell-output";
import { quoteCell } from "../src/core/cells/quote-cell";
import { InstrumentResolver } from "../src/core/instruments/instrument-resolver";
import { QUOTE_FIELDS, type QuoteField, type QuoteProperty } from "../src/core/quotes/quote-fields";
import { QuoteStore } from "../src/core/quotes/quote-store";
import { RequestBudget } from "../src/core/rest/request-budget";
import type { SessionState } from "../src/core/session/session-manager";
import type { TokenSource } from "../src/core/session/token-source";
import type { HubLink, HubLinkFactory } from "../src/core/stream/hub-link";
import { RealtimeSession } from "../src/core/stream/realtime-session";
import { signalRHubLinks } from "../src/core/stream/signalr-hub-link";
import { excelResult } from "../src/functions/excel-results";
import { ResultCoalescer } from "../src/functions/result-coalescer";

// excelResult builds CustomFunctions.Error for error outputs: Excel's class, stood in for here.
(globalThis as Record<string, unknown>).CustomFunctions ??= {
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  Error: class { constructor(readonly code: string, readonly message: string) {} },
};

/**
 * The add-in's live-prices pipeline in Node, as the custom functions run it: RealtimeSession over the official
 * SignalR client → QuoteStore → cells (src/core/cells) → a per-cell ResultCoalescer → a counting setResult.
 * Hooks only wrap the HubLink (counting Quote items, noting the `sdt` of the message being dispatched).
 */
export class PipelineClient {
  /** Quote items received by the link (all of them go through the pipeline synchronously). */
  items = 0;
  setResults = 0;
  /** Hub send (`sdt`) to setResult, ms, for setResults made while a Quote message is dispatched. */
  latenciesMs: number[] = [];
  /** The pipeline's own share: Quote handler entry to return (state, cells, coalescers, setResults), ms per message. */
  handlerMs: number[] = [];
  subscribeCalls = 0;
  subscribeAnswered = 0;
  lastSubscribeAnsweredMs = 0;
  private readonly firstValue = new Set<number>();
  private firstValuesDoneMs = 0;
  private dispatchingSdt: string | undefined;
  private readonly session: RealtimeSession;
  private readonly services: CellServices;
  private readonly stops: Stop[] = [];
  private cellCount = 0;

  constructor(hubUrl: string, accountNumber: string, accessToken: string, private readonly resultIntervalMs: number) {
    const tokens: TokenSource = {
      getAccessToken: () => accessToken,
      renewAfterRejection: async () => false,
      noteActivity: () => undefined,
      onTokenRefreshed: () => () => undefined,
    };
    const logger = { log: (level: string, message: string) => level === "error" && process.stderr.write(`${message}\n`) };
    this.session = new RealtimeSession({ links: this.countingLinks(signalRHubLinks(logger)), hubUrl, accountNumber: () => accountNumber, tokens, clock: systemClock, logger });
    const streaming: StreamingServices = {
      feed: this.session,
      quotes: new QuoteStore(this.session, logger),
      resolver: new InstrumentResolver({ lookup: { searchInstruments: noRest, getInstruments: noRest }, clock: systemClock }),
      rest: { getNews: noRest, searchInstruments: noRest },
      // The pipeline watches quotes only: no cell here reads portfolio data.
      portfolio: undefined as unknown as StreamingServices["portfolio"],
    };
    const signedIn: SessionState = { status: "signedIn", realm: "bincknlapi", scope: "read write news quotes", readOnly: false, expiresAtMs: Date.now() + 3_600_000 };
    this.services = {
      clock: systemClock,
      logger,
      session: fixed(signedIn),
      account: fixed<string | undefined>(accountNumber),
      deployment: fixed({ status: "loading" }),
      streaming: () => Promise.resolve(streaming),
      budget: new RequestBudget(systemClock),
      formatTime: (epochMs) => new Date(epochMs).toISOString().slice(11, 19),
      toExcelDate: (epochMs) => epochMs / 86_400_000 + 25_569,
      resultIntervalMs,
    };
  }

  async connect(): Promise<void> {
    this.session.start();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The feed did not connect: ${JSON.stringify(this.session.status())}`)), 30_000);
      const check = () => {
        if (this.session.status().state !== "connected") return;
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const unsubscribe = this.session.onStatusChange(check);
      check();
    });
  }

  /** =BINCK.BOOK(id, 5) (Book level) for each id. */
  addBookCells(ids: readonly string[]): void {
    for (const id of ids) this.addCell((emit) => bookCell(this.services, { instrument: id, depth: 5 }, emit));
  }

  /** =BINCK.QUOTE(id, field, property) cells, the fields taken in turn, `count` of them over `ids`. */
  addQuoteCells(ids: readonly string[], count: number): void {
    const kinds: Array<[QuoteField, QuoteProperty]> = [["lst", "price"], ["bid", "price"], ["ask", "price"], ["lst", "volume"], ["bid", "volume"], ["ask", "volume"], ["lst", "time"]];
    for (let i = 0; i < count; i++) {
      const [field, property] = kinds[i % kinds.length];
      this.addCell((emit) => quoteCell(this.services, { instrument: ids[i % ids.length], field: QUOTE_FIELDS.get(field)!, property }, emit));
    }
  }

  /**
   * Resolves when every cell made so far has shown a value (not #N/A), with the time of that moment (ms since
   * epoch); with `settleMs`, also when no new cell has shown one for that long (a field some instrument never has).
   */
  async allValues(timeoutMs: number, settleMs = Infinity): Promise<number> {
    const started = Date.now();
    let seen = -1;
    let lastGrowth = started;
    while (this.firstValue.size < this.cellCount) {
      const now = Date.now();
      if (this.firstValue.size !== seen) [seen, lastGrowth] = [this.firstValue.size, now];
      if (now - lastGrowth > settleMs) return lastGrowth;
      if (now - started > timeoutMs) throw new Error(`Only ${this.firstValue.size} of ${this.cellCount} cells showed a value within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return this.firstValuesDoneMs;
  }

  /** Cells that have shown a value. */
  get cellsWithValues(): number {
    return this.firstValue.size;
  }

  get cells(): number {
    return this.cellCount;
  }

  resetCounters(): void {
    this.items = this.setResults = 0;
    this.latenciesMs = [];
    this.handlerMs = [];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.session.stop();
  }

  private addCell(start: (emit: (output: CellOutput<unknown>) => void) => Stop): void {
    const index = this.cellCount++;
    const coalescer = new ResultCoalescer<unknown>((result) => this.setResult(index, result), systemClock, this.resultIntervalMs);
    this.stops.push(start((output) => coalescer.push(excelResult(output))));
  }

  private setResult(index: number, result: unknown): void {
    this.setResults++;
    if (this.dispatchingSdt !== undefined) this.latenciesMs.push(Date.now() - Date.parse(this.dispatchingSdt));
    if (typeof result === "object" && result !== null && !Array.isArray(result)) return; // an error (#N/A)
    if (!this.firstValue.has(index)) {
      this.firstValue.add(index);
      if (this.firstValue.size === this.cellCount) this.firstValuesDoneMs = Date.now();
    }
  }

  private countingLinks(links: HubLinkFactory): HubLinkFactory {
    return (options) => {
      const link = links(options);
      const counted: HubLink = {
        start: () => link.start(),
        stop: () => link.stop(),
        onclose: (handler) => link.onclose(handler),
        invoke: (method, ...args) => {
          if (method !== "SubscribeQuotes") return link.invoke(method, ...args);
          this.subscribeCalls++;
          return link.invoke(method, ...args).finally(() => {
            this.subscribeAnswered++;
            this.lastSubscribeAnsweredMs = Date.now();
          });
        },
        on: (event, handler) => {
          if (event !== "Quote") return link.on(event, handler);
          link.on(event, (...args) => {
            const message = args[0] as { sdt?: string; qt?: unknown[] };
            this.items += message.qt?.length ?? 0;
            this.dispatchingSdt = message.sdt;
            const started = performance.now();
            try {
              handler(...args);
            } finally {
              this.dispatchingSdt = undefined;
              this.handlerMs.push(performance.now() - started);
            }
          });
        },
      };
      return counted;
    };
  }
}

function fixed<T>(value: T): Live<T> {
  return { current: () => value, onChange: () => () => undefined };
}

async function noRest(): Promise<never> {
  throw new Error("The benchmark passes Binck ids: no REST call is expected.");
}
