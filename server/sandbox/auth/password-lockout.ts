import type { Clock } from "../../../src/core/clock";

export type PasswordFailureResult = { locked: true; lockedUntilMs: number } | { locked: false; attemptsLeft: number };

/** Locks a person's login after too many wrong passwords in a row, for a while (like ForgeRock's account lockout). */
export class PasswordLockout {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  /** Forgets every failure and lock (sandbox reset). */
  clear(): void {
    this.failures.clear();
    this.lockedUntil.clear();
  }

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly lockoutMs: number,
  ) {}

  /** When the lock ends, or undefined when the person may try. */
  lockedUntilMs(personId: string): number | undefined {
    const until = this.lockedUntil.get(personId);
    if (until === undefined) return undefined;
    if (this.clock.now() < until) return until;
    this.lockedUntil.delete(personId);
    this.failures.delete(personId);
    return undefined;
  }

  recordFailure(personId: string): PasswordFailureResult {
    const count = (this.failures.get(personId) ?? 0) + 1;
    if (count >= this.maxFailures) {
      const lockedUntilMs = this.clock.now() + this.lockoutMs;
      this.lockedUntil.set(personId, lockedUntilMs);
      this.failures.delete(personId);
      return { locked: true, lockedUntilMs };
    }
    this.failures.set(personId, count);
    return { locked: false, attemptsLeft: this.maxFailures - count };
  }

  recordSuccess(personId: string): void {
    this.failures.delete(personId);
  }
}
