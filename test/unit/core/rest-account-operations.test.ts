import { ManualClock } from "../../../src/core/clock";
import { BinckRestClient, type FetchLike } from "../../../src/core/rest/client";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import type { TokenSource } from "../../../src/core/session/token-source";

const tokens: TokenSource = {
  getAccessToken: () => "token",
  renewAfterRejection: async () => false,
  noteActivity: () => undefined,
  onTokenRefreshed: () => () => undefined,
};
const metadata = { version: "1", timestamp: "t" };
const BASE = "https://api.test/api/v1";

/** A fake Binck with `total` positions, paged as the sandbox pages (range, paging.next, count). */
function pagedPositions(total: number) {
  const urls: string[] = [];
  const fetchFn: FetchLike = async (url) => {
    const path = url.replace(BASE, "");
    urls.push(path);
    const range = /range=(\d+)-(\d+)/.exec(path)!;
    const first = Number(range[1]);
    const last = Math.min(Number(range[2]), total - 1);
    const positions = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => ({ instrument: { id: `i${first + i}`, name: "x" }, quantity: first + i }));
    const paging = positions.length === 0 ? undefined : { offset: first, limit: last, max: 100, refresh: `range=${first}-${first + 99}`, ...(last + 1 < total ? { next: `range=${last + 1}-${last + 100}` } : {}) };
    return new Response(JSON.stringify({ positionsCollection: { positions }, ...(paging ? { paging } : {}), count: total, metadata }), { status: 200 });
  };
  return { urls, fetchFn };
}

function client(fetchFn: FetchLike, budget = new RequestBudget(new ManualClock(Date.UTC(2026, 0, 5, 12))), maxPages?: number) {
  return new BinckRestClient(BASE, tokens, fetchFn, undefined, budget, maxPages === undefined ? undefined : { pageSize: 100, maxPages });
}

describe("BinckRestClient account operations", () => {
  it("reads every page of the positions, 100 a page, each page a request against the cap", async () => {
    const { urls, fetchFn } = pagedPositions(250);
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow: 2, windowMs: 60_000 });
    const reading = client(fetchFn, budget).getPositions("190126781");
    await new Promise((resolve) => setImmediate(resolve));
    expect(urls).toEqual(["/accounts/190126781/positions?range=0-99", "/accounts/190126781/positions?range=100-199"]);
    clock.advance(60_000);
    const positions = await reading;
    expect(positions.map((position) => position.quantity)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(urls[2]).toBe("/accounts/190126781/positions?range=200-299");
    expect(budget.figures()).toMatchObject({ sent: 3 });
  });

  it("reads an empty collection with one request", async () => {
    const { urls, fetchFn } = pagedPositions(0);
    expect(await client(fetchFn).getPositions("190300007")).toEqual([]);
    expect(urls).toEqual(["/accounts/190300007/positions?range=0-99"]);
  });

  it("refuses a collection longer than maxPages pages instead of leaving rows out", async () => {
    const { fetchFn } = pagedPositions(350);
    await expect(client(fetchFn, undefined, 3).getPositions("1")).rejects.toMatchObject({
      code: "invalidInput", endUserMessage: "More than 300 positions: ask for fewer (a shorter period or a filter).", developerMessage: "GET /accounts/1/positions: stopped after 3 pages of 100.",
    });
  });

  it("sends balances, orders, transactions and history with swagger's parameter names", async () => {
    const urls: string[] = [];
    const body = {
      balancesCollection: { balances: [{ cashBalance: 10 }], currency: "EUR" },
      ordersCollection: { orders: [{ number: 7 }] },
      transactionsCollection: { transactions: [{ number: 3 }] },
      historicalQuotesCollection: { historicalQuotes: [{ dateTime: "d", first: 1, high: 2, low: 0.5, last: 1.5, cumVol: 9 }] },
      count: 1, metadata,
    };
    const rest = client(async (url) => {
      urls.push(url.replace(BASE, ""));
      return new Response(JSON.stringify(body), { status: 200 });
    });
    expect(await rest.getBalances("190126781")).toEqual({ balances: [{ cashBalance: 10 }], currency: "EUR" });
    expect(await rest.getOrders("190126781", { status: "open", includeStatusHistory: false })).toEqual([{ number: 7 }]);
    expect(await rest.getTransactions("190126781", { fromDate: "2026-01-01", toDate: "2026-01-05", mutationGroup: "buyAndSell" })).toEqual([{ number: 3 }]);
    expect(await rest.getQuoteHistory({ accountNumber: "190126781", instrumentId: "aSm1L", fromDateTime: "2026-01-01T00:00:00Z", interval: "oneHour" })).toHaveLength(1);
    expect(urls).toEqual([
      "/accounts/190126781/balances",
      "/accounts/190126781/orders?status=open&includeStatusHistory=false&range=0-99",
      "/accounts/190126781/transactions?fromDate=2026-01-01&toDate=2026-01-05&mutationGroup=buyAndSell&range=0-99",
      "/quotes/aSm1L/history?accountNumber=190126781&fromDateTime=2026-01-01T00%3A00%3A00Z&interval=oneHour",
    ]);
  });

  it.each([
    [{ fromDateTime: "2025-12-30T11:59:00Z", interval: "oneMinute" }, "fromDateTime '2025-12-30T11:59:00Z': the span of 6.0 days is longer than the 5 days Binck allows for interval oneMinute."],
    [{ fromDateTime: "2015-12-01", interval: "oneDay" }, "fromDateTime '2015-12-01': the span of 3688.5 days is longer than the 10 years Binck allows for interval oneDay."],
    [{ fromDateTime: "2026-01-04", toDateTime: "2026-01-03", interval: "oneDay" }, "fromDateTime '2026-01-04': must not be after toDateTime 2026-01-03."],
    [{ fromDateTime: "yesterday", interval: "oneDay" }, "fromDateTime 'yesterday': must be a date, YYYY-MM-DD or ISO-8601."],
    [{ fromDateTime: "2026-01-04", interval: "twoDays" }, "interval 'twoDays': must be one of oneMinute, fiveMinutes, tenMinutes, fifteenMinutes, oneHour, oneDay, oneWeek, oneMonth."],
  ])("refuses the history %p without a request", async (query, message) => {
    let calls = 0;
    const rest = client(async () => {
      calls++;
      return new Response("{}", { status: 200 });
    });
    await expect(rest.getQuoteHistory({ accountNumber: "1", instrumentId: "aSm1L", ...query } as never)).rejects.toMatchObject({ code: "invalidInput", endUserMessage: message });
    expect(calls).toBe(0);
  });

  it("refuses bad order and transaction filters without a request", async () => {
    const rest = client(async () => new Response("{}", { status: 200 }));
    await expect(rest.getOrders("1", { status: "pending" as never })).rejects.toMatchObject({ endUserMessage: "status 'pending': must be one of all, open, executed, canceled." });
    await expect(rest.getTransactions("1", { fromDate: "2026-02-01", toDate: "2026-01-01" })).rejects.toMatchObject({ endUserMessage: "toDate '2026-01-01': lies before fromDate 2026-02-01." });
    await expect(rest.getTransactions("1", { currency: "EURO" })).rejects.toMatchObject({ endUserMessage: "currency 'EURO': must be 3 letters." });
  });
});
