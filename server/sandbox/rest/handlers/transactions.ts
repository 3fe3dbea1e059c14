import type { MutationType } from "../../../../src/core/wire/models";
import { DAY_MS } from "../../trading/money";
import { accountFor } from "../account-access";
import { badRequest } from "../api-error";
import type { Handler } from "../handler";
import { pageFields, paginate } from "../paging";

/** The `mutationGroup` filter of #8 and the mutation types in each group (API.md 3.3 #8, enum spellings). */
export const MUTATION_GROUPS: Readonly<Record<string, readonly MutationType[]>> = {
  buyAndSell: ["assignmentCall", "assignmentPut", "excerciseCall", "excercisePut", "buy", "openingBuy", "openingBuyFutures",
    "sell", "openingSell", "openingSellFuture", "closingBuy", "closingBuyFuture", "closingSell", "closingSellFuture"],
  cost: ["settlementCosts"],
  couponPayment: ["securitiesLendingCouponPayment", "couponPayment"],
  dividendPayment: ["securitiesLendingDividendPayment", "dividendPayment"],
  interestPayment: ["creditInterest", "debitInterest"],
  moneyTransfer: ["externalTransfer", "internalTransfer", "onlineMoneyTransfer", "regulation"],
  positionMutation: ["buy", "sell"],
};

/** #8 GET /accounts/{accountNumber}/transactions: newest first, filtered, paged. */
export const getTransactions: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  const { query } = request;
  const fromMs = query.date("fromDate");
  const toDate = query.string("toDate");
  // A bare date includes that whole day; a date-time is an exact upper bound.
  const toMs = toDate === undefined ? undefined : query.date("toDate")! + (toDate.length === 10 ? DAY_MS - 1 : 0);
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) {
    throw badRequest("toDate", `'${toDate}' lies before fromDate '${query.string("fromDate")}'.`);
  }
  const group = query.enumValue("mutationGroup", Object.keys(MUTATION_GROUPS));
  const currency = query.string("currency", { pattern: /^[a-zA-Z]{3}$/ })?.toUpperCase();
  const types = group === undefined ? undefined : new Set(MUTATION_GROUPS[group]);
  const all = request.ctx.trading.book(account.number).transactions
    .filter(({ timeMs, model }) =>
      (fromMs === undefined || timeMs >= fromMs) && (toMs === undefined || timeMs <= toMs)
      && (types === undefined || types.has(model.mutationType)) && (currency === undefined || model.currency === currency))
    .map(({ model }) => model)
    .reverse();
  const page = paginate(all, query);
  return { body: { transactionsCollection: { transactions: page.items }, ...pageFields(page) } };
};
