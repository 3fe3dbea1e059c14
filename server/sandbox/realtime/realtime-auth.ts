import type { IncomingMessage } from "node:http";
import type { ApiSession } from "../auth/session-store";
import type { SandboxContext } from "../context";
import { authError, bearerToken } from "../rest/auth";

export type RealtimeAuth =
  | { ok: true; token: string; session: ApiSession; expiresAtMs: number }
  | { ok: false; message: string };

/**
 * The access token of a realtime request. The official client sends `Authorization: Bearer` from Node and on
 * negotiate, long polls and POSTs, but `?access_token=` on a browser WebSocket upgrade and on the Server-Sent Events
 * request (API.md 5.1); both are accepted.
 */
export function requestToken(request: IncomingMessage): string | undefined {
  return bearerToken(request.headers) ?? requestUrl(request).searchParams.get("access_token") ?? undefined;
}

/** A request that negotiates or starts a connection: the token must work now. */
export function authenticateRealtimeRequest(ctx: SandboxContext, request: IncomingMessage): RealtimeAuth {
  const token = requestToken(request);
  const result = ctx.sessions.authenticate(token, true);
  if (!result.ok) return { ok: false, message: authError(result).developerMessage };
  return { ok: true, token: token!, session: result.session, expiresAtMs: result.expiresAtMs };
}

/**
 * The session a later request of a started connection names (a poll, a POST, DELETE). A token that has expired since
 * still names it: how long the feed lives is the hub's business (expiry Close, ExtendSubscriptions; API.md 5.2), as
 * on a WebSocket, which is authenticated once; the official client keeps sending the token it negotiated with.
 */
export function sessionOfRequest(ctx: SandboxContext, request: IncomingMessage): { ok: true; session: ApiSession } | { ok: false; message: string } {
  const result = ctx.sessions.authenticate(requestToken(request), false);
  if (result.session) return { ok: true, session: result.session };
  return { ok: false, message: result.ok ? "" : authError(result).developerMessage };
}

export function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? "/", "https://realtime.invalid");
}
