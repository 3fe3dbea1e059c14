import { ManualClock } from "../../../src/core/clock";
import { historyExpiresAtMs, instrumentExpiresAtMs } from "../../../src/core/portfolio/lifetimes";
import { Portfolio } from "../../../src/core/portfolio/portfolio";
import { RequestCache } from "../../../src/core/portfolio/request-cache";
import { fakeBinck, restOn, settle } from "./fake-binck";

const T0 = Date.UTC(2026, 0, 5, 10, 20, 0); // Monday 11:20 in Amsterdam

function setup(lifetimes = {}) {
  const clock = new ManualClock(T0);
  const binck = fakeBinck();
  const { budget, rest } = restOn(binck.fetchFn, clock);
  const portfolio = new Portfolio({ rest, budget, clock, timeZone: "Europe/Amsterdam", lifetimes });
  return { clock, binck, budget, portfolio };
}

describe("Portfolio caches: a lifetime per kind of data", () => {
  it("keeps balances, positions, orders and transactions 60 s and accounts an hour, counting cache hits", async () => {
    const { clock, binck, budget, portfolio } = setup();
    expect((await portfolio.getBalances("111")).value.balances![0].cashBalance).toBe(1);
    expect(await portfolio.getBalances("111")).toEqual({ value: { balances: [{ cashBalance: 1 }], currency: "EUR" }, fetchedAtMs: T0, expiresAtMs: T0 + 60_000 });
    await portfolio.getAccounts();
    await portfolio.getPositions("111");
    await portfolio.getOrders("111", { status: "open" });
    await portfolio.getTransactions("111", { fromDate: "2026-01-01" });
    expect(binck.requests).toHaveLength(5);
    clock.advance(59_999);
    await portfolio.getAccounts();
    await portfolio.getPositions("111");
    await portfolio.getOrders("111", { status: "open" });
    await portfolio.getTransactions("111", { fromDate: "2026-01-01" });
    expect(binck.requests).toHaveLength(5);
    expect(budget.figures().cacheHits).toBe(5);
    clock.advance(1);
    expect((await portfolio.getBalances("111")).value.balances![0].cashBalance).toBe(2);
    expect((await portfolio.getPositions("111")).fetchedAtMs).toBe(T0 + 60_000);
    await portfolio.getAccounts();
    expect(binck.requests).toHaveLength(7);
    // Other parameters are another request.
    await portfolio.getOrders("111", { status: "all" });
    expect(binck.requests.at(-1)).toBe("/accounts/111/orders?status=all&range=0-99");
    clock.advance(3_600_000 - 60_000);
    await portfolio.getAccounts();
    expect(binck.requests.filter((path) => path === "/accounts")).toHaveLength(2);
  });

  it("takes lifetimes as policy", async () => {
    const { clock, binck, portfolio } = setup({ balancesMs: 5_000 });
    await portfolio.getBalances("111");
    clock.advance(5_000);
    await portfolio.getBalances("111");
    expect(binck.requests).toEqual(["/accounts/111/balances", "/accounts/111/balances"]);
  });

  it("keeps history until its next bar begins, and a closed span until local midnight", async () => {
    expect(historyExpiresAtMs("oneHour", T0, undefined)).toBe(Date.UTC(2026, 0, 5, 11));
    expect(historyExpiresAtMs("fiveMinutes", T0 + 1, undefined)).toBe(Date.UTC(2026, 0, 5, 10, 25));
    expect(historyExpiresAtMs("oneDay", T0, undefined)).toBe(Date.UTC(2026, 0, 6));
    expect(historyExpiresAtMs("oneWeek", Date.UTC(2026, 0, 7), undefined)).toBe(Date.UTC(2026, 0, 12)); // the next Monday
    expect(historyExpiresAtMs("oneMonth", T0, undefined)).toBe(Date.UTC(2026, 1, 1));
    expect(historyExpiresAtMs("oneHour", T0, Date.UTC(2026, 0, 5, 9), "Europe/Amsterdam")).toBe(Date.UTC(2026, 0, 5, 23));

    const { clock, binck, portfolio } = setup();
    const query = { accountNumber: "111", instrumentId: "aSm1L", fromDateTime: "2026-01-05T08:00:00Z", interval: "oneHour" } as const;
    expect((await portfolio.getHistory(query)).value[0].last).toBe(1);
    clock.advance(40 * 60_000 - 1);
    expect((await portfolio.getHistory(query)).value[0].last).toBe(1);
    clock.advance(1);
    expect((await portfolio.getHistory(query)).value[0].last).toBe(2);
    expect(binck.requests).toHaveLength(2);
  });

  it("keeps instruments until the next local midnight, asked for in lists", async () => {
    expect(instrumentExpiresAtMs(Date.UTC(2026, 0, 5, 22, 30), "Europe/Amsterdam")).toBe(Date.UTC(2026, 0, 5, 23));
    expect(instrumentExpiresAtMs(Date.UTC(2026, 0, 5, 22, 30), "America/New_York")).toBe(Date.UTC(2026, 0, 6, 5));
    const { clock, binck, budget, portfolio } = setup();
    const first = ["aaaaa", "bbbbb", "aaaaa"].map((id) => portfolio.getInstrument("111", id));
    clock.advance(20);
    expect((await Promise.all(first)).map((fetched) => fetched.value.name)).toEqual(["aaaaa v1", "bbbbb v1", "aaaaa v1"]);
    expect(binck.requests).toEqual(["/instruments/aaaaa,bbbbb?accountNumber=111&includeTickSizes=true"]);
    expect(budget.figures()).toMatchObject({ sent: 1, coalesced: 1 });
    clock.advance(Date.UTC(2026, 0, 5, 23) - T0 - 21); // a millisecond before midnight in Amsterdam
    expect((await portfolio.getInstrument("111", "aaaaa")).value.name).toBe("aaaaa v1");
    clock.advance(1);
    const after = portfolio.getInstrument("111", "aaaaa");
    clock.advance(20);
    expect((await after).fetchedAtMs).toBe(Date.UTC(2026, 0, 5, 23) + 20);
    expect(binck.requests).toEqual(["/instruments/aaaaa,bbbbb?accountNumber=111&includeTickSizes=true", "/instruments/aaaaa?accountNumber=111&includeTickSizes=true"]);
  });

  it("sends 1,000 identical reads once, counting the others as coalesced", async () => {
    const { binck, budget, portfolio } = setup();
    const reads = await Promise.all(Array.from({ length: 1_000 }, () => portfolio.getPositions("111")));
    expect(new Set(reads.map((read) => read.value[0].quantity))).toEqual(new Set([1]));
    expect(binck.requests).toEqual(["/accounts/111/positions?range=0-99"]);
    expect(budget.figures()).toMatchObject({ sent: 1, coalesced: 999 });
  });
});

