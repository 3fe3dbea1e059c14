import { BinckError } from "../errors";
import { HISTORY_INTERVALS, type HistoryInterval } from "../wire/instruments";
import { DAY_MS } from "../time/local-time";

/** Query parameters of the account and history operations, named as in swagger.json, checked before a request is spent. */
export const ORDER_STATUS_FILTERS = ["all", "open", "executed", "canceled"] as const;
export type OrderStatusFilter = (typeof ORDER_STATUS_FILTERS)[number];

/** #11 Orders_GetOrders. */
export interface OrdersQuery {
  /** Regex-validated by Binck: all, open, executed or canceled (API.md 3.3 #11); absent means all. */
  status?: OrderStatusFilter;
  /** Binck's default is true; false is faster and leaves statusHistory out. */
  includeStatusHistory?: boolean;
}

export const MUTATION_GROUPS = ["buyAndSell", "cost", "couponPayment", "dividendPayment", "interestPayment", "moneyTransfer", "positionMutation"] as const;
export type MutationGroup = (typeof MUTATION_GROUPS)[number];

/** #8 Transactions_GetTransactions: dates `YYYY-MM-DD` (a bare toDate includes that day) or ISO-8601. */
export interface TransactionsQuery {
  fromDate?: string;
  toDate?: string;
  mutationGroup?: MutationGroup;
  currency?: string;
}

/** #30 Quotes_GetHistoricalQuotes. */
export interface HistoryQuery {
  accountNumber: string;
  instrumentId: string;
  fromDateTime: string;
  /** Default: now (UTC). */
  toDateTime?: string;
  interval: HistoryInterval;
}

/** The longest span Binck accepts per interval (API.md 3.3 #30); oneMonth is not stated, 10 years assumed as for oneWeek. */
export const MAX_HISTORY_SPAN: Readonly<Record<HistoryInterval, { days: number } | { years: number }>> = {
  oneMinute: { days: 5 }, fiveMinutes: { days: 20 }, tenMinutes: { days: 20 }, fifteenMinutes: { days: 60 }, oneHour: { days: 120 },
  oneDay: { years: 10 }, oneWeek: { years: 10 }, oneMonth: { years: 10 },
};

const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function checkOrdersQuery(query: OrdersQuery): void {
  if (query.status !== undefined && !ORDER_STATUS_FILTERS.includes(query.status)) invalid("status", String(query.status), `must be one of ${ORDER_STATUS_FILTERS.join(", ")}`);
}

export function checkTransactionsQuery(query: TransactionsQuery): void {
  const fromMs = query.fromDate === undefined ? undefined : dateMs("fromDate", query.fromDate);
  const toMs = query.toDate === undefined ? undefined : dateMs("toDate", query.toDate);
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) invalid("toDate", query.toDate!, `lies before fromDate ${query.fromDate}`);
  if (query.mutationGroup !== undefined && !MUTATION_GROUPS.includes(query.mutationGroup)) invalid("mutationGroup", String(query.mutationGroup), `must be one of ${MUTATION_GROUPS.join(", ")}`);
  if (query.currency !== undefined && !/^[a-zA-Z]{3}$/.test(query.currency)) invalid("currency", query.currency, "must be 3 letters");
}

/** Checks the interval and the span (a span Binck would refuse is refused here, naming the limit). */
export function checkHistoryQuery(query: HistoryQuery, nowMs: number): void {
  if (!HISTORY_INTERVALS.includes(query.interval)) invalid("interval", String(query.interval), `must be one of ${HISTORY_INTERVALS.join(", ")}`);
  const fromMs = dateMs("fromDateTime", query.fromDateTime);
  const toMs = query.toDateTime === undefined ? nowMs : dateMs("toDateTime", query.toDateTime);
  if (fromMs > toMs) invalid("fromDateTime", query.fromDateTime, `must not be after toDateTime ${query.toDateTime ?? "(now)"}`);
  if (fromMs < earliestHistoryStart(query.interval, toMs)) {
    const span = MAX_HISTORY_SPAN[query.interval];
    const limit = "days" in span ? `${span.days} days` : `${span.years} years`;
    invalid("fromDateTime", query.fromDateTime, `the span of ${((toMs - fromMs) / DAY_MS).toFixed(1)} days is longer than the ${limit} Binck allows for interval ${query.interval}`);
  }
}

/** The earliest start Binck accepts for an interval and an end (calendar years counted in UTC). */
export function earliestHistoryStart(interval: HistoryInterval, toMs: number): number {
  const span = MAX_HISTORY_SPAN[interval];
  if ("days" in span) return toMs - span.days * DAY_MS;
  const to = new Date(toMs);
  to.setUTCFullYear(to.getUTCFullYear() - span.years);
  return to.getTime();
}

function dateMs(field: string, value: string): number {
  const parsed = DATE.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  if (Number.isNaN(parsed)) invalid(field, value, "must be a date, YYYY-MM-DD or ISO-8601");
  return parsed;
}

function invalid(field: string, value: string, rule: string): never {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  throw new BinckError("invalidInput", `${field} '${shown}': ${rule}.`, `Refused before sending: ${field} '${shown}' — ${rule}.`);
}
