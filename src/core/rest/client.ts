import { systemClock } from "../clock";
import type { ConnectionStatus } from "../connection/connection-status";
import { BinckError } from "../errors";
import { platformFetch, processJson, sendHttp, type FetchLike, type HttpAnswer, type HttpRequest } from "../http/http";
import type { TokenSource } from "../session/token-source";
import type {
  AccountModel, AccountsResponse, BalancesResponse, HistoricalQuotesResponseModel, InstrumentModel, InstrumentsResponseModel, NewsResponseModel,
  OrderModel, OrdersResponse, PositionModel, PositionsResponse, QuoteModel, QuotesResponseModel, TransactionModel, TransactionsResponse,
} from "../wire/models";
import { checkHistoryQuery, checkOrdersQuery, checkTransactionsQuery, type HistoryQuery, type OrdersQuery, type TransactionsQuery } from "./account-queries";
import { apiError } from "./api-errors";
import { DEFAULT_PAGING_POLICY, readAllPages, type Page, type PagingPolicy } from "./paging";
import { RequestBudget, type RequestPriority } from "./request-budget";
import {
  checkInstrumentIds, checkInstrumentListQuery, checkNewsQuery, checkSearchQuery, type InstrumentListQuery, type NewsQuery, type QuotesQuery, type SearchQuery,
} from "./queries";

export type { FetchLike };

export interface CallOptions {
  priority?: RequestPriority;
  /** Called when the budget lets the request go (after any wait in its queue), just before it is sent. */
  onSend?: () => void;
}

/** One REST request: the path below the API base, its query (absent and empty values left out) and its JSON body. */
export interface RestCall {
  method: HttpRequest["method"];
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  /** Default JSON; another type (the KID's PDF) is read as bytes into HttpAnswer.bytes. */
  accept?: string;
  /** Another base than the API's for `path` (the broker's order relay), with the same token and budget. */
  base?: string;
}

export type NewsItem = NewsResponseModel["newsCollection"]["news"][number];
/** `balancesCollection` of #4: Clients read `balances[0]`; `currency` is the base currency. */
export type Balances = BalancesResponse["balancesCollection"];
export type HistoricalQuote = HistoricalQuotesResponseModel["historicalQuotesCollection"]["historicalQuotes"][number];

const API_UNREACHABLE = { code: "network", endUserMessage: "Binck cannot be reached. Check your connection." } as const;

/**
 * A typed REST client of the Binck API (wire types of swagger.json). Every request goes through the runtime's
 * RequestBudget; identical GETs in flight are sent once. A 401 renews the token once through the session and
 * repeats the request (through the budget again); a second 401 is signInRequired.
 */
export class BinckRestClient {
  constructor(
    private readonly apiBase: string,
    private readonly tokens: TokenSource,
    private readonly fetchFn: FetchLike = platformFetch,
    private readonly connection?: ConnectionStatus,
    /** Pass the runtime's one budget; a client without one gets its own (tests, tools). */
    readonly budget: RequestBudget = new RequestBudget(systemClock),
    private readonly paging: PagingPolicy = DEFAULT_PAGING_POLICY,
  ) {}

  /** #2 GET /accounts */
  async getAccounts(options?: CallOptions): Promise<AccountModel[]> {
    const body = await this.get<AccountsResponse>("/accounts", {}, options);
    return body.accountsCollection?.accounts ?? [];
  }

  /** #20 GET /instruments: by searchText or by isin (with mic); the first page (`range`, default 0-99). */
  async searchInstruments(query: SearchQuery, options?: CallOptions): Promise<InstrumentModel[]> {
    checkSearchQuery(query);
    const body = await this.get<InstrumentsResponseModel>("/instruments", {
      accountNumber: query.accountNumber, searchText: query.searchText, isin: query.isin, mic: query.mic,
      instrumentType: query.instrumentType, includeTickSizes: query.includeTickSizes ? "true" : undefined, range: query.range ?? "0-99",
    }, options);
    return body.instrumentsCollection?.instruments ?? [];
  }

