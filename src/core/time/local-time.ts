/**
 * Wall-clock arithmetic in a time zone: the runtime's own when `timeZone` is undefined, or an IANA name (tests
 * pin one). Built on Intl, so no time zone data of our own.
 */
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `epochMs`, in ms. */
export function timeZoneOffsetMs(epochMs: number, timeZone?: string): number {
  if (timeZone === undefined) return -new Date(epochMs).getTimezoneOffset() * 60_000;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(epochMs)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - wholeSecondMs;
}

/** The wall-clock time at `epochMs` as if it were UTC (so UTC getters read local fields). */
export function wallClockMs(epochMs: number, timeZone?: string): number {
  return epochMs + timeZoneOffsetMs(epochMs, timeZone);
}

/**
 * The instant at which the wall clock shows `wallMs`: the earlier one when it shows it twice; when a DST jump skips
 * it, the time moved forward by the gap (as Date does), so a skipped midnight gives the jump itself.
 */
export function instantOfWallClock(wallMs: number, timeZone?: string): number {
  const first = wallMs - timeZoneOffsetMs(wallMs, timeZone);
  const second = wallMs - timeZoneOffsetMs(first, timeZone);
  const candidates = [Math.min(first, second), Math.max(first, second)];
  // A wall time skipped by a DST jump: the later candidate is the jump itself, the first instant past it.
  return candidates.find((instant) => wallClockMs(instant, timeZone) >= wallMs) ?? candidates[1];
}

/** The first instant of the next local day after `nowMs` (local midnight; the DST jump when midnight is skipped). */
export function nextLocalMidnightMs(nowMs: number, timeZone?: string): number {
  const today = Math.floor(wallClockMs(nowMs, timeZone) / DAY_MS);
  return instantOfWallClock((today + 1) * DAY_MS, timeZone);
}
