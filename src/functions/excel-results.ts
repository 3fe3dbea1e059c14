import type { CellOutput, CellProblem, MatrixEntry } from "../core";

/** Excel shows a custom function's error message under the cell's error indicator; long ones are cut there anyway. */
const MAX_MESSAGE_LENGTH = 255;

export function excelError(problem: CellProblem): CustomFunctions.Error {
  const code = problem.kind === "invalidValue" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  const message = problem.message.length > MAX_MESSAGE_LENGTH ? `${problem.message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : problem.message;
  return new CustomFunctions.Error(code, message);
}

/** A cell's output as Excel takes it from setResult: a value, a matrix (with errors in single entries), or an error. */
export function excelResult(output: CellOutput<unknown>): unknown {
  if (!output.ok) return excelError(output.problem);
  const result = output.value;
  if (!Array.isArray(result)) return result;
  return result.map((row: MatrixEntry[]) => row.map((entry) => (typeof entry === "object" ? excelError(entry) : entry)));
}
