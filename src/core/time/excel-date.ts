import { DAY_MS, instantOfWallClock, wallClockMs } from "./local-time";

/** Excel's day 0 is 1899-12-30 (so that 1900-03-01 onwards counts as Lotus did); 1970-01-01 is day 25569. */
const UNIX_EPOCH_SERIAL = 25_569;

/** An instant as an Excel date serial in local time (what a cell formatted as a date shows). */
export function toExcelSerial(epochMs: number, timeZone?: string): number {
  return wallClockMs(epochMs, timeZone) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** An Excel date serial read as local time, back to an instant (whole ms). */
export function fromExcelSerial(serial: number, timeZone?: string): number {
  return instantOfWallClock(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS), timeZone);
}
