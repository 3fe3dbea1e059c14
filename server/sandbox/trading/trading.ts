import type { Clock } from "../../../src/core/clock";
import type { Realm } from "../../../src/core/wire/auth";
import type { OrderCostsResponse, PreviewOrderModel } from "../../../src/core/wire/models";
import type { SandboxEvents } from "../events";
import type { Logger } from "../../shared/logger";
import type { Market } from "../market/market";
import { localize, type Localized } from "../i18n";
import { ApiError } from "../rest/api-error";
import { allAccounts, type Language, type SeedAccount } from "../seed/people";
import type { AccountBook } from "./account-book";
import { costsCollection } from "./cost-report";
import { tradingTexts } from "./messages";
import { linesOf, type Order } from "./order";
import { netDebit } from "./strategy";
import { referencePrice } from "./matching";
import { checkOrder, limitDistanceWarning, orderContentKey, previewModel, strategyLimitDistanceWarning, type CheckedOrder } from "./order-check";
import { assertOnTick } from "./order-rules";
import { reservedEuro } from "./reservations";
import { OrderEngine } from "./order-engine";
import type { ModifyRequest, OrderRequest } from "./order-request";
import { seedAccountBook } from "./seed-book";
import { ValidationCodes } from "./validation-code";

export interface TradingDeps {
  clock: Clock;
  market: Market;
  events: SandboxEvents;
  logger: Logger;
}

/** Who asks: the account, the session's realm (costs differ per label) and the customer's language. */
export interface TradingCaller {
  account: SeedAccount;
  realm: Realm;
  language: Language;
}

/**
 * Accounts and trading of the sandbox: the seeded books of every account, and the order engine that
 * changes them. REST handlers call this; the realtime hub hears its `order` events.
 */
export class Trading {
  private readonly books = new Map<string, AccountBook>();
  private readonly codes: ValidationCodes;
  readonly engine: OrderEngine;

  constructor(private readonly deps: TradingDeps) {
    this.codes = new ValidationCodes(deps.clock);
    this.engine = new OrderEngine({ ...deps, bookOf: (accountNumber) => this.book(accountNumber) });
    this.seed();
  }

  /** Back to the seeded accounts; open orders vanish without events, issued validation codes stop working. */
  reset(): void {
    this.engine.clear();
    this.codes.rotate();
    this.seed();
  }

  stop(): void {
    this.engine.clear();
  }

  get market(): Market {
    return this.deps.market;
  }

  book(accountNumber: string): AccountBook {
    const book = this.books.get(accountNumber);
    if (!book) throw new Error(`No book for account ${accountNumber}: it is not a seeded account.`);
    return book;
  }

  reservedEuro(accountNumber: string): number {
    return reservedEuro(this.engine.openOrdersOf(accountNumber), this.deps.market);
  }

  previewOrder(caller: TradingCaller, request: OrderRequest): PreviewOrderModel {
    const checked = this.check(caller, request);
    const code = checked.refusals.length === 0 ? this.codes.issue(caller.account.number, orderContentKey(request)) : undefined;
    return previewModel(checked, caller.language, code);
  }

  /** #15: one leg of costs, two for an option strategy. 422 (declared for this operation) when the order cannot be validated. */
  orderCosts(caller: TradingCaller, request: OrderRequest): OrderCostsResponse["costsCollection"] {
    const checked = this.check(caller, request);
    if (checked.missingRight) throw checked.missingRight;
    const unpriced = checked.legs.find((leg) => leg.estimatedPrice === undefined);
    if (unpriced) throw this.notValid(`There is no price for ${unpriced.field} '${unpriced.instrument.model.id}' to estimate the costs of this order.`);
    return costsCollection(checked, caller.language);
  }

  /** #16: only with a validation code of a preview of exactly this order. */
  placeOrder(caller: TradingCaller, request: OrderRequest): Order {
    if (request.validationCode === undefined) {
      throw this.notValid("validationCode is missing: preview the order first (POST /accounts/{accountNumber}/orders/preview) and send the validationCode it returns.");
    }
    const code = this.codes.check(request.validationCode, caller.account.number, orderContentKey(request));
    if (!code.ok) throw this.notValid(`The validationCode does not fit this order: ${code.reason}.`);
    const checked = this.check(caller, request);
    if (checked.missingRight) throw checked.missingRight;
    if (checked.refusals.length > 0) {
      const reasons = checked.refusals.map((text) => localize(text, "en")).join(" ");
      throw new ApiError(422, "orderNotValid", `The order cannot be registered: ${reasons}`, { ...checked.refusals[0] });
    }
    return this.engine.place(caller.account.number, checked);
  }

  findOrder(caller: TradingCaller, number: number): Order {
    const order = this.engine.find(caller.account.number, number);
    if (!order) {
      throw new ApiError(404, "orderNumberIsIncorrect", `Order ${number} does not exist in account ${caller.account.number}.`, tradingTexts.orderNotFound);
    }
    return order;
  }