  /** #21 GET /instruments/{id}: one or more ids (a 404 names the unknown ones). */
  async getInstruments(accountNumber: string, instrumentIds: readonly string[], options?: CallOptions & { includeTickSizes?: boolean }): Promise<InstrumentModel[]> {
    checkInstrumentIds(instrumentIds, 100);
    const path = `/instruments/${instrumentIds.map(encodeURIComponent).join(",")}`;
    const body = await this.get<InstrumentsResponseModel>(path, { accountNumber, includeTickSizes: options?.includeTickSizes ? "true" : undefined }, options);
    return body.instrumentsCollection?.instruments ?? [];
  }

  /** #22 GET /instruments/lists/{id}: one page (its `count` may be an estimate, API.md 3.1), for the caller to decide whether to read on. */
  async getInstrumentListPage(query: InstrumentListQuery, options?: CallOptions): Promise<Page<InstrumentModel>> {
    checkInstrumentListQuery(query);
    const body = await this.get<InstrumentsResponseModel>(`/instruments/lists/${encodeURIComponent(query.listId)}`, {
      accountNumber: query.accountNumber, mic: query.mic, includeTickSizes: query.includeTickSizes ? "true" : undefined, range: query.range,
    }, options);
    return { items: body.instrumentsCollection?.instruments ?? [], paging: body.paging, count: body.count };
  }

  /** #29 GET /quotes: a snapshot of at most 100 instruments (`level` default fullBook, as the sandbox). */
  async getQuotes(query: QuotesQuery, options?: CallOptions): Promise<QuoteModel[]> {
    checkInstrumentIds(query.instrumentIds, 100);
    const body = await this.get<QuotesResponseModel>("/quotes", {
      accountNumber: query.accountNumber, instrumentIds: query.instrumentIds.join(","), level: query.level, range: query.range,
    }, options);
    return body.quotesCollection?.quotes ?? [];
  }

  /** #31 GET /news: the newest `count` messages (1-250), optionally about some instruments. */
  async getNews(query: NewsQuery, options?: CallOptions): Promise<NewsItem[]> {
    checkNewsQuery(query);
    const body = await this.get<NewsResponseModel>("/news", {
      accountNumber: query.accountNumber, instrumentIds: query.instrumentIds?.join(","), fromDate: query.fromDate, toDate: query.toDate,
      range: query.count === undefined ? undefined : `0-${query.count - 1}`,
    }, options);
    return body.newsCollection?.news ?? [];
  }

  /** #4 GET /accounts/{accountNumber}/balances */
  async getBalances(accountNumber: string, options?: CallOptions): Promise<Balances> {
    const body = await this.get<BalancesResponse>(`/accounts/${encodeURIComponent(accountNumber)}/balances`, {}, options);
    return body.balancesCollection ?? {};
  }

  /** #6 GET /accounts/{accountNumber}/positions: every page. */
  async getPositions(accountNumber: string, options?: CallOptions): Promise<PositionModel[]> {
    return this.getAllPages<PositionsResponse, PositionModel>(`/accounts/${encodeURIComponent(accountNumber)}/positions`, "positions", {}, (body) => body.positionsCollection?.positions, options);
  }

  /** #11 GET /accounts/{accountNumber}/orders: today's and still open orders (`status` filters), every page. */
  async getOrders(accountNumber: string, query: OrdersQuery = {}, options?: CallOptions): Promise<OrderModel[]> {
    checkOrdersQuery(query);
    const includeStatusHistory = query.includeStatusHistory === undefined ? undefined : String(query.includeStatusHistory);
    return this.getAllPages<OrdersResponse, OrderModel>(`/accounts/${encodeURIComponent(accountNumber)}/orders`, "orders", { status: query.status, includeStatusHistory },
      (body) => body.ordersCollection?.orders, options);
  }

  /** #12 GET /accounts/{accountNumber}/orders/history: the orders of one calendar month (month 1-12), every page. */
  async getOrderHistory(accountNumber: string, year: number, month: number, options?: CallOptions): Promise<OrderModel[]> {
    return this.getAllPages<OrdersResponse, OrderModel>(`/accounts/${encodeURIComponent(accountNumber)}/orders/history`, "orders", { year: String(year), month: String(month) },
      (body) => body.ordersCollection?.orders, options);
  }

