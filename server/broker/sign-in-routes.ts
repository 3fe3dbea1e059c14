import { clip } from "../shared/clip";
import { parse as parseCookie } from "cookie";
import type { Request, Response } from "express";
import type { BrokerErrorCode, SignInMessage } from "../../src/core/wire/broker";
import { isRealm, REALMS } from "../../src/core/wire/auth";
import { randomToken } from "../shared/secrets";
import type { BrokerConfig } from "./config";
import type { LoginStates } from "./login-states";
import { dialogResultPage } from "./pages";
import type { BrokerSessionStore } from "./session-store";
import { UPSTREAM_UNREACHABLE, type BinckUpstream } from "./upstream";

/** The routes the Office dialog opens: their answers, errors included, must be pages that tell the add-in. */
export const DIALOG_PATHS = { start: "/login", finish: "/callback" } as const;

export function isDialogRoute(method: string, path: string): boolean {
  return method === "GET" && (path === DIALOG_PATHS.start || path === DIALOG_PATHS.finish);
}

/** The cookie binding a sign-in to the dialog's browser. */
const LOGIN_COOKIE = "binck_login";
const LOGIN_COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "lax", path: "/auth/callback" } as const;
const LOCALE_PATTERN = /^[A-Za-z]{2}(-?[A-Za-z]{2})?$/;

export interface SignInDeps {
  config: BrokerConfig;
  upstream: BinckUpstream;
  sessions: BrokerSessionStore;
  logins: LoginStates;
  now: () => number;
  log: (level: "info" | "warn" | "error", message: string) => void;
}

/** Both routes run inside the Office dialog: every outcome, errors included, is a page that tells the add-in. */
function dialogPage(response: Response, status: number, message: SignInMessage): void {
  response.status(status).type("html").send(dialogResultPage(message));
}

export function dialogError(response: Response, status: number, errorCode: BrokerErrorCode, endUserMessage: string, developerMessage: string): void {
  dialogPage(response, status, { kind: "error", errorCode, endUserMessage, developerMessage });
}

/** GET /auth/login: binds a new `state` to this browser and sends the dialog to the Binck login. */
export function startSignIn(deps: SignInDeps) {
  return (request: Request, response: Response): void => {
    const realm = single(request.query.realm) ?? deps.config.defaultRealm;
    const locale = single(request.query.locale) ?? "en";
    if (!isRealm(realm)) {
      return dialogError(response, 400, "invalidRequest", "The add-in asked for an unknown country. Please try again.", `realm '${clip(realm)}' is not one of ${REALMS.join(", ")}.`);
    }
    if (!LOCALE_PATTERN.test(locale)) {
      return dialogError(response, 400, "invalidRequest", "The add-in asked for an unknown language. Please try again.", `locale '${clip(locale)}' is not a language code such as nl, fr, it, en or nlBE.`);
    }
    const { state, browserBinding } = deps.logins.start(realm, locale);
    response.cookie(LOGIN_COOKIE, browserBinding, { ...LOGIN_COOKIE_OPTIONS, maxAge: deps.config.loginTimeoutMs });
    response.redirect(302, deps.upstream.authorizeUrl(realm, state, locale));
  };
}

/** GET /auth/callback: verifies `state`, exchanges the code, keeps the refresh token, hands over the rest. */
export function finishSignIn(deps: SignInDeps) {
  const { upstream, sessions, logins, now, log } = deps;
  return async (request: Request, response: Response): Promise<void> => {
    const state = single(request.query.state);
    const binding = parseCookie(request.headers.cookie ?? "")[LOGIN_COOKIE];
    response.clearCookie(LOGIN_COOKIE, LOGIN_COOKIE_OPTIONS);
    const login = state ? logins.take(state, binding) : undefined;
    if (!login) {
      log("warn", "Sign-in callback refused: its state is unknown, expired, already used or from another browser.");
      return dialogError(response, 400, "stateMismatch", "This sign-in could not be verified. Please start the sign-in again.",
        "The state parameter is unknown, expired, already used or belongs to another browser (possible replay, tampering or login CSRF); no code was exchanged.");
    }
    const upstreamError = single(request.query.error);
    if (upstreamError) {
      const denied = upstreamError === "access_denied";
      return dialogError(response, denied ? 403 : 400, denied ? "accessDenied" : "exchangeFailed",
        denied ? "You did not allow the add-in to access your Binck account." : "Binck refused the sign-in. Please try again.",
        `The login server answered error=${clip(upstreamError)}: ${clip(single(request.query.error_description) ?? "", 200)}`);
    }
    const code = single(request.query.code);
    if (!code) return dialogError(response, 400, "invalidRequest", "The sign-in answer was incomplete. Please try again.", "The callback has neither code nor error.");
    const exchanged = await upstream.exchangeCode(login.realm, code);
    if (!exchanged.ok) {
      const developerMessage = `Token endpoint: ${exchanged.status} ${exchanged.error}: ${exchanged.description}`;
      log("warn", `Code exchange failed. ${developerMessage}`);
      if (exchanged.error === UPSTREAM_UNREACHABLE) {
        return dialogError(response, 502, "upstreamUnavailable", "Binck cannot be reached right now. Please try again in a moment.", developerMessage);
      }
      return dialogError(response, 502, "exchangeFailed", "Signing in to Binck failed. Please try again.", developerMessage);
    }
    const { tokens } = exchanged;
    let readOnly: boolean;
    try {
      readOnly = await upstream.isReadOnly(tokens.access_token);
    } catch (cause) {
      // Nobody will hold this session: end it upstream rather than leave it running.
      await upstream.endSession(tokens.access_token);
      const developerMessage = `Reading /accounts failed: ${(cause as Error).message}`;
      log("warn", `Sign-in abandoned. ${developerMessage}`);
      return dialogError(response, 502, "upstreamUnavailable", "Your Binck accounts could not be read. Please try again.", developerMessage);
    }
    const handle = randomToken();
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
    dialogPage(response, 200, { kind: "signedIn", accessToken: tokens.access_token, expiresAtMs, scope: tokens.scope, readOnly, realm: login.realm, sessionHandle: handle });
  };
}

function single(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

