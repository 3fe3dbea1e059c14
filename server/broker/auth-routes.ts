import { randomBytes } from "node:crypto";
import { parse as parseCookie } from "cookie";
import express, { type Request, type Response } from "express";
import { isRealm, REALMS, type Realm } from "../../src/core/wire/auth";
import {
  SESSION_HANDLE_PATTERN,
  type BrokerErrorBody,
  type BrokerErrorCode,
  type BrokerPublicConfig,
  type RefreshedToken,
  type SignInMessage,
} from "../../src/core/session/broker-messages";
import type { BrokerConfig } from "./config";
import type { LoginStates } from "./login-states";
import { dialogResultPage } from "./pages";
import type { BrokerSession, BrokerSessionStore } from "./session-store";
import type { BinckUpstream, TokenOutcome } from "./upstream";

export interface AuthRouteDeps {
  config: BrokerConfig;
  upstream: BinckUpstream;
  sessions: BrokerSessionStore;
  logins: LoginStates;
  now: () => number;
  log: (level: "info" | "warn" | "error", message: string) => void;
}

/** A token younger than this (and than a quarter of its lifetime) is handed out again instead of refreshing once more. */
export const FRESH_TOKEN_REUSE_MS = 5_000;

/** The cookie binding a sign-in to the dialog's browser. */
export const LOGIN_COOKIE = "binck_login";

const LOCALE_PATTERN = /^[A-Za-z]{2}(-?[A-Za-z]{2})?$/;

