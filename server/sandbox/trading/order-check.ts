import type { Realm } from "../../../src/core/wire/auth";
import type { PreviewOrderModel } from "../../../src/core/wire/models";
import type { Localized } from "../i18n";
import { localize } from "../i18n";
import type { Market, SandboxInstrument } from "../market/market";
import { badRequest, type ApiError } from "../rest/api-error";
import type { Language, SeedAccount } from "../seed/people";
import type { AccountBook, HeldInstrument } from "./account-book";
import { orderCostLines, totalEuro, type CostLine } from "./costs";
import { referencePrice } from "./matching";
import { tradingTexts } from "./messages";
import { BASE_CURRENCY, isoDateTime, roundMoney, roundPrice, toEuro } from "./money";
import type { Order, OrderSide, StrategyCondition } from "./order";
import type { OrderRequest } from "./order-request";
import { heldInstrument } from "./seed-book";
import { availableSpendingLimit, portfolioValueEuro, cashEuro } from "./valuation";
import { assertBlockFitsInstrument, assertOnTick, expiryOf, missingTradingRight } from "./order-rules";
import { reservedEuro, sellableQuantity } from "./reservations";
import { assertSameOptionClass, limitDebit, netDebit, netPriceFor } from "./strategy";

/** When a preview asks the customer to confirm (API.md 3.3 #14: warningsToBeConfirmed). */
export const WARNING_THRESHOLDS = {
  /** Limit price this far from the last price, in percent. */
  limitDistancePercent: 10,
  /** Order value above this share of the assets total value, in percent. */
  largeOrderPercent: 25,
};

/** One leg of a checked order: the single leg of most orders, or one of the two legs of a strategy. */
export interface CheckedLeg {
  side: OrderSide;
  /** Field path of its instrument id, for error messages. */
  field: string;
  instrument: SandboxInstrument;
  held: HeldInstrument;
  /** Price per unit used for the value: limit, stop, or the current opposite best price (strategies: the leg's market price). */
  estimatedPrice?: number;
  valueInCurrency: number;
  valueEuro: number;
  costs: CostLine[];
}

export interface CheckedOrder {
  request: OrderRequest;
  /** One leg, two for an option strategy (option.leg1, option.leg2). */
  legs: CheckedLeg[];
  /** The engine expires the order then. */
  expiresAtMs: number;
  /** Reasons why the order cannot be registered (preview: orderCanBeRegistered false; placement: 422). */
  refusals: Localized[];
  toConfirm: Localized[];
  toShow: Localized[];
  spending?: { current: number; effect: number; next: number };
  /** Set when the account lacks the trading right: preview answers 200 with the reason, costs and placement 422. */
  missingRight?: ApiError;
}

export interface CheckContext {
  account: SeedAccount;
  realm: Realm;
  book: AccountBook;
  market: Market;
  openOrders: readonly Order[];
  nowMs: number;
}

/**
 * Resolves and checks an order against the instrument(s), the account's rights, money and positions.
 * Malformed content is a 400; what keeps a well-formed order from being registered (no trading right,
 * no money, no position) goes into `refusals`, because preview declares only 200/400/401 (swagger
 * Orders_PreviewOrder) and says why in `warningsToBeShown`.
 */
