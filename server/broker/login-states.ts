import { randomBytes } from "node:crypto";
import type { Realm } from "../../src/core/wire/auth";

export interface PendingLogin {
  realm: Realm;
  locale: string;
  startedAtMs: number;
}

/** The `state` of each sign-in in progress: unguessable, bound to its realm, single use, short-lived. */
export class LoginStates {
  private readonly pending = new Map<string, PendingLogin>();

  constructor(private readonly now: () => number, private readonly timeoutMs: number, private readonly maxPending = 10_000) {}

  start(realm: Realm, locale: string): string {
    this.sweep();
    if (this.pending.size >= this.maxPending) throw new Error("Too many sign-ins in progress.");
    const state = randomBytes(24).toString("base64url");
    this.pending.set(state, { realm, locale, startedAtMs: this.now() });
    return state;
  }

  /** Takes the state out: a second use (a replay) finds nothing. */
  take(state: string): PendingLogin | undefined {
    const login = this.pending.get(state);
    this.pending.delete(state);
    if (!login || this.now() - login.startedAtMs > this.timeoutMs) return undefined;
    return login;
  }

  private sweep(): void {
    const now = this.now();
    for (const [state, login] of this.pending) if (now - login.startedAtMs > this.timeoutMs) this.pending.delete(state);
  }
}