  /** #8 GET /accounts/{accountNumber}/transactions: newest first, every page. */
  async getTransactions(accountNumber: string, query: TransactionsQuery = {}, options?: CallOptions): Promise<TransactionModel[]> {
    checkTransactionsQuery(query);
    return this.getAllPages<TransactionsResponse, TransactionModel>(`/accounts/${encodeURIComponent(accountNumber)}/transactions`, "transactions", {
      fromDate: query.fromDate, toDate: query.toDate, mutationGroup: query.mutationGroup, currency: query.currency,
    }, (body) => body.transactionsCollection?.transactions, options);
  }

  /** #30 GET /quotes/{instrumentId}/history: bars of one interval; a span longer than Binck allows is refused here. */
  async getQuoteHistory(query: HistoryQuery, options?: CallOptions): Promise<HistoricalQuote[]> {
    checkInstrumentIds([query.instrumentId], 1);
    checkHistoryQuery(query, this.budget.now());
    const body = await this.get<HistoricalQuotesResponseModel>(`/quotes/${encodeURIComponent(query.instrumentId)}/history`, {
      accountNumber: query.accountNumber, fromDateTime: query.fromDateTime, toDateTime: query.toDateTime, interval: query.interval,
    }, options);
    return body.historicalQuotesCollection?.historicalQuotes ?? [];
  }

  /** A paged operation read to its end (each page is one request through the budget). */
  private getAllPages<Body extends { paging?: Page<unknown>["paging"]; count?: number }, Item>(
    path: string, rows: string, query: Record<string, string | undefined>, pick: (body: Body) => Item[] | undefined, options?: CallOptions,
  ): Promise<Item[]> {
    return readAllPages(async (range) => {
      const body = await this.get<Body>(path, { ...query, range }, options);
      return { items: pick(body) ?? [], paging: body.paging, count: body.count };
    }, this.paging, { rows, request: `GET ${path}` });
  }

  private get<T>(path: string, query: Record<string, string | undefined>, options: CallOptions = {}): Promise<T> {
    return this.call<T>({ method: "GET", path, query }, options);
  }

  /**
   * One request of any method through the budget, its JSON body as `T`. GETs are coalesced and repeated after a
   * network failure; writes never are (an order sent twice is two orders): their caller decides what a lost answer means.
   */
  async call<T>(request: RestCall, options: CallOptions = {}): Promise<T> {
    const what = `${request.method} ${request.path}`;
    const answer = await this.callRaw(request, options);
    return processJson<T>(answer, what, (failed) => apiError(failed.status, failed.statusText, failed.bodyText, what));
  }

  /** As `call`, but the answer as it came (the order placement tells a lost answer from a refusal itself). */
  callRaw(request: RestCall, options: CallOptions = {}): Promise<HttpAnswer> {
    const url = this.urlOf(request.base ?? this.apiBase, request.path, request.query ?? {});
    const priority = options.priority ?? "background";
    const read = request.method === "GET";
    return this.budget.run(async () => {
      options.onSend?.();
      const answer = await this.send(request.method, url, request.json, request.accept);
      if (answer.status !== 401 || !(await this.tokens.renewAfterRejection())) return answer;
      // A 401 was refused before anything ran, so even a write may be sent again once with the renewed token.
      return this.budget.run(() => this.send(request.method, url, request.json, request.accept), { priority });
    }, read ? { priority, coalesceKey: `GET ${url}${request.accept ? ` ${request.accept}` : ""}`, retryNetworkFailures: true } : { priority });
  }

  private urlOf(base: string, path: string, query: Record<string, string | undefined>): string {
    const search = new URLSearchParams(Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== ""));
    return `${base}${path}${search.toString() ? `?${search}` : ""}`;
  }

  private async send(method: HttpRequest["method"], url: string, json?: unknown, accept = "application/json; charset=utf-8"): Promise<HttpAnswer> {
    let answer: HttpAnswer;
    try {
      answer = await sendHttp(this.fetchFn, {
        method, url, json, binary: !accept.startsWith("application/json"), headers: { Authorization: `Bearer ${this.tokens.getAccessToken()}`, Accept: accept },
      }, API_UNREACHABLE);
    } catch (error) {
      if (error instanceof BinckError && error.code === "network") this.connection?.reportApi("offline");
      throw error;
    }
    this.budget.noteAnswered();
    this.connection?.reportApi(answer.status === 503 ? "maintenance" : "online");
    if (answer.status !== 503 && answer.status !== 401) this.tokens.noteActivity();
    return answer;
  }
}
