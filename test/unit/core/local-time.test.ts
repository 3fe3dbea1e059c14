import { instantOfWallClock, nextLocalMidnightMs, timeZoneOffsetMs } from "../../../src/core/time/local-time";

const utc = (iso: string) => Date.parse(iso);

describe("nextLocalMidnightMs", () => {
  it.each([
    ["UTC", "2026-01-05T09:00:00Z", "2026-01-06T00:00:00Z"],
    ["UTC", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"],
    ["Europe/Amsterdam", "2026-01-05T09:00:00Z", "2026-01-05T23:00:00Z"],
    ["Europe/Amsterdam", "2026-01-05T23:30:00Z", "2026-01-06T23:00:00Z"],
    // The night summer time starts (02:00 → 03:00) and the day after it: that day is 23 hours long.
    ["Europe/Amsterdam", "2026-03-28T23:30:00Z", "2026-03-29T22:00:00Z"],
    ["Europe/Amsterdam", "2026-10-24T22:30:00Z", "2026-10-25T23:00:00Z"],
    ["Asia/Kathmandu", "2026-01-05T09:00:00Z", "2026-01-05T18:15:00Z"],
    ["America/New_York", "2026-01-05T03:00:00Z", "2026-01-05T05:00:00Z"],
    // Havana skips midnight on 8 March 2026 (00:00 → 01:00): the new day starts at the jump.
    ["America/Havana", "2026-03-07T12:00:00Z", "2026-03-08T05:00:00Z"],
    // ...and repeats 00:00-01:00 on 1 November: the first midnight counts.
    ["America/Havana", "2026-10-31T12:00:00Z", "2026-11-01T04:00:00Z"],
  ])("in %s from %s is %s", (timeZone, now, midnight) => {
    expect(new Date(nextLocalMidnightMs(utc(now), timeZone)).toISOString()).toBe(new Date(utc(midnight)).toISOString());
  });

  it("uses the runtime's own zone when none is given", () => {
    const now = utc("2026-06-15T12:34:56Z");
    const midnight = nextLocalMidnightMs(now);
    const local = new Date(midnight);
    expect([local.getHours(), local.getMinutes(), local.getSeconds()]).toEqual([0, 0, 0]);
    expect(midnight).toBeGreaterThan(now);
    expect(midnight - now).toBeLessThanOrEqual(25 * 3_600_000);
  });
});

describe("timeZoneOffsetMs and instantOfWallClock", () => {
  it("give the offset of a zone at an instant and invert it", () => {
    expect(timeZoneOffsetMs(utc("2026-07-01T12:00:00.250Z"), "Europe/Amsterdam")).toBe(2 * 3_600_000);
    expect(timeZoneOffsetMs(utc("2026-01-01T12:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
    expect(instantOfWallClock(utc("2026-07-01T14:00:00Z"), "Europe/Amsterdam")).toBe(utc("2026-07-01T12:00:00Z"));
    // 02:30 does not exist in Amsterdam on 29 March 2026: it moves forward by the gap, to 03:30, as Date does.
    expect(instantOfWallClock(utc("2026-03-29T02:30:00Z"), "Europe/Amsterdam")).toBe(utc("2026-03-29T01:30:00Z"));
  });
});
