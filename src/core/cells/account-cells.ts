import type { OrdersQuery, OrderStatusFilter, TransactionsQuery } from "../rest/account-queries";
import type { Balances } from "../rest/client";
import type { AccountModel, OrderModel, TransactionModel } from "../wire/models";
import type { CellServices } from "./cell-services";
import { invalidValue, problemOf, value, type Emit, type Stop } from "./cell-output";
import { forAccount, orBlank, table, watchOutput, type AccountArgs, type TableEntry, type TableRow } from "./portfolio-cell";
import { whileSignedIn } from "./signed-in-gate";

export const ACCOUNT_COLUMNS = ["number", "name", "type", "read-only", "iban"] as const;

/** =BINCK.ACCOUNTS: every account of the person (#2), cached an hour. */
export function accountsCell(services: CellServices, args: { headers: boolean }, emit: Emit<TableRow[]>): Stop {
  return whileSignedIn(services, emit, (ready) =>
    ready.streaming.portfolio.watchAccounts((update) => {
      const rows = watchOutput(update, accountRows);
      emit(rows.ok ? table(ACCOUNT_COLUMNS, rows.value, args.headers, "no accounts") : rows);
    }));
}

function accountRows(accounts: AccountModel[]): TableRow[] {
  return accounts.map((account) => [account.number, account.name, account.type, account.isReadOnly, orBlank(account.iban)]);
}

/** The fields of =BINCK.BALANCE, in spill order (balances[0] of #4 and the collection's currency). */
export const BALANCE_FIELDS = ["assetsTotalValue", "cashBalance", "portfolioValue", "availableSpendingLimit", "availableSpendingLimitSrd", "currency"] as const;
export type BalanceField = (typeof BALANCE_FIELDS)[number];

/** =BINCK.BALANCE: one field, or (field omitted) a two-column spill of every field; new values after each execution. */
export function balanceCell(services: CellServices, args: AccountArgs & { field?: BalanceField }, emit: Emit<TableEntry | TableRow[]>): Stop {
  return forAccount(services, args.account, emit, (ready, account) =>
    ready.streaming.portfolio.watchBalances(account, (update) => {
      if (!update.ok) return emit(problemOf(update.error));
      const values = balanceValues(update.value);
      if (args.field !== undefined) {
        const found = values[args.field];
        return emit(found === "" ? invalidValue(`account ${account} has no ${args.field}`) : value(found));
      }
      emit(table(["field", "value"], BALANCE_FIELDS.map((field) => [field, values[field]]), args.headers, "no balances"));
    }));
}

function balanceValues(balances: Balances): Record<BalanceField, TableEntry> {
  const first = balances.balances?.[0];
  return {
    assetsTotalValue: orBlank(first?.assetsTotalValue),
    cashBalance: orBlank(first?.cashBalance),
    portfolioValue: orBlank(first?.portfolioValue),
    availableSpendingLimit: orBlank(first?.availableSpendingLimit),
    availableSpendingLimitSrd: orBlank(first?.availableSpendingLimitSrd),
    currency: orBlank(balances.currency),
  };
}

export const ORDER_COLUMNS = ["number", "instrument", "side", "type", "quantity", "executed", "limit price", "stop price", "average price", "status", "status time", "duration", "currency"] as const;

/** =BINCK.ORDERS: the account's orders (#11), fetched again after every order event of the account. */
export function ordersCell(services: CellServices, args: AccountArgs & { status: OrderStatusFilter }, emit: Emit<TableRow[]>): Stop {
  const query: OrdersQuery = { status: args.status, includeStatusHistory: false };
  return forAccount(services, args.account, emit, (ready, account) =>
    ready.streaming.portfolio.watchOrders(account, query, (update) => {
      const rows = watchOutput(update, (orders: OrderModel[]) => orders.map((order) => orderRow(services, order)));
      emit(rows.ok ? table(ORDER_COLUMNS, rows.value, args.headers, `no ${args.status === "all" ? "" : `${args.status} `}orders`) : rows);
    }));
}

function orderRow(services: CellServices, order: OrderModel): TableRow {
  return [
    order.number, order.instrument.name, orBlank(order.side), order.type, order.quantity, orBlank(order.executedQuantity),
    orBlank(order.limitPrice), orBlank(order.stopPrice), orBlank(order.averagePrice), order.lastStatus,
    services.toExcelDate(Date.parse(order.lastStatusDateTime)), order.duration, order.currency,
  ];
}

export const TRANSACTION_COLUMNS = ["date", "number", "type", "instrument", "quantity", "price", "net amount", "currency", "balance change", "balance after"] as const;

/** =BINCK.TRANSACTIONS: the account's transactions in a period (#8), newest first; new rows after each execution. */
export function transactionsCell(services: CellServices, args: AccountArgs & { fromDate?: string; toDate?: string }, emit: Emit<TableRow[]>): Stop {
  const query: TransactionsQuery = { fromDate: args.fromDate, toDate: args.toDate };
  return forAccount(services, args.account, emit, (ready, account) =>
    ready.streaming.portfolio.watchTransactions(account, query, (update) => {
      const rows = watchOutput(update, (transactions: TransactionModel[]) => transactions.map((transaction) => transactionRow(services, transaction)));
      emit(rows.ok ? table(TRANSACTION_COLUMNS, rows.value, args.headers, "no transactions in this period") : rows);
    }));
}

function transactionRow(services: CellServices, transaction: TransactionModel): TableRow {
  return [
    services.toExcelDate(Date.parse(transaction.transactionDate)), transaction.number, transaction.mutationType, orBlank(transaction.instrument?.name),
    orBlank(transaction.quantity), orBlank(transaction.price), orBlank(transaction.netAmount), transaction.currency,
    orBlank(transaction.balanceMutation), orBlank(transaction.mutatedBalance),
  ];
}
