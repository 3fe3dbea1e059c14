import type { Clock } from "../../../src/core/clock";
import type { Realm, Scope } from "../../../src/core/wire/auth";
import { randomToken } from "../../shared/secrets";

/** What an authorization code stands for: one finished sign-in of one person for one client. */
export interface CodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly realm: Realm;
  readonly personId: string;
  readonly scopes: readonly Scope[];
  readonly readOnly: boolean;
}

interface CodeRecord {
  readonly grant: CodeGrant;
  readonly expiresAtMs: number;
  spent: boolean;
  /** The session the code was exchanged for, ended if the code comes back (RFC 6749 4.1.2). */
  sessionId?: string;
}

export interface CodeRedemptionCheck {
  clientId: string;
  redirectUri: string;
  realm: Realm;
}

export type CodeRedemption =
  | { ok: true; grant: CodeGrant }
  | { ok: false; description: string; replayedSessionId?: string };

/** Single-use, short-lived authorization codes (API.md 2.2). */
export class AuthorizationCodeStore {
  private readonly codes = new Map<string, CodeRecord>();

  /** Forgets every code (sandbox reset). */
  clear(): void {
    this.codes.clear();
  }

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
    /** How long a spent or expired code is remembered, so its replay is recognised rather than "unknown". */
    private readonly spentMemoryMs: number,
  ) {}

  issue(grant: CodeGrant): string {
    this.sweep();
    const code = randomToken(24);
    this.codes.set(code, { grant, expiresAtMs: this.clock.now() + this.lifetimeMs, spent: false });
    return code;
  }

  /**
   * Spends the code when it matches the exchange. A mismatch leaves it unspent (the caller's mistake, not a replay);
   * a spent code is refused and names the session issued from it, which the caller ends.
   */
  redeem(code: string, check: CodeRedemptionCheck): CodeRedemption {
    const record = this.codes.get(code);
    // The client binding comes first, and another client's code is answered as an unknown one: a client learns
    // nothing of codes that are not its own, and cannot end the session issued from one (RFC 9700 4.14, as for
    // refresh tokens).
    if (!record || record.grant.clientId !== check.clientId) return { ok: false, description: "The authorization code is unknown." };
    if (record.spent) {
      return { ok: false, description: "The authorization code was already used; the session issued from it has ended.", replayedSessionId: record.sessionId };
    }
    if (this.clock.now() >= record.expiresAtMs) {
      return { ok: false, description: `The authorization code has expired: a code must be exchanged within ${Math.round(this.lifetimeMs / 1000)} s.` };
    }
    const { grant } = record;
    if (grant.redirectUri !== check.redirectUri) {
      return { ok: false, description: `redirect_uri '${check.redirectUri}' is not the redirect_uri of the authorize request; it must be identical.` };
    }
    if (grant.realm !== check.realm) return { ok: false, description: `The authorization code was issued in realm ${grant.realm}, not ${check.realm}.` };
    record.spent = true;
    return { ok: true, grant };
  }

  /** Remembers which session a redeemed code started. */
  recordSession(code: string, sessionId: string): void {
    const record = this.codes.get(code);
    if (record) record.sessionId = sessionId;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [code, record] of this.codes) {
      if (now >= record.expiresAtMs + this.spentMemoryMs) this.codes.delete(code);
    }
  }
}