export function checkOrder(request: OrderRequest, context: CheckContext): CheckedOrder {
  const { market, nowMs } = context;
  const requested = [{ side: request.side, instrumentId: request.instrumentId, field: request.instrumentField }];
  if (request.secondLeg) requested.push({ side: request.secondLeg.side, instrumentId: request.secondLeg.instrumentId, field: request.secondLeg.instrumentField });
  const instruments = requested.map((leg) => resolveInstrument(leg.instrumentId, leg.field, market));
  requested.forEach((leg, index) => assertBlockFitsInstrument(request.product, leg.field, instruments[index].model));
  if (request.secondLeg) assertSameOptionClass(instruments[0].model, instruments[1].model, request.secondLeg.instrumentField);
  const model = instruments[0].model;
  for (const field of ["limitPrice", "stopPrice"] as const) {
    const price = request[field];
    if (price !== undefined) assertOnTick(field, price, model);
  }
  const expiresAtMs = expiryOf(request, model, nowMs);
  const legs = requested.map((leg, index) => priceLeg(request, leg.side, leg.field, instruments[index], context));
  const checked: CheckedOrder = { request, legs, expiresAtMs, refusals: [], toConfirm: [], toShow: [] };

  const missingRight = missingTradingRight(context.account, request.product, instruments.map((instrument) => instrument.model));
  if (missingRight) {
    checked.missingRight = missingRight;
    checked.refusals.push(missingRight.endUserMessage as Localized);
    return checked;
  }
  if (legs.some((leg) => leg.estimatedPrice === undefined)) checked.refusals.push(tradingTexts.orderRefused);
  if (request.secondLeg) checkStrategyMoney(checked, context);
  else checkSingleMoney(checked, context);
  for (const leg of legs) if (leg.instrument.model.isKidApplicable) checked.toConfirm.push(tradingTexts.kidNotRead(leg.instrument.model.name));
  if (request.expirationDate && expiresAtMs < request.expirationDate.timeMs) {
    checked.toShow.push(tradingTexts.expiryCapped(isoDateTime(expiresAtMs).slice(0, 10)));
  }
  return checked;
}

function resolveInstrument(instrumentId: string, field: string, market: Market): SandboxInstrument {
  const instrument = market.catalogue.get(instrumentId);
  if (!instrument) throw badRequest(field, `'${instrumentId}' is not a known instrument.`);
  const model = instrument.model;
  if (!model.isTradable) throw badRequest(field, `'${model.id}' (${model.name}, ${model.type}) is not tradable.`);
  return instrument;
}

function priceLeg(request: OrderRequest, side: OrderSide, field: string, instrument: SandboxInstrument, context: CheckContext): CheckedLeg {
  const held = heldInstrument(instrument);
  const quote = context.market.quote(instrument.model.id);
  const best = side === "buy" ? quote?.ask[0]?.price : quote?.bid[0]?.price;
  // A strategy's limit is a net price, not a price of either leg: each leg is valued at its market price.
  const own = request.secondLeg ? undefined : request.limitPrice ?? request.stopPrice;
  const estimatedPrice = own ?? best ?? referencePrice(quote);
  const valueInCurrency = estimatedPrice === undefined ? 0 : request.quantity * estimatedPrice * held.contractSize;
  const valueEuro = roundMoney(toEuro(valueInCurrency, held.currency));
  const costs = orderCostLines({ valueInCurrency, currency: held.currency, isin: held.isin, side, realm: context.realm });
  return { side, field, instrument, held, ...(estimatedPrice !== undefined ? { estimatedPrice } : {}), valueInCurrency, valueEuro, costs };
}

/** A single-leg order: buys need spending limit, sells a free position; warnings about the price and size. */
function checkSingleMoney(checked: CheckedOrder, context: CheckContext): void {
  const { request } = checked;
  const [leg] = checked.legs;
  const model = leg.instrument.model;
  if (request.side === "buy") {
    const current = availableSpendingLimit(context.book, reservedEuro(context.openOrders, context.market)) ?? 0;
    const effect = -roundMoney(leg.valueEuro + totalEuro(leg.costs));
    checked.spending = { current, effect, next: roundMoney(current + effect) };
    if (current + effect < 0) checked.refusals.push(tradingTexts.insufficientSpendingLimit(money(-effect), money(current)));
  } else {
    assertSellable(checked, leg, context);
  }
  const last = referencePrice(context.market.quote(model.id));
  const farFromMarket = request.limitPrice !== undefined ? limitDistanceWarning(request.limitPrice, last) : undefined;
  if (farFromMarket) checked.toConfirm.push(farFromMarket);
  if (request.side === "buy") warnLargeOrder(checked, leg.valueEuro, context);
  if (request.stopPrice !== undefined && last !== undefined && (request.side === "buy" ? last >= request.stopPrice : last <= request.stopPrice)) {
    checked.toShow.push(tradingTexts.stopAlreadyReached(String(request.stopPrice), String(last)));
  }
}

/**
 * A strategy: the net debit (the limit for a limit order, the legs' market prices for a market order)
 * plus both legs' costs must fit the spending limit; sell legs need a free position (the sandbox does
 * not let accounts write options).
 */
