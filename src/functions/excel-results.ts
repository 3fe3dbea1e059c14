import type { CellOutput, CellProblem, MatrixEntry } from "../core";

/** Excel shows a custom function's error message under the cell's error indicator; long ones are cut there anyway. */
const MAX_MESSAGE_LENGTH = 255;

/**
 * One CustomFunctions.Error per problem: a QUOTES row waiting for its first quote shows the same problem in each
 * entry, tick after tick, so the host (and the per-cell coalescer's comparison) meet the same object again.
 */
const errors = new WeakMap<CellProblem, CustomFunctions.Error>();

export function excelError(problem: CellProblem): CustomFunctions.Error {
  let error = errors.get(problem);
  if (!error) errors.set(problem, (error = newExcelError(problem)));
  return error;
}

function newExcelError(problem: CellProblem): CustomFunctions.Error {
  const code = problem.kind === "invalidValue" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  const message = problem.message.length > MAX_MESSAGE_LENGTH ? `${problem.message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : problem.message;
  return new CustomFunctions.Error(code, message);
}

/** A cell's output as Excel takes it from setResult: a value, a matrix (with errors in single entries), or an error. */
export function excelResult(output: CellOutput<unknown>): unknown {
  if (!output.ok) return excelError(output.problem);
  const result = output.value;
  if (!Array.isArray(result)) return result;
  // A matrix without problems (a full book, most ticks) goes as it is: no copy per update.
  if ((result as MatrixEntry[][]).every((row) => row.every((entry) => typeof entry !== "object"))) return result;
  return result.map((row: MatrixEntry[]) => row.map((entry) => (typeof entry === "object" ? excelError(entry) : entry)));
}
