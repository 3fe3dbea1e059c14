/** The realtime (SignalR) vocabulary of the Binck feed, spelled as on the wire (API.md section 5). */

export const HubMethod = {
  SubscribeQuotes: "SubscribeQuotes",
  UnSubscribeQuotes: "UnSubscribeQuotes",
  SubscribeNews: "SubscribeNews",
  UnSubscribeNews: "UnSubscribeNews",
  SubscribeOrders: "SubscribeOrders",
  UnSubscribeOrders: "UnSubscribeOrders",
  ExtendSubscriptions: "ExtendSubscriptions",
} as const;
export type HubMethodName = (typeof HubMethod)[keyof typeof HubMethod];

export const HubEvent = {
  Quote: "Quote",
  News: "News",
  OrderStatus: "OrderStatus",
  OrderModified: "OrderModified",
  OrderExecution: "OrderExecution",
} as const;
export type HubEventName = (typeof HubEvent)[keyof typeof HubEvent];
export type OrderEventName = typeof HubEvent.OrderStatus | typeof HubEvent.OrderModified | typeof HubEvent.OrderExecution;

/** Subscription levels of SubscribeQuotes, lowest first. REST uses other names (tradesOnly, tradesBidAsk, fullBook). */
export const STREAM_LEVELS = ["Trades", "TopOfBook", "Book"] as const;
export type StreamLevel = (typeof STREAM_LEVELS)[number];

export const MAX_INSTRUMENTS_PER_SUBSCRIBE_CALL = 100;
export const MAX_QUOTE_SUBSCRIPTIONS = 3000;

/** `msg`: qi = initial value right after subscribing, qu = update. */
export type QuoteMessageKind = "qi" | "qu";

export const BOOK_DEPTH = 5;
export type BidType = "bid" | "bid2" | "bid3" | "bid4" | "bid5";
export type AskType = "ask" | "ask2" | "ask3" | "ask4" | "ask5";
export type TradeType = "lst" | "vol" | "cls" | "opn" | "hgh" | "low" | "thp" | "ivl" | "idv" | "iir" | "set" | "oir";
export type QuoteType = TradeType | BidType | AskType;

/** Book level n (1-based) as a `typ`: level 1 has no suffix. */
export function bookType(side: "bid" | "ask", level: number): BidType | AskType {
  return (level === 1 ? side : `${side}${level}`) as BidType | AskType;
}

/** Tag letters: C new cycle (clear stored quotes), M market order, O open, X exclude from intraday charts. */
export type QuoteTag = "C" | "M" | "O" | "X";

export interface QuoteItem {
  msg: QuoteMessageKind;
  typ: QuoteType;
  prc?: number;
  vol?: number;
  ord?: number;
  dt?: string;
  tags?: string;
}

export interface QuoteMessage {
  id: string;
  lvl: number;
  sdt: string;
  qt: QuoteItem[];
}

export interface NewsMessage {
  cul: string;
  dt: string;
  head: string;
  body?: string;
  fmt: "html" | "plain";
  iids?: string[];
}

export interface OrderEventMessage {
  accountNumber: string;
  number: number;
  referenceId?: string;
  instrument: { id: string };
  status: string;
  limitPrice?: number;
  type?: string;
  side?: "buy" | "sell";
  expirationDate?: string;
  combinationCondition?: "pay" | "receive";
  dt: string;
}

export interface SubscriptionResult {
  isSucceeded: boolean;
  subcount?: number;
}

const BOOK_TYPE = /^(bid|ask)([2-5])?$/;

/** Whether a quote item of this `typ` is sent at this subscription level (API.md 5.2). */
export function itemAllowedAtLevel(typ: QuoteType, level: StreamLevel): boolean {
  const book = BOOK_TYPE.exec(typ);
  if (!book) return true;
  if (level === "Trades") return false;
  if (level === "TopOfBook") return book[2] === undefined;
  return true;
}

/** The numeric `lvl` of a Quote message for a subscription level. */
export function levelNumber(level: StreamLevel): number {
  return STREAM_LEVELS.indexOf(level);
}

/** The hub's path below the realtime origin (API.md 5.1). */
export const HUB_PATH = "/stream/v1";

export const TRADE_TYPES: readonly TradeType[] = ["lst", "vol", "cls", "opn", "hgh", "low", "thp", "ivl", "idv", "iir", "set", "oir"];
export const BID_TYPES: readonly BidType[] = ["bid", "bid2", "bid3", "bid4", "bid5"];
export const ASK_TYPES: readonly AskType[] = ["ask", "ask2", "ask3", "ask4", "ask5"];
export const QUOTE_TYPES: readonly QuoteType[] = [...TRADE_TYPES, ...BID_TYPES, ...ASK_TYPES];
export const ORDER_EVENTS: readonly OrderEventName[] = [HubEvent.OrderStatus, HubEvent.OrderModified, HubEvent.OrderExecution];
