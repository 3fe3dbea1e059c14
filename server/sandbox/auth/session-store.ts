import { randomUUID } from "node:crypto";
import type { Clock } from "../../../src/core/clock";
import type { Realm, Scope, TokenResponse } from "../../../src/core/wire/auth";
import type { SandboxEvents } from "../events";

/** One login of one person through one client: what every token of its refresh chain grants. */
export interface ApiSession {
  readonly id: string;
  readonly personId: string;
  readonly realm: Realm;
  readonly clientId: string;
  readonly scopes: ReadonlySet<Scope>;
  /** The SMS step was skipped: no order may be placed, modified or cancelled. */
  readonly readOnly: boolean;
  readonly loginAtMs: number;
  lastActivityAtMs: number;
  endedReason?: SessionEndReason;
}

export type SessionEndReason = "signedOut" | "idle" | "chainEnded" | "rateLimited" | "reset";

interface AccessTokenRecord {
  readonly token: string;
  readonly sessionId: string;
  readonly expiresAtMs: number;
}

interface RefreshTokenRecord {
  readonly token: string;
  readonly sessionId: string;
  used: boolean;
}

export type AuthFailure = "missing" | "unknown" | "expired" | "idle" | "ended";

export type AuthResult =
  | { ok: true; session: ApiSession; expiresAtMs: number }
  | { ok: false; failure: AuthFailure; session?: ApiSession };

export type RefreshResult =
  | { ok: true; tokens: TokenResponse; session: ApiSession }
  | { ok: false; error: "invalid_grant" | "invalid_scope"; description: string };

export interface SessionLifetimes {
  accessTokenLifetimeMs: number;
  idleTimeoutMs: number;
  refreshChainMs: number;
}

/**
 * Sessions, access tokens and rotating refresh tokens of the sandbox's authorization server.
 * The REST API, the realtime hub and the token endpoint all ask this one store.
 */
export class SessionStore {
  private readonly sessions = new Map<string, ApiSession>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimes: SessionLifetimes,
    private readonly events: SandboxEvents,
  ) {}

  createSession(grant: { personId: string; realm: Realm; clientId: string; scopes: Scope[]; readOnly: boolean }): {
    session: ApiSession;
    tokens: TokenResponse;
  } {
    const now = this.clock.now();
    const session: ApiSession = {
      id: randomUUID(),
      personId: grant.personId,
      realm: grant.realm,
      clientId: grant.clientId,
      scopes: new Set(grant.scopes),
      readOnly: grant.readOnly,
      loginAtMs: now,
      lastActivityAtMs: now,
    };
    this.sessions.set(session.id, session);
    return { session, tokens: this.issueTokens(session) };
  }

  /**
   * Rotates a refresh token. The checks run in the order of RFC 6749 section 6 and RFC 9700 4.14: the client binding
   * first (another client's token is answered exactly as an unknown one, so it learns nothing about it), then replay
   * (a used token ends the chain whatever else the request says), then the session's end, then the scope asked for.
   * Only a refused scope leaves the token usable: nothing about the token was wrong.
   */
  refresh(refreshToken: string, clientId: string, realm: Realm, requestedScopes: readonly string[] = []): RefreshResult {
    const record = this.refreshTokens.get(refreshToken);
    const session = record && this.sessions.get(record.sessionId);
    const invalid = (description: string): RefreshResult => ({ ok: false, error: "invalid_grant", description });
    if (!record || !session || session.clientId !== clientId) return invalid("The refresh token is unknown to this client.");
    if (session.realm !== realm) return invalid(`The refresh token belongs to realm ${session.realm}, not ${realm}.`);
    if (record.used) {
      // A replayed refresh token means it leaked or a client raced itself: end the whole chain (RFC 6819 5.2.2.3).
      this.endSession(session.id, "signedOut");
      return invalid("The refresh token was already used; the session has ended.");
    }
    this.expireIfDue(session);
    if (session.endedReason) {
      record.used = true;
      return invalid(`The session has ended (${session.endedReason}); sign in again.`);
    }
    const notGranted = requestedScopes.filter((scope) => !session.scopes.has(scope as Scope));
    if (notGranted.length > 0) {
      return { ok: false, error: "invalid_scope", description: `scope ${notGranted.join(" ")} was not granted at login (granted: ${[...session.scopes].join(" ")}).` };
    }
    record.used = true;
    return { ok: true, tokens: this.issueTokens(session), session };
  }

  /** Checks a bearer token. `touch` records the request as activity (REST requests and hub calls do). */
  authenticate(accessToken: string | undefined, touch: boolean): AuthResult {
    if (!accessToken) return { ok: false, failure: "missing" };
    const record = this.accessTokens.get(accessToken);
    if (!record) return { ok: false, failure: "unknown" };
    const session = this.sessions.get(record.sessionId);
    if (!session) return { ok: false, failure: "unknown" };
    this.expireIfDue(session);
    if (session.endedReason === "idle") return { ok: false, failure: "idle", session };
    if (session.endedReason) return { ok: false, failure: "ended", session };
    if (this.clock.now() >= record.expiresAtMs) return { ok: false, failure: "expired", session };
    if (touch) session.lastActivityAtMs = this.clock.now();
    return { ok: true, session, expiresAtMs: record.expiresAtMs };
  }

  /** When the access token stops working, or undefined when it does not work now. */
  tokenExpiry(accessToken: string): number | undefined {
    const result = this.authenticate(accessToken, false);
    return result.ok ? result.expiresAtMs : undefined;
  }

  endSession(sessionId: string, reason: SessionEndReason): void {
    const session = this.sessions.get(sessionId);
    if (!session || session.endedReason) return;
    session.endedReason = reason;
    this.events.emit("sessionEnded", { sessionId, reason });
  }

  endAll(reason: SessionEndReason): void {
    for (const session of this.sessions.values()) this.endSession(session.id, reason);
  }

  getSession(sessionId: string): ApiSession | undefined {
    return this.sessions.get(sessionId);
  }

  activeSessions(): ApiSession[] {
    return [...this.sessions.values()].filter((session) => {
      this.expireIfDue(session);
      return !session.endedReason;
    });
  }

  private expireIfDue(session: ApiSession): void {
    if (session.endedReason) return;
    const now = this.clock.now();
    if (now - session.lastActivityAtMs >= this.lifetimes.idleTimeoutMs) this.endSession(session.id, "idle");
    else if (now - session.loginAtMs >= this.lifetimes.refreshChainMs) this.endSession(session.id, "chainEnded");
  }

  private issueTokens(session: ApiSession): TokenResponse {
    const now = this.clock.now();
    // No token outlives the refresh chain: the login's maximum session time ends them all.
    const expiresAtMs = Math.min(now + this.lifetimes.accessTokenLifetimeMs, session.loginAtMs + this.lifetimes.refreshChainMs);
    const access: AccessTokenRecord = { token: randomUUID(), sessionId: session.id, expiresAtMs };
    const refresh: RefreshTokenRecord = { token: randomUUID(), sessionId: session.id, used: false };
    this.accessTokens.set(access.token, access);
    this.refreshTokens.set(refresh.token, refresh);
    return {
      access_token: access.token,
      refresh_token: refresh.token,
      scope: [...session.scopes].join(" "),
      token_type: "Bearer",
      // ForgeRock answers one second short of the lifetime (3599 for an hour).
      expires_in: Math.max(1, Math.round((expiresAtMs - now) / 1000) - 1),
    };
  }
}
