import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ApiSession } from "../auth/session-store";
import type { SandboxContext } from "../context";
import type { NegotiatedConnections } from "./negotiated-connections";
import { authenticateRealtimeRequest } from "./realtime-auth";

/** Who starts a hub connection, once the request that starts its transport is accepted. */
export interface AcceptedConnection {
  readonly connectionId: string;
  readonly token: string;
  readonly session: ApiSession;
  readonly expiresAtMs: number;
}

export type StartCheck = { ok: true; accepted: AcceptedConnection } | { ok: false; status: number; message: string };

/** ASP.NET's words for an id it does not know (HttpConnectionDispatcher), then what to do about it. */
export const NO_CONNECTION_MESSAGE = "No Connection with that ID: negotiate again (a connection token is valid once, for a short time).";

/**
 * The checks shared by every transport's first request (WebSocket upgrade, SSE stream, first long poll): no new
 * connections during maintenance, a working access token (header, or `access_token` in the query), and a negotiated
 * `id` of the same session, taken so it cannot start twice. `id` null: the client skipped negotiation (WebSockets only).
 */
export function checkConnectionStart(ctx: SandboxContext, negotiated: NegotiatedConnections, request: IncomingMessage, id: string | null): StartCheck {
  if (ctx.faults.maintenance) return { ok: false, status: 503, message: "Binck is down for planned maintenance; try again later." };
  const auth = authenticateRealtimeRequest(ctx, request);
  if (!auth.ok) return { ok: false, status: 401, message: auth.message };
  let connectionId: string = randomUUID();
  if (id !== null) {
    const connection = negotiated.take(id);
    if (!connection) return { ok: false, status: 404, message: NO_CONNECTION_MESSAGE };
    if (connection.sessionId !== auth.session.id) return { ok: false, status: 403, message: "The connection was negotiated with the token of another session." };
    connectionId = connection.connectionId;
  }
  return { ok: true, accepted: { connectionId, token: auth.token, session: auth.session, expiresAtMs: auth.expiresAtMs } };
}
