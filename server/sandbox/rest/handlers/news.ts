import { DAY_MS, startOfUtcDay } from "../../trading/money";
import { accountFromQuery } from "../account-access";
import { badRequest, notFound } from "../api-error";
import type { Handler } from "../handler";
import { pageFields, paginate } from "../paging";
import { checkInstrumentId } from "./instrument-id";

/** Only the first 250 messages of a selection are available (swagger, News_GetNews). */
export const MAX_NEWS_PER_SELECTION = 250;
/** fromDate may reach back one month without instruments, one week with them. */
const MAX_DAYS_BACK_WITHOUT_INSTRUMENTS = 31;
const MAX_DAYS_BACK_WITH_INSTRUMENTS = 7;

/** #31 GET /news (scope news): the news of the account's subscription, newest first. */
export const getNews: Handler = (request) => {
  const account = accountFromQuery(request);
  const { query, ctx } = request;
  const now = ctx.clock.now();
  const instrumentIds = query.list("instrumentIds", { maxItems: 100 });
  for (const id of instrumentIds ?? []) {
    if (!ctx.market.catalogue.get(checkInstrumentId("instrumentIds", id))) throw notFound(`Instrument ${id}`);
  }
  const toDate = query.date("toDate");
  if (toDate !== undefined && instrumentIds !== undefined) throw badRequest("toDate", "cannot be combined with instrumentIds.");
  const fromDate = query.date("fromDate") ?? startOfUtcDay(now);
  const daysBack = instrumentIds ? MAX_DAYS_BACK_WITH_INSTRUMENTS : MAX_DAYS_BACK_WITHOUT_INSTRUMENTS;
  if (fromDate < now - daysBack * DAY_MS) {
    throw badRequest("fromDate", `${new Date(fromDate).toISOString()} is more than ${daysBack} days back (${instrumentIds ? "with" : "without"} instrumentIds).`);
  }
  const until = toDate ?? now;
  if (fromDate > until) throw badRequest("fromDate", `${new Date(fromDate).toISOString()} is after toDate ${new Date(until).toISOString()}.`);
  const selection = ctx.news.items(account.newsSubscription, fromDate, until, instrumentIds).slice(0, MAX_NEWS_PER_SELECTION);
  const page = paginate(selection, query);
  const news = page.items.map((item) => ({
    culture: item.culture,
    headline: item.headline,
    ...(item.body !== undefined ? { body: item.body } : {}),
    format: item.format,
    publishedDateTime: new Date(item.publishedMs).toISOString(),
    instrumentIds: [...item.instrumentIds],
  }));
  return {
    body: {
      newsCollection: { news },
      newsSubscriptionCollection: { subscriptions: [{ newsSubscription: account.newsSubscription }] },
      ...pageFields(page),
    },
  };
};
