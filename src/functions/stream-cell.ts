import { getAddinRuntime } from "../platform/runtime";
import { problemOf, type CellServices, type Emit, type Stop } from "../core";
import { excelResult } from "./excel-results";
import { ResultCoalescer } from "./result-coalescer";

/** The runtime's cell services (the composition root builds them once per runtime). */
export function cellServices(): CellServices {
  return getAddinRuntime().cells;
}

/**
 * Runs a streaming cell: what `start` emits goes to Excel through a per-cell coalescer, the cell stops when Excel
 * cancels it (formula edited or deleted), and no exception ever escapes into Excel (it becomes the cell's error).
 */
export function streamCell<T>(invocation: CustomFunctions.StreamingInvocation<T>, start: (services: CellServices, emit: Emit<unknown>) => Stop): void {
  let stop: Stop = () => undefined;
  let coalescer: ResultCoalescer<unknown> | undefined;
  try {
    const services = cellServices();
    const results = new ResultCoalescer<unknown>((result) => invocation.setResult(result as T), services.clock, services.resultIntervalMs);
    coalescer = results;
    invocation.onCanceled = () => {
      results.close();
      stop();
    };
    stop = start(services, (output) => {
      try {
        results.push(excelResult(output));
      } catch (error) {
        results.push(excelResult(problemOf(error)));
      }
    });
  } catch (error) {
    const result = excelResult(problemOf(error));
    if (coalescer) coalescer.push(result);
    else invocation.setResult(result as T);
  }
}
