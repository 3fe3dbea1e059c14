import type { TimerHandle } from "../clock";
import { quoteFieldValue, streamLevelFor, type QuoteFieldSpec } from "../quotes/quote-fields";
import type { CellServices } from "./cell-services";
import { value, type CellOutput, type Emit, type MatrixEntry, type Stop } from "./cell-output";
import { withInstrument } from "./instrument-cell";
import { conditionOutput } from "./quote-condition";
import { whileSignedIn } from "./signed-in-gate";

export interface QuotesCellArgs {
  /** One instrument argument per row; "" leaves the row blank. */
  instruments: readonly string[];
  fields: readonly QuoteFieldSpec[];
  /** The whole matrix is rebuilt at most this often, however many instruments tick (0: once per turn). */
  rebuildIntervalMs: number;
}

/**
 * =BINCK.QUOTES: a row per instrument, a column per field, in one formula — the fast path for big sheets. Each
 * row keeps its own entries; a tick marks the matrix dirty and it is rebuilt at most once per interval.
 */
export function quotesCell(services: CellServices, args: QuotesCellArgs, emit: Emit<MatrixEntry[][]>): Stop {
  const level = streamLevelFor(args.fields);
  const blank = args.fields.map((): MatrixEntry => "");
  return whileSignedIn(services, emit, (ready) => {
    const rows: MatrixEntry[][] = args.instruments.map(() => blank);
    let timer: TimerHandle | undefined;
    let lastBuiltMs = -Infinity;
    const build = () => {
      timer = undefined;
      lastBuiltMs = services.clock.now();
      emit(value(rows.map((row) => row.slice())));
    };
    const changed = () => {
      if (timer) return;
      timer = services.clock.setTimeout(build, Math.max(0, lastBuiltMs + args.rebuildIntervalMs - services.clock.now()));
    };
    const rowEmit = (index: number) => (output: CellOutput<MatrixEntry[]>) => {
      rows[index] = output.ok ? output.value : args.fields.map(() => output.problem);
      changed();
    };
    const stops = args.instruments.map((instrument, index) => {
      if (instrument === "") return () => undefined;
      const emitRow = rowEmit(index);
      return withInstrument(services.clock, ready, instrument, emitRow, (found) =>
        ready.streaming.quotes.watch(found.id, level, (update) => {
          if (update.kind === "condition") return emitRow(conditionOutput(update.condition));
          emitRow(value(args.fields.map((field) => quoteFieldValue(update.quote, field, field.defaultProperty) ?? "")));
        }));
    });
    changed();
    return () => {
      if (timer) services.clock.clearTimeout(timer);
      for (const stop of stops) stop();
    };
  });
}
