import { QUOTE_FIELDS, streamLevelFor } from "../../../src/core/quotes/quote-fields";
import {
  parseBookDepth, parseInstrumentArgument, parseNewsCount, parseQuoteField, parseQuoteFields, parseQuoteProperty,
} from "../../../src/functions/args";

const FIELDS = "lst, cls, opn, hgh, low, thp, ivl, idv, iir, set, vol, oir, chg, chgpct, bid, bid2, bid3, bid4, bid5, ask, ask2, ask3, ask4, ask5";

function refusal(call: () => unknown): { code: string; endUserMessage: string } {
  try {
    call();
  } catch (error) {
    const { code, endUserMessage } = error as { code: string; endUserMessage: string };
    return { code, endUserMessage };
  }
  throw new Error("accepted, but a refusal was expected");
}

describe("parseQuoteField", () => {
  it.each([
    ["lst", "lst", "Trades", ["lst"], "price"],
    [" LST ", "lst", "Trades", ["lst"], "price"],
    ["vol", "vol", "Trades", ["vol"], "volume"],
    ["oir", "oir", "Trades", ["oir"], "volume"],
    ["Chg", "chg", "Trades", ["lst", "cls"], "price"],
    ["chgPct", "chgpct", "Trades", ["lst", "cls"], "price"],
    ["bid", "bid", "TopOfBook", ["bid"], "price"],
    ["ASK", "ask", "TopOfBook", ["ask"], "price"],
    ["bid2", "bid2", "Book", ["bid2"], "price"],
    ["ask5", "ask5", "Book", ["ask5"], "price"],
    ["set", "set", "Trades", ["set"], "price"],
  ])("reads %p as %s at level %s", (input, field, level, sources, defaultProperty) => {
    expect(parseQuoteField(input)).toEqual({ field, level, sources, properties: expect.any(Array), defaultProperty });
  });

  it("knows exactly the fields of the spec", () => {
    expect([...QUOTE_FIELDS.keys()].join(", ")).toBe(FIELDS);
  });

  it.each([
    ["last", `field 'last' is not a quote field; use one of ${FIELDS}.`],
    ["bid6", `field 'bid6' is not a quote field; use one of ${FIELDS}.`],
    ["", `field '' is missing or not text; give one of ${FIELDS}.`],
    [3, `field 3 is missing or not text; give one of ${FIELDS}.`],
    [null, `field null is missing or not text; give one of ${FIELDS}.`],
  ])("refuses %p naming the valid fields", (input, message) => {
    expect(refusal(() => parseQuoteField(input))).toEqual({ code: "invalidInput", endUserMessage: message });
  });
});

describe("parseQuoteProperty", () => {
  it.each([
    ["lst", null, "price"],
    ["lst", undefined, "price"],
    ["lst", " Volume ", "volume"],
    ["lst", "time", "time"],
    ["vol", "", "volume"],
    ["bid3", "orders", "orders"],
    ["ask", "TIME", "time"],
  ])("for %s reads %p as %s", (field, input, property) => {
    expect(parseQuoteProperty(parseQuoteField(field), input)).toBe(property);
  });

  it.each([
    ["hgh", "volume", "property 'volume' is not a property of hgh; use one of price, time."],
    ["lst", "orders", "property 'orders' is not a property of lst; use one of price, volume, time."],
    ["chg", "time", "property 'time' is not a property of chg; use one of price."],
    ["bid", "size", "property 'size' is not a property; use one of price, volume, orders, time."],
  ])("for %s refuses %p", (field, input, message) => {
    expect(refusal(() => parseQuoteProperty(parseQuoteField(field), input))).toEqual({ code: "invalidInput", endUserMessage: message });
  });
});

describe("parseQuoteFields and streamLevelFor", () => {
  it.each([
    ["lst", ["lst"], "Trades"],
    ["lst, BID ,chg", ["lst", "bid", "chg"], "TopOfBook"],
    [[["lst", "ask3"], ["", null]], ["lst", "ask3"], "Book"],
    [[["lst,cls"], ["bid"]], ["lst", "cls", "bid"], "TopOfBook"],
  ])("reads %p", (input, fields, level) => {
    const parsed = parseQuoteFields(input);
    expect(parsed.map((field) => field.field)).toEqual(fields);
    expect(streamLevelFor(parsed)).toBe(level);
  });

  it.each([
    ["lst,,bidx", `fields 'bidx' is not a quote field; use one of ${FIELDS}.`],
    [[["lst", 7]], `fields 7 is missing or not text; give one of ${FIELDS}.`],
    [" , ", `fields ' , ' is empty; list fields from ${FIELDS}.`],
    [[[null]], `fields a range is empty; list fields from ${FIELDS}.`],
  ])("refuses %p", (input, message) => {
    expect(refusal(() => parseQuoteFields(input))).toEqual({ code: "invalidInput", endUserMessage: message });
  });
});

describe("parseBookDepth and parseNewsCount", () => {
  it.each([[null, 5], [1, 1], [5, 5], ["3", 3], [" 2 ", 2]])("depth %p is %p", (input, depth) => {
    expect(parseBookDepth(input)).toBe(depth);
  });

  it.each([[0], [6], [2.5], ["two"], [true]])("refuses depth %p", (input) => {
    expect(refusal(() => parseBookDepth(input)).endUserMessage).toMatch(/^depth .* must be a whole number from 1 to 5\.$/);
  });

  it.each([[undefined, 10], [1, 1], [50, 50], ["25", 25]])("news count %p is %p", (input, count) => {
    expect(parseNewsCount(input)).toBe(count);
  });

  it.each([[0, "count 0 must be a whole number from 1 to 50."], [51, "count 51 must be a whole number from 1 to 50."], ["x", "count 'x' must be a whole number from 1 to 50."]])(
    "refuses news count %p", (input, message) => {
      expect(refusal(() => parseNewsCount(input))).toEqual({ code: "invalidInput", endUserMessage: message });
    });
});

describe("parseInstrumentArgument", () => {
  it.each([
    ["eM1X1", { kind: "id", id: "eM1X1", orSymbol: "EM1X1" }],
    ["ADYEN", { kind: "symbol", symbol: "ADYEN", orId: "ADYEN" }],
    [" asml ", { kind: "symbol", symbol: "ASML" }],
    ["asml:xams", { kind: "symbol", symbol: "ASML", mic: "XAMS" }],
    ["BRK.B", { kind: "symbol", symbol: "BRK.B" }],
    ["NOVO B:XCSE", { kind: "symbol", symbol: "NOVO B", mic: "XCSE" }],
    ["nl0010273215", { kind: "isin", isin: "NL0010273215" }],
    ["NL0010273215:XAMS", { kind: "isin", isin: "NL0010273215", mic: "XAMS" }],
    [12345, { kind: "symbol", symbol: "12345", orId: "12345" }],
  ])("reads %p", (input, reference) => {
    expect(parseInstrumentArgument(input)).toEqual(reference);
  });

  it("refuses what is not text", () => {
    expect(refusal(() => parseInstrumentArgument(true)).endUserMessage).toBe("instrument true is missing or not text; give an instrument.");
  });
});
