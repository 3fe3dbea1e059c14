import { parseModifyOrder, parseNewOrder } from "../../../server/sandbox/trading/order-request";

const valid = { type: "limit", quantity: 10, duration: "day", limitPrice: 12.5, cash: { side: "buy", instrumentId: "iNg01" } };

describe("parseNewOrder", () => {
  it("accepts a valid order, ignores unknown fields and keeps the instrument's field path", () => {
    expect(parseNewOrder({ ...valid, orderLineNumber: 1, referenceId: "r-1" })).toEqual({
      type: "limit", quantity: 10, duration: "day", limitPrice: 12.5, product: "cash", side: "buy", instrumentId: "iNg01",
      instrumentField: "cash.instrumentId", referenceId: "r-1",
    });
  });

  it.each<[string, unknown, string]>([
    ["a non-object body", [1, 2, 3], "body: must be a JSON object, not an array of 3 items."],
    ["a null body", null, "body: must be a JSON object, not null."],
    ["a missing type", { ...valid, type: undefined }, "type: is required (one of limit, market, stop, stopLimit)."],
    ["an unknown type", { ...valid, type: "allOrNone" }, "type: the string 'allOrNone' is not one of limit, market, stop, stopLimit."],
    ["a quantity as a string", { ...valid, quantity: "10" }, "quantity: the string '10' is not a number."],
    ["a fractional quantity", { ...valid, quantity: 1.5 }, "quantity: 1.5 is not a whole number above 0."],
    ["a zero quantity", { ...valid, quantity: 0 }, "quantity: 0 is not a whole number above 0."],
    ["a huge quantity", { ...valid, quantity: 5_000_000 }, "quantity: 5000000 is above the maximum of 1000000."],
    ["a missing duration", { ...valid, duration: undefined }, "duration: is required (one of day, goodTillCancelled, goodTillDate)."],
    ["goodTillDate without a date", { ...valid, duration: "goodTillDate" }, "expirationDate: is required with duration goodTillDate."],
    ["a date with a day order", { ...valid, expirationDate: "2026-01-09" }, "expirationDate: is only allowed with duration goodTillDate, not with day."],
    ["a bad date", { ...valid, duration: "goodTillDate", expirationDate: "next friday" }, "expirationDate: 'next friday' is not an ISO-8601 date-time."],
    ["a limit order without limitPrice", { ...valid, limitPrice: undefined }, "limitPrice: is required for a limit order."],
    ["a market order with a limitPrice", { ...valid, type: "market" }, "limitPrice: is not allowed for a market order."],
    ["a stop order without stopPrice", { ...valid, type: "stop", limitPrice: undefined }, "stopPrice: is required for a stop order."],
    ["a negative limit", { ...valid, limitPrice: -1 }, "limitPrice: -1 is not between 0 (exclusive) and 1000000."],
    ["no product block", { ...valid, cash: undefined }, "cash: exactly one product block of cash, srd, option, future is required; the body has none."],
    ["two product blocks", { ...valid, future: { side: "buy", instrumentId: "x" } }, "cash, future: exactly one product block of cash, srd, option, future is required; the body has cash and future."],
    ["a bad side", { ...valid, cash: { side: "short", instrumentId: "iNg01" } }, "cash.side: the string 'short' is not one of buy, sell."],
    ["a missing instrument", { ...valid, cash: { side: "buy" } }, "cash.instrumentId: is required."],
    ["an instrument id with symbols", { ...valid, cash: { side: "buy", instrumentId: "../x" } }, "cash.instrumentId: the string '../x' is not an instrument id (1 to 20 letters or digits)."],
    ["an option without leg1", { ...valid, cash: undefined, option: {} }, "option.leg1: is required."],
    ["a long referenceId", { ...valid, referenceId: "r".repeat(41) }, `referenceId: '${"r".repeat(41)}' is longer than 40 characters.`],
    ["a numeric validationCode", { ...valid, validationCode: 42 }, "validationCode: number 42 is not a string."],
  ])("refuses %s with a 400 naming the field", (_name, body, message) => {
    expect(() => parseNewOrder(body)).toThrow(expect.objectContaining({ status: 400, errorId: "validationError", developerMessage: message }));
  });
});

describe("parseModifyOrder", () => {
  it("accepts the number of the path and a new limit", () => {
    expect(parseModifyOrder({ orderNumber: 3005, limitPrice: 12.4, orderLineNumber: 1 }, 3005)).toEqual({ orderNumber: 3005, limitPrice: 12.4 });
  });

  it.each<[unknown, string]>([
    [{ limitPrice: 1 }, "orderNumber: is required."],
    [{ orderNumber: "3005", limitPrice: 1 }, "orderNumber: the string '3005' is not a whole number."],
    [{ orderNumber: 3006, limitPrice: 1 }, "orderNumber: 3006 differs from the order number 3005 in the path."],
    [{ orderNumber: 3005 }, "limitPrice: is required for a limit order."],
  ])("refuses %j", (body, message) => {
    expect(() => parseModifyOrder(body, 3005)).toThrow(expect.objectContaining({ status: 400, developerMessage: message }));
  });
});

