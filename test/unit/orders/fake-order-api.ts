import { BinckError } from "../../../src/core/errors";
import type { Resolution } from "../../../src/core/instruments/instrument-resolver";
import type { OrderApi } from "../../../src/core/rest/order-requests";
import type { AccountModel, InstrumentModel, OrderModel, PreviewOrderModel } from "../../../src/core/wire/models";

export const ACCOUNT = "190300007";
export const SAVINGS = "190126799";

export const ACCOUNTS: AccountModel[] = [
  { number: ACCOUNT, name: "J. Smith — Investing", type: "binckComplete", isReadOnly: false },
  { number: SAVINGS, name: "A. Jansen — Sparen", type: "savings", isReadOnly: true },
];

/** An equity on Euronext's grid (API.md 6.3): 0.0001 below 1, 0.0005 from 1, 0.001 from 5, 0.005 from 10, 0.01 from 50, 0.05 from 100. */
export const ING: InstrumentModel = {
  id: "iNg01", name: "ING Groep", symbol: "INGA", isincode: "NL0011821202", type: "equity", marketIdentificationCode: "XAMS", currency: "EUR", priceDecimals: 4,
  tickerSymbol: "INGA", isTradable: true, isKidApplicable: false, hasOptions: true, hasFutures: false, hasSrd: false, hasLeveragedProducts: true, hasOrderModifications: true,
};
export const ING_TICKS: InstrumentModel = {
  ...ING,
  tickSizeCollection: { tickSizes: [{ from: 0, size: 0.0001 }, { from: 1, size: 0.0005 }, { from: 5, size: 0.001 }, { from: 10, size: 0.005 }, { from: 50, size: 0.01 }, { from: 100, size: 0.05 }] },
};
export const AEX: InstrumentModel = { ...ING, id: "aEx00", name: "AEX-index", symbol: "AEX", type: "index", isTradable: false };

export const RESOLUTIONS: Record<string, Resolution> = {
  INGA: { kind: "found", instrument: ING },
  AEX: { kind: "found", instrument: AEX },
  NOPE: { kind: "unknown", endUserMessage: "No instrument has the symbol NOPE.", developerMessage: "" },
  SHELL: { kind: "ambiguous", endUserMessage: "SHELL is ambiguous: Shell (XAMS), Shell (XLON) — use SHELL:XAMS.", developerMessage: "" },
};

export const PREVIEW: PreviewOrderModel = {
  orderCanBeRegistered: true, currency: "EUR", warningsToBeShown: ["Your order may be executed in parts."], warningsToBeConfirmed: ["The limit is far from the last price."], validationCode: "code-1",
};

export function orderModel(number: number, referenceId: string, change: Partial<OrderModel> = {}): OrderModel {
  return {
    number, instrument: { id: ING.id, name: ING.name }, type: "limit", side: "buy", quantity: 10, limitPrice: 12.34, currency: "EUR", duration: "day",
    lastStatus: "placed", lastStatusDateTime: "2026-01-05T09:00:00Z", referenceId, ...change,
  };
}

type Call = { op: keyof OrderApi; args: unknown[] };

/** An OrderApi in memory: every call recorded; placements answer as `register` says. */
export class FakeOrderApi implements OrderApi {
  readonly calls: Call[] = [];
  /** What registerOrder does (default: one order numbered 1000 + calls so far). */
  register: (referenceId: string) => Promise<OrderModel[]> = async (referenceId) => [orderModel(1000 + this.count("registerOrder"), referenceId)];
  today: OrderModel[] = [];
  history: OrderModel[] = [];
  preview: PreviewOrderModel = PREVIEW;

  count(op: keyof OrderApi): number {
    return this.calls.filter((call) => call.op === op).length;
  }

  /** Calls other than the look-ups a check makes (accounts, instruments). */
  orderCalls(): Call[] {
    return this.calls.filter((call) => call.op !== "getAccounts" && call.op !== "getInstruments");
  }

  private record(op: keyof OrderApi, ...args: unknown[]): void {
    this.calls.push({ op, args });
  }

  async getAccounts() {
    this.record("getAccounts");
    return ACCOUNTS;
  }
  async getInstruments(accountNumber: string, ids: readonly string[]) {
    this.record("getInstruments", accountNumber, ids);
    return ids.map((id) => (id === ING.id ? ING_TICKS : { ...AEX, id }));
  }
  async getOrders(accountNumber: string, query?: unknown) {
    this.record("getOrders", accountNumber, query);
    return this.today;
  }
  async previewOrder(accountNumber: string, order: unknown) {
    this.record("previewOrder", accountNumber, order);
    return this.preview;
  }
  async previewOrderCosts(accountNumber: string, order: unknown) {
    this.record("previewOrderCosts", accountNumber, order);
    return { legs: [{ categories: [
      { name: "Service costs", valueInEuro: 6.5, percentage: 0.5, subCategories: [{ name: "Commission", valueInEuro: 6.5, percentage: 0.5 }] },
      { name: "Product costs", valueInEuro: 0, percentage: 0, extraInfo: "No product costs", subCategories: [] },
      { name: "Total costs", valueInEuro: 6.5, percentage: 0.5, subCategories: [] },
    ] }] };
  }
  /** Whether the budget lets a placement go at once (false: it waits until `release()`). */
  private release?: () => void;
  holdPlacements = false;
  releasePlacement(): void {
    this.release?.();
  }
  async registerOrder(accountNumber: string, order: { referenceId?: string }, sent?: () => void) {
    this.record("registerOrder", accountNumber, order);
    if (this.holdPlacements) await new Promise<void>((resolve) => (this.release = resolve));
    sent?.();
    return this.register(order.referenceId ?? "");
  }
  async previewModifyOrder(accountNumber: string, modify: unknown) {
    this.record("previewModifyOrder", accountNumber, modify);
    return { ...this.preview, validationCode: "modify-code" };
  }
  async modifyOrder(accountNumber: string, modify: { orderNumber: number; limitPrice: number }) {
    this.record("modifyOrder", accountNumber, modify);
    return [orderModel(modify.orderNumber, "xl-a", { limitPrice: modify.limitPrice, lastStatus: "modified" })];
  }
  async cancelOrder(accountNumber: string, orderNumber: number) {
    this.record("cancelOrder", accountNumber, orderNumber);
    if (orderNumber === 404) throw new BinckError("api", "Order cannot be canceled.", "DELETE answered 422", 422);
    return [orderModel(orderNumber, "xl-a", { lastStatus: "cancelationRequested" })];
  }
  async getOrder(accountNumber: string, orderNumber: number) {
    this.record("getOrder", accountNumber, orderNumber);
    return [orderModel(orderNumber, "xl-a")];
  }
  async getHistoricalOrders(accountNumber: string, year: number, month: number) {
    this.record("getHistoricalOrders", accountNumber, year, month);
    return this.history;
  }
  async searchKidDocuments(accountNumber: string, instrumentId: string) {
    this.record("searchKidDocuments", accountNumber, instrumentId);
    return [{ name: "KID", kidId: `${instrumentId}-EN` }];
  }
  async readKidDocument(accountNumber: string, instrumentId: string, kidId: string) {
    this.record("readKidDocument", accountNumber, instrumentId, kidId);
    return { bytes: new ArrayBuffer(4), contentType: "application/pdf" };
  }
}

/** A network failure, as sendHttp reports one. */
export function lostAnswer(): BinckError {
  return new BinckError("network", "Binck cannot be reached. Check your connection.", "POST /api/v1/accounts/190300007/orders failed: socket hang up");
}
