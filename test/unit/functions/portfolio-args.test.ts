import {
  parseAccount, parseBalanceField, parseCalendarDate, parseDateMs, parseHeaders, parseInterval, parseOrderStatus, parseSearchCount, parseSearchText,
} from "../../../src/functions/portfolio-args";

describe("portfolio function arguments", () => {
  it("reads an account as text or number, omitted as the taskpane's", () => {
    expect([parseAccount(null), parseAccount(" 190126781 "), parseAccount(190126781)]).toEqual([undefined, "190126781", "190126781"]);
    expect(() => parseAccount("19 01")).toThrow("account '19 01' is not an account number; give one from BINCK.ACCOUNTS(), or omit it for the account picked in the taskpane.");
  });

  it("takes headers as TRUE by default, and refuses what is not a boolean", () => {
    expect([parseHeaders(null), parseHeaders(false), parseHeaders("TRUE"), parseHeaders(0)]).toEqual([true, false, true, false]);
    expect(() => parseHeaders("yes")).toThrow("headers 'yes' must be TRUE or FALSE.");
  });

  it("names the valid values of a field, status and interval, case-insensitive", () => {
    expect([parseBalanceField("CASHBALANCE"), parseOrderStatus(undefined), parseOrderStatus("Open"), parseInterval(null), parseInterval("oneweek")])
      .toEqual(["cashBalance", "all", "open", "oneDay", "oneWeek"]);
    expect(() => parseOrderStatus("pending")).toThrow("status 'pending' is not an order status; use one of all, open, executed, canceled.");
    expect(() => parseBalanceField("cash")).toThrow("field 'cash' is not a balance field; use one of assetsTotalValue, cashBalance, portfolioValue, availableSpendingLimit, availableSpendingLimitSrd, currency.");
  });

  it("reads dates as Excel dates or YYYY-MM-DD and refuses anything else", () => {
    expect(parseDateMs(46_027.5, "from", "UTC")).toBe(Date.UTC(2026, 0, 5, 12));
    expect(parseDateMs("2026-01-05", "from", "Europe/Amsterdam")).toBe(Date.UTC(2026, 0, 4, 23));
    expect([parseCalendarDate(46_027.75, "to"), parseCalendarDate("2026-01-05", "to"), parseCalendarDate(null, "to")]).toEqual(["2026-01-05", "2026-01-05", undefined]);
    expect(() => parseDateMs("2026-02-30", "from")).toThrow("from '2026-02-30' is not a date; give an Excel date (e.g. DATE(2026,1,5)) or a text YYYY-MM-DD.");
    expect(() => parseCalendarDate(-3, "to")).toThrow("to -3 is not a date");
  });

  it("checks SEARCH's text and count", () => {
    expect([parseSearchText(" asml "), parseSearchCount(null), parseSearchCount(25)]).toEqual(["asml", 10, 25]);
    expect(() => parseSearchText("a")).toThrow("text 'a' must be 2 to 30 characters of an instrument's name.");
    expect(() => parseSearchCount(101)).toThrow("count 101 must be a whole number from 1 to 100.");
  });
});