/** The broker's /auth routes: sign-in start and callback, refresh, sign-out, public configuration. */
export function createAuthRouter(deps: AuthRouteDeps): express.Router {
  const { config, upstream, sessions, logins, now, log } = deps;
  const router = express.Router();
  const refreshesInFlight = new Map<string, Promise<RefreshAnswer>>();

  router.get("/config", (_request, response) => {
    const body: BrokerPublicConfig = {
      environment: config.environment,
      environmentDescription: config.environmentDescription,
      apiBase: config.endpoints.apiBase,
      realtimeUrl: config.endpoints.realtimeUrl,
      defaultRealm: config.defaultRealm,
      realms: [...REALMS],
    };
    response.json(body);
  });

  router.get("/login", (request, response) => {
    const realm = single(request.query.realm) ?? config.defaultRealm;
    const locale = single(request.query.locale) ?? "en";
    if (!isRealm(realm)) return fail(response, 400, "invalidRequest", `realm '${clip(realm)}' is not one of ${REALMS.join(", ")}.`);
    if (!LOCALE_PATTERN.test(locale)) return fail(response, 400, "invalidRequest", `locale '${clip(locale)}' is not a language code such as nl, fr, it, en or nlBE.`);
    const { state, browserBinding } = logins.start(realm, locale);
    response.cookie(LOGIN_COOKIE, browserBinding, { httpOnly: true, secure: true, sameSite: "lax", path: "/auth/callback", maxAge: config.loginTimeoutMs });
    response.redirect(302, upstream.authorizeUrl(realm, state, locale));
  });

  router.get("/callback", async (request, response) => {
    const page = (message: SignInMessage, status: number) => response.status(status).type("html").send(dialogResultPage(message));
    const error = (status: number, errorCode: BrokerErrorCode, endUserMessage: string, developerMessage: string) =>
      page({ kind: "error", errorCode, endUserMessage, developerMessage }, status);
    const state = single(request.query.state);
    const binding = parseCookie(request.headers.cookie ?? "")[LOGIN_COOKIE];
    response.clearCookie(LOGIN_COOKIE, { path: "/auth/callback", secure: true, httpOnly: true, sameSite: "lax" });
    const login = state ? logins.take(state, binding) : undefined;
    if (!login) {
      log("warn", "Sign-in callback refused: its state is unknown, expired, already used or from another browser.");
      return error(400, "stateMismatch", "This sign-in could not be verified. Please start the sign-in again.",
        "The state parameter is unknown, expired, already used or belongs to another browser (possible replay, tampering or login CSRF); no code was exchanged.");
    }
    const upstreamError = single(request.query.error);
    if (upstreamError) {
      const denied = upstreamError === "access_denied";
      return error(denied ? 403 : 400, denied ? "accessDenied" : "exchangeFailed",
        denied ? "You did not allow the add-in to access your Binck account." : "Binck refused the sign-in. Please try again.",
        `The login server answered error=${clip(upstreamError)}: ${clip(single(request.query.error_description) ?? "", 200)}`);
    }
    const code = single(request.query.code);
    if (!code) return error(400, "invalidRequest", "The sign-in answer was incomplete. Please try again.", "The callback has neither code nor error.");
    const exchanged = await upstream.exchangeCode(login.realm, code);
    if (!exchanged.ok) {
      log("warn", `Code exchange failed: ${exchanged.status} ${exchanged.error}.`);
      return error(502, "exchangeFailed", "Signing in to Binck failed. Please try again.", `Token endpoint: ${exchanged.status} ${exchanged.error}: ${exchanged.description}`);
    }
    const { tokens } = exchanged;
    let readOnly: boolean;
    try {
      readOnly = await upstream.isReadOnly(tokens.access_token);
    } catch (cause) {
      return error(502, "upstreamUnavailable", "Your Binck accounts could not be read. Please try again.", `Reading /accounts failed: ${(cause as Error).message}`);
    }
    const handle = randomBytes(32).toString("base64url");
    const expiresAtMs = now() + tokens.expires_in * 1000;
    await sessions.put(handle, {
      realm: login.realm,
      refreshToken: tokens.refresh_token,
      accessToken: tokens.access_token,
      accessTokenExpiresAtMs: expiresAtMs,
      issuedAtMs: now(),
      scope: tokens.scope,
      readOnly,
      signedInAtMs: now(),
    });
    log("info", `Signed in to realm ${login.realm} (scope '${tokens.scope}', ${readOnly ? "read-only" : "trading"}).`);
    page({ kind: "signedIn", accessToken: tokens.access_token, expiresAtMs, scope: tokens.scope, readOnly, realm: login.realm, sessionHandle: handle }, 200);
  });

  router.post("/refresh", async (request, response) => {
    const handle = sessionHandle(request);
    if (!handle) return fail(response, 400, "invalidRequest", "Body must be {\"sessionHandle\": \"…\"} with the handle given at sign-in.");
    // Concurrent refreshes of one session share one upstream call: a rotated refresh token is never used twice.
    let answer = refreshesInFlight.get(handle);
    if (!answer) {
      answer = refresh(handle).finally(() => refreshesInFlight.delete(handle));
      refreshesInFlight.set(handle, answer);
    }
    const result = await answer;
    if ("errorCode" in result) return fail(response, result.status, result.errorCode, result.developerMessage, result.endUserMessage);
    response.json(result);
  });

  router.post("/logout", async (request, response) => {
    const handle = sessionHandle(request);
    if (!handle) return fail(response, 400, "invalidRequest", "Body must be {\"sessionHandle\": \"…\"} with the handle given at sign-in.");
    const session = await sessions.get(handle);
    await sessions.delete(handle);
    if (!session) return response.json({ signedOut: true, upstream: "unknownSession" });
    const status = await upstream.endSession(session.accessToken);
    log("info", `Signed out (upstream DELETE /sessions answered ${status || "nothing"}).`);
    response.json({ signedOut: true, upstream: status === 200 ? "ended" : "alreadyEnded" });
  });

  type RefreshAnswer = RefreshedToken | (BrokerErrorBody & { status: number });

  async function refresh(handle: string): Promise<RefreshAnswer> {
    const session = await sessions.get(handle);
    if (!session) return signInRequired("The session handle is unknown or has been forgotten.");
    const lifetimeMs = session.accessTokenExpiresAtMs - session.issuedAtMs;
    if (now() - session.issuedAtMs < Math.min(FRESH_TOKEN_REUSE_MS, lifetimeMs / 4)) {
      // Several parts of the add-in asking within moments of each other share the token just issued.
      return { accessToken: session.accessToken, expiresAtMs: session.accessTokenExpiresAtMs, scope: session.scope, readOnly: session.readOnly };
    }
    const outcome: TokenOutcome = await upstream.refresh(session.realm, session.refreshToken);
    if (!outcome.ok) {
      if (outcome.status === 502) {
        return { status: 502, errorCode: "upstreamUnavailable", endUserMessage: "Binck cannot be reached right now. Retrying…", developerMessage: outcome.description };
      }
      await sessions.delete(handle);
      return signInRequired(`The refresh was refused (${outcome.error}: ${outcome.description}).`);
    }
    const updated: BrokerSession = {
      ...session,
      refreshToken: outcome.tokens.refresh_token,
      accessToken: outcome.tokens.access_token,
      accessTokenExpiresAtMs: now() + outcome.tokens.expires_in * 1000,
      issuedAtMs: now(),
      scope: outcome.tokens.scope,
    };
    await sessions.put(handle, updated);
    return { accessToken: updated.accessToken, expiresAtMs: updated.accessTokenExpiresAtMs, scope: updated.scope, readOnly: updated.readOnly };
  }

  function signInRequired(developerMessage: string): BrokerErrorBody & { status: number } {
    return { status: 401, errorCode: "signInRequired", endUserMessage: "Signed out — sign in again.", developerMessage };
  }

  return router;
}

function sessionHandle(request: Request): string | undefined {
  const handle = (request.body as { sessionHandle?: unknown } | undefined)?.sessionHandle;
  return typeof handle === "string" && SESSION_HANDLE_PATTERN.test(handle) ? handle : undefined;
}

function single(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function fail(response: Response, status: number, errorCode: BrokerErrorCode, developerMessage: string, endUserMessage?: string): void {
  const body: BrokerErrorBody = { errorCode, endUserMessage: endUserMessage ?? defaultEndUserMessage(errorCode), developerMessage };
  response.status(status).json(body);
}

function defaultEndUserMessage(code: BrokerErrorCode): string {
  switch (code) {
    case "signInRequired": return "Signed out — sign in again.";
    case "tooManyRequests": return "Too many requests. Please wait a moment and try again.";
    case "upstreamUnavailable": return "Binck cannot be reached right now.";
    default: return "The request could not be processed.";
  }
}
