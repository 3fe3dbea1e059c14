import type { WatchUpdate } from "../portfolio/data-watch";
import type { CellServices } from "./cell-services";
import { notAvailable, problemOf, value, type CellOutput, type Emit, type Stop } from "./cell-output";
import { whileSignedIn, type Ready } from "./signed-in-gate";

/** One entry of a portfolio spill: numbers stay numbers, booleans booleans, a missing value is blank. */
export type TableEntry = string | number | boolean;
export type TableRow = TableEntry[];

/** What every account-scoped portfolio cell is given: the account argument (the taskpane's when omitted). */
export interface AccountArgs {
  account?: string;
  /** A first row naming the columns. */
  headers: boolean;
}

/**
 * Runs a portfolio cell once signed in, for the account argument or else the account picked in the taskpane:
 * whileSignedIn restarts the body when that choice changes, so the cells follow it (a cache hit when an explicit
 * account's data is still fresh).
 */
export function forAccount<T>(services: CellServices, account: string | undefined, emit: Emit<T>, body: (ready: Ready, accountNumber: string) => Stop): Stop {
  return whileSignedIn(services, emit, (ready) => body(ready, account ?? ready.accountNumber));
}

/** A watch update as a cell output: the rows, or the failure (maintenance shows Binck's endUserMessage as #N/A). */
export function watchOutput<T, R>(update: WatchUpdate<T>, rows: (data: T) => R): CellOutput<R> {
  return update.ok ? value(rows(update.value)) : problemOf(update.error);
}

/**
 * A table as it spills: the header row first when asked for. An empty table without headers is #N/A naming what
 * is missing (Excel cannot spill nothing).
 */
export function table(header: readonly string[], rows: TableRow[], headers: boolean, nothing: string): CellOutput<TableRow[]> {
  if (headers) return value([[...header], ...rows]);
  return rows.length === 0 ? notAvailable(nothing) : value(rows);
}

/** An optional number: blank when absent. */
export function orBlank(entry: number | string | boolean | undefined): TableEntry {
  return entry ?? "";
}
