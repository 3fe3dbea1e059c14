import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { SandboxContext } from "../context";
import { BinckHub } from "./binck-hub";
import { handleRealtimeHttp } from "./http-endpoints";
import { NegotiatedConnections } from "./negotiated-connections";
import { resolveRealtimeOptions, type RealtimeOptions } from "./realtime-options";
import { acceptUpgrade } from "./upgrade";

export interface RealtimeServer {
  /** Plain HTTP requests on the realtime origin: /version, /stream/v1/negotiate, CORS. */
  handleRequest(request: IncomingMessage, response: ServerResponse): void;
  /** WebSocket upgrades of /stream/v1. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection. */
  close(): void;
  /** Open hub connections (diagnostics and tests). */
  readonly connectionCount: number;
}

/** The realtime origin of the sandbox: the Binck SignalR hub at /stream/v1 (API.md 5), over `ws`. */
export function createRealtimeServer(ctx: SandboxContext, overrides: Partial<RealtimeOptions> = {}): RealtimeServer {
  const options = resolveRealtimeOptions(overrides);
  const negotiated = new NegotiatedConnections(ctx.clock, options.negotiatedConnectionLifetimeMs);
  // ws enforces a hard frame cap; the hub's own, smaller limit answers with a readable Close record.
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: options.maxReceiveMessageBytes * 4, perMessageDeflate: false });
  const hub = new BinckHub(ctx, options);
  return {
    handleRequest(request, response) {
      try {
        handleRealtimeHttp(ctx, negotiated, request, response);
      } catch (error) {
        ctx.logger.log("error", `Realtime HTTP ${request.method} ${request.url} failed: ${(error as Error)?.stack ?? String(error)}`);
        if (!response.headersSent) response.statusCode = 500;
        response.end();
      }
    },
    handleUpgrade(request, socket, head) {
      socket.on("error", (error) => ctx.logger.log("debug", `Realtime upgrade socket error: ${error.message}`));
      try {
        acceptUpgrade(ctx, negotiated, webSockets, request, socket, head, (webSocket, accepted) => hub.open(webSocket, accepted));
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
