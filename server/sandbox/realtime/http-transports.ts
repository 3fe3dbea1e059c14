import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../../../src/core/clock";
import type { SandboxContext } from "../context";
import { checkConnectionStart, NO_CONNECTION_MESSAGE, type AcceptedConnection } from "./accepted-connection";
import { TransportKind, type HubTransport } from "./hub-transport";
import { sendText, setNoCacheHeaders } from "./http-responses";
import { LongPollingTransport } from "./long-polling-transport";
import type { NegotiatedConnections } from "./negotiated-connections";
import { sessionOfRequest } from "./realtime-auth";
import type { RealtimeOptions } from "./realtime-options";
import { ServerSentEventsTransport } from "./server-sent-events-transport";
import type { StartedConnection, StartedConnections } from "./started-connections";

export interface HttpTransportDeps {
  readonly ctx: SandboxContext;
  readonly negotiated: NegotiatedConnections;
  readonly started: StartedConnections;
  readonly options: RealtimeOptions;
  /** Wall time for I/O pacing (poll and disconnect timeouts), not business time. */
  readonly ioTimers: Clock;
  /** Hands a started transport to the hub. */
  open(transport: HubTransport, accepted: AcceptedConnection): void;
}

/**
 * Server-Sent Events and long polling on /stream/v1?id=<connectionToken>, as ASP.NET Core's HttpConnectionDispatcher
 * serves them (API.md 5.1): GET with `Accept: text/event-stream` opens the event stream, any other GET is a long
 * poll; POST carries client→server text for both; DELETE stops a long polling connection. Misuse gets ASP.NET's
 * status and message, followed by what to do.
 */
export function handleHubRequest(deps: HttpTransportDeps, request: IncomingMessage, response: ServerResponse, url: URL): void {
  const id = url.searchParams.get("id");
  if (!["GET", "POST", "DELETE"].includes(request.method ?? "")) {
    request.resume();
    response.setHeader("Allow", "GET, POST, DELETE");
    return sendText(response, 405, `${request.method} is not allowed on /stream/v1: GET receives (event stream or long poll), POST sends, DELETE stops a long polling connection.`);
  }
  if (!id) {
    request.resume();
    return sendText(response, 400, "Connection ID required: add ?id=<connectionToken> from POST /stream/v1/negotiate.");
  }
  const started = deps.started.get(id);
  if (request.method === "GET") return started ? continueGet(deps, started, request, response) : startTransport(deps, id, request, response);
  if (!started) {
    request.resume();
    return sendText(response, 404, NO_CONNECTION_MESSAGE);
  }
  if (!sameSession(deps.ctx, started, request, response)) return void request.resume();
  if (request.method === "POST") return send(deps, started, request, response);
  request.resume();
  if (started.transport.kind !== TransportKind.LongPolling) return sendText(response, 400, "Cannot terminate this connection using the DELETE endpoint: only long polling connections stop with DELETE.");
  started.transport.stop();
  response.statusCode = 202;
  response.setHeader("Content-Type", "text/plain");
  response.end();
}

function wantsEventStream(request: IncomingMessage): boolean {
  return (request.headers.accept ?? "").split(",").some((type) => type.split(";")[0].trim().toLowerCase() === "text/event-stream");
}

/** The first GET with a negotiated id: starts the transport the client asked for. */
function startTransport(deps: HttpTransportDeps, id: string, request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const eventStream = wantsEventStream(request);
  if (!eventStream) setNoCacheHeaders(response);
  const start = checkConnectionStart(deps.ctx, deps.negotiated, request, id);
  if (!start.ok) {
    deps.ctx.logger.log("info", `Realtime ${eventStream ? "event stream" : "long poll"} refused with ${start.status}: ${start.message}`);
    return sendText(response, start.status, start.message);
  }
  const { accepted } = start;
  let connection: StartedConnection;
  const onEnded = () => deps.started.remove(id, connection);
  if (eventStream) {
    const transport = new ServerSentEventsTransport(response, onEnded);
    connection = { connectionId: accepted.connectionId, sessionId: accepted.session.id, transport };
    deps.started.add(id, connection);
    transport.start();
    deps.open(transport, accepted);
    return;
  }
  const transport = new LongPollingTransport(deps.options, deps.ioTimers, onEnded);
  connection = { connectionId: accepted.connectionId, sessionId: accepted.session.id, transport };
  deps.started.add(id, connection);
  // The first poll only starts the connection and is answered at once, empty (the client waits for it).
  response.statusCode = 200;
  response.setHeader("Content-Type", "application/octet-stream");
  response.setHeader("Content-Length", 0);
  response.end();
  deps.open(transport, accepted);
}

/** A GET for a started connection: the next long poll, or a refused second stream. */
function continueGet(deps: HttpTransportDeps, started: StartedConnection, request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const eventStream = wantsEventStream(request);
  if (!eventStream) setNoCacheHeaders(response);
  if (!sameSession(deps.ctx, started, request, response)) return;
  const { transport } = started;
  const wanted = eventStream ? TransportKind.ServerSentEvents : TransportKind.LongPolling;
  if (transport.kind !== wanted) {
    return sendText(response, 400, `Cannot change transports mid-connection: this connection uses ${transport.kind}, not ${wanted}.`);
  }
  if (transport.kind === TransportKind.ServerSentEvents) {
    return sendText(response, 409, "The connection already has an event stream open: one GET per Server-Sent Events connection.");
  }
  if (transport.kind === TransportKind.LongPolling && transport.poll(response) === "busy") {
    sendText(response, 409, "A poll is already waiting on this connection: poll again once it has been answered.");
  }
}

/** POST: client→server text for an SSE or long polling connection. */
function send(deps: HttpTransportDeps, started: StartedConnection, request: IncomingMessage, response: ServerResponse): void {
  const { transport } = started;
  if (transport.kind === TransportKind.WebSockets) {
    request.resume();
    return sendText(response, 405, "POST requests are not allowed for WebSocket connections: send on the WebSocket.");
  }
  const limitBytes = deps.options.maxReceiveMessageBytes * 4;
  const chunks: Buffer[] = [];
  let bytes = 0;
  request.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes <= limitBytes) chunks.push(chunk);
  });
  request.on("end", () => {
    if (bytes > limitBytes) return sendText(response, 413, `The request body of ${bytes} bytes exceeds ${limitBytes} bytes.`);
    if (transport.isEnded) return sendText(response, 404, NO_CONNECTION_MESSAGE);
    transport.receive(Buffer.concat(chunks).toString("utf8"), bytes);
    response.statusCode = 200;
    response.setHeader("Content-Type", "text/plain");
    response.end();
  });
  request.on("error", (error) => deps.ctx.logger.log("debug", `Realtime POST for connection ${started.connectionId} failed while reading: ${error.message}`));
}

/** Later requests of a connection must come from its session (401 without a known token, 403 for another session). */
function sameSession(ctx: SandboxContext, started: StartedConnection, request: IncomingMessage, response: ServerResponse): boolean {
  const found = sessionOfRequest(ctx, request);
  if (!found.ok) {
    sendText(response, 401, found.message);
    return false;
  }
  if (found.session.id !== started.sessionId) {
    sendText(response, 403, "This connection belongs to another session: use the access token it was started with.");
    return false;
  }
  return true;
}