describe("RequestCache", () => {
  it("hands a load that an invalidation overtook to its callers, but neither stores it nor lets later callers join it", async () => {
    const clock = new ManualClock(0);
    const cache = new RequestCache(clock);
    const key = { kind: "positions", account: "111", params: "" } as const;
    const releases: ((value: string) => void)[] = [];
    const load = () => new Promise<string>((resolve) => releases.push(resolve));
    const first = cache.get(key, load, () => 60_000);
    cache.invalidate("positions", "111");
    const second = cache.get(key, load, () => 60_000);
    await settle();
    expect(releases).toHaveLength(1); // the second waits for the first to end
    releases[0]("before the fill");
    expect((await first).value).toBe("before the fill");
    await settle();
    expect(releases).toHaveLength(2);
    releases[1]("after the fill");
    expect((await second).value).toBe("after the fill");
    expect(cache.peek(key)).toEqual({ value: "after the fill", fetchedAtMs: 0 });
    cache.invalidate("orders", "111");
    expect(cache.peek(key)).toBeDefined();
    cache.invalidate("positions", "222");
    expect(cache.peek(key)).toBeDefined();
    cache.invalidate("positions", "111");
    expect(cache.peek(key)).toBeUndefined();
  });

  it("stores no failure", async () => {
    const cache = new RequestCache(new ManualClock(0));
    const key = { kind: "balances", account: "111", params: "" } as const;
    await expect(cache.get(key, async () => { throw new Error("503"); }, () => 60_000)).rejects.toThrow("503");
    expect((await cache.get(key, async () => "ok", () => 60_000)).value).toBe("ok");
  });
});

describe("RequestCache housekeeping", () => {
  it("drops expired answers each time the store has grown by 256, keeping the live ones", async () => {
    const clock = new ManualClock(0);
    const cache = new RequestCache(clock);
    const accounts = { kind: "accounts", account: "", params: "" } as const;
    for (let i = 0; i < 300; i++) await cache.get({ kind: "transactions", account: "111", params: `from=${i}` }, async () => i, (at) => at + 1_000);
    await cache.get(accounts, async () => "live", (at) => at + 3_600_000);
    expect(cache.size).toBe(301);
    clock.advance(1_000);
    for (let i = 0; i < 210; i++) await cache.get({ kind: "balances", account: String(i), params: "" }, async () => i, (at) => at + 60_000);
    expect(cache.size).toBe(511);
    await cache.get({ kind: "balances", account: "last", params: "" }, async () => "last", (at) => at + 60_000);
    expect(cache.size).toBe(212);
    expect(cache.peek(accounts)).toEqual({ value: "live", fetchedAtMs: 0 });
  });
});
