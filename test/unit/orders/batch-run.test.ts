import { ManualClock } from "../../../src/core/clock";
import { BinckError } from "../../../src/core/errors";
import { OrderBatchRun } from "../../../src/core/orders/batch-run";
import { VALUE_NOT_IN_EURO } from "../../../src/core/orders/batch-summary";
import type { BatchPhase, BatchRow } from "../../../src/core/orders/contract";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import { FakeDesk } from "./fake-desk";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const ACCOUNT = "190126781";
const KNOCK_OUT = "This product can lose all its value.";
const row = (index: number, instrument: string, quantity: number): BatchRow => ({ index, fields: { accountNumber: ACCOUNT, instrument, side: "buy", quantity } });

/** Flushes promise callbacks until the run reaches `phase`, moving the clock a second at a time when it must wait. */
async function until(run: OrderBatchRun, clock: ManualClock, phase: BatchPhase, limitSeconds = 600): Promise<void> {
  for (let second = 0; run.phase() !== phase; second++) {
    if (second > limitSeconds) throw new Error(`still ${run.phase()}, not ${phase}, after ${limitSeconds} s`);
    await flush();
    if (run.phase() !== phase) clock.advance(1_000);
  }
}

describe("OrderBatchRun (Place orders from table)", () => {
  let clock: ManualClock;
  let budget: RequestBudget;
  let desk: FakeDesk;
  beforeEach(() => {
    clock = new ManualClock(0);
    budget = new RequestBudget(clock);
    desk = new FakeDesk(budget, {
      ASML: { price: 600, costsInEuro: 7.5 },
      TURBO: { price: 2.5, costsInEuro: 2, warningsToBeConfirmed: [KNOCK_OUT], warningsToBeShown: ["Leveraged product."] },
      AAPL: { price: 150, currency: "USD", costsInEuro: 5 },
      HALTED: { price: 10, canBeRegistered: false, warningsToBeShown: ["Trading in this instrument is halted."] },
    });
  });

  it("previews every row into one summary: ready rows, totals in euro, every warning with its rows", async () => {
    const rows = [row(0, "ASML", 10), row(1, "TURBO", 100), row(2, "NOPE", 1), row(3, "AAPL", 2), row(4, "HALTED", 5), row(5, "TURBO", 40)];
    const run = new OrderBatchRun({ tableName: "BinckOrders", rows, desk, orderEvents: desk, budget });
    expect(run.phase()).toBe("previewing");
    await until(run, clock, "awaitingConfirmation");
    expect(run.summary()).toEqual({
      count: 6,
      ready: 4,
      totalValueInEuro: 6000 + 250 + 100,
      totalCostsInEuro: 7.5 + 2 + 5 + 2,
      warnings: [
        { text: KNOCK_OUT, rows: [1, 5], needsConsent: true },
        { text: "Leveraged product.", rows: [1, 5], needsConsent: false },
        { text: VALUE_NOT_IN_EURO, rows: [3], needsConsent: false },
      ],
      rows: [
        { index: 0, status: "ready" },
        { index: 1, status: "ready" },
        { index: 2, status: "invalid", message: "instrument 'NOPE' is not known." },
        { index: 3, status: "ready" },
        { index: 4, status: "refused", message: "Trading in this instrument is halted." },
        { index: 5, status: "ready" },
      ],
    });
    expect(desk.placed).toEqual([]);

    run.confirm();
    run.confirm();
    expect(await run.finished).toBe("done");
    // One placement per ready row, the consent warnings accepted by the one confirmation.
    expect(desk.placed.map((placed) => placed.acceptedWarnings)).toEqual([[], [KNOCK_OUT], [], [KNOCK_OUT]]);
    expect(run.progress()).toMatchObject({ done: 4, total: 4, secondsLeft: 0, stopped: false });
    expect(run.progress().rows.map((result) => [result.index, result.status, result.orderNumber])).toEqual([
      [0, "placed", 5001], [1, "placed", 5002], [2, "invalid", undefined], [3, "placed", 5003], [4, "refused", undefined], [5, "placed", 5004],
    ]);
  });

  it("keeps placed rows live from the order events until disposed, an event that beat the answer included", async () => {
    desk.outcomes.set(3, (order) => {
      // The market filled it at once: its final event arrives before the placement's answer (API.md 3.3 #16).
      desk.setStatus(ACCOUNT, 6000, "completelyExecuted");
      return { kind: "placed", orderNumber: 6000, referenceId: order.referenceId, recovered: false };
    });
    const run = new OrderBatchRun({ tableName: "BinckOrders", rows: [row(0, "ASML", 1), row(1, "ASML", 2), row(2, "ASML", 3)], desk, orderEvents: desk, budget });
    await until(run, clock, "awaitingConfirmation");
    run.confirm();
    await run.finished;
    expect(run.progress().rows.map((result) => result.status)).toEqual(["placed", "placed", "executed"]);
    let changes = 0;
    run.onChange(() => changes++);
    desk.setStatus(ACCOUNT, 5002, "placementConfirmed");
    desk.setStatus(ACCOUNT, 5002, "executed");
    // A late event of an earlier stage does not move it back.
    desk.setStatus(ACCOUNT, 5002, "placementConfirmed");
    expect(run.progress().rows.map((result) => result.status)).toEqual(["placed", "executed", "executed"]);
    expect(changes).toBe(2);
    run.dispose();
    desk.setStatus(ACCOUNT, 5001, "canceled");
    expect(run.progress().rows.map((result) => result.status)).toEqual(["placed", "executed", "executed"]);
  });

  it("tells the time left from the budget's free capacity, and Stop leaves the remaining rows skipped", async () => {
    const rows = Array.from({ length: 50 }, (_, index) => row(index, "ASML", index + 1));
    const run = new OrderBatchRun({ tableName: "BinckOrders", rows, desk, orderEvents: desk, budget, requestsPerPreview: 2 });
    await flush();
    await flush();
    // 40 requests fit the window: 20 rows previewed; the 4 workers' next requests wait for room.
    for (let i = 0; i < 20 && budget.figures().queuedByPriority.userAction < 4; i++) await flush();
    expect(budget.figures()).toMatchObject({ requestsInWindow: 40, queuedByPriority: { userAction: 4 } });
    // 30 rows × 2 requests, none free now: 60 × 60 s / 40.
    expect(run.progress()).toMatchObject({ done: 20, total: 50, secondsLeft: 90, stopped: false });
    await until(run, clock, "awaitingConfirmation");
    expect(run.summary()).toMatchObject({ count: 50, ready: 50, totalValueInEuro: 600 * (50 * 51) / 2, totalCostsInEuro: 375 });
    run.confirm();
    await until(run, clock, "placing");
    while (desk.placed.length < 3) {
      await flush();
      clock.advance(1_000);
    }
    const done = desk.placed.length;
    expect(done).toBeLessThan(50);
    const figures = budget.figures();
    const free = Math.max(0, 40 - figures.requestsInWindow - figures.queuedByPriority.userAction);
    expect(run.progress()).toMatchObject({ done, total: 50, secondsLeft: Math.ceil((Math.max(0, 50 - done - free) * 60) / 40) });
    expect(run.progress().secondsLeft).toBeGreaterThan(0);
    run.stop();
    expect(run.progress().stopped).toBe(true);
    await until(run, clock, "stopped");
    const placed = desk.placed.length;
    const statuses = run.progress().rows.map((result) => result.status);
    expect(statuses.filter((status) => status === "placed")).toHaveLength(placed);
    expect(statuses.filter((status) => status === "skipped")).toHaveLength(50 - placed);
    expect(run.progress().rows[49]).toEqual({ index: 49, status: "skipped", message: "Not placed: stopped before this row." });
    expect(run.progress()).toMatchObject({ done: placed, total: 50, secondsLeft: 0 });
  });

  it("places nothing when cancelled before the confirmation", async () => {
    const run = new OrderBatchRun({ tableName: "BinckOrders", rows: [row(0, "ASML", 1), row(1, "NOPE", 1)], desk, orderEvents: desk, budget });
    await until(run, clock, "awaitingConfirmation");
    run.stop();
    expect(await run.finished).toBe("cancelled");
    run.confirm();
    await flush();
    expect(desk.placed).toEqual([]);
    expect(run.progress().rows).toEqual([
      { index: 0, status: "skipped", message: "Not placed: the table was cancelled before confirmation." },
      { index: 1, status: "invalid", message: "instrument 'NOPE' is not known." },
    ]);
  });

  it("writes a refusal's and a lost answer's message, and a recovered placement's order number", async () => {
    desk.outcomes.set(2, (order) => ({ kind: "refused", referenceId: order.referenceId, error: new BinckError("api", "Insufficient spending limit.", "422") }));
    desk.outcomes.set(3, (order) => ({ kind: "unknown", referenceId: order.referenceId, error: new BinckError("network", "The answer was lost; check your open orders.", "timeout") }));
    desk.outcomes.set(4, (order) => ({ kind: "placed", orderNumber: 777, referenceId: order.referenceId, recovered: true }));
    const run = new OrderBatchRun({ tableName: "BinckOrders", rows: [row(0, "ASML", 2), row(1, "ASML", 3), row(2, "ASML", 4)], desk, orderEvents: desk, budget });
    await until(run, clock, "awaitingConfirmation");
    run.confirm();
    await run.finished;
    expect(run.progress().rows).toEqual([
      { index: 0, status: "refused", message: "Insufficient spending limit." },
      { index: 1, status: "unknown", message: "The answer was lost; check your open orders." },
      { index: 2, status: "placed", orderNumber: 777, message: "Placed; its answer was lost, so it was found by its reference." },
    ]);
  });

  it("ends without a confirmation when no row is ready", async () => {
    const run = new OrderBatchRun({ tableName: "BinckOrders", rows: [row(0, "NOPE", 1)], desk, orderEvents: desk, budget });
    expect(await run.finished).toBe("done");
    expect(run.summary()).toMatchObject({ count: 1, ready: 0, totalValueInEuro: 0 });
  });
});
