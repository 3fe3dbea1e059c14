import { runInNewContext } from "node:vm";
import { ManualClock } from "../../../src/core/clock";
import { ResultCoalescer, sameResult } from "../../../src/functions/result-coalescer";

function setup(intervalMs?: number) {
  const clock = new ManualClock(0);
  const delivered: Array<{ atMs: number; value: unknown }> = [];
  const coalescer = new ResultCoalescer<unknown>((value) => delivered.push({ atMs: clock.now(), value }), clock, intervalMs);
  return { clock, delivered, coalescer };
}

describe("ResultCoalescer", () => {
  it("delivers the first value at once, then at most one per 250 ms, and always the newest in the end", () => {
    const { clock, delivered, coalescer } = setup();
    coalescer.push(1);
    coalescer.push(2);
    coalescer.push(3);
    clock.advance(100);
    coalescer.push(4);
    clock.advance(150);
    coalescer.push(5);
    clock.advance(10);
    coalescer.push(6);
    clock.advance(1_000);
    expect(delivered).toEqual([{ atMs: 0, value: 1 }, { atMs: 250, value: 4 }, { atMs: 500, value: 6 }]);
  });

  it("holds any number of updates to one delivery per interval", () => {
    const { clock, delivered, coalescer } = setup(1_000);
    for (let i = 1; i <= 10_000; i++) {
      coalescer.push(i);
      clock.advance(1);
    }
    clock.advance(1_000);
    const times = delivered.map((entry) => entry.atMs);
    expect(times.every((time, i) => i === 0 || time - times[i - 1] >= 1_000)).toBe(true);
    expect(delivered).toHaveLength(11);
    expect(delivered[delivered.length - 1].value).toBe(10_000);
  });

  it("sends nothing for an unchanged value, matrices compared by content", () => {
    const { clock, delivered, coalescer } = setup();
    coalescer.push([[1, "a"], [2, "b"]]);
    clock.advance(300);
    coalescer.push([[1, "a"], [2, "b"]]);
    clock.advance(300);
    coalescer.push([[1, "a"], [2, "c"]]);
    clock.advance(100);
    // A value that changes and changes back within one interval is never shown.
    coalescer.push(7);
    coalescer.push([[1, "a"], [2, "c"]]);
    clock.advance(300);
    expect(delivered.map((entry) => entry.value)).toEqual([[[1, "a"], [2, "b"]], [[1, "a"], [2, "c"]]]);
  });

  it("delivers nothing after close", () => {
    const { clock, delivered, coalescer } = setup();
    coalescer.push(1);
    coalescer.push(2);
    coalescer.close();
    coalescer.push(3);
    clock.advance(1_000);
    expect(delivered.map((entry) => entry.value)).toEqual([1]);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe("sameResult", () => {
  it.each([
    [1, 1, true], [1, 2, false], [NaN, NaN, true], ["a", "a", true], ["a", "A", false], [null, null, true], [null, 0, false],
    [[1, [2, 3]], [1, [2, 3]], true], [[1, [2, 3]], [1, [2, 4]], false], [[1], [1, 2], false], [[1], { 0: 1 }, false],
    [{ code: "#N/A", message: "x" }, { code: "#N/A", message: "x" }, true], [{ code: "#N/A", message: "x" }, { code: "#N/A", message: "y" }, false],
    [new Error("a"), new Error("a"), true], [new Error("a"), new Error("b"), false],
  ])("%p and %p: %p", (a, b, same) => {
    expect(sameResult(a, b)).toBe(same);
  });
});

describe("sameResult with errors of another realm (the preview gives CustomFunctions.Error from its host frame)", () => {
  const OtherRealmError = runInNewContext(`(class CustomFunctionsError extends Error {
    constructor(code, message) { super(message); this.code = code; this.name = "CustomFunctions.Error"; }
  })`) as new (code: string, message: string) => Error;

  it("tells two #N/A errors with different messages apart, and the same message as the same", () => {
    const signIn = new OtherRealmError("#N/A", "sign in to Binck in the taskpane");
    expect(signIn instanceof Error).toBe(false);
    expect(sameResult(signIn, new OtherRealmError("#N/A", "choose an account in the taskpane"))).toBe(false);
    expect(sameResult(signIn, new OtherRealmError("#N/A", "sign in to Binck in the taskpane"))).toBe(true);
  });

  it("delivers the new message of an error with the same code", () => {
    const clock = new ManualClock(0);
    const delivered: unknown[] = [];
    const coalescer = new ResultCoalescer<unknown>((value) => delivered.push(value), clock, 250);
    coalescer.push(new OtherRealmError("#N/A", "sign in to Binck in the taskpane"));
    coalescer.push(new OtherRealmError("#N/A", "choose an account in the taskpane"));
    clock.advance(250);
    expect(delivered.map((error) => (error as Error).message)).toEqual(["sign in to Binck in the taskpane", "choose an account in the taskpane"]);
  });
});
