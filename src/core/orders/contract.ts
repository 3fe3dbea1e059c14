import type { BinckError } from "../errors";
import type { InstrumentModel, OrderModel, OrderStatus, PreviewOrderModel } from "../wire/models";

/*
 * The orders contract (issue 9): what the taskpane ticket, the order macros and the preview's tests use.
 * The implementation lives beside it in src/core/orders; the surfaces depend only on these types.
 */

export type OrderSide = "buy" | "sell";
/** The types a cash order may have (swagger NewOrderModel.type). */
export type OrderKind = "market" | "limit" | "stop" | "stopLimit";
/** The durations a new order may have (swagger NewOrderModel.duration). */
export type OrderDuration = "day" | "goodTillDate" | "goodTillCancelled";

/**
 * An order as entered: text from a form field or a cell's value. Nothing here is trusted; `check` turns it into a
 * CheckedOrder or names every field that is wrong.
 */
export interface OrderFields {
  accountNumber?: string;
  /** A Binck id, an ISIN, `ISIN:MIC`, a symbol or `SYMBOL:MIC` (as the formulas take it). */
  instrument?: string;
  side?: string;
  quantity?: string | number;
  /** Defaults to "limit" when a limit price is given, else "market". */
  type?: string;
  limitPrice?: string | number;
  stopPrice?: string | number;
  /** Defaults to "day". */
  duration?: string;
  /** For goodTillDate: `yyyy-mm-dd` or an Excel date serial. */
  expirationDate?: string | number;
}
export type OrderField = keyof OrderFields;

export type FieldProblemCode =
  | "required" | "notANumber" | "notWhole" | "notPositive" | "tooLarge" | "unknownValue"
  | "notOnTick" | "notAllowedForType" | "dateInPast" | "dateNotADate" | "dateNotAllowed"
  | "instrumentUnknown" | "instrumentAmbiguous" | "instrumentNotTradable" | "accountUnknown" | "accountCannotTrade";

/**
 * One problem with one field. `code` and `params` let each surface word it in the person's language (nl, fr, it,
 * en); `message` is the English wording, specific enough to act on ("limit price 12.343 is not on the tick size
 * 0.01 for prices from 10: use 12.34 or 12.35").
 */
export interface FieldProblem {
  field: OrderField;
  code: FieldProblemCode;
  params: Readonly<Record<string, string | number>>;
  message: string;
}

/** An order whose every field is valid, with its instrument resolved (tick sizes included). */
export interface CheckedOrder {
  /** Made when the draft is checked; at most 40 characters; the key of "never a duplicate". */
  readonly referenceId: string;
  readonly accountNumber: string;
  readonly instrument: InstrumentModel;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly type: OrderKind;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly duration: OrderDuration;
  /** `yyyy-mm-dd`, only for goodTillDate. */
  readonly expirationDate?: string;
}

export type DraftCheck = { ok: true; order: CheckedOrder } | { ok: false; problems: FieldProblem[] };

export interface CostLine {
  name: string;
  valueInEuro?: number;
  percentage?: number;
  extraInfo?: string;
  subCategories: readonly CostLine[];
}

/** `orders/costs` summarised: the categories with their breakdown, and the total in euro. */
export interface OrderCosts {
  categories: readonly CostLine[];
  totalInEuro: number;
}

export interface KidDocument {
  kidId: string;
  name: string;
}

/** An order's preview (`orders/preview`), costs (`orders/costs`) and KID documents, read together. */
export interface OrderPreview {
  readonly order: CheckedOrder;
  readonly canBeRegistered: boolean;
  /** Shown to the person, no consent needed. */
  readonly warningsToBeShown: readonly string[];
  /** Each must be accepted explicitly before `place`. */
  readonly warningsToBeConfirmed: readonly string[];
  readonly validationCode?: string;
  readonly costs: OrderCosts;
  /** Empty when the instrument has no KID (`isKidApplicable` false). */
  readonly kids: readonly KidDocument[];
  /** quantity × (limit or last price) in the instrument's currency, when known. */
  readonly estimatedValue?: number;
  readonly currency: string;
  readonly raw: PreviewOrderModel;
}

export type PlacementOutcome =
  /** `recovered`: the answer was lost, and the order was found by its referenceId. */
  | { kind: "placed"; orderNumber: number; referenceId: string; recovered: boolean }
  /** Binck refused it (its endUserMessage in the error); nothing was placed. */
  | { kind: "refused"; referenceId: string; error: BinckError }
  /** The answer was lost and the order could not be found either: never retried automatically. */
  | { kind: "unknown"; referenceId: string; error: BinckError };

