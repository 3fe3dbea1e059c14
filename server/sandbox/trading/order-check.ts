import type { Realm } from "../../../src/core/wire/auth";
import type { InstrumentModel, PreviewOrderModel, TradingType } from "../../../src/core/wire/models";
import type { Localized } from "../i18n";
import { localize } from "../i18n";
import type { Market, SandboxInstrument } from "../market/market";
import { ApiError, badRequest } from "../rest/api-error";
import type { Language, SeedAccount } from "../seed/people";
import type { AccountBook, HeldInstrument } from "./account-book";
import { commissionEuro, orderCostLines, totalEuro, type CostLine } from "./costs";
import { referencePrice } from "./matching";
import { tradingTexts } from "./messages";
import { BASE_CURRENCY, isoDateTime, roundMoney, startOfUtcDay, toEuro } from "./money";
import { isFinal, remainingQuantity, type Order } from "./order";
import type { OrderRequest } from "./order-request";
import { heldInstrument } from "./seed-book";
import { availableSpendingLimit, portfolioValueEuro, cashEuro } from "./valuation";
import { closeOfDay, latestExpiry, nextClose } from "./trading-calendar";

/** When a preview asks the customer to confirm (API.md 3.3 #14: warningsToBeConfirmed). */
export const WARNING_THRESHOLDS = {
  /** Limit price this far from the last price, in percent. */
  limitDistancePercent: 10,
  /** Order value above this share of the assets total value, in percent. */
  largeOrderPercent: 25,
};

/** Trading rights per market for options and futures (settings #5 `tradingAllowed`). */
const DERIVATIVES_COUNTRY_BY_MIC: Readonly<Record<string, "Nl" | "Be" | "Fr" | "Usa" | "De" | "It">> = {
  XAMS: "Nl", XEUE: "Nl", XBRU: "Be", XPAR: "Fr", XMON: "Fr", XNAS: "Usa", XNYS: "Usa", XCBO: "Usa",
  XEUR: "De", XETR: "De", XMIL: "It", MTAA: "It", ETLX: "It",
};

export interface CheckedOrder {
  request: OrderRequest;
  instrument: SandboxInstrument;
  held: HeldInstrument;
  /** Price per unit used for the value: limit, stop, or the current opposite best price. */
  estimatedPrice?: number;
  valueInCurrency: number;
  valueEuro: number;
  costs: CostLine[];
  /** The engine expires the order then. */
  expiresAtMs: number;
  /** Reasons why the order cannot be registered (preview: orderCanBeRegistered false; placement: 422). */
  refusals: Localized[];
  toConfirm: Localized[];
  toShow: Localized[];
  spending?: { current: number; effect: number; next: number };
}

export interface CheckContext {
  account: SeedAccount;
  realm: Realm;
  book: AccountBook;
  market: Market;
  openOrders: readonly Order[];
  nowMs: number;
}

