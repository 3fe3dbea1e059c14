import { fromExcelSerial, toExcelSerial } from "../../../src/core/time/excel-date";

const utc = (iso: string) => Date.parse(iso);

describe("Excel date serials", () => {
  it.each([
    ["UTC", "1970-01-01T00:00:00Z", 25_569],
    ["UTC", "1900-03-01T00:00:00Z", 61],
    ["UTC", "2026-01-05T12:00:00Z", 46_027.5],
    ["Europe/Amsterdam", "2026-01-05T11:00:00Z", 46_027.5],
    ["Europe/Amsterdam", "2026-07-01T04:00:00Z", 46_204.25],
    ["America/New_York", "2026-01-05T05:00:00Z", 46_027],
  ])("in %s, %s is serial %p and back", (timeZone, iso, serial) => {
    expect(toExcelSerial(utc(iso), timeZone)).toBeCloseTo(serial, 9);
    expect(fromExcelSerial(serial, timeZone)).toBe(utc(iso));
  });

  it("keeps milliseconds through a round trip, in the runtime's own zone too", () => {
    const instant = utc("2026-03-17T09:15:42.123Z");
    expect(fromExcelSerial(toExcelSerial(instant, "Europe/Amsterdam"), "Europe/Amsterdam")).toBe(instant);
    expect(fromExcelSerial(toExcelSerial(instant))).toBe(instant);
  });
});
