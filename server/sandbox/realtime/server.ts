import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { systemClock } from "../../../src/core/clock";
import type { SandboxContext } from "../context";
import { BinckHub } from "./binck-hub";
import { handleRealtimeHttp } from "./http-endpoints";
import type { HttpTransportDeps } from "./http-transports";
import { NegotiatedConnections } from "./negotiated-connections";
import { resolveRealtimeOptions, type RealtimeOptions } from "./realtime-options";
import { StartedConnections, type StartedConnection } from "./started-connections";
import { acceptUpgrade } from "./upgrade";
import { WebSocketTransport } from "./websocket-transport";

export interface RealtimeServer {
  /** Plain HTTP requests on the realtime origin: /version, negotiate, Server-Sent Events, long polling, CORS. */
  handleRequest(request: IncomingMessage, response: ServerResponse): void;
  /** WebSocket upgrades of /stream/v1. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection. */
  close(): void;
  /** Open hub connections (diagnostics and tests). */
  readonly connectionCount: number;
}

/** The realtime origin of the sandbox: the Binck SignalR hub at /stream/v1 (API.md 5), over `ws` and plain HTTP. */
export function createRealtimeServer(ctx: SandboxContext, overrides: Partial<RealtimeOptions> = {}): RealtimeServer {
  const options = resolveRealtimeOptions(overrides);
  const negotiated = new NegotiatedConnections(ctx.clock, options.negotiatedConnectionLifetimeMs);
  const started = new StartedConnections();
  // ws enforces a hard frame cap; the hub's own, smaller limit answers with a readable Close record.
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: options.maxReceiveMessageBytes * 4, perMessageDeflate: false });
  const hub = new BinckHub(ctx, options);
  const httpDeps: HttpTransportDeps = {
    ctx, negotiated, started, options,
    ioTimers: systemClock,
    open: (transport, accepted) => hub.open(transport, accepted),
  };
  return {
    handleRequest(request, response) {
      try {
        handleRealtimeHttp(httpDeps, request, response);
      } catch (error) {
        ctx.logger.log("error", `Realtime HTTP ${request.method} ${request.url} failed: ${(error as Error)?.stack ?? String(error)}`);
        if (!response.headersSent) response.statusCode = 500;
        response.end();
      }
    },
    handleUpgrade(request, socket, head) {
      socket.on("error", (error) => ctx.logger.log("debug", `Realtime upgrade socket error: ${error.message}`));
      try {
        acceptUpgrade(ctx, negotiated, webSockets, request, socket, head, (webSocket, accepted, id) => {
          let entry: StartedConnection | undefined;
          const transport = new WebSocketTransport(
            webSocket,
            (message) => ctx.logger.log("warn", `Realtime connection ${accepted.connectionId}: socket error ${message}.`),
            () => {
              if (id !== null && entry) started.remove(id, entry);
            },
          );
          // Registered so that a POST or DELETE with its id gets ASP.NET's answer for a WebSocket connection.
          if (id !== null) started.add(id, (entry = { connectionId: accepted.connectionId, sessionId: accepted.session.id, transport }));
          hub.open(transport, accepted);
        });
      } catch (error) {
        ctx.logger.log("error", `Realtime upgrade of ${request.url} failed: ${(error as Error)?.stack ?? String(error)}`);
        socket.destroy();
      }
    },
    close() {
      hub.dispose();
      webSockets.close();
    },
    get connectionCount() {
      return hub.connectionCount;
    },
  };
}
