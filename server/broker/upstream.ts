import type { Realm, TokenResponse } from "../../src/core/wire/auth";
import type { AccountsResponse } from "../../src/core/wire/models";
import { unreachableMessage } from "../shared/fetch-failure";
import { redirectUri, type BrokerConfig } from "./config";

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type TokenOutcome =
  | { ok: true; tokens: TokenResponse }
  | { ok: false; status: number; error: string; description: string };

/** How DELETE /sessions went: Binck's status, or 0 with the reason when Binck could not be reached. */
export type EndSessionOutcome = { status: number } | { status: 0; failure: string };

/** Binck's two servers the broker calls, as its messages name them. */
const LOGIN_SERVER = "The Binck login server";
const API_SERVER = "The Binck API";

/** The `error` of a token outcome when the login server could not be reached at all. */
export const UPSTREAM_UNREACHABLE = "upstream_unreachable";

/** The broker's calls to Binck: the token endpoint (with the secret) and the two API calls it needs. */
export class BinckUpstream {
  constructor(private readonly config: BrokerConfig, private readonly fetchFn: FetchLike = fetch) {}

  authorizeUrl(realm: Realm, state: string, locale: string): string {
    const query = new URLSearchParams({
      ui_locales: locale,
      client_id: this.config.clientId,
      scope: this.config.scopes,
      state,
      response_type: "code",
      redirect_uri: redirectUri(this.config),
    });
    return `${this.config.endpoints.loginBase}realms/${realm}/authorize?${query}`;
  }

  exchangeCode(realm: Realm, code: string): Promise<TokenOutcome> {
    return this.token(realm, { grant_type: "authorization_code", code, redirect_uri: redirectUri(this.config) });
  }

  refresh(realm: Realm, refreshToken: string): Promise<TokenOutcome> {
    return this.token(realm, { grant_type: "refresh_token", refresh_token: refreshToken });
  }

  /** A session is read-only when none of its accounts may trade (the SMS step was skipped, API.md 2.1). */
  async isReadOnly(accessToken: string): Promise<boolean> {
    const url = `${this.config.endpoints.apiBase}/accounts`;
    let response: Response;
    try {
      response = await this.fetchFn(url, { headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json; charset=utf-8" } });
    } catch (error) {
      throw new Error(unreachableMessage(API_SERVER, url, error));
    }
    if (!response.ok) throw new Error(`GET /accounts answered ${response.status}`);
    const body = (await response.json()) as AccountsResponse;
    return !(body.accountsCollection.accounts ?? []).some((account) => !account.isReadOnly);
  }

  /** DELETE /sessions: ends the upstream session; failures are reported, not thrown. */
  async endSession(accessToken: string): Promise<EndSessionOutcome> {
    const url = `${this.config.endpoints.apiBase}/sessions`;
    try {
      const response = await this.fetchFn(url, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json; charset=utf-8" },
      });
      await response.arrayBuffer();
      return { status: response.status };
    } catch (error) {
      return { status: 0, failure: unreachableMessage(API_SERVER, url, error) };
    }
  }

  private async token(realm: Realm, fields: Record<string, string>): Promise<TokenOutcome> {
    const body = new URLSearchParams({ ...fields, client_id: this.config.clientId, client_secret: this.config.clientSecret });
    const url = `${this.config.endpoints.loginBase}realms/${realm}/access_token`;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: body.toString(),
      });
    } catch (error) {
      return { ok: false, status: 502, error: UPSTREAM_UNREACHABLE, description: unreachableMessage(LOGIN_SERVER, url, error) };
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (response.ok && isTokenResponse(parsed)) return { ok: true, tokens: parsed };
    const failure = (parsed ?? {}) as { error?: unknown; error_description?: unknown };
    return {
      ok: false,
      status: response.status,
      error: typeof failure.error === "string" ? failure.error : "upstream_error",
      description: typeof failure.error_description === "string" ? failure.error_description : `The token endpoint answered ${response.status}.`,
    };
  }
}

function isTokenResponse(value: unknown): value is TokenResponse {
  const candidate = value as Partial<TokenResponse> | undefined;
  return !!candidate && typeof candidate.access_token === "string" && typeof candidate.refresh_token === "string"
    && typeof candidate.expires_in === "number" && typeof candidate.scope === "string";
}
