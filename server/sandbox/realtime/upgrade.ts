import { randomUUID } from "node:crypto";
import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import type { ApiSession } from "../auth/session-store";
import type { SandboxContext } from "../context";
import { HUB_PATH } from "./http-endpoints";
import type { NegotiatedConnections } from "./negotiated-connections";
import { authenticateRealtimeRequest, requestUrl } from "./realtime-auth";

/** Who opened a WebSocket on the hub, once the upgrade is accepted. */
export interface AcceptedUpgrade {
  readonly connectionId: string;
  readonly token: string;
  readonly session: ApiSession;
  readonly expiresAtMs: number;
}

/**
 * The WebSocket transport at /stream/v1?id=<connectionToken> (API.md 5.1). The token comes from the header (Node
 * client) or `access_token` (browser); `accountNumber`, which some clients append, is ignored. Without `id` the
 * client skipped negotiation (skipNegotiation: true), which ASP.NET allows for WebSockets.
 */
export function acceptUpgrade(
  ctx: SandboxContext,
  negotiated: NegotiatedConnections,
  server: WebSocketServer,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  onOpen: (webSocket: WebSocket, accepted: AcceptedUpgrade) => void,
): void {
  const url = requestUrl(request);
  if (url.pathname !== HUB_PATH) return reject(socket, 404, `No hub at ${url.pathname}; the hub is at ${HUB_PATH}.`);
  if (ctx.faults.maintenance) return reject(socket, 503, "Binck is down for planned maintenance; try again later.");
  const origin = request.headers.origin;
  const origins = ctx.options.corsOrigins;
  if (origin && !origins.includes("*") && !origins.includes(origin)) return reject(socket, 403, `Origin ${origin} is not allowed to open the hub.`);
  const auth = authenticateRealtimeRequest(ctx, request);
  if (!auth.ok) {
    ctx.logger.log("info", `Realtime upgrade refused with 401: ${auth.message}`);
    return reject(socket, 401, auth.message);
  }
  const id = url.searchParams.get("id");
  let connectionId: string = randomUUID();
  if (id !== null) {
    const connection = negotiated.take(id);
    if (!connection) return reject(socket, 404, "No Connection with that ID: negotiate again (a connection token is valid once, for a short time).");
    if (connection.sessionId !== auth.session.id) return reject(socket, 403, "The connection was negotiated with the token of another session.");
    connectionId = connection.connectionId;
  }
  server.handleUpgrade(request, socket, head, (webSocket) => {
    onOpen(webSocket, { connectionId, token: auth.token, session: auth.session, expiresAtMs: auth.expiresAtMs });
  });
}

/** Answers a refused upgrade with a real HTTP status line, as ws's abortHandshake does. */
function reject(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = Buffer.from(message, "utf8");
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\n\r\n${message}`,
  );
}
