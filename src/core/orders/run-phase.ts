import type { BatchPhase } from "./contract";

/** A run's phase and the listeners told of every change (shared by the table's place and cancel runs). */
export class RunPhase {
  private readonly listeners = new Set<() => void>();

  constructor(public current: BatchPhase) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  enter(phase: BatchPhase): BatchPhase {
    this.current = phase;
    this.changed();
    return phase;
  }

  clear(): void {
    this.listeners.clear();
  }
}
