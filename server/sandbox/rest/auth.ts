import type { IncomingHttpHeaders } from "node:http";
import type { AuthFailure, AuthResult } from "../auth/session-store";
import { ApiError, endUser } from "./api-error";

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

const failureMessages: Record<AuthFailure, string> = {
  missing: "No access token: send 'Authorization: Bearer <access_token>'.",
  unknown: "The access token is not known.",
  expired: "The access token has expired; refresh it.",
  idle: "The session ended after 30 minutes without requests; sign in again.",
  ended: "The session has ended; sign in again.",
};

/** The 401 for a failed authentication, with the errorId that tells a client why. */
export function authError(result: Extract<AuthResult, { ok: false }>): ApiError {
  const reason = result.session?.endedReason;
  if (result.failure === "idle") return new ApiError(401, "sessionExpiredMaxInactivity", failureMessages.idle, endUser.sessionExpired, "Unauthorized");
  if (reason === "chainEnded") return new ApiError(401, "sessionExpiredMaxDuration", "The session reached its maximum duration of 24 hours; sign in again.", endUser.sessionExpired, "Unauthorized");
  if (reason === "rateLimited") return new ApiError(401, "sessionMaxActivityExceeded", "The session was ended for making too many requests within a minute; sign in again.", endUser.tooManyRequests, "Unauthorized");
  if (result.failure === "ended") return new ApiError(401, "sessionInvalid", `${failureMessages.ended} (${reason ?? "ended"})`, endUser.sessionExpired, "Unauthorized");
  return new ApiError(401, "sessionInvalid", failureMessages[result.failure], endUser.unauthorized, "Unauthorized");
}
