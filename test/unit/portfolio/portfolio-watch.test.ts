import { ManualClock } from "../../../src/core/clock";
import type { WatchUpdate } from "../../../src/core/portfolio/data-watch";
import { Portfolio } from "../../../src/core/portfolio/portfolio";
import { FakeBackSignal, FakeOrderEvents, fakeBinck, restOn, settle } from "./fake-binck";

const T0 = Date.UTC(2026, 0, 5, 10, 20, 0);

function setup() {
  const clock = new ManualClock(T0);
  const binck = fakeBinck();
  const { budget, rest } = restOn(binck.fetchFn, clock);
  const events = new FakeOrderEvents();
  const back = new FakeBackSignal();
  const portfolio = new Portfolio({ rest, budget, clock, orderEvents: events, back, invalidationDelayMs: 250 });
  return { clock, binck, budget, events, back, portfolio };
}

/** Keeps what a watcher was told, in a readable form. */
function recorder<T>(show: (value: T) => unknown) {
  const seen: unknown[] = [];
  const listener = (update: WatchUpdate<T>) => seen.push(update.ok ? show(update.value) : `${update.error.code}: ${update.error.endUserMessage}`);
  return { seen, listener };
}

describe("Portfolio watches", () => {
  it("forgets every cached answer when the session ends, those on their way too: whoever signs in next fetches again", async () => {
    const clock = new ManualClock(T0);
    const binck = fakeBinck();
    const { budget, rest } = restOn(binck.fetchFn, clock);
    const listeners = new Set<(state: { status: string }) => void>();
    const session = { onChange: (listener: (state: { status: string }) => void) => (listeners.add(listener), () => listeners.delete(listener)) };
    const portfolio = new Portfolio({ rest, budget, clock, session });
    await portfolio.getAccounts();
    await portfolio.getAccounts();
    expect(binck.requests).toEqual(["/accounts"]);

    const onItsWay = portfolio.getPositions("111");
    for (const listener of listeners) listener({ status: "signedOut" });
    await onItsWay;
    await portfolio.getAccounts();
    await portfolio.getPositions("111");
    expect(binck.requests).toEqual(["/accounts", "/accounts/111/positions?range=0-99", "/accounts", "/accounts/111/positions?range=0-99"]);

    for (const listener of listeners) listener({ status: "signedIn" });
    await portfolio.getAccounts();
    expect(binck.requests).toHaveLength(4);
    portfolio.dispose();
    expect(listeners.size).toBe(0);
  });

  it("fetches once for all watchers of a request and tells a late watcher at once", async () => {
    const { binck, portfolio } = setup();
    const a = recorder((rows: { quantity: number }[]) => rows[0].quantity);
    const b = recorder((rows: { quantity: number }[]) => rows[0].quantity);
    portfolio.watchPositions("111", a.listener);
    portfolio.watchPositions("111", b.listener);
    await settle();
    const late = recorder((rows: { quantity: number }[]) => rows[0].quantity);
    portfolio.watchPositions("111", late.listener);
    expect([a.seen, b.seen, late.seen]).toEqual([[1], [1], [1]]);
    expect(binck.requests).toEqual(["/accounts/111/positions?range=0-99"]);
    expect(portfolio.watchedRequests).toBe(1);
  });

  it("fetches positions, balances, transactions and orders of the account again after an OrderExecution, and only orders after other order events", async () => {
    const { clock, binck, events, portfolio } = setup();
    const positions = recorder((rows: { quantity: number }[]) => rows[0].quantity);
    const balances = recorder((value: { balances?: { cashBalance: number }[] }) => value.balances![0].cashBalance);
    const orders = recorder((rows: { number: number }[]) => rows[0].number);
    const transactions = recorder((rows: { number: number }[]) => rows[0].number);
    const otherAccount = recorder((rows: { quantity: number }[]) => rows[0].quantity);
    portfolio.watchPositions("111", positions.listener);
    portfolio.watchBalances("111", balances.listener);
    portfolio.watchOrders("111", { status: "open" }, orders.listener);
    portfolio.watchTransactions("111", { fromDate: "2026-01-01" }, transactions.listener);
    portfolio.watchPositions("222", otherAccount.listener);
    await settle();
    expect(binck.requests).toHaveLength(5);

    events.emit("OrderStatus", "111", "placed");
    events.emit("OrderModified", "111", "modified");
    clock.advance(250);
    await settle();
    expect(orders.seen).toEqual([1, 2]);
    expect([positions.seen, balances.seen, transactions.seen]).toEqual([[1], [1], [1]]);

    // A burst of partial fills: one fetch per watched request.
    for (const status of ["partiallyExecuted", "partiallyExecuted", "completelyExecuted"]) events.emit("OrderExecution", "111", status);
    clock.advance(249);
    await settle();
    expect(positions.seen).toEqual([1]);
    clock.advance(1);
    await settle();
    expect([positions.seen, balances.seen, orders.seen, transactions.seen, otherAccount.seen]).toEqual([[1, 2], [1, 2], [1, 2, 3], [1, 2], [1]]);
    expect(binck.requests.slice(5).sort()).toEqual([
      "/accounts/111/balances", "/accounts/111/orders?status=open&range=0-99", "/accounts/111/orders?status=open&range=0-99",
      "/accounts/111/positions?range=0-99", "/accounts/111/transactions?fromDate=2026-01-01&range=0-99",
    ]);
  });

  it("fetches a watched request again when its lifetime ends, in the background, until nobody watches it", async () => {
    const clock = new ManualClock(T0);
    const binck = fakeBinck();
    const { budget, rest } = restOn(binck.fetchFn, clock);
    const priorities: unknown[] = [];
    const spied: typeof rest = Object.create(rest);
    spied.getBalances = (account, call) => (priorities.push(call?.priority), rest.getBalances(account, call));
    const portfolio = new Portfolio({ rest: spied, budget, clock });
    const balances = recorder((value: { balances?: { cashBalance: number }[] }) => value.balances![0].cashBalance);
    const accounts = recorder((rows: { number: string }[]) => rows.map((row) => row.number).join());
    const stop = portfolio.watchBalances("111", balances.listener);
    portfolio.watchAccounts(accounts.listener);
    await settle();
    clock.advance(59_999);
    await settle();
    expect(binck.requests).toEqual(["/accounts/111/balances", "/accounts"]);
    clock.advance(1);
    await settle();
    expect(binck.requests).toEqual(["/accounts/111/balances", "/accounts", "/accounts/111/balances"]);
    expect(balances.seen).toEqual([1, 2]);
    // Cells first, then what was fetched again because it expired (its room under the cap goes to cells first).
    expect(priorities).toEqual(["visibleCell", "background"]);
    clock.advance(60_000);
    await settle();
    expect(balances.seen).toEqual([1, 2, 3]);
    stop();
    clock.advance(3_600_000);
    await settle();
    expect(binck.requests.filter((request) => request.endsWith("/balances"))).toHaveLength(3);
    // Accounts are not fetched again at expiry (they hardly change): still the one answer after an hour.
    expect(accounts.seen).toEqual(["111"]);
    expect(binck.requests.filter((request) => request === "/accounts")).toHaveLength(1);
  });

  it("fetches nothing for a request nobody watches any more", async () => {
    const { clock, binck, events, portfolio } = setup();
    const stop = portfolio.watchPositions("111", () => undefined);
    await settle();
    events.emit("OrderExecution", "111");
    stop();
    clock.advance(1_000);
    await settle();
    expect(binck.requests).toHaveLength(1);
    expect(portfolio.watchedRequests).toBe(0);
    portfolio.dispose();
    expect(events.size).toBe(0);
  });

  it("tells watchers Binck's maintenance message, and recovers by itself when Binck is back", async () => {
    const { clock, binck, budget, events, back, portfolio } = setup();
    const positions = recorder((rows: { quantity: number }[]) => rows[0].quantity);
    const accounts = recorder((rows: { number: string }[]) => rows.map((row) => row.number).join());
    portfolio.watchPositions("111", positions.listener);
    portfolio.watchAccounts(accounts.listener);
    await settle();
    binck.state.maintenance = true;
    events.emit("OrderExecution", "111");
    clock.advance(250);
    await settle();
    expect(positions.seen).toEqual([1, "maintenance: Binck is down for planned maintenance."]);
    // Nothing is repeated while maintenance lasts.
    clock.advance(600_000);
    await settle();
    expect(binck.requests).toHaveLength(3);
    binck.state.maintenance = false;
    back.back();
    await settle();
    expect(positions.seen).toEqual([1, "maintenance: Binck is down for planned maintenance.", 2]);
    expect(accounts.seen).toEqual(["111"]); // it had not failed
    expect(binck.requests).toHaveLength(4);
    expect(budget.figures()).toMatchObject({ queued: 0, inFlight: 0 });
  });

  it("does not repeat a request Binck refused for the session, not even when Binck is back, until told after a new sign-in", async () => {
    const { clock, binck, events, back, portfolio } = setup();
    const balances = recorder((value: { balances?: { cashBalance: number }[] }) => value.balances![0].cashBalance);
    binck.state.signedOut = true;
    portfolio.watchBalances("111", balances.listener);
    await settle();
    expect(balances.seen).toEqual(["signInRequired: Signed out — sign in again."]);
    back.back();
    clock.advance(600_000);
    await settle();
    expect(binck.requests).toEqual(["/accounts/111/balances"]);
    binck.state.signedOut = false;
    await portfolio.retryFailed();
    expect(balances.seen).toEqual(["signInRequired: Signed out — sign in again.", 1]);
    // An event still fetches again, as it would for any watch.
    events.emit("OrderExecution", "111");
    clock.advance(250);
    await settle();
    expect(balances.seen.at(-1)).toBe(2);
  });

  it("refreshes every watched request within the budget and says what it did", async () => {
    const clock = new ManualClock(T0);
    const binck = fakeBinck();
    const { budget, rest } = restOn(binck.fetchFn, clock, { maxRequestsPerWindow: 3 });
    // Nothing fetched again at expiry: only the refresh command does.
    const portfolio = new Portfolio({ rest, budget, clock, refetchedOnExpiry: [] });
    for (let i = 0; i < 1_000; i++) {
      const account = i % 2 === 0 ? "111" : "222";
      if (i % 4 < 2) portfolio.watchPositions(account, () => undefined);
      else portfolio.watchBalances(account, () => undefined);
    }
    await settle();
    expect(portfolio.watchedRequests).toBe(4);
    expect(budget.figures()).toMatchObject({ sent: 3, queued: 1 });
    clock.advance(60_000);
    await settle();
    clock.advance(60_000);
    const refreshing = portfolio.refreshAll();
    await settle();
    expect(budget.figures()).toMatchObject({ requestsInWindow: 3, queued: 1 });
    clock.advance(60_000);
    const report = await refreshing;
    expect(report).toEqual({
      startedAtMs: T0 + 120_000, finishedAtMs: T0 + 180_000, requests: 4,
      refreshed: [
        { kind: "positions", account: "111", params: "", fetchedAtMs: T0 + 120_000 },
        { kind: "positions", account: "222", params: "", fetchedAtMs: T0 + 120_000 },
        { kind: "balances", account: "111", params: "", fetchedAtMs: T0 + 120_000 },
        { kind: "balances", account: "222", params: "", fetchedAtMs: T0 + 180_000 },
      ],
    });
  });

  it("reports a failed refresh with its code and message", async () => {
    const { binck, portfolio } = setup();
    portfolio.watchOrders("111", {}, () => undefined);
    await settle();
    binck.state.maintenance = true;
    const report = await portfolio.refreshAll();
    expect(report.refreshed).toEqual([{ kind: "orders", account: "111", params: "", error: { code: "maintenance", endUserMessage: "Binck is down for planned maintenance." } }]);
    expect(report.requests).toBe(1);
  });
});