function checkStrategyMoney(checked: CheckedOrder, context: CheckContext): void {
  const { request } = checked;
  const condition = request.condition!;
  const [leg1] = checked.legs;
  const contract = request.quantity * leg1.held.contractSize;
  const marketDebit = checked.legs.every((leg) => leg.estimatedPrice !== undefined)
    ? netDebit(checked.legs.map((leg) => ({ side: leg.side, price: leg.estimatedPrice! })))
    : undefined;
  const debit = request.limitPrice !== undefined ? limitDebit(condition, request.limitPrice) : marketDebit ?? 0;
  const debitEuro = roundMoney(toEuro(debit * contract, leg1.held.currency));
  const costsEuro = totalEuro(checked.legs.flatMap((leg) => leg.costs));
  const current = availableSpendingLimit(context.book, reservedEuro(context.openOrders, context.market)) ?? 0;
  const effect = -roundMoney(debitEuro + costsEuro);
  checked.spending = { current, effect, next: roundMoney(current + effect) };
  if (effect < 0 && current + effect < 0) checked.refusals.push(tradingTexts.insufficientSpendingLimit(money(-effect), money(current)));
  for (const leg of checked.legs) if (leg.side === "sell") assertSellable(checked, leg, context);

  const farFromMarket = request.limitPrice !== undefined && marketDebit !== undefined
    ? strategyLimitDistanceWarning(condition, request.limitPrice, marketDebit)
    : undefined;
  if (farFromMarket) checked.toConfirm.push(farFromMarket);
  if (debitEuro > 0) warnLargeOrder(checked, debitEuro, context);
}

/** The confirmation asked for a limit price far from the last price (none without a last price). */
export function limitDistanceWarning(limitPrice: number, last: number | undefined): Localized | undefined {
  if (last === undefined || last <= 0) return undefined;
  const distance = (Math.abs(limitPrice - last) / last) * 100;
  return distance > WARNING_THRESHOLDS.limitDistancePercent
    ? tradingTexts.limitFarFromMarket(String(limitPrice), String(last), distance.toFixed(1))
    : undefined;
}

/** The same for a strategy: its net price against the net price of the legs' market prices (`marketDebit`). */
export function strategyLimitDistanceWarning(condition: StrategyCondition, limitPrice: number, marketDebit: number): Localized | undefined {
  const net = roundPrice(netPriceFor(condition, marketDebit));
  const distance = net === 0 ? 0 : (Math.abs(limitPrice - net) / Math.abs(net)) * 100;
  return distance > WARNING_THRESHOLDS.limitDistancePercent
    ? tradingTexts.strategyLimitFarFromMarket(String(limitPrice), String(net), distance.toFixed(1))
    : undefined;
}

function assertSellable(checked: CheckedOrder, leg: CheckedLeg, context: CheckContext): void {
  const available = sellableQuantity(context.book, context.openOrders, leg.instrument.model.id);
  const quantity = checked.request.quantity;
  if (quantity > available) checked.refusals.push(tradingTexts.noPositionToSell(String(quantity), String(available), leg.instrument.model.name));
}

function warnLargeOrder(checked: CheckedOrder, valueEuro: number, context: CheckContext): void {
  const assets = cashEuro(context.book) + portfolioValueEuro(context.book, context.market);
  if (assets > 0 && (valueEuro / assets) * 100 > WARNING_THRESHOLDS.largeOrderPercent) {
    checked.toConfirm.push(tradingTexts.largeOrder(((valueEuro / assets) * 100).toFixed(1)));
  }
}

/** The preview answer for a checked order; the code is only given when the order can be registered. */
export function previewModel(checked: CheckedOrder, language: Language, validationCode: string | undefined): PreviewOrderModel {
  const canRegister = checked.refusals.length === 0;
  const preview: PreviewOrderModel = {
    orderCanBeRegistered: canRegister,
    warningsToBeShown: [...checked.refusals, ...checked.toShow].map((text) => localize(text, language)),
    warningsToBeConfirmed: checked.toConfirm.map((text) => localize(text, language)),
    currency: BASE_CURRENCY,
  };
  // Buys open and sells close (the sandbox has no short positions); a strategy mixing both has no single effect.
  const sides = new Set(checked.legs.map((leg) => leg.side));
  if (sides.size === 1) preview.positionEffect = sides.has("buy") ? "open" : "close";
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

function money(amount: number): string {
  return amount.toFixed(2);
}
