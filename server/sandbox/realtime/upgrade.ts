import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import type { SandboxContext } from "../context";
import { checkConnectionStart, type AcceptedConnection } from "./accepted-connection";
import { HUB_PATH } from "../../../src/core/wire/realtime";
import type { NegotiatedConnections } from "./negotiated-connections";
import { requestUrl } from "./realtime-auth";

/**
 * The WebSockets transport at /stream/v1?id=<connectionToken> (API.md 5.1). The token comes from the header (Node
 * client) or `access_token` (browser); `accountNumber`, which some clients append, is ignored. Without `id` the
 * client skipped negotiation (skipNegotiation: true), which ASP.NET allows for WebSockets. `onOpen` gets the `id`
 * the connection started with (null without negotiation).
 */
export function acceptUpgrade(
  ctx: SandboxContext,
  negotiated: NegotiatedConnections,
  server: WebSocketServer,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  onOpen: (webSocket: WebSocket, accepted: AcceptedConnection, id: string | null) => void,
): void {
  const url = requestUrl(request);
  if (url.pathname !== HUB_PATH) return reject(socket, 404, `No hub at ${url.pathname}; the hub is at ${HUB_PATH}.`);
  if (ctx.faults.maintenance) return reject(socket, 503, "Binck is down for planned maintenance; try again later.");
  // Browsers apply no CORS to WebSockets, so the hub checks the Origin itself.
  const origin = request.headers.origin;
  const origins = ctx.options.corsOrigins;
  if (origin && !origins.includes("*") && !origins.includes(origin)) return reject(socket, 403, `Origin ${origin} is not allowed to open the hub.`);
  const id = url.searchParams.get("id");
  const start = checkConnectionStart(ctx, negotiated, request, id);
  if (!start.ok) {
    ctx.logger.log("info", `Realtime upgrade refused with ${start.status}: ${start.message}`);
    return reject(socket, start.status, start.message);
  }
  server.handleUpgrade(request, socket, head, (webSocket) => onOpen(webSocket, start.accepted, id));
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
