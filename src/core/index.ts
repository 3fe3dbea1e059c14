/**
 * The public face of src/core: everything the add-in's adapters (taskpane, functions, commands, platform) use is
 * exported here, and they import nothing else of core.
 */
export { systemClock, ManualClock, every, type Clock, type TimerHandle } from "./clock";
export { silentLogger, type Logger, type LogLevel } from "./log";
export { BinckError, isBinckError, SIGNED_OUT_MESSAGE, type BinckErrorCode } from "./errors";
export { ADDIN_VERSION } from "./version";

export { DeploymentConfig, type DeploymentState } from "./config/deployment-config";
export { ConnectionStatus, type ConnectionState, type FeedState, type Reachability } from "./connection/connection-status";
export { AvailabilityMonitor, type AvailabilityProbe } from "./connection/availability-monitor";
export { versionProbe } from "./connection/version-probe";

export { BrokerClient } from "./session/broker-client";
export { SessionManager, type AvailabilitySignal, type SessionState, type SignInDialog } from "./session/session-manager";
export type { TokenSource } from "./session/token-source";
export { MemoryStorage, type KeyValueStorage } from "./session/storage";
export { AccountChoice, ACCOUNT_SETTING, type SettingsStore } from "./session/account-choice";
export { SignInPreferences, type SignInPreference } from "./session/sign-in-preferences";

export { BinckRestClient, type CallOptions, type NewsItem } from "./rest/client";
export { RequestBudget, REQUEST_PRIORITIES, type RequestPriority } from "./rest/request-budget";
export { InstrumentResolver, type ResolverSnapshot, type ResolutionFigures } from "./instruments/instrument-resolver";
export { persistResolutions, RESOLUTIONS_STORAGE_KEY, type ResolutionStore } from "./instruments/resolution-store";
export { persistRequestWindow, REQUEST_WINDOW_STORAGE_KEY, type RequestWindowStore } from "./rest/window-store";

export { REALMS, isRealm, type Realm } from "./wire/auth";
export type { BrokerPublicConfig, SignInMessage, BrokerErrorCode } from "./wire/broker";
export type { AccountModel, InstrumentType } from "./wire/models";
export { HISTORY_INTERVALS, INSTRUMENT_TYPES, type HistoryInterval } from "./wire/instruments";

export { QUOTE_FIELDS, QUOTE_PROPERTIES, quoteFieldValue, streamLevelFor, type QuoteField, type QuoteFieldSpec, type QuoteProperty } from "./quotes/quote-fields";
export { QuoteStore } from "./quotes/quote-store";
export { RealtimeSession } from "./stream/realtime-session";
export { signalRHubLinks } from "./stream/signalr-hub-link";
export type { Feed, FeedStatus } from "./stream/feed";
export { parseInstrumentReference, type InstrumentReference } from "./instruments/instrument-reference";
export { toExcelSerial, fromExcelSerial } from "./time/excel-date";

export { problemOf, type CellOutput, type CellProblem, type Emit, type MatrixEntry, type Stop } from "./cells/cell-output";
export type { CellServices, StreamingServices, Live } from "./cells/cell-services";
export { DEFAULT_RESULT_INTERVAL_MS } from "./cells/cell-services";
export { quoteCell } from "./cells/quote-cell";
export { quotesCell } from "./cells/quotes-cell";
export { bookCell } from "./cells/book-cell";
export { newsCell } from "./cells/news-cell";
export { statusCell, parseStatusItem, STATUS_ITEM_NAMES } from "./cells/status-cell";
export { SIGN_IN_MESSAGE } from "./cells/signed-in-gate";
export { accountsCell, balanceCell, ordersCell, transactionsCell, BALANCE_FIELDS, type BalanceField } from "./cells/account-cells";
export { positionsCell } from "./cells/positions-cell";
export { historyCell, instrumentCell, searchCell, INSTRUMENT_FIELDS, type InstrumentField } from "./cells/instrument-data-cells";
export type { TableEntry, TableRow } from "./cells/portfolio-cell";

export { Portfolio, type PortfolioOptions, type PortfolioRest, type ReadOptions, type RefreshReport } from "./portfolio/portfolio";
export type { WatchListener, WatchUpdate } from "./portfolio/data-watch";
export type { RefreshedItem } from "./portfolio/watch-registry";
export type { Fetched } from "./portfolio/request-cache";
export type { BackSignal, OrderEventSource } from "./portfolio/sources";
export { DATA_KINDS, DEFAULT_CACHE_LIFETIMES, type CacheLifetimes, type DataKind } from "./portfolio/lifetimes";
export { BatchedLookups } from "./rest/batched-lookups";
export type { Balances, HistoricalQuote } from "./rest/client";
export type { RequestBudgetFigures, RequestBudgetPolicy } from "./rest/request-budget";
export { MAX_HISTORY_SPAN, ORDER_STATUS_FILTERS, MUTATION_GROUPS, type HistoryQuery, type OrdersQuery, type TransactionsQuery, type OrderStatusFilter, type MutationGroup } from "./rest/account-queries";
export type * from "./orders/contract";
export { OrderBatchRun, type BatchRunOptions } from "./orders/batch-run";
export { summarise, valueInEuro, VALUE_NOT_IN_EURO, type PreviewedRow } from "./orders/batch-summary";
export { secondsForRequests } from "./orders/batch-time";
export { OrderCancelRun, isCancelRun, type CancelBatchRun, type CancelRow } from "./orders/cancel-run";
export { ORDER_TABLE_NAME, ORDER_TABLE_COLUMNS, RESULT_COLUMNS, columnIndex, fieldsByHeader, fieldsByPosition, isBlankRow, tableRows, resultCells, orderNumberOf, type SheetValue, type OrderTableColumn } from "./orders/order-table";
export { OrderStatusFollower } from "./orders/status-follower";
export { createOrderDesk, DEFAULT_ORDER_DESK_POLICY, type OrderDeskDeps, type OrderDeskPolicy } from "./orders/order-desk";
export { OrderRequests, type OrderApi } from "./rest/order-requests";
export { workbookJournalKey, WORKBOOK_ID_SETTING } from "./orders/workbook-key";