export interface ModifyPreview {
  readonly accountNumber: string;
  readonly orderNumber: number;
  readonly limitPrice: number;
  readonly warningsToBeShown: readonly string[];
  readonly warningsToBeConfirmed: readonly string[];
  readonly validationCode?: string;
  readonly canBeRegistered: boolean;
}

export type ChangeOutcome = { kind: "done"; orderNumber: number } | { kind: "refused"; orderNumber: number; error: BinckError };

/** Whether an account may trade now, and if not, why (read-only session, account without trading). */
export type TradingPermission = { allowed: true } | { allowed: false; reason: "readOnlySession" | "accountCannotTrade" | "signedOut"; message: string };

export interface JournalEntry {
  /** epoch ms */
  time: number;
  accountNumber: string;
  instrumentName: string;
  instrumentId: string;
  side: OrderSide;
  quantity: number;
  type: OrderKind;
  limitPrice?: number;
  referenceId: string;
  /** "placing" is written before the request leaves, so a taskpane closed half-way still shows it. */
  result: "placing" | "placed" | "refused" | "unknown" | "cancelled" | "modified";
  orderNumber?: number;
  message?: string;
}

/** The per-workbook order journal (never a token in it). */
export interface OrderJournal {
  entries(): readonly JournalEntry[];
  onChange(listener: (entries: readonly JournalEntry[]) => void): () => void;
}

/** A live view of one account's open orders, from the order events. */
export interface OpenOrders {
  current(): readonly OrderModel[];
  onChange(listener: (orders: readonly OrderModel[]) => void): () => void;
  dispose(): void;
}

/** What the ticket and the macros do with orders. Every request goes through the runtime's budget as a user action. */
export interface OrderDesk {
  permission(accountNumber: string): Promise<TradingPermission>;
  check(fields: OrderFields): Promise<DraftCheck>;
  preview(order: CheckedOrder): Promise<OrderPreview>;
  /**
   * Places a previewed order once: a second call with the same referenceId returns the first call's outcome, and
   * a lost answer is followed by a search for the referenceId (open orders, then history) before anything else.
   * Rejects with invalidInput unless every warningToBeConfirmed is in `acceptedWarnings`.
   */
  place(preview: OrderPreview, acceptedWarnings: readonly string[]): Promise<PlacementOutcome>;
  previewModify(accountNumber: string, orderNumber: number, limitPrice: number | string): Promise<ModifyPreview>;
  modify(preview: ModifyPreview, acceptedWarnings: readonly string[]): Promise<ChangeOutcome>;
  cancel(accountNumber: string, orderNumber: number): Promise<ChangeOutcome>;
  openOrders(accountNumber: string): OpenOrders;
  /** The KID document (a PDF), for the ticket to open. */
  kidDocument(instrumentId: string, kidId: string): Promise<{ bytes: ArrayBuffer; contentType: string }>;
  readonly journal: OrderJournal;
}

/** A row of the orders table for the "Place orders from table" macro. */
export interface BatchRow {
  /** 0-based index of the row in the table body. */
  index: number;
  fields: OrderFields;
}

export interface BatchRowResult {
  index: number;
  /** What is written back into the row's Status column. */
  status: "invalid" | "refused" | "ready" | "placing" | "skipped" | OrderStatus | "unknown";
  orderNumber?: number;
  message?: string;
}

/** Everything the person confirms once for a table of orders. */
export interface BatchSummary {
  count: number;
  /** Rows that will be placed (valid and previewed without refusal). */
  ready: number;
  totalValueInEuro: number;
  totalCostsInEuro: number;
  /** Every warning, each with the rows it comes from; confirming the batch accepts them all. */
  warnings: readonly { text: string; rows: readonly number[]; needsConsent: boolean }[];
  rows: readonly BatchRowResult[];
}

export interface BatchProgress {
  done: number;
  total: number;
  /** Estimated from the request budget's free capacity. */
  secondsLeft: number;
  stopped: boolean;
  rows: readonly BatchRowResult[];
}

export type BatchPhase = "previewing" | "awaitingConfirmation" | "placing" | "stopped" | "done" | "cancelled";

/**
 * One run of "Place orders from table": the macro starts it, the taskpane shows its summary for the one
 * confirmation, then its progress with a Stop button; the macro writes each row's result back into the table.
 */
export interface BatchRun {
  readonly tableName: string;
  phase(): BatchPhase;
  /** Known once every row is checked and previewed. */
  summary(): BatchSummary | undefined;
  progress(): BatchProgress;
  onChange(listener: () => void): () => void;
  /** The person's one confirmation of the summary (accepts every warning in it). */
  confirm(): void;
  /** Before confirmation: drop the run. While placing: place no further rows. */
  stop(): void;
}
