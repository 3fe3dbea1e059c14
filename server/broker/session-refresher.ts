import type { RefreshedToken } from "../../src/core/wire/broker";
import { failure, type BrokerFailure } from "./broker-errors";
import type { BrokerSession, BrokerSessionStore } from "./session-store";
import type { BinckUpstream } from "./upstream";

/** A token younger than this (and than a quarter of its lifetime) is handed out again instead of refreshing once more. */
export const FRESH_TOKEN_REUSE_MS = 5_000;
/** Sign-out refreshes first when the stored access token has less than this left, so DELETE /sessions is accepted. */
const SIGN_OUT_TOKEN_MARGIN_MS = 5_000;

export type RefreshAnswer = RefreshedToken | BrokerFailure;

/**
 * Refresh and sign-out of broker sessions. Concurrent refreshes of one session share one upstream call (a rotated
 * refresh token is never used twice); a sign-out waits for a refresh in flight, so nothing is stored after it.
 */
export class SessionRefresher {
  private readonly inFlight = new Map<string, Promise<RefreshAnswer>>();

  constructor(
    private readonly sessions: BrokerSessionStore,
    private readonly upstream: BinckUpstream,
    private readonly now: () => number,
    private readonly log: (level: "info" | "warn" | "error", message: string) => void,
  ) {}

  refresh(handle: string, force = false): Promise<RefreshAnswer> {
    let answer = this.inFlight.get(handle);
    if (!answer) {
      answer = this.refreshOnce(handle, force).finally(() => this.inFlight.delete(handle));
      this.inFlight.set(handle, answer);
    }
    return answer;
  }

  /** Ends the upstream session (DELETE /sessions) and forgets it. Returns what Binck said. */
  async signOut(handle: string): Promise<"ended" | "alreadyEnded" | "unknownSession"> {
    await this.inFlight.get(handle)?.catch(() => undefined);
    let session = await this.sessions.get(handle);
    if (!session) return "unknownSession";
    if (session.accessTokenExpiresAtMs - this.now() < SIGN_OUT_TOKEN_MARGIN_MS) {
      await this.refresh(handle, true);
      session = (await this.sessions.get(handle)) ?? session;
    }
    await this.sessions.delete(handle);
    const ended = await this.upstream.endSession(session.accessToken);
    if ("failure" in ended) this.log("warn", `Signed out here, but Binck was not told: ${ended.failure}`);
    else this.log("info", `Signed out (upstream DELETE /sessions answered ${ended.status}).`);
    return ended.status === 200 ? "ended" : "alreadyEnded";
  }

  private async refreshOnce(handle: string, force: boolean): Promise<RefreshAnswer> {
    const session = await this.sessions.get(handle);
    if (!session) return signInRequired("The session handle is unknown or has been forgotten.");
    const lifetimeMs = session.accessTokenExpiresAtMs - session.issuedAtMs;
    if (!force && this.now() - session.issuedAtMs < Math.min(FRESH_TOKEN_REUSE_MS, lifetimeMs / 4)) {
      // Several parts of the add-in asking within moments of each other share the token just issued.
      return answerOf(session);
    }
    const outcome = await this.upstream.refresh(session.realm, session.refreshToken);
    if (!outcome.ok) {
      if (outcome.error === "invalid_grant") {
        // The refresh chain ended (24 h, idle, sign-out elsewhere, replay): only then is the session gone.
        await this.sessions.delete(handle);
        return signInRequired(`The refresh was refused (${outcome.error}: ${outcome.description}).`);
      }
      this.log("warn", `Refresh failed, session kept: ${outcome.status} ${outcome.error}: ${outcome.description}`);
      return failure(503, "upstreamUnavailable", `The token endpoint answered ${outcome.status} ${outcome.error}: ${outcome.description}`,
        outcome.error === "temporarily_unavailable" ? "Binck is down for maintenance. The add-in keeps trying." : undefined);
    }
    if (!(await this.sessions.get(handle))) return signInRequired("The session was signed out during the refresh.");
    const updated: BrokerSession = {
      ...session,
      refreshToken: outcome.tokens.refresh_token,
      accessToken: outcome.tokens.access_token,
      accessTokenExpiresAtMs: this.now() + outcome.tokens.expires_in * 1000,
      issuedAtMs: this.now(),
      scope: outcome.tokens.scope,
    };
    await this.sessions.put(handle, updated);
    return answerOf(updated);
  }
}

function answerOf(session: BrokerSession): RefreshedToken {
  return { accessToken: session.accessToken, expiresAtMs: session.accessTokenExpiresAtMs, scope: session.scope, readOnly: session.readOnly };
}

function signInRequired(developerMessage: string): BrokerFailure {
  return failure(401, "signInRequired", developerMessage);
}
