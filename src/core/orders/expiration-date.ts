/**
 * The expiration date of a goodTillDate order as a form or a cell gives it: `yyyy-mm-dd`, or an Excel date serial
 * (a number, or its digits: 46023 is 2026-01-01). The serial's whole days are its date; the time of day is dropped.
 */
export type ParsedDate = { ok: true; iso: string } | { ok: false; shown: string; message: string };

/** Excel's day 0 is 1899-12-30; 1970-01-01 is day 25569. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;
/** 9999-12-31, Excel's last date. */
const LAST_SERIAL = 2_958_465;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SERIAL = /^\d+(\.\d+)?$/;

export function parseExpirationDate(value: string | number): ParsedDate {
  const given = String(value).trim();
  const shown = given.length > 40 ? `${given.slice(0, 40)}…` : given;
  const fail = (why: string): ParsedDate => ({ ok: false, shown, message: `Expiration date '${shown}' ${why}: give yyyy-mm-dd or an Excel date.` });
  if (typeof value === "number" || SERIAL.test(given)) {
    const serial = Math.floor(Number(given));
    if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return fail("is not a date");
    return { ok: true, iso: new Date((serial - UNIX_EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10) };
  }
  const match = ISO_DATE.exec(given);
  if (!match) return fail("is not a date");
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail("is not a day of the calendar");
  return { ok: true, iso: given };
}

/** Today's date (UTC, as Binck's order engine counts days) of an instant. */
export function isoDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
