import type { Scope } from "../../../src/core/wire/auth";
import type { Handler, PublicHandler } from "./handler";
import * as accounts from "./handlers/accounts";
import * as instruments from "./handlers/instruments";
import * as news from "./handlers/news";
import * as orders from "./handlers/orders";
import * as performances from "./handlers/performances";
import * as positions from "./handlers/positions";
import * as quotes from "./handlers/quotes";
import * as sessions from "./handlers/sessions";
import * as transactions from "./handlers/transactions";
import { getVersion } from "./handlers/version";

interface RouteBase {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Express path below /api/v1; literal segments are listed before parameters that could swallow them. */
  path: string;
  operationId: string;
  /** The error statuses swagger declares for the operation; the gateway answers no others (but 503 maintenance). */
  errors: readonly number[];
}

/** `scope` is swagger's `x-scope`; null for the one operation that needs no token. */
export type Route = RouteBase & ({ scope: Scope; handler: Handler } | { scope: null; handler: PublicHandler });

/** The 33 operations of swagger.json, in matching order. */
export const ROUTES: readonly Route[] = [
  { method: "GET", path: "/version", operationId: "Version_GetVersion", errors: [], scope: null, handler: getVersion },

  { method: "GET", path: "/accounts", operationId: "Accounts_GetAccounts", errors: [401], scope: "read", handler: accounts.getAccounts },
  { method: "GET", path: "/accounts/:accountNumber", operationId: "Accounts_GetAccount", errors: [400, 401, 404], scope: "read", handler: accounts.getAccount },
  { method: "GET", path: "/accounts/:accountNumber/balances", operationId: "Balances_GetAccountBalances", errors: [400, 401, 404], scope: "read", handler: accounts.getBalances },
  { method: "GET", path: "/accounts/:accountNumber/settings", operationId: "Settings_GetSettings", errors: [400, 401, 404], scope: "read", handler: accounts.getSettings },
  { method: "GET", path: "/accounts/:accountNumber/positions", operationId: "Positions_GetPositions", errors: [400, 401], scope: "read", handler: positions.getPositions },
  { method: "GET", path: "/accounts/:accountNumber/positions/:instrumentId", operationId: "Positions_GetPosition", errors: [400, 401], scope: "read", handler: positions.getPosition },
  { method: "GET", path: "/accounts/:accountNumber/transactions", operationId: "Transactions_GetTransactions", errors: [400, 401], scope: "read", handler: transactions.getTransactions },
  { method: "GET", path: "/accounts/:accountNumber/performances", operationId: "Performances_GetPerformances", errors: [400, 401, 404], scope: "read", handler: performances.getPerformances },
  { method: "GET", path: "/accounts/:accountNumber/performances/:year", operationId: "Performances_GetPerformance", errors: [400, 401, 404], scope: "read", handler: performances.getPerformance },

  { method: "GET", path: "/accounts/:accountNumber/orders", operationId: "Orders_GetOrders", errors: [400, 401], scope: "read", handler: orders.getOrders },
  { method: "GET", path: "/accounts/:accountNumber/orders/history", operationId: "Orders_GetHistoricalOrders", errors: [400, 401], scope: "read", handler: orders.getOrderHistory },
  { method: "POST", path: "/accounts/:accountNumber/orders/preview", operationId: "Orders_PreviewOrder", errors: [400, 401], scope: "write", handler: orders.previewOrder },
  { method: "POST", path: "/accounts/:accountNumber/orders/costs", operationId: "Orders_PreviewOrderCosts", errors: [400, 401, 422], scope: "write", handler: orders.previewOrderCosts },
  { method: "POST", path: "/accounts/:accountNumber/orders", operationId: "Orders_RegisterOrder", errors: [400, 401, 422], scope: "write", handler: orders.placeOrder },
  { method: "GET", path: "/accounts/:accountNumber/orders/:number", operationId: "Orders_GetOrder", errors: [400, 401], scope: "read", handler: orders.getOrder },
  { method: "POST", path: "/accounts/:accountNumber/orders/:number/preview", operationId: "Orders_PreviewModifyOrder", errors: [400, 401], scope: "write", handler: orders.previewModifyOrder },
  { method: "PATCH", path: "/accounts/:accountNumber/orders/:number", operationId: "Orders_ModifyOrder", errors: [400, 401], scope: "write", handler: orders.modifyOrder },
  { method: "DELETE", path: "/accounts/:accountNumber/orders/:number", operationId: "Orders_CancelOrder", errors: [400, 401, 422], scope: "write", handler: orders.cancelOrder },

  { method: "GET", path: "/instruments", operationId: "Instruments_GetInstruments", errors: [400, 401], scope: "read", handler: instruments.searchInstruments },
  { method: "GET", path: "/instruments/lists/:id", operationId: "Instruments_GetListContents", errors: [400, 401, 404], scope: "read", handler: instruments.getListContents },
  { method: "GET", path: "/instruments/leveragedproducts", operationId: "Instruments_GetLeveragedProducts", errors: [400, 401], scope: "read", handler: instruments.getLeveragedProducts },
  { method: "GET", path: "/instruments/certificates", operationId: "Instruments_GetCertificates", errors: [400, 401], scope: "read", handler: instruments.getCertificates },
  { method: "GET", path: "/instruments/bonds", operationId: "Instruments_GetBonds", errors: [400, 401], scope: "read", handler: instruments.getBonds },
  { method: "GET", path: "/instruments/derivatives", operationId: "Instruments_GetDerivatives", errors: [400, 401], scope: "read", handler: instruments.getDerivatives },
  { method: "GET", path: "/instruments/:id", operationId: "Instruments_GetInstrument", errors: [400, 401, 404], scope: "read", handler: instruments.getInstruments },
  { method: "GET", path: "/instruments/:id/kid", operationId: "Instruments_SearchKidDocument", errors: [400, 401, 404], scope: "write", handler: instruments.getKids },
  { method: "GET", path: "/instruments/:id/kid/:kidId", operationId: "Instruments_ReadKidDocument", errors: [400, 401, 404], scope: "write", handler: instruments.getKidDocument },

  { method: "GET", path: "/quotes", operationId: "Quotes_GetQuotes", errors: [400, 401, 404], scope: "quotes", handler: quotes.getQuotes },
  { method: "GET", path: "/quotes/:instrumentId/history", operationId: "Quotes_GetHistoricalQuotes", errors: [400, 401, 404], scope: "quotes", handler: quotes.getQuoteHistory },

  { method: "GET", path: "/news", operationId: "News_GetNews", errors: [400, 401, 404], scope: "news", handler: news.getNews },

  { method: "GET", path: "/sessions", operationId: "Sessions_GetSessions", errors: [401], scope: "internal", handler: sessions.getSessions },
  { method: "DELETE", path: "/sessions", operationId: "Sessions_EndSession", errors: [401], scope: "read", handler: sessions.endSession },
];
