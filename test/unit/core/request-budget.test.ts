import { maxInAnyWindow } from "../../support/windows";
import { ManualClock } from "../../../src/core/clock";
import { RequestBudget, type RequestPriority } from "../../../src/core/rest/request-budget";
import { SlidingWindow } from "../../../src/core/rest/sliding-window";

/** Lets every settled promise run its callbacks. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Moves the clock in steps, letting the requests started on the way answer (a request counts until it does). */
async function advanceSettling(clock: ManualClock, totalMs: number, stepMs: number): Promise<void> {
  for (let elapsed = 0; elapsed < totalMs; elapsed += stepMs) {
    clock.advance(Math.min(stepMs, totalMs - elapsed));
    await flush();
  }
}

describe("RequestBudget", () => {
  it("never starts more than the cap in any sliding 60 s window during a burst of 5,000 requests", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock);
    const starts: number[] = [];
    const results = Array.from({ length: 5_000 }, (_, i) => budget.run(async () => {
      starts.push(clock.now());
      return i;
    }));
    expect(starts).toHaveLength(40);
    // Until they are answered, nothing says when the next may start; answered at 0, a place frees at 60 s.
    expect(budget.figures()).not.toHaveProperty("nextStartAtMs");
    await flush();
    expect(budget.figures()).toMatchObject({ requestsInWindow: 40, queued: 4_960, sent: 40, nextStartAtMs: 60_000 });
    // Time moves in uneven steps, so starts fall on many different offsets.
    await advanceSettling(clock, 130 * 60_000, 997);
    expect(starts).toHaveLength(5_000);
    expect(maxInAnyWindow(starts, 60_000)).toBe(40);
    expect(await Promise.all(results)).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect(budget.figures()).toMatchObject({ queued: 0, inFlight: 0, sent: 5_000, coalesced: 0 });
  });

  it("holds a configured cap and window", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow: 3, windowMs: 10_000 });
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) void budget.run(async () => void starts.push(clock.now()));
    await flush();
    await advanceSettling(clock, 2_500, 500);
    for (let i = 0; i < 2; i++) void budget.run(async () => void starts.push(clock.now()));
    await advanceSettling(clock, 40_000, 500);
    expect(starts).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 20_000, 20_000, 20_000]);
  });

  it("starts the most urgent queued request first, in arrival order within a priority", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow: 1, windowMs: 1_000 });
    const order: string[] = [];
    const add = (name: string, priority: RequestPriority) => void budget.run(async () => void order.push(name), { priority });
    add("first", "background");
    add("bg1", "background");
    add("cell1", "visibleCell");
    add("bg2", "background");
    add("user1", "userAction");
    add("cell2", "visibleCell");
    add("user2", "userAction");
    expect(budget.figures().queuedByPriority).toEqual({ userAction: 2, visibleCell: 2, background: 2 });
    await flush();
    await advanceSettling(clock, 6_000, 100);
    expect(order).toEqual(["first", "user1", "user2", "cell1", "cell2", "bg1", "bg2"]);
  });

  it("sends identical requests once while one is queued or in flight, and moves it up for a more urgent caller", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow: 1, windowMs: 1_000 });
    let release!: (value: string) => void;
    let calls = 0;
    const slow = () => {
      calls++;
      return new Promise<string>((resolve) => { release = resolve; });
    };
    const a = budget.run(slow, { coalesceKey: "GET /x" });
    const b = budget.run(slow, { coalesceKey: "GET /x" });
    expect(calls).toBe(1);
    const order: string[] = [];
    void budget.run(async () => void order.push("bg"), { priority: "background" });
    const c1 = budget.run(async () => { order.push("y"); return "y"; }, { coalesceKey: "GET /y", priority: "background" });
    const c2 = budget.run(async () => { order.push("y again"); return "y again"; }, { coalesceKey: "GET /y", priority: "userAction" });
    expect(budget.figures()).toMatchObject({ coalesced: 2, queued: 2, inFlight: 1, queuedByPriority: { userAction: 1, visibleCell: 0, background: 1 } });
    release("x");
    expect(await Promise.all([a, b])).toEqual(["x", "x"]);
    await advanceSettling(clock, 2_000, 100);
    expect(await Promise.all([c1, c2])).toEqual(["y", "y"]);
    expect(order).toEqual(["y", "bg"]);
    // Once answered, the same key is sent again.
    await flush();
    void budget.run(slow, { coalesceKey: "GET /x" });
    await advanceSettling(clock, 1_000, 100);
    expect(calls).toBe(2);
  });

  it("passes failures to every caller of a coalesced request and counts failed requests against the cap", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow: 2, windowMs: 1_000 });
    const failing = () => Promise.reject(new Error("boom"));
    const a = budget.run(failing, { coalesceKey: "k" });
    const b = budget.run(failing, { coalesceKey: "k" });
    await expect(a).rejects.toThrow("boom");
    await expect(b).rejects.toThrow("boom");
    const thrown = budget.run(() => { throw new Error("sync boom"); });
    await expect(thrown).rejects.toThrow("sync boom");
    expect(budget.figures()).toMatchObject({ sent: 2, requestsInWindow: 2, inFlight: 0 });
  });

  it("counts cache hits reported by the caches in front of it and tells listeners of every change", () => {
    const budget = new RequestBudget(new ManualClock(0));
    let changes = 0;
    const stop = budget.onChange(() => changes++);
    budget.noteCacheHit();
    budget.noteCacheHit();
    stop();
    budget.noteCacheHit();
    expect(changes).toBe(2);
    expect(budget.figures().cacheHits).toBe(3);
  });
});

describe("SlidingWindow", () => {
  it("counts a request from its start until one window after its answer, so Binck's window never holds more", () => {
    const window = new SlidingWindow(2, 100);
    const first = window.record(0);
    const second = window.record(30);
    expect(window.count(30)).toBe(2);
    // Both in flight: only an answer can make room.
    expect(window.nextFreeAtMs(50)).toBe(Infinity);
    window.complete(first, 60);
    expect(window.nextFreeAtMs(60)).toBe(160);
    expect(window.count(159)).toBe(2);
    expect(window.count(160)).toBe(1);
    window.record(160);
    window.complete(second, 170);
    expect(window.nextFreeAtMs(170)).toBe(270);
  });

  it.each([[0, 60_000, "maxPerWindow must be a whole number of at least 1, not 0."], [1.5, 60_000, "maxPerWindow must be a whole number of at least 1, not 1.5."], [40, 0, "windowMs must be more than 0, not 0."]])(
    "refuses the policy %p per %p ms", (max, windowMs, message) => {
      expect(() => new SlidingWindow(max, windowMs)).toThrow(message);
    });
});
