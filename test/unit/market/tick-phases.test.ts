import { ManualClock, type Clock } from "../../../src/core/clock";
import { TickPhases } from "../../../server/sandbox/market/tick-phases";

const IDS = Array.from({ length: 3000 }, (_, i) => `i${i.toString(36)}x`);

function phases(clock: Clock, slotMs = 5): { phases: TickPhases<string>; ticks: Array<{ atMs: number; ids: string[] }> } {
  const ticks: Array<{ atMs: number; ids: string[] }> = [];
  return { phases: new TickPhases<string>(clock, slotMs, (members) => ticks.push({ atMs: clock.now(), ids: [...members.keys()] })), ticks };
}

/** When each id ticked. */
function timesById(ticks: ReadonlyArray<{ atMs: number; ids: string[] }>): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const { atMs, ids } of ticks) for (const id of ids) times.set(id, [...(times.get(id) ?? []), atMs]);
  return times;
}

describe("TickPhases", () => {
  it("ticks every member exactly once per step, at its own slot, the slots evenly filled", () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { phases: spread, ticks } = phases(clock);
    spread.setStep(100);
    expect(spread.slots).toBe(20);
    for (const id of IDS) spread.add(id, id);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1000);
    const wrong = IDS.filter((id) => {
      const times = ticks.filter((tick) => tick.ids.includes(id)).map((tick) => tick.atMs - start);
      const expected = Array.from({ length: 11 }, (_, step) => step * 100 + spread.slotOf(id) * 5).filter((time) => time > 0 && time <= 1000);
      return JSON.stringify(times) !== JSON.stringify(expected);
    });
    expect(wrong).toEqual([]);
    const bySlot = Array.from({ length: 20 }, (_, slot) => IDS.filter((id) => spread.slotOf(id) === slot).length);
    expect(Math.min(...bySlot)).toBeGreaterThan(150 * 0.75);
    expect(Math.max(...bySlot)).toBeLessThan(150 * 1.25);
  });

  it("skips no member when its timer fires late: the slots due are caught up, each member still once per step", () => {
    const manual = new ManualClock();
    const late: Clock = { now: () => manual.now(), setTimeout: (callback, delayMs) => manual.setTimeout(callback, delayMs + 12), clearTimeout: (handle) => manual.clearTimeout(handle) };
    const { phases: spread, ticks } = phases(late);
    spread.setStep(100);
    for (const id of IDS.slice(0, 300)) spread.add(id, id);
    manual.advance(1000);
    // Late by 12 ms, a timer catches up two or three slots at once.
    expect(new Set(ticks.map((tick) => tick.atMs)).size).toBeLessThan(100);
    // Neither skipped nor doubled: an id's ticks stay a step apart, give or take the lateness and a slot.
    const times = timesById(ticks);
    expect(times.size).toBe(300);
    for (const [id, at] of times) {
      const gaps = at.slice(1).map((time, i) => time - at[i]);
      expect({ id, gaps: gaps.filter((gap) => gap < 100 - 17 || gap > 100 + 17) }).toEqual({ id, gaps: [] });
      expect(at.length).toBeGreaterThanOrEqual(9);
    }
  });

  it("keeps its members through a change of step, has no timer without members or a step, and slots at least 1 ms apart", () => {
    const clock = new ManualClock();
    const { phases: spread, ticks } = phases(clock);
    spread.add("a", "a");
    expect(clock.pendingTimers()).toBe(0);
    spread.setStep(500);
    expect(spread.slots).toBe(100);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(500);
    expect(ticks.map((tick) => tick.ids)).toEqual([["a"]]);
    spread.setStep(1000 / 3);
    clock.advance(1000);
    expect(ticks.length).toBe(4);
    spread.setStep(Infinity);
    expect(clock.pendingTimers()).toBe(0);
    spread.setStep(2);
    expect(spread.slots).toBe(1);
    spread.delete("a");
    expect(clock.pendingTimers()).toBe(0);
    const fine = phases(clock, 0.1).phases;
    fine.setStep(2);
    expect(fine.slots).toBe(2);
    expect(() => phases(clock, 0)).toThrow("tickSlotMs 0 must be a number above 0.");
  });
});