  /**
   * #17: a preview of a new limit price (for a strategy: its net price), with its own validation code.
   * Swagger declares only 200/400/401 here, so an order whose limit cannot change is a 200 with
   * `orderCanBeRegistered: false` and the reason in `warningsToBeShown`.
   */
  previewModification(caller: TradingCaller, number: number, modify: ModifyRequest): PreviewOrderModel {
    const order = this.findOrder(caller, number);
    const lines = linesOf(order);
    const sides = new Set(lines.map((line) => line.side));
    const preview: PreviewOrderModel = { orderCanBeRegistered: false, warningsToBeShown: [], warningsToBeConfirmed: [], currency: order.instrument.currency };
    if (sides.size === 1) preview.positionEffect = sides.has("buy") ? "open" : "close";
    const refusal = this.engine.modificationRefusal(order);
    if (refusal) {
      preview.warningsToBeShown.push(localize(refusal === "type" ? tradingTexts.modificationOnlyLimit : tradingTexts.modificationNotOpen, caller.language));
      return preview;
    }
    this.assertLimitOnTick(order, modify.limitPrice);
    const farFromMarket = this.limitDistanceWarning(order, modify.limitPrice);
    if (farFromMarket) preview.warningsToBeConfirmed.push(localize(farFromMarket, caller.language));
    preview.orderCanBeRegistered = true;
    preview.validationCode = this.codes.issue(caller.account.number, modificationKey(order, modify.limitPrice));
    return preview;
  }

  /** A limit far from the last price, or for a strategy from the legs' current net price. */
  private limitDistanceWarning(order: Order, limitPrice: number): Localized | undefined {
    const lastOf = (line: Order) => referencePrice(this.deps.market.quote(line.instrument.id));
    if (!order.combination) return limitDistanceWarning(limitPrice, lastOf(order));
    const prices = order.combination.lines.map(lastOf);
    if (prices.some((price) => price === undefined)) return undefined;
    const debit = netDebit(order.combination.lines.map((line, index) => ({ side: line.side, price: prices[index]! })));
    return strategyLimitDistanceWarning(order.combination.condition, limitPrice, debit);
  }

  /** #18: changes the limit price; needs the code of #17 for this very price. */
  modifyOrder(caller: TradingCaller, number: number, modify: ModifyRequest): Order {
    const order = this.modifiableOrder(caller, number, modify.limitPrice);
    if (modify.validationCode === undefined) {
      throw this.notValid("validationCode is missing: preview the modification first (POST /accounts/{accountNumber}/orders/{number}/preview).");
    }
    const code = this.codes.check(modify.validationCode, caller.account.number, modificationKey(order, modify.limitPrice));
    if (!code.ok) throw this.notValid(`The validationCode does not fit this modification: ${code.reason}.`);
    this.engine.modifyLimit(order, modify.limitPrice);
    return order;
  }

  /** #19: the cancellation is requested now and confirmed shortly after. */
  cancelOrder(caller: TradingCaller, number: number): Order {
    const order = this.findOrder(caller, number);
    if (!this.engine.requestCancel(order)) {
      throw new ApiError(422, "orderCancellationNotPossible",
        `Order ${number} cannot be canceled: its status is ${order.status}.`, tradingTexts.cancellationNotPossible);
    }
    return order;
  }

  private modifiableOrder(caller: TradingCaller, number: number, limitPrice: number): Order {
    const order = this.findOrder(caller, number);
    if (!this.engine.mayModify(order)) {
      throw new ApiError(422, "orderModificationRefused",
        `Order ${number} cannot be modified: only the limit price of an open limit or stopLimit order can change (type ${order.type}, status ${order.status}).`,
        tradingTexts.modificationRefused);
    }
    this.assertLimitOnTick(order, limitPrice);
    return order;
  }

  private assertLimitOnTick(order: Order, limitPrice: number): void {
    const instrument = this.deps.market.catalogue.get(order.instrument.id);
    if (instrument) assertOnTick("limitPrice", limitPrice, instrument.model);
  }

  private check(caller: TradingCaller, request: OrderRequest): CheckedOrder {
    return checkOrder(request, {
      account: caller.account,
      realm: caller.realm,
      book: this.book(caller.account.number),
      market: this.deps.market,
      openOrders: this.engine.openOrdersOf(caller.account.number),
      nowMs: this.deps.clock.now(),
    });
  }

  private notValid(developerMessage: string): ApiError {
    return new ApiError(422, "orderNotValid", developerMessage, tradingTexts.orderNotValid);
  }

  private seed(): void {
    this.books.clear();
    const now = this.deps.clock.now();
    for (const account of allAccounts()) {
      const { book, trades } = seedAccountBook(account, this.deps.market.catalogue, now, this.deps.logger);
      this.books.set(account.number, book);
      for (const trade of trades) this.engine.addPastOrder(account.number, trade);
    }
  }
}

function modificationKey(order: Order, limitPrice: number): string {
  return JSON.stringify({ modify: order.number, limitPrice });
}
