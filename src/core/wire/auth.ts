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