describe("parseNewOrder: null counts as absent for optional fields", () => {
  it("accepts what a swagger-generated client sends for unused properties", () => {
    const generated = {
      type: "market", quantity: 5, duration: "day", expirationDate: null, limitPrice: null, stopPrice: null,
      cash: { side: "buy", instrumentId: "iNg01" }, srd: null, option: null, future: null, validationCode: null, referenceId: null,
    };
    expect(parseNewOrder(generated)).toEqual({
      type: "market", quantity: 5, duration: "day", product: "cash", side: "buy", instrumentId: "iNg01", instrumentField: "cash.instrumentId",
    });
  });

  it("accepts a single option leg with a null leg2 and a null condition", () => {
    expect(parseNewOrder({ ...valid, cash: null, option: { leg1: { side: "buy", instrumentId: "oIc12" }, leg2: null, condition: null } })).toEqual({
      type: "limit", quantity: 10, duration: "day", limitPrice: 12.5, product: "option", side: "buy", instrumentId: "oIc12",
      instrumentField: "option.leg1.instrumentId",
    });
  });

  it.each<[string, unknown, string]>([
    ["type", { ...valid, type: null }, "type: null is not allowed: the field is required (one of limit, market, stop, stopLimit)."],
    ["quantity", { ...valid, quantity: null }, "quantity: null is not allowed: the field is required."],
    ["duration", { ...valid, duration: null }, "duration: null is not allowed: the field is required (one of day, goodTillCancelled, goodTillDate)."],
    ["cash.side", { ...valid, cash: { side: null, instrumentId: "iNg01" } }, "cash.side: null is not allowed: the field is required (one of buy, sell)."],
    ["cash.instrumentId", { ...valid, cash: { side: "buy", instrumentId: null } }, "cash.instrumentId: null is not allowed: the field is required."],
    ["option.leg1", { ...valid, cash: undefined, option: { leg1: null } }, "option.leg1: null is not allowed: the field is required."],
    ["limitPrice of a limit order", { ...valid, limitPrice: null }, "limitPrice: is required for a limit order."],
    ["expirationDate of a goodTillDate order", { ...valid, duration: "goodTillDate", expirationDate: null }, "expirationDate: is required with duration goodTillDate."],
    ["every product block", { ...valid, cash: null, srd: null }, "cash: exactly one product block of cash, srd, option, future is required; the body has none."],
  ])("still refuses a null required %s with a 400 naming it", (_name, body, message) => {
    expect(() => parseNewOrder(body)).toThrow(expect.objectContaining({ status: 400, errorId: "validationError", developerMessage: message }));
  });
});

describe("parseNewOrder: enum values match case-insensitively, as ASP.NET's binding did", () => {
  it("answers the wire spelling", () => {
    const parsed = parseNewOrder({ type: "StopLimit", quantity: 1, duration: "GoodTillDate", expirationDate: "2026-01-09", stopPrice: 12, limitPrice: 11.9,
      cash: { side: "SELL", instrumentId: "iNg01" } });
    expect(parsed).toMatchObject({ type: "stopLimit", duration: "goodTillDate", side: "sell" });
    const option = parseNewOrder({ type: "LIMIT", quantity: 1, duration: "Day", limitPrice: 1,
      option: { condition: "Pay", leg1: { side: "Buy", instrumentId: "oIc12" }, leg2: { side: "bUY", instrumentId: "oIp12" } } });
    expect(option).toMatchObject({ type: "limit", duration: "day", condition: "pay", side: "buy", secondLeg: { side: "buy" } });
  });

  it("still refuses a value that is not in the enum in any casing", () => {
    expect(() => parseNewOrder({ ...valid, type: "Limit order" })).toThrow("type: the string 'Limit order' is not one of limit, market, stop, stopLimit.");
  });
});

