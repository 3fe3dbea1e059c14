import { OAuthError, type OAuthErrorCode } from "../../../src/core/wire/auth";

/** A token endpoint error: HTTP status plus the `{error, error_description}` body (API.md 2.2, RFC 6749 5.2). */
export class OAuthFailure extends Error {
  override readonly name = "OAuthFailure";

  constructor(
    readonly status: number,
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

export function invalidRequest(description: string): OAuthFailure {
  return new OAuthFailure(400, OAuthError.invalidRequest, description);
}

export function invalidGrant(description: string): OAuthFailure {
  return new OAuthFailure(400, OAuthError.invalidGrant, description);
}

/** 401; the guide's wording "Client authentication failed" comes first, then what exactly failed. */
export function invalidClient(reason: string): OAuthFailure {
  return new OAuthFailure(401, OAuthError.invalidClient, `Client authentication failed: ${reason}`);
}
