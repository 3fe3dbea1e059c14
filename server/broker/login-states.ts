import type { Realm } from "../../src/core/wire/auth";
import { randomToken, secretsEqual } from "../shared/secrets";

export interface PendingLogin {
  realm: Realm;
  locale: string;
  startedAtMs: number;
  /** Also set as a cookie in the dialog's browser: the callback must come from the browser that started. */
  browserBinding: string;
}

/** The `state` of each sign-in in progress: unguessable, bound to its realm, single use, short-lived. */
export class LoginStates {
  private readonly pending = new Map<string, PendingLogin>();

  constructor(private readonly now: () => number, private readonly timeoutMs: number, private readonly maxPending = 10_000) {}

  start(realm: Realm, locale: string): { state: string; browserBinding: string } {
    this.sweep();
    // Full (a flood of started sign-ins): the oldest gives way, so a flood cannot block new sign-ins.
    while (this.pending.size >= this.maxPending) this.pending.delete(this.pending.keys().next().value!);
    const state = randomToken(24);
    const browserBinding = randomToken(24);
    this.pending.set(state, { realm, locale, startedAtMs: this.now(), browserBinding });
    return { state, browserBinding };
  }

  /**
   * Takes the state out: a second use (a replay) finds nothing. A callback from another browser than the one
   * that started (login CSRF: an attacker's code delivered to a victim) finds nothing either.
   */
  take(state: string, browserBinding: string | undefined): PendingLogin | undefined {
    const login = this.pending.get(state);
    this.pending.delete(state);
    if (!login || this.now() - login.startedAtMs > this.timeoutMs) return undefined;
    if (!browserBinding || !secretsEqual(browserBinding, login.browserBinding)) return undefined;
    return login;
  }

  private sweep(): void {
    const now = this.now();
    for (const [state, login] of this.pending) if (now - login.startedAtMs > this.timeoutMs) this.pending.delete(state);
  }
}
