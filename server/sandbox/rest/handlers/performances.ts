import { PerformanceReport } from "../../trading/performance";
import { accountFor } from "../account-access";
import { ApiError, badRequest, endUser } from "../api-error";
import type { Handler } from "../handler";
import { clip } from "../../../shared/clip";

/** #9 GET /accounts/{accountNumber}/performances: one summary per year the account was active. */
export const getPerformances: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  const { trading, clock } = request.ctx;
  const { performances, summary } = new PerformanceReport(trading.book(account.number), trading.market, clock.now()).overview();
  return { body: { performancesCollection: { performances }, summary } };
};

/** #10 GET /accounts/{accountNumber}/performances/{year}: per instrument; onPosition=false folds derivatives into their underlying. */
export const getPerformance: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  const yearText = request.params.year;
  if (!/^\d{4}$/.test(yearText)) throw badRequest("year", `'${clip(yearText)}' is not a year (4 digits).`);
  const year = Number(yearText);
  const onPosition = request.query.boolean("onPosition", true);
  const { trading, clock } = request.ctx;
  const report = new PerformanceReport(trading.book(account.number), trading.market, clock.now(), !onPosition);
  if (!report.years.includes(year)) {
    throw new ApiError(404, "notFound",
      `Account ${account.number} has no performance for ${year}: it was active from ${report.years[0]} to ${report.years[report.years.length - 1]}.`,
      endUser.notFound);
  }
  const { performances, summary } = report.ofYear(year);
  return { body: { performancesCollection: { performances }, summary } };
};
