import type { WatchCondition } from "../stream/watch-condition";
import { invalidValue, notAvailable, type CellOutput } from "./cell-output";

/** One output per condition object, so that cells showing the same condition show the same problem (cheap to compare). */
const outputs = new WeakMap<WatchCondition, CellOutput<never>>();

/** A watch's condition as a cell shows it: the feed refusing the instrument is about the argument (#VALUE!). */
export function conditionOutput<T>(condition: WatchCondition): CellOutput<T> {
  let output = outputs.get(condition);
  if (!output) {
    output = condition.kind === "refused" ? invalidValue(condition.message) : notAvailable(condition.message);
    outputs.set(condition, output);
  }
  return output;
}
