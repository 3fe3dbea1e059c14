import type { Clock } from "../clock";
import { silentLogger, type Logger } from "../log";
import type { HistoryQuery, OrdersQuery, TransactionsQuery } from "../rest/account-queries";
import { BatchedLookups, type ListLookups } from "../rest/batched-lookups";
import type { Balances, CallOptions, HistoricalQuote } from "../rest/client";
import type { BatchPolicy } from "../rest/id-batcher";
import type { RequestBudget, RequestPriority } from "../rest/request-budget";
import type { AccountModel, InstrumentModel, OrderModel, PositionModel, TransactionModel } from "../wire/models";
import type { WatchListener } from "./data-watch";
import { INVALIDATED_BY } from "./invalidation";
import { accountDataExpiresAtMs, DEFAULT_CACHE_LIFETIMES, DEFAULT_REFETCHED_ON_EXPIRY, historyExpiresAtMs, instrumentExpiresAtMs, type AccountDataKind, type CacheLifetimes } from "./lifetimes";
import { RequestCache, type CacheKey, type Fetched } from "./request-cache";
import type { BackSignal, OrderEventSource } from "./sources";
import { WatchRegistry, type RefreshedItem } from "./watch-registry";

/** The REST operations the portfolio reads (BinckRestClient has them). */
export interface PortfolioRest extends ListLookups {
  getAccounts(options?: CallOptions): Promise<AccountModel[]>;
  getBalances(accountNumber: string, options?: CallOptions): Promise<Balances>;
  getPositions(accountNumber: string, options?: CallOptions): Promise<PositionModel[]>;
  getOrders(accountNumber: string, query?: OrdersQuery, options?: CallOptions): Promise<OrderModel[]>;
  getTransactions(accountNumber: string, query?: TransactionsQuery, options?: CallOptions): Promise<TransactionModel[]>;
  getQuoteHistory(query: HistoryQuery, options?: CallOptions): Promise<HistoricalQuote[]>;
}

export interface PortfolioOptions {
  rest: PortfolioRest;
  /** The runtime's one budget: cache hits and joined loads are counted in its figures. */
  budget: RequestBudget;
  clock: Clock;
  /** The realtime feed's order events; without it, data changes only when it expires or is refreshed. */
  orderEvents?: OrderEventSource;
  /** "Binck answers again" (AvailabilityMonitor.onBack): failed watches fetch again, the budget's backoff ends. */
  back?: BackSignal;
  lifetimes?: Partial<CacheLifetimes>;
  /** Watched kinds fetched again (in the background) when their lifetime ends. */
  refetchedOnExpiry?: readonly AccountDataKind[];
  /** IANA zone of "local midnight" (tests); the runtime's own by default. */
  timeZone?: string;
  /** The runtime's batcher of quote and instrument look-ups, to share it; the portfolio makes its own otherwise. */
  lookups?: BatchedLookups;
  batch?: Partial<BatchPolicy>;
  /** Order events within this time cost one fetch per watched request. */
  invalidationDelayMs?: number;
  logger?: Logger;
  /** The session: when it ends, every cached answer is forgotten, so whoever signs in next never sees them. */
  session?: { onChange(listener: (state: { status: string }) => void): () => void };
}

export interface ReadOptions {
  /** Default visibleCell: the portfolio feeds cells. */
  priority?: RequestPriority;
}

/** What "Refresh Binck data" did. */
export interface RefreshReport {
  startedAtMs: number;
  finishedAtMs: number;
  /** Requests the runtime sent while the refresh ran (pages included). */
  requests: number;
  refreshed: RefreshedItem[];
}

/**
 * The platform-free data layer of the portfolio functions: accounts, balances, positions, orders, transactions,
 * history and instruments, each read through a cache with its own lifetime, identical reads shared, and
 * watchers told of new rows when a realtime order event changes them or Binck is back after maintenance.
 * Every request goes through the runtime's budget.
 */