describe("parseNewOrder: expirationDate must exist on the calendar", () => {
  const gtd = (expirationDate: string) => ({ ...valid, duration: "goodTillDate", expirationDate });

  it.each<[string, string]>([
    ["2026-02-30", "expirationDate: '2026-02-30' is not a calendar date: February 2026 has 28 days."],
    ["2028-02-30T00:00:00Z", "expirationDate: '2028-02-30T00:00:00Z' is not a calendar date: February 2028 has 29 days."],
    ["2026-04-31", "expirationDate: '2026-04-31' is not a calendar date: April 2026 has 30 days."],
    ["2026-13-01", "expirationDate: '2026-13-01' is not a calendar date: month 13 does not exist."],
    ["2026-01-00", "expirationDate: '2026-01-00' is not a calendar date: January 2026 has 31 days."],
    ["2026-01-09T24:00:00Z", "expirationDate: '2026-01-09T24:00:00Z' is not a valid time of day (hours 00-23, minutes and seconds 00-59)."],
  ])("refuses %s with a 400", (date, message) => {
    expect(() => parseNewOrder(gtd(date))).toThrow(expect.objectContaining({ status: 400, developerMessage: message }));
  });

  it("accepts a leap day, a date-time with milliseconds and Z, and an offset", () => {
    expect(parseNewOrder(gtd("2028-02-29")).expirationDate).toEqual({ text: "2028-02-29", timeMs: Date.UTC(2028, 1, 29) });
    expect(parseNewOrder(gtd("2026-01-09T00:00:00.000Z")).expirationDate!.timeMs).toBe(Date.UTC(2026, 0, 9));
    expect(parseNewOrder(gtd("2026-01-09T01:00:00+01:00")).expirationDate!.timeMs).toBe(Date.UTC(2026, 0, 9));
    expect(parseNewOrder(gtd("2026-01-09T10:00")).expirationDate!.timeMs).toBe(Date.UTC(2026, 0, 9, 10));
  });
});

describe("parseNewOrder: option strategies (two legs)", () => {
  const legs = { leg1: { side: "buy", instrumentId: "oIc12" }, leg2: { side: "sell", instrumentId: "oIc13" } };
  const spread = { type: "limit", quantity: 1, duration: "day", limitPrice: 0.45, option: { condition: "pay", ...legs } };

  it("keeps both legs and the condition", () => {
    expect(parseNewOrder(spread)).toEqual({
      type: "limit", quantity: 1, duration: "day", limitPrice: 0.45, product: "option",
      side: "buy", instrumentId: "oIc12", instrumentField: "option.leg1.instrumentId",
      secondLeg: { side: "sell", instrumentId: "oIc13", instrumentField: "option.leg2.instrumentId" }, condition: "pay",
    });
    expect(parseNewOrder({ ...spread, type: "market", limitPrice: undefined })).toMatchObject({ type: "market", condition: "pay" });
  });

  it.each<[string, unknown, string]>([
    ["no condition", { ...spread, option: legs }, "option.condition: is required (with two legs; one of pay, receive)."],
    ["a null condition", { ...spread, option: { ...legs, condition: null } }, "option.condition: null is not allowed: the field is required (with two legs; one of pay, receive)."],
    ["an unknown condition", { ...spread, option: { ...legs, condition: "even" } }, "option.condition: the string 'even' is not one of pay, receive."],
    ["a condition with one leg", { ...spread, option: { condition: "pay", leg1: legs.leg1 } }, "option.condition: is only allowed with two legs (option.leg2): a single option order has no net price to pay or receive."],
    ["the same option twice", { ...spread, option: { condition: "pay", leg1: legs.leg1, leg2: { side: "sell", instrumentId: "oIc12" } } },
      "option.leg2.instrumentId: 'oIc12' is also the instrument of option.leg1; the two legs of a strategy must be different options."],
    ["a leg2 without a side", { ...spread, option: { condition: "pay", leg1: legs.leg1, leg2: { instrumentId: "oIc13" } } }, "option.leg2.side: is required (one of buy, sell)."],
    ["a stop strategy", { ...spread, type: "stop", limitPrice: undefined, stopPrice: 1 }, "type: stop is not possible for an option strategy (two legs): use limit (a net price with option.condition) or market."],
    ["a stopLimit strategy", { ...spread, type: "stopLimit", stopPrice: 1 }, "type: stopLimit is not possible for an option strategy (two legs): use limit (a net price with option.condition) or market."],
    ["two buys that receive", { ...spread, option: { condition: "receive", leg1: legs.leg1, leg2: { side: "buy", instrumentId: "oIp12" } } },
      "option.condition: receive is not possible when both legs buy: a strategy that only buys pays."],
    ["two sells that pay", { ...spread, option: { condition: "pay", leg1: { side: "sell", instrumentId: "oIc12" }, leg2: { side: "sell", instrumentId: "oIp12" } } },
      "option.condition: pay is not possible when both legs sell: a strategy that only sells receives."],
  ])("refuses %s with a 400 naming the field", (_name, body, message) => {
    expect(() => parseNewOrder(body)).toThrow(expect.objectContaining({ status: 400, errorId: "validationError", developerMessage: message }));
  });
});

describe("parseModifyOrder: null fields", () => {
  it("treats a null validationCode as absent and refuses null required fields", () => {
    expect(parseModifyOrder({ orderNumber: 3005, limitPrice: 12.4, validationCode: null }, 3005)).toEqual({ orderNumber: 3005, limitPrice: 12.4 });
    expect(() => parseModifyOrder({ orderNumber: null, limitPrice: 1 }, 3005)).toThrow("orderNumber: null is not allowed: the field is required.");
    expect(() => parseModifyOrder({ orderNumber: 3005, limitPrice: null }, 3005)).toThrow("limitPrice: null is not allowed: the field is required.");
  });
});
