import { refreshNotice } from "../../../src/commands/refresh-command";

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);
const T = Date.UTC(2026, 0, 5, 10, 20, 0);

describe("refreshNotice (the ribbon's Refresh Binck data)", () => {
  it("tells the requests made and when the newest data was fetched", () => {
    const refreshed = [
      { kind: "positions" as const, account: "1", params: "", fetchedAtMs: T + 400 },
      { kind: "balances" as const, account: "1", params: "", fetchedAtMs: T + 900 },
    ];
    expect(refreshNotice({ startedAtMs: T, finishedAtMs: T + 1_000, requests: 2, refreshed }, time))
      .toBe("Binck data refreshed: 2 requests for 2 tables; data fetched at 10:20:00.");
  });

  it("names what failed, and says when nothing was open", () => {
    const refreshed = [{ kind: "orders" as const, account: "1", params: "", error: { code: "maintenance" as const, endUserMessage: "Binck is being maintained." } }];
    expect(refreshNotice({ startedAtMs: T, finishedAtMs: T, requests: 1, refreshed }, time))
      .toBe("Binck data refreshed: 1 request for 1 table; 1 failed: Binck is being maintained.");
    expect(refreshNotice({ startedAtMs: T, finishedAtMs: T, requests: 0, refreshed: [] }, time)).toBe("Nothing to refresh at 10:20:00: no portfolio formulas are open.");
  });
});