export class Portfolio {
  private readonly cache: RequestCache;
  private readonly lookups: BatchedLookups;
  private readonly registry: WatchRegistry;
  private readonly lifetimes: CacheLifetimes;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly options: PortfolioOptions) {
    const { budget, clock } = options;
    this.lifetimes = { ...DEFAULT_CACHE_LIFETIMES, ...options.lifetimes };
    this.cache = new RequestCache(clock, { onHit: () => budget.noteCacheHit(), onJoin: () => budget.noteCoalesced() });
    this.lookups = options.lookups ?? new BatchedLookups(options.rest, clock, options.batch);
    this.registry = new WatchRegistry(clock, options.invalidationDelayMs ?? 250, options.logger ?? silentLogger, new Set(options.refetchedOnExpiry ?? DEFAULT_REFETCHED_ON_EXPIRY));
    if (options.orderEvents) {
      this.stops.push(options.orderEvents.watchOrders((event, order) => {
        for (const kind of INVALIDATED_BY[event] ?? []) this.invalidate(kind, order.accountNumber);
      }));
    }
    if (options.session) {
      this.stops.push(options.session.onChange((state) => {
        if (state.status === "signedOut") this.cache.clear();
      }));
    }
    if (options.back) {
      this.stops.push(options.back.onBack(() => {
        budget.resume();
        void this.registry.retryFailed();
      }));
    }
  }

  /** #2 Every account of the person: cached an hour. */
  getAccounts(options?: ReadOptions): Promise<Fetched<AccountModel[]>> {
    return this.accountData("accounts", "", "", (call) => this.options.rest.getAccounts(call), options);
  }

  /** #4 The account's balances (`balances[0]` and the base currency). */
  getBalances(account: string, options?: ReadOptions): Promise<Fetched<Balances>> {
    return this.accountData("balances", account, "", (call) => this.options.rest.getBalances(account, call), options);
  }

  /** #6 Every position of the account (all pages). */
  getPositions(account: string, options?: ReadOptions): Promise<Fetched<PositionModel[]>> {
    return this.accountData("positions", account, "", (call) => this.options.rest.getPositions(account, call), options);
  }

  /** #11 Today's and open orders of the account, optionally filtered by `status`. */
  getOrders(account: string, query: OrdersQuery = {}, options?: ReadOptions): Promise<Fetched<OrderModel[]>> {
    return this.accountData("orders", account, canonical(query), (call) => this.options.rest.getOrders(account, query, call), options);
  }

  /** #8 The account's transactions in a period (all pages, newest first). */
  getTransactions(account: string, query: TransactionsQuery = {}, options?: ReadOptions): Promise<Fetched<TransactionModel[]>> {
    return this.accountData("transactions", account, canonical(query), (call) => this.options.rest.getTransactions(account, query, call), options);
  }

  /** #30 Bars of one instrument: cached until the next bar begins. */
  getHistory(query: HistoryQuery, options?: ReadOptions): Promise<Fetched<HistoricalQuote[]>> {
    const toMs = query.toDateTime === undefined ? undefined : Date.parse(query.toDateTime);
    const key: CacheKey = { kind: "history", account: query.accountNumber, params: canonical({ ...query, accountNumber: undefined }) };
    return this.cache.get(key, () => this.options.rest.getQuoteHistory(query, { priority: priorityOf(options) }),
      (fetchedAtMs) => historyExpiresAtMs(query.interval, fetchedAtMs, toMs, this.options.timeZone));
  }

  /** #21 One instrument with its tick sizes, asked for in a list with the others of the moment; cached until local midnight. */
  getInstrument(account: string, instrumentId: string, options?: ReadOptions): Promise<Fetched<InstrumentModel>> {
    const key: CacheKey = { kind: "instrument", account, params: instrumentId };
    return this.cache.get(key, () => this.lookups.instrument(account, instrumentId, { priority: priorityOf(options) }),
      (fetchedAtMs) => instrumentExpiresAtMs(fetchedAtMs, this.options.timeZone));
  }

  watchAccounts(listener: WatchListener<AccountModel[]>, options?: ReadOptions): () => void {
    return this.watchAccountData("accounts", "", "", (call) => this.options.rest.getAccounts(call), listener, options);
  }

  watchBalances(account: string, listener: WatchListener<Balances>, options?: ReadOptions): () => void {
    return this.watchAccountData("balances", account, "", (call) => this.options.rest.getBalances(account, call), listener, options);
  }

  watchPositions(account: string, listener: WatchListener<PositionModel[]>, options?: ReadOptions): () => void {
    return this.watchAccountData("positions", account, "", (call) => this.options.rest.getPositions(account, call), listener, options);
  }

  watchOrders(account: string, query: OrdersQuery, listener: WatchListener<OrderModel[]>, options?: ReadOptions): () => void {
    return this.watchAccountData("orders", account, canonical(query), (call) => this.options.rest.getOrders(account, query, call), listener, options);
  }

  watchTransactions(account: string, query: TransactionsQuery, listener: WatchListener<TransactionModel[]>, options?: ReadOptions): () => void {
    return this.watchAccountData("transactions", account, canonical(query), (call) => this.options.rest.getTransactions(account, query, call), listener, options);
  }

  /** The data of `kind` for `account` changed: cached answers end and its watchers are told the new rows. */
  invalidate(kind: AccountDataKind, account: string): void {
    this.cache.invalidate(kind, account);
    this.registry.invalidated(kind, account);
  }

  /** Fetches again every watched request whose last fetch failed (e.g. after signing in again). */
  async retryFailed(): Promise<void> {
    await this.registry.retryFailed(new Set(["maintenance", "network", "api", "rateLimited", "signInRequired"]));
  }

  /** "Refresh Binck data": every watched request from Binck again, within the budget; what it did. */
  async refreshAll(): Promise<RefreshReport> {
    const { budget, clock } = this.options;
    const startedAtMs = clock.now();
    const sentBefore = budget.figures().sent;
    const refreshed = await this.registry.refreshAll();
    return { startedAtMs, finishedAtMs: clock.now(), requests: budget.figures().sent - sentBefore, refreshed };
  }

  /** Watched requests (one per kind, account and parameters, however many watchers). */
  get watchedRequests(): number {
    return this.registry.size;
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.registry.dispose();
  }

  private accountData<T>(kind: AccountDataKind, account: string, params: string, load: (call: CallOptions) => Promise<T>, options?: ReadOptions, force = false): Promise<Fetched<T>> {
    return this.cache.get({ kind, account, params }, () => load({ priority: priorityOf(options) }),
      (fetchedAtMs) => accountDataExpiresAtMs(kind, fetchedAtMs, this.lifetimes), { force });
  }

  private watchAccountData<T>(kind: AccountDataKind, account: string, params: string, load: (call: CallOptions) => Promise<T>, listener: WatchListener<T>, options?: ReadOptions): () => void {
    return this.registry.watch<T>({ kind, account, params }, (force, priority) => this.accountData(kind, account, params, load, priority ? { priority } : options, force), listener);
  }
}

function priorityOf(options?: ReadOptions): RequestPriority {
  return options?.priority ?? "visibleCell";
}

/** Parameters as one string, keys sorted and absent ones left out, so equal questions share a cache entry. */
function canonical(query: object): string {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return entries.map(([key, value]) => `${key}=${String(value)}`).join("&");
}
