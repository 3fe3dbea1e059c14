import type { Clock } from "../clock";
import type { DeploymentState } from "../config/deployment-config";
import type { Logger } from "../log";
import type { QuoteStore } from "../quotes/quote-store";
import type { InstrumentResolver } from "../instruments/instrument-resolver";
import type { NewsItem, BinckRestClient } from "../rest/client";
import type { RequestBudgetFigures } from "../rest/request-budget";
import type { SessionState } from "../session/session-manager";
import type { Feed } from "../stream/feed";
import type { Portfolio } from "../portfolio/portfolio";

/** Something with a current value that tells of changes (the session, the chosen account, the deployment). */
export interface Live<T> {
  current(): T;
  onChange(listener: (value: T) => void): () => void;
}

/** What streams once the deployment is known and the person signed in: the feed, its quote store, REST, the portfolio. */
export interface StreamingServices {
  feed: Feed;
  quotes: QuoteStore;
  resolver: InstrumentResolver;
  rest: Pick<BinckRestClient, "getNews" | "searchInstruments">;
  /** The runtime's one portfolio data layer (caches, watches, invalidation by the feed's order events). */
  portfolio: Portfolio;
}

/** Everything the cells of one runtime share; the composition root (src/platform/runtime.ts) builds it. */
export interface CellServices {
  clock: Clock;
  logger: Logger;
  session: Live<SessionState>;
  account: Live<string | undefined>;
  deployment: Live<DeploymentState>;
  streaming(): Promise<StreamingServices>;
  budget: { figures(): RequestBudgetFigures; onChange(listener: () => void): () => void };
  /** Time of day for people ("connection lost since 09:12:03"). */
  formatTime(epochMs: number): string;
  /** Local-time Excel date serial of an instant. */
  toExcelDate(epochMs: number): number;
  /** At most one setResult per cell per this interval (the newest value always lands). */
  resultIntervalMs: number;
}

export type { NewsItem };

/** issue 6: at most one update per cell every 250 ms; the last value always lands. */
export const DEFAULT_RESULT_INTERVAL_MS = 250;