/** Resolves and checks an order against the instrument, the account's rights, money and positions. */
export function checkOrder(request: OrderRequest, context: CheckContext): CheckedOrder {
  const { market, book, nowMs } = context;
  const instrument = market.catalogue.get(request.instrumentId);
  if (!instrument) throw badRequest(request.instrumentField, `'${request.instrumentId}' is not a known instrument.`);
  const model = instrument.model;
  if (!model.isTradable) throw badRequest(request.instrumentField, `'${model.id}' (${model.name}, ${model.type}) is not tradable.`);
  if (request.secondLeg) throw badRequest("option.leg2", "option strategies (two legs) are not supported by the sandbox; place each leg as its own order.");
  assertBlockFitsInstrument(request, model);
  assertTradingRight(context.account, request, model);
  for (const field of ["limitPrice", "stopPrice"] as const) {
    const price = request[field];
    if (price !== undefined) assertOnTick(field, price, model);
  }
  const expiresAtMs = expiryOf(request, model, nowMs);
  const held = heldInstrument(instrument);
  const quote = market.quote(model.id);
  const last = referencePrice(quote);
  const best = request.side === "buy" ? quote?.ask[0]?.price : quote?.bid[0]?.price;
  const estimatedPrice = request.limitPrice ?? request.stopPrice ?? best ?? last;
  const valueInCurrency = estimatedPrice === undefined ? 0 : request.quantity * estimatedPrice * held.contractSize;
  const valueEuro = roundMoney(toEuro(valueInCurrency, held.currency));
  const costs = orderCostLines({ valueInCurrency, currency: held.currency, isin: held.isin, side: request.side, realm: context.realm });
  const checked: CheckedOrder = { request, instrument, held, valueInCurrency, valueEuro, costs, expiresAtMs, refusals: [], toConfirm: [], toShow: [] };
  if (estimatedPrice !== undefined) checked.estimatedPrice = estimatedPrice;
  else checked.refusals.push(tradingTexts.orderRefused);

  if (request.side === "buy") {
    const current = availableSpendingLimit(book, reservedEuro(context.openOrders, market)) ?? 0;
    const effect = -roundMoney(valueEuro + totalEuro(costs));
    checked.spending = { current, effect, next: roundMoney(current + effect) };
    if (current + effect < 0) checked.refusals.push(tradingTexts.insufficientSpendingLimit(money(-effect), money(current)));
  } else {
    const available = sellableQuantity(book, context.openOrders, model.id);
    if (request.quantity > available) checked.refusals.push(tradingTexts.noPositionToSell(String(request.quantity), String(available), model.name));
  }

  if (request.limitPrice !== undefined && last !== undefined && last > 0) {
    const distance = (Math.abs(request.limitPrice - last) / last) * 100;
    if (distance > WARNING_THRESHOLDS.limitDistancePercent) {
      checked.toConfirm.push(tradingTexts.limitFarFromMarket(String(request.limitPrice), String(last), distance.toFixed(1)));
    }
  }
  const assets = cashEuro(book) + portfolioValueEuro(book, market);
  if (assets > 0 && request.side === "buy" && (valueEuro / assets) * 100 > WARNING_THRESHOLDS.largeOrderPercent) {
    checked.toConfirm.push(tradingTexts.largeOrder(((valueEuro / assets) * 100).toFixed(1)));
  }
  if (model.isKidApplicable) checked.toConfirm.push(tradingTexts.kidNotRead(model.name));
  if (request.stopPrice !== undefined && last !== undefined && (request.side === "buy" ? last >= request.stopPrice : last <= request.stopPrice)) {
    checked.toShow.push(tradingTexts.stopAlreadyReached(String(request.stopPrice), String(last)));
  }
  if (request.expirationDate && expiresAtMs < request.expirationDate.timeMs) {
    checked.toShow.push(tradingTexts.expiryCapped(isoDateTime(expiresAtMs).slice(0, 10)));
  }
  return checked;
}

/** The preview answer for a checked order; the code is only given when the order can be registered. */
export function previewModel(checked: CheckedOrder, language: Language, validationCode: string | undefined): PreviewOrderModel {
  const canRegister = checked.refusals.length === 0;
  const preview: PreviewOrderModel = {
    orderCanBeRegistered: canRegister,
    warningsToBeShown: [...checked.refusals, ...checked.toShow].map((text) => localize(text, language)),
    warningsToBeConfirmed: checked.toConfirm.map((text) => localize(text, language)),
    positionEffect: checked.request.side === "buy" ? "open" : "close",
    currency: BASE_CURRENCY,
  };
  if (checked.request.duration !== "day") preview.expectedExpirationDate = isoDateTime(checked.expiresAtMs);
  if (checked.spending) {
    preview.currentSpendingLimit = checked.spending.current;
    preview.effectOnSpendingLimit = checked.spending.effect;
    preview.newSpendingLimit = checked.spending.next;
  }
  if (canRegister && validationCode) preview.validationCode = validationCode;
  return preview;
}

