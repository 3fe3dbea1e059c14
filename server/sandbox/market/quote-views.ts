import type { QuoteModel } from "../../../src/core/wire/models";
import type { RestQuoteLevel } from "../../../src/core/wire/instruments";
import type { QuoteState, SandboxInstrument } from "./market";

/** Markets whose quotes every sandbox customer gets in real time; the others are delayed. */
const REALTIME_MICS = new Set(["XAMS", "XBRU", "XPAR", "XLIS", "XEUE", "XMON", "XBRD", "XMIL", "XDMI", "XMOT", "ETLX", "SEDX", "XETR", "XEUR", "XSTX"]);

export function subscriptionLevelOf(instrument: SandboxInstrument): QuoteModel["subscriptionLevel"] {
  const mic = instrument.model.marketIdentificationCode;
  return mic === undefined || REALTIME_MICS.has(mic) ? "realtime" : "delayed";
}

/** A REST quote (#29) of a state at a level: none = entitlement only; tradesOnly = no book; tradesBidAsk = best level. */
export function quoteModel(instrument: SandboxInstrument, state: QuoteState, level: RestQuoteLevel): QuoteModel {
  const quote: QuoteModel = { instrumentId: instrument.model.id, subscriptionLevel: subscriptionLevelOf(instrument), bid: [], ask: [] };
  if (level === "none") return quote;
  const iso = (timeMs: number) => new Date(timeMs).toISOString();
  if (state.last) quote.last = { price: state.last.price, volume: state.last.volume, priceDateTime: iso(state.last.timeMs) };
  if (state.close) quote.close = { price: state.close.price, volume: state.close.volume, priceDateTime: iso(state.close.timeMs) };
  if (state.open) quote.open = { price: state.open.price, priceDateTime: iso(state.open.timeMs) };
  if (state.high) quote.high = { price: state.high.price, priceDateTime: iso(state.high.timeMs) };
  if (state.low) quote.low = { price: state.low.price, priceDateTime: iso(state.low.timeMs) };
  if (state.bid.length > 0 || state.ask.length > 0) quote.cumVol = { volume: state.cumVol };
  if (level === "tradesOnly") return quote;
  const depth = level === "tradesBidAsk" ? 1 : state.bid.length;
  const book = (levels: QuoteState["bid"]) => levels.slice(0, depth).map((entry) => ({ price: entry.price, volume: entry.volume, orderCount: entry.orderCount, priceDateTime: iso(entry.timeMs) }));
  quote.bid = book(state.bid);
  quote.ask = book(state.ask);
  return quote;
}
