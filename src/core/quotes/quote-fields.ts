import type { InstrumentQuote } from "./quote-state";
import { STREAM_LEVELS, type QuoteType, type StreamLevel } from "../wire/realtime";

/** The fields of =BINCK.QUOTE: the quote types of the feed (API.md 5.4) and two derived from them. */
export type QuoteProperty = "price" | "volume" | "orders" | "time";
export const QUOTE_PROPERTIES: readonly QuoteProperty[] = ["price", "volume", "orders", "time"];

export interface QuoteFieldSpec {
  readonly field: QuoteField;
  /** The subscription level whose stream carries it (API.md 5.2, 5.4). */
  readonly level: StreamLevel;
  /** The quote types (`typ`) it is made of; chg and chgpct compare lst with cls. */
  readonly sources: readonly QuoteType[];
  readonly properties: readonly QuoteProperty[];
  readonly defaultProperty: QuoteProperty;
}

const TRADE_PRICES = ["lst", "cls", "opn", "hgh", "low", "thp", "ivl", "idv", "iir", "set"] as const;
const BOOK_SIDES = ["bid", "ask"] as const;

export type QuoteField = (typeof TRADE_PRICES)[number] | "vol" | "oir" | "chg" | "chgpct"
  | "bid" | "bid2" | "bid3" | "bid4" | "bid5" | "ask" | "ask2" | "ask3" | "ask4" | "ask5";

function spec(field: QuoteField, level: StreamLevel, sources: readonly QuoteType[], properties: readonly QuoteProperty[]): QuoteFieldSpec {
  return { field, level, sources, properties, defaultProperty: properties[0] };
}

/** Every QUOTE field in the order the error messages list them. */
export const QUOTE_FIELDS: ReadonlyMap<QuoteField, QuoteFieldSpec> = new Map<QuoteField, QuoteFieldSpec>([
  ...TRADE_PRICES.map((typ) => spec(typ, "Trades", [typ], typ === "lst" || typ === "cls" ? ["price", "volume", "time"] : ["price", "time"])),
  spec("vol", "Trades", ["vol"], ["volume", "time"]),
  spec("oir", "Trades", ["oir"], ["volume", "time"]),
  spec("chg", "Trades", ["lst", "cls"], ["price"]),
  spec("chgpct", "Trades", ["lst", "cls"], ["price"]),
  ...BOOK_SIDES.flatMap((side) => [1, 2, 3, 4, 5].map((depth) => {
    const typ = (depth === 1 ? side : `${side}${depth}`) as QuoteField & QuoteType;
    return spec(typ, depth === 1 ? "TopOfBook" : "Book", [typ], ["price", "volume", "orders", "time"]);
  })),
].map((entry) => [entry.field, entry]));

/** The lowest stream level that carries every one of the fields. */
export function streamLevelFor(fields: readonly QuoteFieldSpec[]): StreamLevel {
  return STREAM_LEVELS[Math.max(0, ...fields.map((field) => STREAM_LEVELS.indexOf(field.level)))];
}

/**
 * A field's property from an instrument's quote state, or undefined while the feed has not sent it. `time` is
 * epoch milliseconds; chg and chgpct compare the last price with the previous close.
 */
export function quoteFieldValue(quote: Readonly<InstrumentQuote>, field: QuoteFieldSpec, property: QuoteProperty): number | undefined {
  if (field.field === "chg" || field.field === "chgpct") {
    const last = quote.values.get("lst")?.price;
    const close = quote.values.get("cls")?.price;
    if (last === undefined || close === undefined) return undefined;
    if (field.field === "chg") return roundChange(last - close);
    return close === 0 ? undefined : roundChange(((last - close) / close) * 100);
  }
  const value = quote.values.get(field.sources[0]);
  if (!value) return undefined;
  switch (property) {
    case "price":
      return value.price;
    case "volume":
      return value.volume;
    case "orders":
      return value.orders;
    case "time":
      return value.timeMs;
  }
}

/** Differences of prices on a tick grid print as 0.30000000000000004 without this. */
function roundChange(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
