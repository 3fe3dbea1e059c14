import { HISTORY_INTERVALS, REST_QUOTE_LEVELS } from "../../../../src/core/wire/instruments";
import { describeSpan, earliestStart, historyBars, isHistorySource } from "../../market/price-history";
import { quoteModel } from "../../market/quote-views";
import type { SandboxInstrument } from "../../market/market";
import { accountFromQuery } from "../account-access";
import { ApiError, badRequest, notFound } from "../api-error";
import type { ApiRequest, Handler } from "../handler";
import { pageFields, paginate } from "../paging";
import { DAY_MS } from "../../trading/money";
import { checkInstrumentId } from "./instrument-id";

/** Ids per GET /quotes call; swagger sets no limit, the answer is paged by 100 (the demo asks 100 at a time). */
export const MAX_QUOTE_IDS_PER_REQUEST = 3000;

/** #29 GET /quotes (scope quotes): snapshots; `level` is the maximal level returned (absent: fullBook). */
export const getQuotes: Handler = (request) => {
  accountFromQuery(request);
  const ids = [...new Set(request.query.list("instrumentIds", { required: true, maxItems: MAX_QUOTE_IDS_PER_REQUEST })!)];
  const level = request.query.enumValue("level", REST_QUOTE_LEVELS, "fullBook")!;
  const instruments = ids.map((id) => quotableInstrument(request, id, "instrumentIds"));
  const page = paginate(instruments, request.query);
  const quotes = page.items.map((instrument) => quoteModel(instrument, request.ctx.market.quote(instrument.model.id)!, level));
  return { body: { quotesCollection: { quotes }, ...pageFields(page) } };
};

/** #30 GET /quotes/{instrumentId}/history (scope quotes): OHLC bars; each interval has a longest span. */
export const getQuoteHistory: Handler = (request) => {
  accountFromQuery(request);
  const instrument = quotableInstrument(request, request.params.instrumentId, "instrumentId");
  const { query } = request;
  const interval = query.enumValue("interval", HISTORY_INTERVALS);
  if (interval === undefined) throw badRequest("interval", `is required: one of ${HISTORY_INTERVALS.join(", ")}.`);
  const fromMs = query.date("fromDateTime", { required: true })!;
  const toMs = query.date("toDateTime") ?? request.ctx.clock.now();
  if (fromMs > toMs) throw badRequest("fromDateTime", `${new Date(fromMs).toISOString()} is after toDateTime ${new Date(toMs).toISOString()}.`);
  if (fromMs < earliestStart(interval, toMs)) {
    throw badRequest("fromDateTime", `the span of ${((toMs - fromMs) / DAY_MS).toFixed(1)} days is longer than the ${describeSpan(interval)} allowed for interval ${interval}.`);
  }
  const market = request.ctx.market;
  if (!isHistorySource(market)) throw new ApiError(501, "notImplemented", "This market has no price history.", "Not available.", "NotImplemented");
  const historicalQuotes = historyBars(market, instrument.model.id, interval, fromMs, toMs);
  return { body: { historicalQuotesCollection: { historicalQuotes } } };
};

function quotableInstrument(request: ApiRequest, id: string, field: string): SandboxInstrument {
  const instrument = request.ctx.market.catalogue.get(checkInstrumentId(field, id));
  if (!instrument) throw notFound(`Instrument ${id}`);
  if (!instrument.quotable) throw badRequest(field, `instrument ${id} is a ${instrument.model.type}, which has no quotes.`);
  return instrument;
}
