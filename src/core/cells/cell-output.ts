import { isBinckError } from "../errors";

/** Why a cell shows an error instead of a value: Excel's #N/A (not yet, or not now) or #VALUE! (the arguments). */
export interface CellProblem {
  kind: "notAvailable" | "invalidValue";
  message: string;
}

/** What a cell shows next: a value, or a problem with the message a person reads. */
export type CellOutput<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

export type Emit<T> = (output: CellOutput<T>) => void;

/** One entry of a spilled result: a value, blank (""), or an error of its own (Excel shows it in that cell). */
export type MatrixEntry = number | string | CellProblem;

/** A stop function: the formula was edited or deleted, or its inputs changed. */
export type Stop = () => void;

export function value<T>(result: T): CellOutput<T> {
  return { ok: true, value: result };
}

export function notAvailable<T>(message: string): CellOutput<T> {
  return { ok: false, problem: { kind: "notAvailable", message } };
}

export function invalidValue<T>(message: string): CellOutput<T> {
  return { ok: false, problem: { kind: "invalidValue", message } };
}

/** A failure as a cell shows it: bad input is #VALUE!, anything else (sign-in, maintenance, network) #N/A. */
export function problemOf<T>(error: unknown): CellOutput<T> {
  if (isBinckError(error)) return error.code === "invalidInput" ? invalidValue(error.endUserMessage) : notAvailable(error.endUserMessage);
  return notAvailable("the add-in failed; see Diagnostics in the taskpane");
}
