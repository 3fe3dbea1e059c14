import type { InstrumentModel, TradingType } from "../../../src/core/wire/models";
import { isOnTick, tickSizeAt, type TickStep } from "../market/tick-sizes";
import { ApiError, badRequest } from "../rest/api-error";
import type { SeedAccount } from "../seed/people";
import { tradingTexts } from "./messages";
import { startOfUtcDay } from "./money";
import type { ProductBlock } from "./order";
import type { OrderRequest } from "./order-request";
import { closeOfDay, latestExpiry, nextClose } from "./trading-calendar";

/** Rules an order must follow on its instrument and account: product block, trading right, tick size, expiry. */

/** Trading rights per market for options and futures (settings #5 `tradingAllowed`). */
const DERIVATIVES_COUNTRY_BY_MIC: Readonly<Record<string, "Nl" | "Be" | "Fr" | "Usa" | "De" | "It">> = {
  XAMS: "Nl", XEUE: "Nl", XBRU: "Be", XPAR: "Fr", XMON: "Fr", XNAS: "Usa", XNYS: "Usa", XCBO: "Usa",
  XEUR: "De", XETR: "De", XMIL: "It", MTAA: "It", ETLX: "It",
};

/**
 * The tick size that applies to a price, read from the wire model's table (API.md 3.3 #20); the finest
 * price decimal when no step of the table starts at or below the price.
 */
function tickSizeOf(model: InstrumentModel, price: number): number {
  const steps = (model.tickSizeCollection?.tickSizes ?? [])
    .filter((step): step is TickStep => typeof step.from === "number" && typeof step.size === "number" && step.size > 0)
    .sort((a, b) => a.from - b.from);
  return steps.length > 0 && steps[0].from <= price ? tickSizeAt(steps, price) : 10 ** -model.priceDecimals;
}

export function assertOnTick(field: string, price: number, model: InstrumentModel): void {
  const size = tickSizeOf(model, price);
  if (!isOnTick(price, size)) {
    throw badRequest(field, `${price} is not on the tick size of ${model.name}: prices at this level move in steps of ${size}.`);
  }
}

export function expiryOf(request: OrderRequest, model: InstrumentModel, nowMs: number): number {
  const mic = model.marketIdentificationCode;
  if (request.duration === "day") return nextClose(nowMs, mic);
  const cap = latestExpiry(nowMs, mic);
  if (request.duration === "goodTillCancelled") return cap;
  const wanted = request.expirationDate!.timeMs;
  if (wanted < startOfUtcDay(nowMs)) throw badRequest("expirationDate", `'${request.expirationDate!.text}' lies in the past.`);
  // A GTD order lives until the close of its expiration day, within the cap.
  return Math.min(cap, Math.max(nextClose(nowMs, mic), closeOfDay(wanted, mic)));
}

export function assertBlockFitsInstrument(product: ProductBlock, field: string, model: InstrumentModel): void {
  const mismatch = (expected: string) =>
    badRequest(field, `'${model.id}' is of type ${model.type}; the ${product} block takes ${expected}.`);
  switch (product) {
    case "option": if (model.type !== "option") throw mismatch("options"); break;
    case "future": if (model.type !== "future") throw mismatch("futures"); break;
    case "srd": if (!(model.type === "srdClass" || (model.type === "equity" && model.hasSrd))) throw mismatch("SRD classes or equities with SRD"); break;
    case "cash": if (["option", "future", "optionClass", "futureClass", "srdClass"].includes(model.type)) throw mismatch("cash products (use the option, future or srd block)"); break;
  }
}

function requiredTradingType(product: ProductBlock, model: InstrumentModel): TradingType {
  if (product === "srd") return "srd";
  if (product === "cash") return "equities";
  const country = DERIVATIVES_COUNTRY_BY_MIC[model.marketIdentificationCode ?? ""] ?? "Nl";
  return `${product === "option" ? "options" : "futures"}${country}` as TradingType;
}

/** The 422 productNotEnabled for the first trading right the account lacks, if any (settings #5). */
export function missingTradingRight(account: SeedAccount, product: ProductBlock, models: readonly InstrumentModel[]): ApiError | undefined {
  for (const model of models) {
    const needed = requiredTradingType(product, model);
    if (!account.tradingAllowed.includes(needed)) {
      return new ApiError(422, "productNotEnabled",
        `Account ${account.number} (${account.type}) has no trading right '${needed}' (it has: ${account.tradingAllowed.join(", ") || "none"}).`,
        tradingTexts.productNotEnabled(needed));
    }
  }
  return undefined;
}
