import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "../context";
import { applyCors } from "../cors";
import { maintenanceBody } from "../maintenance";
import { SANDBOX_BUILD_DATE, SANDBOX_VERSION } from "../rest/handlers/version";
import { TransportKind } from "./hub-transport";
import { sendJson, sendText } from "./http-responses";
import { handleHubRequest, type HttpTransportDeps } from "./http-transports";
import type { NegotiatedConnections } from "./negotiated-connections";
import { authenticateRealtimeRequest, requestUrl } from "./realtime-auth";
import { HUB_PATH } from "../../../src/core/wire/realtime";

const NEGOTIATE_PATH = `${HUB_PATH}/negotiate`;

/** What ASP.NET Core SignalR offers with every transport enabled, in its order: WebSockets first, SSE is text only. */
const AVAILABLE_TRANSPORTS = [
  { transport: TransportKind.WebSockets, transferFormats: ["Text", "Binary"] },
  { transport: TransportKind.ServerSentEvents, transferFormats: ["Text"] },
  { transport: TransportKind.LongPolling, transferFormats: ["Text", "Binary"] },
];

/**
 * Plain HTTP on the realtime origin: GET /version (no token, guide.txt "Testing the connection"),
 * POST /stream/v1/negotiate (API.md 5.1) and the Server-Sent Events and long polling transports on /stream/v1,
 * with CORS for the browser client (credentials, X-SignalR-User-Agent).
 */
export function handleRealtimeHttp(deps: HttpTransportDeps, request: IncomingMessage, response: ServerResponse): void {
  const { ctx } = deps;
  if (applyCors(request, response, ctx.options.corsOrigins)) return;
  const url = requestUrl(request);
  if (url.pathname === "/version") {
    if (request.method !== "GET") return sendText(response, 405, `${request.method} is not allowed on /version; use GET.`);
    return sendJson(response, 200, { currentVersion: SANDBOX_VERSION, buildDate: SANDBOX_BUILD_DATE });
  }
  if (url.pathname === NEGOTIATE_PATH) {
    if (request.method !== "POST") return sendText(response, 405, `${request.method} is not allowed on ${NEGOTIATE_PATH}; use POST.`);
    if (ctx.faults.maintenance) return sendJson(response, 503, maintenanceBody("en"));
    return negotiate(ctx, deps.negotiated, request, response, url);
  }
  if (url.pathname === HUB_PATH) return handleHubRequest(deps, request, response, url);
  sendText(response, 404, `No such path on the realtime origin: ${request.method} ${url.pathname}. The hub is at ${HUB_PATH}.`);
}

function negotiate(ctx: SandboxContext, negotiated: NegotiatedConnections, request: IncomingMessage, response: ServerResponse, url: URL): void {
  request.resume();
  const versionText = url.searchParams.get("negotiateVersion") ?? "0";
  if (!/^\d{1,3}$/.test(versionText)) return sendText(response, 400, `negotiateVersion '${versionText.slice(0, 20)}' is not a whole number.`);
  const auth = authenticateRealtimeRequest(ctx, request);
  if (!auth.ok) {
    ctx.logger.log("info", `Realtime negotiate refused with 401: ${auth.message}`);
    return sendText(response, 401, auth.message);
  }
  const connection = negotiated.create(auth.session.id);
  // Version 1 separates the public connectionId from the secret connectionToken; newer clients ask for 1 and we answer 1.
  const body = Number(versionText) >= 1
    ? { negotiateVersion: 1, connectionId: connection.connectionId, connectionToken: connection.connectionToken, availableTransports: AVAILABLE_TRANSPORTS }
    : { negotiateVersion: 0, connectionId: connection.connectionId, availableTransports: AVAILABLE_TRANSPORTS };
  ctx.logger.log("debug", `Realtime negotiate: connection ${connection.connectionId} for session ${auth.session.id}.`);
  sendJson(response, 200, body);
}
