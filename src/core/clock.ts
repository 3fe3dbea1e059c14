/** Time as a seam: everything with a deadline takes a Clock, so tests move time instead of waiting. */
export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

let nextTimerId = 1;

/** The wall clock, on Node or in a browser. Timers do not keep a Node process alive. */
export const systemClock: Clock = (() => {
  const native = new Map<number, ReturnType<typeof setTimeout>>();
  return {
    now: () => Date.now(),
    setTimeout(callback, delayMs) {
      const id = nextTimerId++;
      const timer = setTimeout(() => {
        native.delete(id);
        callback();
      }, delayMs);
      (timer as { unref?: () => void }).unref?.();
      native.set(id, timer);
      return { id };
    },
    clearTimeout(handle) {
      const timer = native.get(handle.id);
      if (timer !== undefined) {
        clearTimeout(timer);
        native.delete(handle.id);
      }
    },
  };
})();

/** A clock that only moves when told to; timers fire in due order during `advance`. */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers = new Map<number, { dueMs: number; callback: () => void }>();

  constructor(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = nextTimerId++;
    this.timers.set(id, { dueMs: this.current + Math.max(0, delayMs), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      let nextId: number | undefined;
      let nextDue = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.dueMs <= target && timer.dueMs < nextDue) {
          nextDue = timer.dueMs;
          nextId = id;
        }
      }
      if (nextId === undefined) break;
      const timer = this.timers.get(nextId)!;
      this.timers.delete(nextId);
      this.current = Math.max(this.current, timer.dueMs);
      timer.callback();
    }
    this.current = target;
  }

  pendingTimers(): number {
    return this.timers.size;
  }
}

/** Calls `callback` every `intervalMs` until the returned function is called. */
export function every(clock: Clock, intervalMs: number, callback: () => void): () => void {
  let handle: TimerHandle | undefined;
  let stopped = false;
  const schedule = () => {
    handle = clock.setTimeout(() => {
      if (stopped) return;
      schedule();
      callback();
    }, intervalMs);
  };
  schedule();
  return () => {
    stopped = true;
    if (handle) clock.clearTimeout(handle);
  };
}
