import type { Clock } from "../../../src/core/clock";
import type { Realm } from "../../../src/core/wire/auth";

export type PasswordFailureResult = { locked: true; lockedUntilMs: number } | { locked: false; attemptsLeft: number };

export interface LockedLogin {
  realm: Realm;
  personId: string;
  lockedUntilMs: number;
}

interface LoginRecord {
  realm: Realm;
  personId: string;
  failures: number;
  lockedUntilMs?: number;
}

/**
 * Locks a person's login after too many wrong passwords in a row, for a while, like ForgeRock's account lockout:
 * per realm, since each realm keeps its own users.
 */
export class PasswordLockout {
  private readonly records = new Map<string, LoginRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly lockoutMs: number,
  ) {}

  /** Forgets every failure and lock (sandbox reset). */
  clear(): void {
    this.records.clear();
  }

  /** When the lock ends, or undefined when the person may try. */
  lockedUntilMs(realm: Realm, personId: string): number | undefined {
    return this.current(realm, personId)?.lockedUntilMs;
  }

  recordFailure(realm: Realm, personId: string): PasswordFailureResult {
    const record = this.current(realm, personId) ?? { realm, personId, failures: 0 };
    record.failures += 1;
    this.records.set(key(realm, personId), record);
    if (record.failures >= this.maxFailures) {
      record.lockedUntilMs = this.clock.now() + this.lockoutMs;
      return { locked: true, lockedUntilMs: record.lockedUntilMs };
    }
    return { locked: false, attemptsLeft: this.maxFailures - record.failures };
  }

  recordSuccess(realm: Realm, personId: string): void {
    this.records.delete(key(realm, personId));
  }

  /** The locks still running, oldest first (the control surface's status shows them). */
  lockedOut(): LockedLogin[] {
    const locked: LockedLogin[] = [];
    for (const { realm, personId } of [...this.records.values()]) {
      const lockedUntilMs = this.lockedUntilMs(realm, personId);
      if (lockedUntilMs !== undefined) locked.push({ realm, personId, lockedUntilMs });
    }
    return locked.sort((a, b) => a.lockedUntilMs - b.lockedUntilMs);
  }

  /** The record of a login, forgotten once its lock has ended. */
  private current(realm: Realm, personId: string): LoginRecord | undefined {
    const record = this.records.get(key(realm, personId));
    if (record?.lockedUntilMs !== undefined && this.clock.now() >= record.lockedUntilMs) {
      this.records.delete(key(realm, personId));
      return undefined;
    }
    return record;
  }
}

function key(realm: Realm, personId: string): string {
  return `${realm} ${personId}`;
}
