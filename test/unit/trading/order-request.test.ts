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
