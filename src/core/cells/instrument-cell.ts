import type { Clock, TimerHandle } from "../clock";
import { isBinckError } from "../errors";
import { parseInstrumentReference } from "../instruments/instrument-reference";
import type { InstrumentModel } from "../wire/models";
import type { Ready } from "./signed-in-gate";
import { problemOf, type Emit, type Stop } from "./cell-output";

/** The instrument a cell is about: its Binck id, with the instrument's data when it was looked up. */
export interface CellInstrument {
  id: string;
  model?: InstrumentModel;
}

/** Delays between look-ups that failed for a passing reason (maintenance, network); the last one repeats. */
export const RESOLVE_RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 60_000];

/**
 * Resolves an instrument argument, then runs the cell's body with it. A Binck id goes straight to the feed (no
 * request: the hub refuses an unknown one); anything else goes through the resolver's day cache. Bad or unknown
 * arguments show #VALUE! with the resolver's message; a passing failure shows #N/A and is retried.
 */
export function withInstrument<T>(clock: Clock, ready: Ready, argument: string, emit: Emit<T>, body: (instrument: CellInstrument) => Stop): Stop {
  let reference;
  try {
    reference = parseInstrumentReference(argument);
  } catch (error) {
    emit(problemOf(error));
    return () => undefined;
  }
  if (reference.kind === "id") return body({ id: reference.id });
  let stopBody: Stop | undefined;
  let retry: TimerHandle | undefined;
  let stopped = false;
  const attempt = (count: number) => {
    ready.streaming.resolver.resolve(argument, { accountNumber: ready.accountNumber, priority: "visibleCell" }).then(
      (model) => {
        if (!stopped) stopBody = body({ id: model.id, model });
      },
      (error: unknown) => {
        if (stopped) return;
        emit(problemOf(error));
        if (isBinckError(error) && (error.code === "invalidInput" || error.code === "signInRequired")) return;
        const delay = RESOLVE_RETRY_DELAYS_MS[Math.min(count, RESOLVE_RETRY_DELAYS_MS.length - 1)];
        retry = clock.setTimeout(() => attempt(count + 1), delay);
      },
    );
  };
  attempt(0);
  return () => {
    stopped = true;
    if (retry) clock.clearTimeout(retry);
    stopBody?.();
  };
}
