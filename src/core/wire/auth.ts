/** OAuth vocabulary of the Binck login (API.md sections 1.2, 1.3, 2). */

export const REALMS = ["bincknlapi", "binckbeapi", "binckitapi", "binckfrapi"] as const;
export type Realm = (typeof REALMS)[number];

export const SCOPES = ["read", "write", "news", "quotes", "internal"] as const;
export type Scope = (typeof SCOPES)[number];

export function isRealm(value: unknown): value is Realm {
  return typeof value === "string" && (REALMS as readonly string[]).includes(value);
}

export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

/** Token endpoint success body (both grants). */
export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  scope: string;
  token_type: "Bearer";
  expires_in: number;
}

export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

/** Grant types the token endpoint accepts (API.md 2.2). */
export const GRANT_TYPES = ["authorization_code", "refresh_token"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** OAuth2 error codes of the authorize redirect and the token endpoint (RFC 6749 4.1.2.1, 5.2; API.md 2.1, 2.2). */
export const OAuthError = {
  invalidRequest: "invalid_request",
  invalidClient: "invalid_client",
  invalidGrant: "invalid_grant",
  invalidScope: "invalid_scope",
  unsupportedGrantType: "unsupported_grant_type",
  unsupportedResponseType: "unsupported_response_type",
  accessDenied: "access_denied",
  temporarilyUnavailable: "temporarily_unavailable",
  serverError: "server_error",
} as const;
export type OAuthErrorCode = (typeof OAuthError)[keyof typeof OAuthError];

/** The description ForgeRock sent with access_denied when the customer refused consent (API.md 2.1). */
export const ACCESS_DENIED_DESCRIPTION = "Resource Owner did not authorize the request";

/** Authorize query parameters and the only response_type Binck supported (API.md 2.1). */
export const AUTHORIZE_PARAMS = ["ui_locales", "client_id", "scope", "state", "response_type", "redirect_uri"] as const;
export const RESPONSE_TYPE_CODE = "code";
