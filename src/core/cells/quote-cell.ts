import { quoteFieldValue, type QuoteFieldSpec, type QuoteProperty } from "../quotes/quote-fields";
import type { CellServices } from "./cell-services";
import { notAvailable, value, type Emit, type Stop } from "./cell-output";
import { withInstrument } from "./instrument-cell";
import { conditionOutput } from "./quote-condition";
import { whileSignedIn } from "./signed-in-gate";

export interface QuoteCellArgs {
  instrument: string;
  field: QuoteFieldSpec;
  property: QuoteProperty;
}

/** =BINCK.QUOTE: one property of one field of one instrument, live. `time` is an Excel date. */
export function quoteCell(services: CellServices, args: QuoteCellArgs, emit: Emit<number>): Stop {
  const missing = notAvailable<number>(`no ${args.field.field} ${args.property} for this instrument yet`);
  return whileSignedIn(services, emit, (ready) =>
    withInstrument(services.clock, ready, args.instrument, emit, (instrument) =>
      ready.streaming.quotes.watch(instrument.id, args.field.level, (update) => {
        if (update.kind === "condition") return emit(conditionOutput(update.condition));
        const found = quoteFieldValue(update.quote, args.field, args.property);
        if (found === undefined) return emit(missing);
        emit(value(args.property === "time" ? services.toExcelDate(found) : found));
      })));
}
