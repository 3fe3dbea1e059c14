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
}

/** `scope` is swagger's `x-scope`; null for the one operation that needs no token. */
export type Route = RouteBase & ({ scope: Scope; handler: Handler } | { scope: null; handler: PublicHandler });

/** The 33 operations of swagger.json, in matching order. */
export const ROUTES: readonly Route[] = [
  { method: "GET", path: "/version", operationId: "Version_GetVersion", scope: null, handler: getVersion },

  { method: "GET", path: "/accounts", operationId: "Accounts_GetAccounts", scope: "read", handler: accounts.getAccounts },
  { method: "GET", path: "/accounts/:accountNumber", operationId: "Accounts_GetAccount", scope: "read", handler: accounts.getAccount },
  { method: "GET", path: "/accounts/:accountNumber/balances", operationId: "Balances_GetAccountBalances", scope: "read", handler: accounts.getBalances },
  { method: "GET", path: "/accounts/:accountNumber/settings", operationId: "Settings_GetSettings", scope: "read", handler: accounts.getSettings },
  { method: "GET", path: "/accounts/:accountNumber/positions", operationId: "Positions_GetPositions", scope: "read", handler: positions.getPositions },
  { method: "GET", path: "/accounts/:accountNumber/positions/:instrumentId", operationId: "Positions_GetPosition", scope: "read", handler: positions.getPosition },
  { method: "GET", path: "/accounts/:accountNumber/transactions", operationId: "Transactions_GetTransactions", scope: "read", handler: transactions.getTransactions },
  { method: "GET", path: "/accounts/:accountNumber/performances", operationId: "Performances_GetPerformances", scope: "read", handler: performances.getPerformances },
  { method: "GET", path: "/accounts/:accountNumber/performances/:year", operationId: "Performances_GetPerformance", scope: "read", handler: performances.getPerformance },

  { method: "GET", path: "/accounts/:accountNumber/orders", operationId: "Orders_GetOrders", scope: "read", handler: orders.getOrders },
  { method: "GET", path: "/accounts/:accountNumber/orders/history", operationId: "Orders_GetHistoricalOrders", scope: "read", handler: orders.getOrderHistory },
  { method: "POST", path: "/accounts/:accountNumber/orders/preview", operationId: "Orders_PreviewOrder", scope: "write", handler: orders.previewOrder },
  { method: "POST", path: "/accounts/:accountNumber/orders/costs", operationId: "Orders_PreviewOrderCosts", scope: "write", handler: orders.previewOrderCosts },
  { method: "POST", path: "/accounts/:accountNumber/orders", operationId: "Orders_RegisterOrder", scope: "write", handler: orders.placeOrder },
  { method: "GET", path: "/accounts/:accountNumber/orders/:number", operationId: "Orders_GetOrder", scope: "read", handler: orders.getOrder },
  { method: "POST", path: "/accounts/:accountNumber/orders/:number/preview", operationId: "Orders_PreviewModifyOrder", scope: "write", handler: orders.previewModifyOrder },
  { method: "PATCH", path: "/accounts/:accountNumber/orders/:number", operationId: "Orders_ModifyOrder", scope: "write", handler: orders.modifyOrder },
  { method: "DELETE", path: "/accounts/:accountNumber/orders/:number", operationId: "Orders_CancelOrder", scope: "write", handler: orders.cancelOrder },

  { method: "GET", path: "/instruments", operationId: "Instruments_GetInstruments", scope: "read", handler: instruments.searchInstruments },
  { method: "GET", path: "/instruments/lists/:id", operationId: "Instruments_GetListContents", scope: "read", handler: instruments.getListContents },
  { method: "GET", path: "/instruments/leveragedproducts", operationId: "Instruments_GetLeveragedProducts", scope: "read", handler: instruments.getLeveragedProducts },
  { method: "GET", path: "/instruments/certificates", operationId: "Instruments_GetCertificates", scope: "read", handler: instruments.getCertificates },
  { method: "GET", path: "/instruments/bonds", operationId: "Instruments_GetBonds", scope: "read", handler: instruments.getBonds },
  { method: "GET", path: "/instruments/derivatives", operationId: "Instruments_GetDerivatives", scope: "read", handler: instruments.getDerivatives },
  { method: "GET", path: "/instruments/:id", operationId: "Instruments_GetInstrument", scope: "read", handler: instruments.getInstruments },
  { method: "GET", path: "/instruments/:id/kid", operationId: "Instruments_SearchKidDocument", scope: "write", handler: instruments.getKids },
  { method: "GET", path: "/instruments/:id/kid/:kidId", operationId: "Instruments_ReadKidDocument", scope: "write", handler: instruments.getKidDocument },

  { method: "GET", path: "/quotes", operationId: "Quotes_GetQuotes", scope: "quotes", handler: quotes.getQuotes },
  { method: "GET", path: "/quotes/:instrumentId/history", operationId: "Quotes_GetHistoricalQuotes", scope: "quotes", handler: quotes.getQuoteHistory },

  { method: "GET", path: "/news", operationId: "News_GetNews", scope: "news", handler: news.getNews },

  { method: "GET", path: "/sessions", operationId: "Sessions_GetSessions", scope: "internal", handler: sessions.getSessions },
  { method: "DELETE", path: "/sessions", operationId: "Sessions_EndSession", scope: "read", handler: sessions.endSession },
];
