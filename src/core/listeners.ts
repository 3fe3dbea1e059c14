import type { Logger } from "./log";

/**
 * Tells every listener, each on its own: one that throws is logged and the others are still told. A session or
 * account change reaches a thousand cells this way; one cell's failure must not leave the rest behind.
 */
export function tellEach<T>(listeners: Iterable<(value: T) => void>, value: T, logger: Logger, what: string): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      logger.log("error", `A listener of ${what} threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
