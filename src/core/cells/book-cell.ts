import type { InstrumentQuote } from "../quotes/quote-state";
import { bookType } from "../wire/realtime";
import type { CellServices } from "./cell-services";
import { value, type Emit, type Stop } from "./cell-output";
import { withInstrument } from "./instrument-cell";
import { conditionOutput } from "./quote-condition";
import { whileSignedIn } from "./signed-in-gate";

export type BookRow = [bidOrders: number | "", bidVolume: number | "", bid: number | "", ask: number | "", askVolume: number | "", askOrders: number | ""];

/** =BINCK.BOOK: one row per level, best first — bid orders, bid volume, bid, ask, ask volume, ask orders. */
export function bookCell(services: CellServices, args: { instrument: string; depth: number }, emit: Emit<BookRow[]>): Stop {
  const level = args.depth === 1 ? "TopOfBook" : "Book";
  return whileSignedIn(services, emit, (ready) =>
    withInstrument(services.clock, ready, args.instrument, emit, (instrument) =>
      ready.streaming.quotes.watch(instrument.id, level, (update) => {
        if (update.kind === "condition") return emit(conditionOutput(update.condition));
        emit(value(bookRows(update.quote, args.depth)));
      })));
}

export function bookRows(quote: Readonly<InstrumentQuote>, depth: number): BookRow[] {
  const rows: BookRow[] = [];
  for (let level = 1; level <= depth; level++) {
    const bid = quote.values.get(bookType("bid", level));
    const ask = quote.values.get(bookType("ask", level));
    rows.push([bid?.orders ?? "", bid?.volume ?? "", bid?.price ?? "", ask?.price ?? "", ask?.volume ?? "", ask?.orders ?? ""]);
  }
  return rows;
}