/** The content a validation code is bound to: every field of the order except the code itself. */
export function orderContentKey(request: OrderRequest): string {
  const { validationCode: _ignored, instrumentField: _field, expirationDate, ...rest } = request;
  const sorted = Object.fromEntries(Object.entries({ ...rest, expirationDate: expirationDate?.timeMs }).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(sorted);
}

/** Euro held back by open buy orders: their remaining value at the limit (or current) price, plus commission. */
export function reservedEuro(openOrders: readonly Order[], market: Market): number {
  let total = 0;
  for (const order of openOrders) {
    if (order.side !== "buy" || isFinal(order)) continue;
    const price = order.limitPrice ?? order.stopPrice ?? referencePrice(market.quote(order.instrument.id)) ?? 0;
    const value = toEuro(remainingQuantity(order) * price * order.instrument.contractSize, order.instrument.currency);
    total += value + commissionEuro(value);
  }
  return roundMoney(total);
}

export function sellableQuantity(book: AccountBook, openOrders: readonly Order[], instrumentId: string): number {
  const held = book.holdings.get(instrumentId)?.quantity ?? 0;
  const inSellOrders = openOrders
    .filter((order) => order.side === "sell" && order.instrument.id === instrumentId && !isFinal(order))
    .reduce((sum, order) => sum + remainingQuantity(order), 0);
  return Math.max(0, held - inSellOrders);
}

/** The tick size that applies to a price: the last step whose `from` is at or below it (API.md 3.3 #20). */
export function tickSizeAt(price: number, model: InstrumentModel): number {
  const steps = [...(model.tickSizeCollection?.tickSizes ?? [])]
    .filter((step): step is { from: number; size: number } => typeof step.from === "number" && typeof step.size === "number" && step.size > 0)
    .sort((a, b) => a.from - b.from);
  let size = 10 ** -model.priceDecimals;
  for (const step of steps) if (step.from <= price) size = step.size;
  return size;
}

export function assertOnTick(field: string, price: number, model: InstrumentModel): void {
  const size = tickSizeAt(price, model);
  const steps = price / size;
  if (Math.abs(steps - Math.round(steps)) > 1e-6) {
    throw badRequest(field, `${price} is not on the tick size of ${model.name}: prices at this level move in steps of ${size}.`);
  }
}

function expiryOf(request: OrderRequest, model: InstrumentModel, nowMs: number): number {
  const mic = model.marketIdentificationCode;
  if (request.duration === "day") return nextClose(nowMs, mic);
  const cap = latestExpiry(nowMs, mic);
  if (request.duration === "goodTillCancelled") return cap;
  const wanted = request.expirationDate!.timeMs;
  if (wanted < startOfUtcDay(nowMs)) throw badRequest("expirationDate", `'${request.expirationDate!.text}' lies in the past.`);
  // A GTD order lives until the close of its expiration day, within the cap.
  return Math.min(cap, Math.max(nextClose(nowMs, mic), closeOfDay(wanted, mic)));
}

function assertBlockFitsInstrument(request: OrderRequest, model: InstrumentModel): void {
  const field = request.instrumentField;
  const mismatch = (expected: string) =>
    badRequest(field, `'${model.id}' is of type ${model.type}; the ${request.product} block takes ${expected}.`);
  switch (request.product) {
    case "option": if (model.type !== "option") throw mismatch("options"); break;
    case "future": if (model.type !== "future") throw mismatch("futures"); break;
    case "srd": if (!(model.type === "srdClass" || (model.type === "equity" && model.hasSrd))) throw mismatch("SRD classes or equities with SRD"); break;
    case "cash": if (["option", "future", "optionClass", "futureClass", "srdClass"].includes(model.type)) throw mismatch("cash products (use the option, future or srd block)"); break;
  }
}

function requiredTradingType(request: OrderRequest, model: InstrumentModel): TradingType {
  if (request.product === "srd") return "srd";
  if (request.product === "cash") return "equities";
  const country = DERIVATIVES_COUNTRY_BY_MIC[model.marketIdentificationCode ?? ""] ?? "Nl";
  return `${request.product === "option" ? "options" : "futures"}${country}` as TradingType;
}

function assertTradingRight(account: SeedAccount, request: OrderRequest, model: InstrumentModel): void {
  const needed = requiredTradingType(request, model);
  if (!account.tradingAllowed.includes(needed)) {
    throw new ApiError(422, "productNotEnabled",
      `Account ${account.number} (${account.type}) has no trading right '${needed}' (it has: ${account.tradingAllowed.join(", ") || "none"}).`,
      tradingTexts.productNotEnabled(needed));
  }
}

function money(amount: number): string {
  return amount.toFixed(2);
}
