import { ManualClock } from "../../../src/core/clock";
import { BinckError } from "../../../src/core/errors";
import { Backoff } from "../../../src/core/rest/backoff";
import { RequestBudget } from "../../../src/core/rest/request-budget";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const unreachable = () => new BinckError("network", "Binck cannot be reached. Check your connection.", "GET /accounts failed: fetch failed");

describe("RequestBudget as the request scheduler: failures", () => {
  it("holds every request back after Binck could not be reached, doubling the pause, and repeats a GET at most networkAttempts times", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { backoffInitialMs: 1_000, backoffMaxMs: 4_000, networkAttempts: 3 });
    const starts: number[] = [];
    const failing = budget.run(async () => {
      starts.push(clock.now());
      throw unreachable();
    }, { retryNetworkFailures: true });
    const outcome = failing.catch((error: BinckError) => error.code);
    await flush();
    expect(budget.figures()).toMatchObject({ backoffUntilMs: 1_000, retried: 1, queued: 1 });
    // Another caller waits for the backoff too: no storm of requests while Binck is away.
    const other: number[] = [];
    void budget.run(async () => void other.push(clock.now()));
    clock.advance(999);
    await flush();
    expect(starts).toEqual([0]);
    expect(other).toEqual([]);
    clock.advance(1);
    await flush();
    expect(starts).toEqual([0, 1_000]);
    expect(budget.figures().backoffUntilMs).toBe(3_000);
    clock.advance(2_000);
    await flush();
    expect(starts).toEqual([0, 1_000, 3_000]);
    expect(await outcome).toBe("network");
    expect(budget.figures()).toMatchObject({ backoffUntilMs: 7_000, retried: 2, sent: 3 });
    clock.advance(4_000);
    await flush();
    expect(other).toEqual([7_000]);
    // A success ends the backoff.
    expect(budget.figures().backoffUntilMs).toBeUndefined();
  });

  it("does not repeat requests that are not marked safe, nor maintenance, nor refusals", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock);
    let orders = 0;
    await expect(budget.run(async () => {
      orders++;
      throw unreachable();
    })).rejects.toMatchObject({ code: "network" });
    expect(orders).toBe(1);
    clock.advance(1_000);
    let gets = 0;
    await expect(budget.run(async () => {
      gets++;
      throw new BinckError("maintenance", "Binck is down for planned maintenance.", "503", 503);
    }, { retryNetworkFailures: true })).rejects.toMatchObject({ code: "maintenance" });
    expect(gets).toBe(1);
    expect(budget.figures()).toMatchObject({ retried: 0, sent: 2 });
    expect(budget.figures().backoffUntilMs).toBeUndefined();
  });

  it("starts what waits at once when told that Binck is back", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { backoffInitialMs: 10_000, backoffMaxMs: 10_000 });
    await expect(budget.run(async () => { throw unreachable(); })).rejects.toMatchObject({ code: "network" });
    const started: number[] = [];
    void budget.run(async () => void started.push(clock.now()));
    expect(budget.figures()).toMatchObject({ queued: 1, nextStartAtMs: 10_000 });
    clock.advance(5);
    budget.resume();
    expect(started).toEqual([5]);
  });

  it("does not lengthen the pause for failures of requests already on their way", () => {
    const backoff = new Backoff({ backoffInitialMs: 100, backoffMaxMs: 1_000 });
    backoff.failed(0);
    backoff.failed(50);
    expect(backoff.untilMs).toBe(100);
    backoff.failed(100);
    backoff.failed(300);
    backoff.failed(700);
    backoff.failed(1_500);
    expect(backoff.untilMs).toBe(2_500);
    expect(backoff.consecutiveFailures).toBe(5);
    expect(() => new Backoff({ backoffInitialMs: 0, backoffMaxMs: 1 })).toThrow("backoffInitialMs must be more than 0, not 0.");
    expect(() => new RequestBudget(new ManualClock(0), { networkAttempts: 0 })).toThrow("networkAttempts must be a whole number of at least 1, not 0.");
  });
});

describe("BinckRestClient through the scheduler after an outage", () => {
  it("renews a refused token on the first answer after a network failure without waiting for itself", async () => {
    const { BinckRestClient } = await import("../../../src/core/rest/client");
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { backoffInitialMs: 1_000, backoffMaxMs: 1_000 });
    let token = "old";
    const answers: string[] = [];
    let calls = 0;
    const fetchFn = async (_url: string, init?: { headers?: Record<string, string> }) => {
      calls++;
      if (calls === 1) throw new TypeError("fetch failed");
      const auth = init?.headers?.Authorization;
      answers.push(String(auth));
      return auth === "Bearer new"
        ? new Response(JSON.stringify({ accountsCollection: { accounts: [{ number: "111" }] } }), { status: 200 })
        : new Response("", { status: 401 });
    };
    const tokens = { getAccessToken: () => token, renewAfterRejection: async () => ((token = "new"), true), noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
    const client = new BinckRestClient("https://api.test/api/v1", tokens, fetchFn, undefined, budget);
    const accounts = client.getAccounts();
    await flush();
    expect(budget.figures()).toMatchObject({ backoffUntilMs: 1_000, retried: 1 });
    clock.advance(1_000);
    expect(await accounts).toEqual([{ number: "111" }]);
    expect(answers).toEqual(["Bearer old", "Bearer new"]);
    expect(budget.figures()).toMatchObject({ sent: 3, queued: 0, inFlight: 0 });
    expect(budget.figures().backoffUntilMs).toBeUndefined();
  });
});
