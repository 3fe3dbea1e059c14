import { ManualClock } from "../../../src/core/clock";
import type { CellOutput } from "../../../src/core/cells/cell-output";
import type { CellServices, Live } from "../../../src/core/cells/cell-services";
import type { DeploymentState } from "../../../src/core/config/deployment-config";
import { InstrumentResolver, type InstrumentLookup } from "../../../src/core/instruments/instrument-resolver";
import { QuoteStore } from "../../../src/core/quotes/quote-store";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import type { NewsItem } from "../../../src/core/rest/client";
import type { SessionState } from "../../../src/core/session/session-manager";
import type { InstrumentModel } from "../../../src/core/wire/models";
import { FakeFeed } from "../../fakes/fake-feed";
import { Portfolio } from "../../../src/core/portfolio/portfolio";
import { FakePortfolioRest } from "./fake-portfolio-rest";
import type { BackSignal } from "../../../src/core/portfolio/sources";

/** A live value set by the test. */
export class TestLive<T> implements Live<T> {
  private readonly listeners = new Set<(value: T) => void>();
  constructor(private value: T) {}
  current(): T {
    return this.value;
  }
  onChange(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(value: T): void {
    this.value = value;
    for (const listener of [...this.listeners]) listener(value);
  }
}

export const SIGNED_IN: SessionState = { status: "signedIn", realm: "bincknlapi", scope: "read write news quotes", readOnly: false, expiresAtMs: Date.UTC(2026, 0, 5, 10, 0, 0) };

export function instrument(id: string, isin: string, name = `Instrument ${id}`): InstrumentModel {
  return {
    id, name, symbol: id.toUpperCase(), isincode: isin, type: "equity", marketIdentificationCode: "XAMS", currency: "EUR", priceDecimals: 2,
    tickerSymbol: id.toUpperCase(), isTradable: true, isKidApplicable: false, hasOptions: false, hasFutures: false, hasSrd: false,
    hasLeveragedProducts: false, hasOrderModifications: true,
  };
}

/** Cell services over a FakeFeed, a resolver with a counted fake look-up and live values the test sets. */
export function cellHarness(options: { instruments?: InstrumentModel[]; news?: NewsItem[]; session?: SessionState; account?: string } = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const feed = new FakeFeed();
  const lookups: string[] = [];
  const catalogue = options.instruments ?? [];
  const lookup: InstrumentLookup = {
    async searchInstruments(query) {
      lookups.push(`search ${query.isin ?? query.searchText}`);
      return catalogue.filter((candidate) => candidate.isincode === query.isin || candidate.symbol === query.searchText);
    },
    async getInstruments(_account, ids) {
      lookups.push(`ids ${ids.join(",")}`);
      return catalogue.filter((candidate) => ids.includes(candidate.id));
    },
  };
  const newsCalls: unknown[] = [];
  const session = new TestLive<SessionState>(options.session ?? SIGNED_IN);
  const account = new TestLive<string | undefined>(options.account ?? "190126781");
  const budget = new RequestBudget(clock);
  const binck = new FakePortfolioRest();
  binck.instruments = catalogue;
  const backListeners = new Set<() => void>();
  const back: BackSignal = { onBack: (listener) => (backListeners.add(listener), () => backListeners.delete(listener)) };
  const portfolio = new Portfolio({ rest: binck, budget, clock, orderEvents: feed, back, invalidationDelayMs: 250, batch: { gatherMs: 0 } });
  const streaming = {
    feed,
    quotes: new QuoteStore(feed),
    resolver: new InstrumentResolver({ lookup, clock, timeZone: "Europe/Amsterdam" }),
    rest: {
      async getNews(query: unknown) {
        newsCalls.push(query);
        return options.news ?? [];
      },
      searchInstruments: (query: Parameters<FakePortfolioRest["searchInstruments"]>[0]) => binck.searchInstruments(query),
    },
    portfolio,
  };
  const services: CellServices = {
    clock,
    logger: { log: () => undefined },
    session,
    account,
    deployment: new TestLive<DeploymentState>({ status: "loading" }),
    streaming: () => Promise.resolve(streaming),
    budget,
    formatTime: (epochMs) => new Date(epochMs).toISOString().slice(11, 19),
    toExcelDate: (epochMs) => epochMs / 86_400_000 + 25_569,
    resultIntervalMs: 250,
  };
  const binckIsBack = () => {
    for (const listener of [...backListeners]) listener();
  };
  return { services, clock, feed, session, account, lookups, newsCalls, binck, portfolio, budget, binckIsBack };
}

/** Collects what a cell emits. */
export function outputs<T>() {
  const seen: Array<CellOutput<T>> = [];
  return {
    emit: (output: CellOutput<T>) => {
      seen.push(output);
    },
    seen,
    last: () => seen[seen.length - 1],
  };
}

/** Lets promise chains settle (resolution, streaming()). */
export const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};
