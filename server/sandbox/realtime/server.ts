import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { SandboxContext } from "../context";

export interface RealtimeServer {
  /** Plain HTTP requests on the realtime origin: /version, /stream/v1/negotiate, CORS. */
  handleRequest(request: IncomingMessage, response: ServerResponse): void;
  /** WebSocket upgrades of /stream/v1. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection. */
  close(): void;
}

/** PLACEHOLDER: being written (realtime helper). */
export function createRealtimeServer(_ctx: SandboxContext): RealtimeServer {
  return {
    handleRequest(_request, response) { response.statusCode = 404; response.end(); },
    handleUpgrade(_request, socket) { socket.destroy(); },
    close() {},
  };
}
