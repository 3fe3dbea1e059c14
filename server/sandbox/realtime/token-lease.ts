import type { Clock, TimerHandle } from "../../../src/core/clock";
import type { ApiSession, SessionStore } from "../auth/session-store";
import { authError } from "../rest/auth";
import { HubError } from "./hub-error";

/**
 * The access token a connection streams on. The feed stops when it expires (guide.txt "realtime refresh"), unless
 * ExtendSubscriptions handed over a newer token of the SAME session (API.md 2.3, 5.2). Driven by the Clock.
 */
export class TokenLease {
  private currentToken: string;
  private currentExpiresAtMs: number;
  private timer?: TimerHandle;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly sessions: SessionStore,
    readonly session: ApiSession,
    initial: { token: string; expiresAtMs: number },
    /** Called once when the token no longer works; the message says why. */
    private readonly onEnded: (message: string) => void,
  ) {
    this.currentToken = initial.token;
    this.currentExpiresAtMs = initial.expiresAtMs;
    this.schedule();
  }

  get token(): string {
    return this.currentToken;
  }

  get expiresAtMs(): number {
    return this.currentExpiresAtMs;
  }

  /** A hub call: counts as session activity; throws when the token stopped working (the caller closes). */
  touch(): void {
    const result = this.sessions.authenticate(this.currentToken, true);
    if (!result.ok) throw new HubError(this.endMessage(authError(result).developerMessage));
  }

  /** ExtendSubscriptions: moves the lease to a newer token of this session. */
  extend(newToken: string): void {
    const result = this.sessions.authenticate(newToken, true);
    if (!result.ok) throw new HubError(`ExtendSubscriptions refused the new access token: ${authError(result).developerMessage}`);
    if (result.session.id !== this.session.id) {
      throw new HubError("ExtendSubscriptions refused the new access token: it belongs to another session (sign-in); pass the token refreshed from this connection's session.");
    }
    this.currentToken = newToken;
    this.currentExpiresAtMs = result.expiresAtMs;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.onDue(), Math.max(0, this.currentExpiresAtMs - this.clock.now()));
  }

  private onDue(): void {
    if (this.stopped) return;
    const result = this.sessions.authenticate(this.currentToken, false);
    if (result.ok) {
      this.currentExpiresAtMs = result.expiresAtMs;
      return this.schedule();
    }
    this.stop();
    this.onEnded(this.endMessage(authError(result).developerMessage));
  }

  private endMessage(reason: string): string {
    return `The realtime feed stopped: ${reason} To keep a feed going, call ExtendSubscriptions with the refreshed token before the old one expires.`;
  }
}
