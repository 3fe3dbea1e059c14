import type { IncomingMessage } from "node:http";
import type { ApiSession } from "../auth/session-store";
import type { SandboxContext } from "../context";
import { authError, bearerToken } from "../rest/auth";

export type RealtimeAuth =
  | { ok: true; token: string; session: ApiSession; expiresAtMs: number }
  | { ok: false; message: string };

/**
 * The access token of a negotiate or upgrade request. The official client sends `Authorization: Bearer` from
 * Node and on negotiate, but `?access_token=` on a browser WebSocket upgrade (API.md 5.1); both are accepted.
 */
export function authenticateRealtimeRequest(ctx: SandboxContext, request: IncomingMessage): RealtimeAuth {
  const token = bearerToken(request.headers) ?? requestUrl(request).searchParams.get("access_token") ?? undefined;
  const result = ctx.sessions.authenticate(token, true);
  if (!result.ok) return { ok: false, message: authError(result).developerMessage };
  return { ok: true, token: token!, session: result.session, expiresAtMs: result.expiresAtMs };
}

export function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? "/", "https://realtime.invalid");
}
