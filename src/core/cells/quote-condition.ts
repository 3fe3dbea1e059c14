import type { WatchCondition } from "../stream/watch-condition";
import { invalidValue, notAvailable, type CellOutput } from "./cell-output";

/** A watch's condition as a cell shows it: the feed refusing the instrument is about the argument (#VALUE!). */
export function conditionOutput<T>(condition: WatchCondition): CellOutput<T> {
  return condition.kind === "refused" ? invalidValue(condition.message) : notAvailable(condition.message);
}
