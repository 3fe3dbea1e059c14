import type { Clock, TimerHandle } from "../../../src/core/clock";
import { hashString, unit } from "./hashing";

/** Seed of the phase hash, apart from the price model's hashes so that phases and prices do not correlate. */
const PHASE_SEED = 0x7a5e;

/** Slots closer together than this would be finer than the timers that fire them. */
const MIN_SLOT_MS = 1;

/**
 * When each watched instrument ticks within a market step. A real feed spreads its updates in time; ticking every
 * watched instrument at the step boundary instead sends one burst per step (3,000 instruments: ~4,000 items at
 * once), and the last items of a burst wait behind the first. So the step is cut into slots about `slotMs` apart and
 * each instrument has its own slot, from a hash of its id: stable across runs and watch orders, evenly spread.
 * One clock timer fires once per occupied slot, and `onSlot` gets that slot's members, each once per step.
 */
export class TickPhases<T> {
  private slices: Array<Map<string, T>> = [new Map()];
  private stepMs = Infinity;
  private timer: TimerHandle | undefined;
  /** The next slot to tick, counted from the epoch in slots of stepMs / slots. */
  private nextSlot = 0;

  constructor(
    private readonly clock: Clock,
    private readonly slotMs: number,
    private readonly onSlot: (members: ReadonlyMap<string, T>) => void,
  ) {
    if (!(slotMs > 0)) throw new RangeError(`tickSlotMs ${slotMs} must be a number above 0.`);
  }

  /** Slots per step. */
  get slots(): number {
    return this.slices.length;
  }

  /** The slot of an instrument within the step, 0 .. slots − 1. */
  slotOf(instrumentId: string): number {
    return Math.floor(unit(hashString(instrumentId, PHASE_SEED)) * this.slices.length);
  }

  add(instrumentId: string, value: T): void {
    const slot = this.slotOf(instrumentId);
    this.slices[slot].set(instrumentId, value);
    if (this.timer) {
      // The timer waits for a later slot than this member's next one: wake up for this one instead.
      const from = Math.min(this.nextSlot, this.currentSlot() + 1);
      const upcoming = from + ((slot - (from % this.slices.length) + this.slices.length) % this.slices.length);
      if (upcoming >= this.nextSlot) return;
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
      this.nextSlot = from;
    }
    this.schedule();
  }

  delete(instrumentId: string): void {
    this.slices[this.slotOf(instrumentId)].delete(instrumentId);
    if (this.slices.every((slice) => slice.size === 0)) this.unschedule();
  }

  clear(): void {
    for (const slice of this.slices) slice.clear();
    this.unschedule();
  }

  /** Ticks every `stepMs` (Infinity: never), the step cut into slots of about slotMs, at least MIN_SLOT_MS apart. */
  setStep(stepMs: number): void {
    this.unschedule();
    this.stepMs = stepMs;
    const count = Number.isFinite(stepMs) ? Math.max(1, Math.min(Math.round(stepMs / this.slotMs), Math.floor(stepMs / MIN_SLOT_MS))) : 1;
    if (count !== this.slices.length) {
      const members = this.slices.flatMap((slice) => [...slice]);
      this.slices = Array.from({ length: count }, () => new Map<string, T>());
      for (const [id, value] of members) this.slices[this.slotOf(id)].set(id, value);
    }
    this.schedule();
  }

  private get slotLengthMs(): number {
    return this.stepMs / this.slices.length;
  }

  /** The last slot that began at or before now (the epsilon absorbs float error at slot boundaries). */
  private currentSlot(): number {
    return Math.floor(this.clock.now() / this.slotLengthMs + 1e-9);
  }

  private schedule(): void {
    if (this.timer || !Number.isFinite(this.stepMs)) return;
    const from = Math.max(this.nextSlot, this.currentSlot() + 1);
    let next = from;
    while (next < from + this.slices.length && this.members(next).size === 0) next++;
    if (next === from + this.slices.length) return;
    this.nextSlot = next;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.tickDueSlots();
      this.schedule();
    }, Math.max(1, Math.ceil(next * this.slotLengthMs - this.clock.now())));
  }

  /** Ticks every slot from the one scheduled up to now: a late timer (a busy process) skips no instrument's tick. */
  private tickDueSlots(): void {
    const due = this.currentSlot();
    for (let slot = Math.max(this.nextSlot, due - this.slices.length + 1); slot <= due; slot++) {
      const members = this.members(slot);
      if (members.size > 0) this.onSlot(members);
    }
    this.nextSlot = due + 1;
  }

  private members(slot: number): ReadonlyMap<string, T> {
    return this.slices[slot % this.slices.length];
  }

  private unschedule(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextSlot = 0;
  }
}
